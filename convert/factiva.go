package convert

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"newsclip/internal/htmltext"
)

// Factiva's article view, saved as HTML, holds up to 100 articles, each in
// an element of class "article" (id "article-DOCID"):
//
//	<div id="article-NYTF000020050408dp1900j9s" class="article">
//	  <div>Foreign Desk; 1</div>                    section (optional)
//	  <div id="hd"><span>HEADLINE</span></div>      headline
//	  <div class="author">By ANN SMITH</div>         byline (optional)
//	  <div>Special to The Times</div>               credit lines (optional)
//	  <div>877 words</div>                          word count
//	  <div>9 January 1993</div>                     date, then optionally a time
//	  <div>The New York Times</div><div>NYTF</div>  publication and its code
//	  <div>Late Edition - Final</div><div>1</div>   edition, page (optional)
//	  <div>English</div><div>Copyright 1993 ...</div>
//	  <p class="articleParagraph">...</p>...         lead and body paragraphs
//	  <p>Document NYTF000020050408dp1900j9s</p>      the Factiva document id
//
// The fields carry no labels, only the word count, the language and the
// document id are worded in the interface's language: factivaUIs lists
// those words per interface language.

// A factivaUI holds the words one Factiva interface language prints.
type factivaUI struct {
	lang     string // the interface language
	words    string // the word count's unit: "877 words"
	document string // the document id's label: "Document NYTF..."
}

// factivaUIs lists the interface languages Factiva offers.
var factivaUIs = []factivaUI{
	{"en", "words", "Document"},
	{"de", "Wörter", "Dokument"},
	{"fr", "mots", "Document"},
	{"es", "palabras", "Documento"},
	{"it", "parole", "Documento"},
	{"pt", "palavras", "Documento"},
	{"nl", "woorden", "Document"},
	{"ru", "слов", "Документ"},
	{"zh", "字", "文件"},
	{"zh-Hant", "字", "文件"},
	{"ja", "語", "ドキュメント"},
	{"ko", "단어", "문서"},
}

// factivaLanguageNames maps the language names Factiva's interfaces print
// for an article's language, beyond those languageTag knows, to BCP 47.
var factivaLanguageNames = map[string]string{
	"inglés": "en", "alemán": "de", "francés": "fr", "inglese": "en", "tedesco": "de",
	"francese": "fr", "inglês": "en", "alemão": "de", "francês": "fr", "английский": "en",
	"немецкий": "de", "французский": "fr", "русский": "ru", "英文": "en", "德文": "de",
	"法文": "fr", "中文": "zh", "简体中文": "zh", "繁體中文": "zh", "日文": "ja", "英語": "en",
	"ドイツ語": "de", "フランス語": "fr", "日本語": "ja", "영어": "en", "독일어": "de",
	"한국어": "ko", "spanisch": "es", "italienisch": "it", "russisch": "ru", "chinesisch": "zh",
	"japanisch": "ja", "portugiesisch": "pt", "italien": "it", "espagnol": "es",
}

// factivaWordCountRE and factivaDocIDRE are built from factivaUIs:
// "877 words", "1.285 Wörter"; "Document NYTF000020050408dp1900j9s".
var factivaWordCountRE = lazyREOf(func() string {
	words := make([]string, len(factivaUIs))
	for i, ui := range factivaUIs {
		words[i] = regexp.QuoteMeta(ui.words)
	}
	return `(?i)^(\d[\d.,\s]*)\s*(?:` + strings.Join(words, "|") + `)$`
})

var factivaDocIDRE = lazyREOf(func() string {
	docs := make([]string, len(factivaUIs))
	for i, ui := range factivaUIs {
		docs[i] = regexp.QuoteMeta(ui.document)
	}
	return `^(?:` + strings.Join(docs, "|") + `)\s+([A-Za-z0-9]{12,40})$`
})

