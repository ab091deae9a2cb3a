package htmltext

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"newsclip/internal/testutil"
)

// texts lists "tag:text" for each block.
func texts(bs []Block) []string {
	return testutil.Strings(bs, func(b Block) string { return b.Tag + ":" + b.Text })
}

func TestBlocks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"paragraphs and headings",
			`<html><body><h1>Big  news</h1><p>First
			para.</p><p>Second <b>bold</b> para.</p></body></html>`,
			[]string{"h1:Big news", "p:First para.", "p:Second bold para."}},
		{"br is a line break",
			`<p>Line one<br>line two<br/><br>line four</p>`,
			[]string{"p:Line one\nline two\n\nline four"}},
		{"script, style, nav, hidden skipped",
			`<body><nav><a>Home</a></nav><script>var x=1</script><style>p{}</style><p>Kept</p><div hidden>Secret</div><noscript>Enable JS</noscript></body>`,
			[]string{"p:Kept"}},
		{"list items",
			`<ul><li>One</li><li>Two <i>more</i></li></ul>`,
			[]string{"li:One", "li:Two more"}},
		{"table rows as text",
			`<table><tr><th>Name</th><th>Votes</th></tr><tr><td>Ann</td><td>12</td></tr></table>`,
			[]string{"tr:Name | Votes", "tr:Ann | 12"}},
		{"text directly in a div between blocks",
			`<div>Before<p>Inside</p>After</div>`,
			[]string{"div:Before", "p:Inside", "div:After"}},
		{"pre keeps spacing",
			"<pre>a  b\n  c</pre>",
			[]string{"pre:a  b\n  c"}},
		{"unclosed paragraphs",
			`<p>One<p>Two<div>Three`,
			[]string{"p:One", "p:Two", "div:Three"}},
		{"entities and nbsp",
			`<p>Fish&nbsp;&amp;&nbsp;chips &eacute;t&eacute;</p><p>&nbsp;</p>`,
			[]string{"p:Fish & chips été"}},
		{"empty document", ``, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			got := texts(doc.Blocks)
			if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
				t.Errorf("blocks\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestBlockHints(t *testing.T) {
	in := `<div id="article-A1" class="article x"><div id="hd"><span class="hl">Head</span></div>
		<p class="articleParagraph enP">Body</p></div><div id="article-B2" class="article"><p>Other</p></div>`
	doc, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	bs := doc.Blocks
	if len(bs) != 3 {
		t.Fatalf("got %d blocks: %q", len(bs), texts(bs))
	}
	if bs[0].ID != "hd" || bs[0].Tag != "div" {
		t.Errorf("headline block: tag %q id %q", bs[0].Tag, bs[0].ID)
	}
	if !bs[1].HasClass("articleParagraph") || bs[1].HasClass("article") {
		t.Errorf("class list of %q: %q", bs[1].Text, bs[1].Class)
	}
	outer := func(b Block) Element { return b.Path[0] }
	if outer(bs[0]).Seq != outer(bs[1]).Seq || outer(bs[1]).Seq == outer(bs[2]).Seq {
		t.Errorf("blocks not grouped by their article element: %v %v %v", bs[0].Path, bs[1].Path, bs[2].Path)
	}
	if outer(bs[2]).ID != "article-B2" || !outer(bs[0]).HasClass("article") {
		t.Errorf("path of the second article: %+v", bs[2].Path)
	}
}

func TestAlign(t *testing.T) {
	in := `<html><head><style type="text/css"><!--
		.c0 { text-align: center; }
		/* .c9 { text-align: right } */
		p.c5, .c6 { margin: 0; text-align:left }
		div .nested { text-align: right }
		--></style></head><body>
		<div class="c0"><p>Centred by class</p></div>
		<p class="c5">Left</p>
		<p style="color:red; TEXT-ALIGN: Right">Right by style</p>
		<center>Old centre</center>
		<p align="justify">Justified</p>
		<p class="c9 nested">Unknown</p>
		<div class="c0"><p class="c6">Own class wins</p></div>
		</body></html>`
	doc, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Centred by class": "center", "Left": "left", "Right by style": "right",
		"Old centre": "center", "Justified": "justify", "Unknown": "", "Own class wins": "left",
	}
	for _, b := range doc.Blocks {
		if w, ok := want[b.Text]; !ok || b.Align != w {
			t.Errorf("%q: align %q, want %q", b.Text, b.Align, w)
		}
	}
	if len(doc.Blocks) != len(want) {
		t.Errorf("got %d blocks, want %d", len(doc.Blocks), len(want))
	}
}

