package convert

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestNexisHeaderEnd(t *testing.T) {
	tests := []struct {
		blocks []string
		want   int
	}{
		{[]string{"The Daily Courier (Springfield)", "March 3, 2001 Saturday", "Council votes", "BYLINE: Ann Lee"}, 2},
		{[]string{"March 3, 2001", "Council votes"}, 1},
		{[]string{"Weekly Gazette", "Final Edition", "12 May 1999", "Headline"}, 3},
		{[]string{"Council votes on the budget", "BYLINE: Ann Lee", "LENGTH: 300 words"}, 0},
		{[]string{"A paragraph that is far too long to be the name of any publication, so the header is not here at all.", "May 1, 2000"}, 0},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := nexisHeaderEnd(tt.blocks); got != tt.want {
			t.Errorf("nexisHeaderEnd(%q) = %d, want %d", tt.blocks, got, tt.want)
		}
	}
}

func TestFactivaFields(t *testing.T) {
	tests := []struct {
		lines                          []string
		pub, date, lang, page, edition string
		used                           int
	}{
		{[]string{"512 words", "3 March 2001", "The Daily Courier", "DLYC", "Final", "12", "English", "Copyright 2001 Courier Ltd.", "stray"},
			"The Daily Courier", "2001-03-03", "en", "12", "Final", 8},
		{[]string{"1.204 Wörter", "4 Mai 2016", "Rheinblatt Online", "RHBLON", "RHB", "13:05:59", "0", "Deutsch", "(c) 2016 Rheinblatt Verlag"},
			"Rheinblatt Online", "2016-05-04", "de", "", "", 9},
		{[]string{"800 mots", "12 juin 2010", "Le Quotidien", "QUOT", "Français", "Tous droits réservés."},
			"Le Quotidien", "2010-06-12", "fr", "", "", 6},
		{[]string{"300 字", "2017 年 4 月 1 日", "每日新闻", "MRXW", "中文", "版权所有"},
			"每日新闻", "2017-04-01", "zh", "", "", 6},
	}
	for _, tt := range tests {
		a := &Article{}
		used := a.applyFactivaFields(tt.lines)
		got := fmt.Sprintf("%s|%s|%s|%s|%s|%d", a.Publication, a.Date.ISO(), a.Language, a.Page, a.Edition, used)
		want := fmt.Sprintf("%s|%s|%s|%s|%s|%d", tt.pub, tt.date, tt.lang, tt.page, tt.edition, tt.used)
		if got != want {
			t.Errorf("applyFactivaFields(%q)\n got %s\nwant %s", tt.lines, got, want)
		}
	}
}