// factivaLanguage returns the tag of a line that names a language ("English",
// "Englisch", "英文"), or "".
func factivaLanguage(s string) string {
	s = strings.TrimSpace(s)
	if tag, ok := factivaLanguageNames[strings.ToLower(s)]; ok {
		return tag
	}
	if fieldCount(s) > 2 {
		return ""
	}
	return languageTag(s)
}

// isFactivaCode: a Factiva source code, "NYTF", "TAGON", "BILDE": two to
// ten capital letters and digits, at least one letter.
func isFactivaCode(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return letters > 0
}

// factivaDate reads a date line in any interface language (parseDate
// covers the CJK form "2017 年 4 月 1 日" too).
func factivaDate(s string) (Date, bool) { return parseDate(s) }

// factivaTimeRE matches the time line: "00:00:37", "12:22 GMT".
var factivaTimeRE = lazyRE(`^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[A-Z]{2,4})?$`)

// isFactivaHTML: blocks inside an element of class "article" of which one
// is the headline block (id "hd").
func isFactivaHTML(blocks []htmltext.Block) bool {
	for _, b := range blocks {
		if b.ID == "hd" && factivaContainer(b) > 0 {
			return true
		}
	}
	return false
}

// factivaContainer returns the Seq of the outermost element of class
// "article" around b, or 0.
func factivaContainer(b htmltext.Block) int {
	for _, e := range b.Path {
		if e.HasClass("article") {
			return e.Seq
		}
	}
	return 0
}

// factivaGroups splits the blocks into articles, one per article element;
// blocks outside any (the page's header, the search summary) are dropped.
func factivaGroups(blocks []htmltext.Block) [][]htmltext.Block {
	var out [][]htmltext.Block
	last := 0
	for _, b := range blocks {
		c := factivaContainer(b)
		if c == 0 {
			continue
		}
		if c != last {
			out = append(out, nil)
			last = c
		}
		out[len(out)-1] = append(out[len(out)-1], b)
	}
	return out
}

// readFactiva reads every article block of a Factiva page, numbering them
// from 1 as Factiva numbers headlines ("12) Headline").
func readFactiva(blocks []htmltext.Block) []*Article {
	var arts []*Article
	for _, g := range factivaGroups(blocks) {
		arts = append(arts, readFactivaArticle(g, len(arts)+1))
	}
	return arts
}

// readFactivaArticle reads one article, the n-th: header, body paragraphs
// (class "articleParagraph"; in an export without that class, every block
// after the copyright line), and the trailer lines after them.
func readFactivaArticle(bs []htmltext.Block, n int) *Article {
	a := &Article{}
	bodyStart := len(bs)
	for i, b := range bs {
		if isFactivaParagraph(b) {
			bodyStart = i
			break
		}
	}
	hasParagraphs := bodyStart < len(bs)
	headerEnd := a.applyFactivaHeader(bs[:bodyStart], n)
	if !hasParagraphs {
		bodyStart = headerEnd // an export without paragraph classes
	}
	var body []para
	for _, b := range bs[bodyStart:] {
		isPara := isFactivaParagraph(b)
		switch id := factivaDocID(b.Text); {
		case id != "" && !isPara:
			a.VendorID = id
		case isPara || !hasParagraphs:
			a.addFactivaParagraph(&body, b.Text)
		default:
			a.remove(RemovedField, b.Text) // the distribution line: "New York Times Digital (Full Text)"
		}
	}
	if a.VendorID == "" && len(bs) > 0 {
		a.VendorID = factivaContainerID(bs[0])
	}
	finishExportArticle(a, body)
	return a
}

// factivaContainerID returns the document id in the id of the article
// element around b ("article-NYTF0000..."), or "".
func factivaContainerID(b htmltext.Block) string {
	for _, e := range b.Path {
		if id, ok := strings.CutPrefix(e.ID, "article-"); ok && e.HasClass("article") {
			return id
		}
	}
	return ""
}