func TestMeta(t *testing.T) {
	in := `<!DOCTYPE html><html lang="en-GB"><head><title> Storm hits
		coast | Herald </title>
		<meta property="og:title" content="Storm hits coast">
		<meta name="Author" content="Ann  Smith">
		<meta property="article:published_time" content="2024-05-01T09:00:00Z">
		<meta name="empty" content="">
		<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
			{"@type":"WebSite","name":"Herald"},{"@type":"NewsArticle","headline":"Storm"}]}</script>
		<script type="application/ld+json">[{"@type":"Person","name":"Ann"}]</script>
		<script type="application/ld+json">{not json</script>
		</head><body><svg><title>icon</title></svg><p>x</p></body></html>`
	doc, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	m := doc.Meta
	if m.Title != "Storm hits coast | Herald" || m.Lang != "en-GB" {
		t.Errorf("title %q lang %q", m.Title, m.Lang)
	}
	if got := m.Get("author"); got != "Ann Smith" {
		t.Errorf("author %q", got)
	}
	if got := m.Get("missing", "og:title"); got != "Storm hits coast" {
		t.Errorf("og:title %q", got)
	}
	if m.Get("empty") != "" || len(m.Tags) != 3 {
		t.Errorf("tags %v", m.Tags)
	}
	if len(m.JSONLD) != 3 || m.JSONLD[1]["headline"] != "Storm" || m.JSONLD[2]["name"] != "Ann" {
		t.Errorf("JSON-LD %v", m.JSONLD)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, want, charset string
	}{
		{"utf-8", `<p>Wörter</p>`, "Wörter", "utf-8"},
		{"utf-8 BOM", "\xef\xbb\xbf<p>Wörter</p>", "Wörter", "utf-8"},
		{"declared windows-1252", `<meta charset="windows-1252"><p>W` + "\xf6" + `rter</p>`, "Wörter", "windows-1252"},
		{"declared UTF-8, Latin-1 bytes", `<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><p>877 W` + "\xf6rter \xe9t\xe9 – ok</p>", "877 Wörter été – ok", "utf-8+windows-1252"},
		{"undeclared Latin-1", "<p>caf\xe9</p>", "café", "windows-1252"},
		{"ASCII head, UTF-8 later", "<html><head>" + strings.Repeat(" ", 1100) + "<p>Wörter</p>", "Wörter", "utf-8"},
		{"declared Latin-1, bytes UTF-8", `<meta charset="iso-8859-1"><p>Wörter</p>`, "Wörter", "utf-8"},
		{"declared GB2312, saved as UTF-8", `<meta charset="gb2312"><p>新电脑</p>`, "新电脑", "utf-8"},
		{"declared GB2312, GBK bytes", "<meta charset=\"gb2312\"><p>\xd0\xc2\xb5\xe7\xc4\xd4</p>", "新电脑", "gbk"},
		{"UTF-16LE BOM", "\xff\xfe<\x00p\x00>\x00\xe9\x00", "é", "utf-16le"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Blocks) != 1 || doc.Blocks[0].Text != tt.want || doc.Charset != tt.charset {
				t.Errorf("got %q in %s, want %q in %s", texts(doc.Blocks), doc.Charset, tt.want, tt.charset)
			}
		})
	}
}

// TestDeepNesting: a hostile nesting depth is read in bounded time, and
// the kept path stays bounded.
func TestDeepNesting(t *testing.T) {
	const depth = 200000
	in := strings.Repeat(`<div class="d">`, depth) + "deep" + strings.Repeat("</div>", depth)
	start := time.Now()
	doc, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "deep" || len(doc.Blocks[0].Path) > MaxPath {
		t.Errorf("got %d blocks, path %d", len(doc.Blocks), len(doc.Blocks[0].Path))
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestTooLarge(t *testing.T) {
	if _, err := Parse(make([]byte, MaxInput+1)); err != ErrTooLarge {
		t.Errorf("got %v, want ErrTooLarge", err)
	}
}

// FuzzHTML checks what Parse promises on any input: no panic, blocks with
// non-blank (and, outside <pre>, trimmed) valid UTF-8 text and a bounded path.
func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<!DOCTYPE html><html><head><title>T</title><style>.c{text-align:center}</style></head><body><div class="c"><p>x<br>y</p></div></body></html>`))
	f.Add([]byte(`<table><tr><td>a<td>b<tr><td><p>c</table><ul><li>d<li>e</ul>`))
	f.Add([]byte("<meta charset=utf-8><p>W\xf6rter</p><script type=application/ld+json>[{\"@graph\":[{}]}]</script>"))
	f.Add([]byte(`<svg><title>x</title><foreignObject><p>y</p></foreignObject></svg><math><mi>z</mi></math>`))
	f.Add([]byte(`<pre>  a
 b</pre><frameset><frame></frameset><template><p>t</p></template>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data)
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if strings.TrimSpace(b.Text) == "" || b.Tag != "pre" && strings.TrimSpace(b.Text) != b.Text {
				t.Fatalf("%s block text %q blank or not trimmed", b.Tag, b.Text)
			}
			if !utf8.ValidString(b.Text) || len(b.Path) > MaxPath {
				t.Fatalf("block %q: invalid UTF-8 or path of %d", b.Text, len(b.Path))
			}
		}
		if _, err := BlocksOf(doc.Root); err != nil {
			t.Fatalf("BlocksOf: %v", err)
		}
	})
}