// factivaPage builds a Factiva article view holding the given articles in
// the markup Factiva saves: a page header, one article element each, and
// the search summary table after them.
func factivaPage(articles ...string) string {
	return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Factiva</title></head>
<body><div id="navcontainer"><table><tr><td><h1>Dow Jones Factiva</h1></td></tr></table></div>
<form><div id="contentWrapper"><div id="contentLeft">` + strings.Join(articles, "<br>") + `
<table class="searchPreview"><tr><td class="label">Results Found</td><td>2</td></tr></table>
</div></div></form></body></html>`
}

const factivaEnglish = `<div id="article-DLYC000020010303dx3300001" class="article"><div class="article enArticle"><p></p>
<div>Local News</div>
<div id="hd"><span class="enHeadline">Council votes to rebuild the old bridge </span></div>
<div class="author">By ANN LEE </div><div>Special to the Courier</div>
<div>512 words</div><div>3 March 2001</div><div>The Daily Courier</div><div>DLYC</div>
<div>Final</div><div>12</div><div>English</div><div>Copyright 2001 Courier Ltd. All Rights Reserved. </div>
<p></p>
<p class="articleParagraph enarticleParagraph">SPRINGFIELD -- The council voted on Tuesday to rebuild the old river bridge. </p>
<p class="articleParagraph enarticleParagraph">Work is to start in the spring and last two years.</p>
<p class="articleParagraph enarticleParagraph">Photo: The old bridge at dusk. (Ann Lee/Courier)</p>
<p>Courier Digital</p><p>Document DLYC000020010303dx3300001</p></div></div>`

const factivaGerman = `<div id="article-RHBLON0020160504ec5400abc" class="article"><div class="article deArticle"><p></p>
<div id="hd"><span class="deHeadline counted">2) Neue Brücke für die Altstadt</span></div>
<div class="author">Von KARL MEIER </div>
<div>1.204 Wörter</div><div>4 Mai 2016</div><div>Rheinblatt Online</div><div>RHBLON</div><div>13:05:59</div>
<div>Deutsch</div><div>© 2016 Rheinblatt Verlag</div>
<p class="articleParagraph dearticleParagraph">Der Rat hat am Dienstag beschlossen, die Brücke neu zu bauen.</p>
<p class="articleParagraph dearticleParagraph">.</p>
<p>Dokument RHBLON0020160504ec5400abc</p></div></div>`

func TestConvertFactiva(t *testing.T) {
	doc := convertAs(t, "export.html", []byte(factivaPage(factivaEnglish, factivaGerman)), "factiva", 2)
	en, de := doc.Articles[0], doc.Articles[1]
	checks := []struct{ got, want string }{
		{en.Headline, "Council votes to rebuild the old bridge"},
		{en.Section, "Local News"},
		{en.Publication, "The Daily Courier"},
		{en.Date.ISO(), "2001-03-03"},
		{en.Language, "en"},
		{en.Page, "12"},
		{en.Edition, "Final"},
		{en.VendorID, "DLYC000020010303dx3300001"},
		{en.Dateline, "SPRINGFIELD"},
		{fmt.Sprint(len(en.Body)), "2"},
		{en.Body[1].Text(), "Work is to start in the spring and last two years."},
		{de.Headline, "Neue Brücke für die Altstadt"},
		{de.Publication, "Rheinblatt Online"},
		{de.Date.ISO(), "2016-05-04"},
		{de.Language, "de"},
		{de.VendorID, "RHBLON0020160504ec5400abc"},
		{fmt.Sprint(len(de.Body)), "1"},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %q, want %q", i, c.got, c.want)
		}
	}
	if len(en.Authors) != 1 || en.Authors[0].Name != "Ann Lee" && en.Authors[0].Name != "ANN LEE" {
		t.Errorf("English authors %+v", en.Authors)
	}
	if len(de.Authors) != 1 || !strings.EqualFold(de.Authors[0].Name, "Karl Meier") {
		t.Errorf("German authors %+v", de.Authors)
	}
	for _, a := range doc.Articles {
		for _, b := range a.Body {
			if strings.Contains(b.Text(), "Photo:") || strings.Contains(b.Text(), "Document") || strings.Contains(b.Text(), "Results Found") {
				t.Errorf("body holds %q", b.Text())
			}
		}
	}
}

// nexisDoc is one document of a LexisNexis HTML export; centred tells
// whether the header classes are centred by the stylesheet.
func nexisPage(centred bool, docs int) string {
	align := "left"
	if centred {
		align = "center"
	}
	var b strings.Builder
	b.WriteString(`<HTML><HEAD><STYLE TYPE="text/css"><!--
.c0 { text-align: ` + align + `; }
.c4 { text-align: left; }
--></STYLE><TITLE>&nbsp;</TITLE></HEAD><BODY>`)
	for i := 1; i <= docs; i++ {
		fmt.Fprintf(&b, `<A NAME="DOC_ID_%d"></A><BR><DIV CLASS="c0"><P><SPAN>%d of %d DOCUMENTS</SPAN></P></DIV>