// addFactivaParagraph adds a body paragraph, unless it is a picture
// caption (isFactivaCaption) or holds no letter or digit (a lone ".").
func (a *Article) addFactivaParagraph(body *[]para, text string) {
	switch {
	case isFactivaCaption(text):
		a.remove(RemovedCaption, text)
	case !strings.ContainsFunc(text, isWordRune):
		a.remove(RemovedPlaceholder, text)
	default:
		*body = append(*body, para{lines: strings.Split(text, "\n")})
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// factivaCaptionRE matches the picture captions Factiva appends to an
// article's text as paragraphs of their own, a label, a colon and the
// caption: "Photo: A woman waits ... (Jane Doe/Agency)", "Fotos: ...".
// A bare "Drawing:" with nothing after it is not matched.
var factivaCaptionRE = lazyRE(`^(?i:photos?|photographs?|fotos?|foto\(s\)|photo\(s\)):\s+\S`)

// isFactivaCaption: a paragraph that is a picture caption.
func isFactivaCaption(s string) bool { return factivaCaptionRE.MatchString(s) }

// finishExportArticle is finishArticle for the text of a database export
// (Factiva): the same rules, except that no paragraph is taken for a pull
// quote, since a database's text carries none, and a paragraph repeating
// a sentence of another is the publisher's own.
func finishExportArticle(a *Article, paras []para) {
	a.settle(bodyTexts(a.dropArtifacts(paras)))
}

// isFactivaParagraph: a lead or body paragraph, class "articleParagraph".
func isFactivaParagraph(b htmltext.Block) bool {
	return b.HasClass("articleParagraph")
}

// factivaDocID returns the id of a "Document NYTF0000..." line, or "".
func factivaDocID(s string) string {
	if m := factivaDocIDRE.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return m[1]
	}
	return ""
}

// applyFactivaHeader reads the header blocks (see the layout above) and
// returns how many it used: all of them, or up to the copyright line when
// no paragraph classes mark the body. n is the article's number.
func (a *Article) applyFactivaHeader(bs []htmltext.Block, n int) int {
	hd := -1
	for i, b := range bs {
		if b.ID == "hd" {
			hd = i
			break
		}
	}
	if hd < 0 {
		a.warn(0, "factiva: article has no headline")
		return 0
	}
	var section []string
	for _, b := range bs[:hd] {
		section = append(section, b.Text)
	}
	a.Section = cleanSpaces(strings.Join(section, " "))
	a.Headline = factivaHeadline(cleanSpaces(bs[hd].Text), n)
	i := hd + 1
	var byline []string
	for ; i < len(bs) && !factivaWordCountRE.MatchString(bs[i].Text); i++ {
		if bs[i].HasClass("author") {
			byline = append(byline, cleanSpaces(bs[i].Text))
			a.remove(RemovedByline, bs[i].Text)
			continue
		}
		a.remove(RemovedField, bs[i].Text) // a credit line: "Special to The New York Times"
	}
	if i == len(bs) {
		i = hd + 1 // no word count: read the fields from after the headline
	}
	var lines []string
	for _, b := range bs[i:] {
		lines = append(lines, cleanSpaces(b.Text))
	}
	used := a.applyFactivaFields(lines)
	for _, l := range byline { // after the fields: the publication helps read it
		a.applyByline(l, true)
	}
	return i + used
}

// factivaHeadline strips the number Factiva puts before the headlines of a
// numbered list ("12) Headline") when it is the article's own number n.
func factivaHeadline(s string, n int) string {
	if rest, ok := strings.CutPrefix(s, strconv.Itoa(n)+") "); ok && rest != "" {
		return rest
	}
	return s
}

// applyFactivaFields reads the unlabelled lines from the word count on:
// word count, date, time, publication, code, edition or page, language,
// copyright. It returns how many lines it used (through the copyright).
func (a *Article) applyFactivaFields(lines []string) int {
	var code string
	for i, l := range lines {
		if l == "" {
			continue
		}
		a.remove(RemovedHeader, l)
		switch {
		case factivaWordCountRE.MatchString(l):
		case a.Date.IsZero() && a.Publication == "" && isDateOK(l):
			a.Date, _ = factivaDate(l)
		case factivaTimeRE.MatchString(l):
		case isCopyright(l) || a.Language != "":
			a.Removed[len(a.Removed)-1].Kind = RemovedCopyright
			return i + 1
		case a.Language == "" && factivaLanguage(l) != "":
			a.Language = factivaLanguage(l)
		case a.Publication == "":
			a.Publication = l
		case code == "" && isFactivaCode(l):
			code = l
		case a.Page == "" && isDigits(l) && strings.Trim(l, "0") != "":
			a.Page = l
		case a.Edition == "" && a.Language == "" && strings.ContainsFunc(l, isLowerLetter):
			a.Edition = l
		}
	}
	return len(lines)
}

func isDateOK(s string) bool {
	_, ok := factivaDate(s)
	return ok
}

func isLowerLetter(r rune) bool { return r >= 'a' && r <= 'z' }

// Factiva's "full article with indexing" view prints each article as a
// table of rows labelled with Factiva's two- and three-letter field codes,
// the same in every interface language, and ends it with the accession
// number:
//
//	HD | Council votes to rebuild the old bridge
//	BY | By Ann Lee
//	PD | 3 March 2001
//	SN | The Daily Courier
//	LP | <p>The town council voted ...</p>
//	TD | <p>Work is to start ...</p>
//	AN | Document DLYC000020010303dx3300001

// factivaCodeRE matches a labelled row and captures code and value.
var factivaCodeRE = lazyRE(`^(SE|HD|BY|CR|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN|VOL)(?: \|(?: (.*))?)?$`)

// factivaCode returns the code and value of a labelled row, or ok false.
func factivaCode(b htmltext.Block) (code, value string, ok bool) {
	if b.Tag != "tr" {
		return "", "", false
	}
	m := factivaCodeRE.FindStringSubmatch(b.Text)
	if m == nil {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}

// isFactivaIndexed: the page holds rows labelled HD and AN.
func isFactivaIndexed(blocks []htmltext.Block) bool {
	var hd, an bool
	for _, b := range blocks {
		if code, _, ok := factivaCode(b); ok {
			hd, an = hd || code == "HD", an || code == "AN"
		}
	}
	return hd && an
}

// readFactivaIndexed reads the articles of the indexed view: each runs
// from the rows after the previous AN row through its own AN row. A value
// continues in the paragraphs under its row (LP, TD).
func readFactivaIndexed(blocks []htmltext.Block) []*Article {
	var arts []*Article
	a, code := &Article{}, ""
	var body []para
	var byline []string
	for _, b := range blocks {
		c, value, ok := factivaCode(b)
		if ok {
			code = c
		}
		if !ok {
			value = b.Text
		}
		if value == "" {
			continue
		}
		switch code {
		case "LP", "TD":
			a.addFactivaParagraph(&body, value)
		case "BY":
			byline = append(byline, value)
			a.remove(RemovedByline, value)
		case "AN":
			a.VendorID = cmp.Or(factivaDocID(value), value)
			for _, l := range byline {
				a.applyByline(l, true)
			}
			finishExportArticle(a, body)
			arts = append(arts, a)
			a, code, body, byline = &Article{}, "", nil, nil
		case "":
		default:
			a.applyFactivaCode(code, cleanSpaces(value))
		}
	}
	return arts
}

// applyFactivaCode reads one labelled header field.
func (a *Article) applyFactivaCode(code, value string) {
	switch code {
	case "HD":
		a.Headline = strings.TrimSpace(a.Headline + " " + value)
		return
	case "SE":
		a.Section = value
	case "PD":
		a.Date, _ = factivaDate(value)
	case "SN":
		a.Publication = value
	case "ED":
		a.Edition = value
	case "PG":
		a.Page = value
	case "LA":
		a.Language = factivaLanguage(value)
	case "CY":
		a.remove(RemovedCopyright, value)
		return
	}
	a.remove(RemovedField, code+": "+value)
}
