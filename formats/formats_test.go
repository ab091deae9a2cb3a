package formats

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"newsclip/convert"
	"newsclip/internal/testutil"
)

func TestEscapeMarkdown(t *testing.T) {
	testutil.Rows(t, "EscapeMarkdown", EscapeMarkdown, map[string]string{
		"1998. The year":         `1998\. The year`,
		"2) second":              `2\) second`,
		"- 30 -":                 `\- 30 -`,
		"# hashtag":              `\# hashtag`,
		"> not a quote":          `\> not a quote`,
		"+ plus":                 `\+ plus`,
		"= underline":            `\= underline`,
		"a *b* _c_ `d` [e](f)":   "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f)",
		"<b>bold</b>":            `\<b\>bold\</b\>`,
		"A&E and &amp;":          `A&E and \&amp;`,
		"$5 or @handle ~x~ ^y^":  `\$5 or \@handle \~x\~ \^y\^`,
		`back\slash`:             `back\\slash`,
		"plain text, no markup.": "plain text, no markup.",
		"In 1998. Then":          "In 1998. Then",
	})
}

func sampleDoc(t *testing.T) *convert.Document {
	t.Helper()
	doc, err := convert.Convert("clip.txt", []byte("The Post\n\nTitle: With <Colon> & #Hash\n\n- By ANN LEE\n\nFirst paragraph of the story, long enough to be a paragraph.\n\nSecond paragraph.\n"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestMarkdownFrontMatter(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, []*convert.Document{sampleDoc(t)}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"---\n", "title: 'Title: With \\<Colon\\> & #Hash'\n", "author:\n    - Ann Lee\n", "publisher: The Post\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "Title: With") != 1 {
		t.Errorf("headline repeated in the body:\n%s", out)
	}
}

func TestWritersDeterministic(t *testing.T) {
	docs := []*convert.Document{sampleDoc(t), sampleDoc(t)}
	for _, write := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return WriteMarkdown(b, docs) },
		func(b *bytes.Buffer) error { return WriteJSON(b, docs, false) },
		func(b *bytes.Buffer) error { return WriteJSON(b, docs, true) },
	} {
		var a, b bytes.Buffer
		if err := write(&a); err != nil {
			t.Fatal(err)
		}
		write(&b)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Error("two runs differ")
		}
	}
}

func TestJSONLinesOnePerArticle(t *testing.T) {
	var b bytes.Buffer
	WriteJSON(&b, []*convert.Document{sampleDoc(t), sampleDoc(t)}, true)
	if n := strings.Count(b.String(), "\n"); n != 2 {
		t.Errorf("%d lines, want 2", n)
	}
	if strings.Contains(b.String(), `\u003c`) {
		t.Error("JSON escapes < as \\u003c; want it literal")
	}
}

// TestEPUBWellFormed writes a book from a model holding what XML forbids
// (control characters, a noncharacter) and parses every XML file in it.
func TestEPUBWellFormed(t *testing.T) {
	a := &convert.Article{
		Headline: "Bad \x01 bytes ]]> & <tags>", Publication: "P\x0bost", Language: "en",
		Authors: []convert.Person{{Name: "Ann \x02Lee"}},
		Body:    []convert.Block{&convert.Paragraph{Content: "x\x00y \uffff z"}, &convert.ListItem{Content: "item"}, &convert.Heading{Content: "Head"}},
	}
	doc := &convert.Document{Source: convert.Source{File: "f\x07.txt", SHA256: "00"}, Articles: []*convert.Article{a}}
	var b bytes.Buffer
	if err := WriteEPUB(&b, []*convert.Document{doc}, EPUBOptions{}); err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.File {
		if !strings.HasSuffix(f.Name, ".xhtml") && !strings.HasSuffix(f.Name, ".opf") && !strings.HasSuffix(f.Name, ".ncx") {
			continue
		}
		rc, _ := f.Open()
		dec := xml.NewDecoder(rc)
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: not well-formed XML: %v", f.Name, err)
				break
			}
		}
		rc.Close()
	}
}

func TestLookup(t *testing.T) {
	// lookup gives the name of the format found, "" for none.
	lookup := func(name string) string {
		if f, ok := Lookup(name); ok {
			return f.Name
		}
		return ""
	}
	testutil.Rows(t, "Lookup", lookup, map[string]string{"": "md", "md": "md", "Markdown": "md", "json": "json",
		"JSONL": "jsonl", "ndjson": "jsonl", "epub": "epub", "docx": "", "html": "", "m d": ""})
	if got := Names(); got != "md, json, jsonl or epub" {
		t.Errorf("Names() = %q", got)
	}
	if f, ok := ByExt(".EPUB"); !ok || !f.Binary {
		t.Errorf("ByExt(.EPUB) = %+v, %v; want the binary epub format", f, ok)
	}
}

// TestFileWarningsOnce: warnings about the whole input appear once, with
// its first article, not copied into every article (a 10,000-article
// export must not repeat them 10,000 times).
func TestFileWarningsOnce(t *testing.T) {
	doc := &convert.Document{
		Source:   convert.Source{File: "export.txt", Format: "lexisnexis"},
		Warnings: []convert.Warning{{Msg: "decoded as windows-1252"}, {Line: 3, Msg: "marker counts 12 documents, found 3"}},
	}
	for i := range 3 {
		doc.Articles = append(doc.Articles, &convert.Article{Index: i, Headline: "Story", VendorID: "DOC-1",
			Body: []convert.Block{&convert.Paragraph{Content: "Text."}}, Warnings: []convert.Warning{{Msg: "article doubt"}}})
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, []*convert.Document{doc}, true); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	for i, l := range lines {
		var a Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		wantFile := 0
		if i == 0 {
			wantFile = 2
		}
		if len(a.Source.Warnings) != wantFile || len(a.Warnings) != 1 || a.Source.ID == nil || *a.Source.ID != "DOC-1" {
			t.Errorf("article %d: source.warnings %q, warnings %q, id %v; want %d file warnings, 1 article warning, id DOC-1",
				i, a.Source.Warnings, a.Warnings, a.Source.ID, wantFile)
		}
	}
}