<BR><DIV CLASS="c0"><P><SPAN>The Daily Courier (Springfield)</SPAN></P></DIV>
<BR><DIV CLASS="c0"><P><SPAN>March %d, 2001 Saturday</SPAN></P></DIV>
<BR><DIV CLASS="c4"><P><SPAN>Council story number %d</SPAN></P></DIV>
<BR><DIV CLASS="c4"><P><SPAN>BYLINE: </SPAN><SPAN>By ANN LEE</SPAN></P></DIV>
<BR><DIV CLASS="c4"><P><SPAN>LENGTH: </SPAN><SPAN>300 words</SPAN></P></DIV>
<BR><DIV CLASS="c4"><P><SPAN>&nbsp;</SPAN></P><P><SPAN> The council met on Tuesday.</SPAN></P><P></P><P><SPAN> It voted twice.</SPAN></P></DIV>
<BR><DIV CLASS="c4"><P><SPAN>LANGUAGE: </SPAN><SPAN>ENGLISH</SPAN></P></DIV>
<BR><DIV CLASS="c0"><P><SPAN>Copyright 2001 Courier Ltd.</SPAN></P></DIV>`, i, i, docs, i, i)
	}
	b.WriteString("</BODY></HTML>")
	return b.String()
}

func TestConvertNexisHTML(t *testing.T) {
	for _, centred := range []bool{true, false} {
		doc := mustConvert(t, "nexis.html", []byte(nexisPage(centred, 3)))
		if doc.Source.Format != "lexisnexis" || len(doc.Articles) != 3 {
			t.Fatalf("centred %v: format %q, %d articles", centred, doc.Source.Format, len(doc.Articles))
		}
		for i, a := range doc.Articles {
			got := fmt.Sprintf("%s|%s|%s|%s|%d", a.Publication, a.Date.ISO(), a.Headline, a.Language, len(a.Body))
			want := fmt.Sprintf("The Daily Courier (Springfield)|2001-03-%02d|Council story number %d|en|2", i+1, i+1)
			if got != want {
				t.Errorf("centred %v, article %d:\n got %s\nwant %s", centred, i, got, want)
			}
			if len(a.Authors) != 1 {
				t.Errorf("authors %+v", a.Authors)
			}
		}
	}
}

func TestConvertWebPage(t *testing.T) {
	para := "The council voted on Tuesday to rebuild the old river bridge, which has stood since 1880 and carried the town's traffic for more than a century. "
	page := `<!DOCTYPE html><html lang="en-GB"><head><title>Council votes to rebuild bridge | The Daily Courier</title>
<meta property="og:site_name" content="The Daily Courier">
<meta property="og:title" content="Council votes to rebuild bridge">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council votes to rebuild bridge",
"datePublished":"2001-03-03T09:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Ma"}],
"publisher":{"@type":"Organization","name":"The Daily Courier"}}</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council votes to rebuild bridge</h1><p class="byline">By Ann Lee and Bo Ma</p>
<p>` + strings.Repeat(para, 3) + `</p><p>` + strings.Repeat("Work is to start in the spring and last two years, the council said. ", 4) + `</p></article>
<footer><p>© 2001 The Daily Courier. All rights reserved.</p></footer></body></html>`
	doc := convertAs(t, "page.html", []byte(page), "html", 1)
	a := doc.Articles[0]
	got := fmt.Sprintf("%s|%s|%s|%s|%d", a.Headline, a.Publication, a.Date.ISO(), a.Language, len(a.Body))
	if want := "Council votes to rebuild bridge|The Daily Courier|2001-03-03|en|2"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	if len(a.Authors) != 2 || a.Authors[0].Name != "Ann Lee" || a.Authors[1].Name != "Bo Ma" {
		t.Errorf("authors %+v", a.Authors)
	}
	for _, b := range a.Body {
		if strings.Contains(b.Text(), "Home") || strings.Contains(b.Text(), "By Ann Lee") {
			t.Errorf("body holds %q", b.Text())
		}
	}
}

// TestWebPageHeadline: a page without metadata takes its headline from the
// title, never from the markup.
func TestWebPageHeadline(t *testing.T) {
	for _, page := range []string{
		"<!DOCTYPE html>\n<html><head><title>Storm hits coast - Herald</title></head><body><p>Rain fell all day on the coast.</p></body></html>",
		"<!DOCTYPE html>\n<html><body><h1>Storm hits coast</h1><p>Rain fell all day on the coast.</p></body></html>",
	} {
		a := firstArticle(t, "p.html", []byte(page))
		if strings.Contains(a.Headline, "<") || len(a.Body) == 0 || !strings.Contains(a.Body[len(a.Body)-1].Text(), "Rain fell") {
			t.Errorf("headline %q, body %v", a.Headline, a.Body)
		}
	}
}

// FuzzHTMLInput: any markup read as HTML (a doctype is put before inputs
// that lack one) converts or fails with ErrEmpty, never panics, and gives
// articles with one-line blocks.
func FuzzHTMLInput(f *testing.F) {
	seedInputs(f)
	f.Add([]byte(factivaPage(factivaEnglish, factivaGerman)))
	f.Add([]byte(nexisPage(false, 2)))
	f.Add([]byte(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Organization"}],"headline":1}</script></head><body><p>x</p></body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !IsHTML(data) {
			data = append([]byte("<!DOCTYPE html>\n"), data...)
		}
		doc, err := Convert("fuzz.html", data)
		if err != nil {
			if !errors.Is(err, ErrEmpty) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		for i, a := range doc.Articles {
			if a.Index != i {
				t.Fatalf("article %d has index %d", i, a.Index)
			}
		}
		checkArticles(t, doc.Articles)
	})
}

// TestFactivaWithoutParagraphClasses: an article view whose paragraphs
// carry no class still gives its body (the blocks after the copyright)
// and takes the document id from the article element.
func TestFactivaWithoutParagraphClasses(t *testing.T) {
	art := `<div id="article-DLYC000020010304dx3400002" class="article"><div id="hd">Ferry starts on Monday</div>
<div>120 words</div><div>4 March 2001</div><div>The Daily Courier</div><div>DLYC</div><div>English</div><div>Copyright 2001 Courier Ltd.</div>
<p>A ferry will carry foot passengers across the river.</p><p>Tickets cost one pound.</p></div>`
	doc := mustConvert(t, "f.html", []byte(factivaPage(art)))
	a := doc.Articles[0]
	if len(doc.Articles) != 1 || a.Headline != "Ferry starts on Monday" || len(a.Body) != 2 || a.VendorID != "DLYC000020010304dx3400002" || a.Publication != "The Daily Courier" {
		t.Errorf("got %d articles: headline %q, %d blocks, id %q, publication %q", len(doc.Articles), a.Headline, len(a.Body), a.VendorID, a.Publication)
	}
}

// TestFactivaIndexed: the indexed view, one table of code-labelled rows
// per article, gives one article per AN row with its fields and the LP
// and TD paragraphs as body.
func TestFactivaIndexed(t *testing.T) {
	row := func(code, value string) string {
		return `<tr><td class="index">` + code + `</td><td>` + value + `</td></tr>`
	}
	table := func(hd, pd, an string) string {
		return `<table class="article">` + row("SE", "Local News") + row("HD", hd) + row("BY", "By Ann Lee") +
			row("WC", "120 words") + row("PD", pd) + row("SN", "The Daily Courier") + row("SC", "DLYC") +
			row("LA", "English") + row("CY", "Copyright 2001 Courier Ltd.") +
			row("LP", "<p>The council met on Tuesday.</p>") + row("TD", "<p>It voted twice.</p><p>Photo: The hall.</p><p>Work starts soon.</p>") +
			row("NS", "gcat : Political/General News") + row("AN", "Document "+an) + `</table>`
	}
	page := `<html><body><div id="content">` + table("Council votes", "3 March 2001", "DLYC000020010303dx3300001") +
		table("Ferry starts", "4 March 2001", "DLYC000020010304dx3400002") + `</div></body></html>`
	doc := convertAs(t, "indexed.html", []byte(page), "factiva", 2)
	a := doc.Articles[1]
	got := fmt.Sprintf("%s|%s|%s|%s|%s|%s|%d", a.Headline, a.Section, a.Publication, a.Date.ISO(), a.Language, a.VendorID, len(a.Body))
	if want := "Ferry starts|Local News|The Daily Courier|2001-03-04|en|DLYC000020010304dx3400002|3"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(a.Authors) != 1 || !strings.EqualFold(a.Authors[0].Name, "Ann Lee") {
		t.Errorf("authors %+v", a.Authors)
	}
	for _, b := range a.Body {
		if strings.Contains(b.Text(), "Photo") || strings.Contains(b.Text(), "gcat") {
			t.Errorf("body holds %q", b.Text())
		}
	}
}

// isoDateOf is isoDate's date, ISO.
func isoDateOf(in string) string { d, _ := isoDate(in); return d.ISO() }
