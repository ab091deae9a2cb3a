package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"testing"
	"time"

	"newsclip/internal/testutil"
)

// wrap puts body XML into a document.xml with the usual namespaces.
func wrap(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="` + nsW + `" xmlns:mc="` + nsMC + `"><w:body>` + body + `</w:body></w:document>`
}

// build makes a .docx archive from entry names and contents.
func build(t testing.TB, entries ...string) []byte { return testutil.Zip(t, entries...) }

const testStyles = `<?xml version="1.0"?><w:styles xmlns:w="` + nsW + `">` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Kop"><w:name w:val="Kop"/><w:basedOn w:val="Heading1"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>` +
	`</w:styles>`

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []Paragraph
	}{
		{"runs join as written", `<w:p><w:r><w:t xml:space="preserve">Storm </w:t></w:r><w:r><w:t>closes road</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "Storm closes road"}}},
		{"tab and breaks", `<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Value</w:t><w:br/><w:t>next</w:t><w:cr/></w:r></w:p>`,
			[]Paragraph{{Text: "Name\tValue\nnext\n"}}},
		{"hyperlink text is text", `<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink><w:r><w:t>the report</w:t></w:r></w:hyperlink></w:p>`,
			[]Paragraph{{Text: "See the report"}}},
		{"bold run makes a bold paragraph", `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Body</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "Body", Bold: true}}},
		{"one bold word is not a bold paragraph", `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Length:</w:t></w:r><w:r><w:t> 300 words</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "Length: 300 words"}}},
		{"b val=0 is not bold", `<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>plain</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "plain"}}},
		{"character style bold", `<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>strong</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "strong", Bold: true}}},
		{"heading style gives level, name and bold", `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Title</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "Title", Style: "heading 1", Heading: 1, Bold: true}}},
		{"style based on a heading", `<w:p><w:pPr><w:pStyle w:val="Kop"/></w:pPr><w:r><w:t>Kop</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "Kop", Style: "Kop", Heading: 1, Bold: true}}},
		{"looping basedOn ends", `<w:p><w:pPr><w:pStyle w:val="Loop1"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "x", Style: "Loop1"}}},
		{"unknown style keeps its id", `<w:p><w:pPr><w:pStyle w:val="Odd"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "x", Style: "Odd"}}},
		{"direct outline level", `<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Sub</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "Sub", Heading: 2}}},
		{"tab stops and paragraph mark are not text", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "x"}}},
		{"deleted text and field codes are skipped", `<w:p><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:ins><w:r><w:t>new</w:t></w:r></w:ins></w:p>`,
			[]Paragraph{{Text: "new"}}},
		{"fallback content is not read twice", `<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>once</w:t></mc:Choice><mc:Fallback><w:t>twice</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
			[]Paragraph{{Text: "once"}}},
		{"table rows become tab-separated paragraphs",
			`<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Type</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Source</w:t></w:r></w:p></w:tc></w:tr>` +
				`<w:tr><w:tc><w:p><w:r><w:t>News</w:t></w:r></w:p><w:p><w:r><w:t>Web</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>`,
			[]Paragraph{{Text: "Type\tSource", Bold: true, InTable: true}, {Text: "News Web\t", InTable: true}}},
		{"text box paragraph comes before its anchor's paragraph",
			`<w:p><w:r><w:t xml:space="preserve">before </w:t><w:drawing><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r><w:r><w:t>after</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "boxed"}, {Text: "before after"}}},
		{"alignment", `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>The Gazette</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "The Gazette", Align: "center"}}},
		{"a numbered paragraph is a list item", `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>first</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "first", List: true}}},
		{"numId 0 is no list", `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>plain</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "plain"}}},
		{"a list style", `<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>item</w:t></w:r></w:p>`,
			[]Paragraph{{Text: "item", Style: "List Bullet", List: true}}},
		{"empty paragraphs are kept", `<w:p/><w:p><w:r><w:t>x</w:t></w:r></w:p>`,
			[]Paragraph{{}, {Text: "x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(build(t, "word/document.xml", wrap(tt.body), "word/styles.xml", testStyles))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Paragraphs) != len(tt.want) {
				t.Fatalf("got %d paragraphs %+v, want %+v", len(doc.Paragraphs), doc.Paragraphs, tt.want)
			}
			for i, p := range doc.Paragraphs {
				if p != tt.want[i] {
					t.Errorf("paragraph %d: got %+v, want %+v", i, p, tt.want[i])
				}
			}
		})
	}
}

// TestStrictNamespace: documents saved as Strict Open XML use another
// namespace for the same elements.
func TestStrictNamespace(t *testing.T) {
	xml := strings.ReplaceAll(wrap(`<w:p><w:r><w:t>strict</w:t></w:r></w:p>`), nsW, nsWStrict)
	doc, err := Read(build(t, "word/document.xml", xml))
	if err != nil || len(doc.Paragraphs) != 1 || doc.Paragraphs[0].Text != "strict" {
		t.Fatalf("got %+v, %v", doc, err)
	}
}

func TestReadRefuses(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"not a zip", []byte("plain text"), ErrNotDOCX},
		{"a zip without a document", build(t, "xl/workbook.xml", "<x/>"), ErrNotDOCX},
		{"a document that is not XML", build(t, "word/document.xml", "<w:document"), ErrDamaged},
		{"a truncated zip", build(t, "word/document.xml", wrap(""))[:40], ErrNotDOCX},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDamageAfterTextIsAWarning(t *testing.T) {
	xml := wrap(`<w:p><w:r><w:t>kept</w:t></w:r></w:p>`)
	xml = strings.Replace(xml, "</w:body>", "<w:p><w:r><w:t>lo", 1)
	xml = xml[:strings.Index(xml, "<w:t>lo")+len("<w:t>lo")]
	doc, err := Read(build(t, "word/document.xml", xml))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Paragraphs) == 0 || doc.Paragraphs[0].Text != "kept" || len(doc.Warnings) != 1 ||
		!strings.Contains(doc.Warnings[0], "word/document.xml: byte ") {
		t.Fatalf("got %+v", doc)
	}
}

// rawEntry makes a zip whose single entry holds a deflate stream of n zero
// bytes but declares the size declared.
func rawEntry(t testing.TB, name string, n int64, declared uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	zeros := make([]byte, 1<<16)
	crc := crc32.NewIEEE()
	for left := n; left > 0; left -= int64(len(zeros)) {
		chunk := zeros[:min(left, int64(len(zeros)))]
		fw.Write(chunk)
		crc.Write(chunk)
	}
	fw.Close()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	z.Close()
	return buf.Bytes()
}

// TestZipBomb: a small archive that would inflate far beyond the limit is
// refused quickly, whether it declares its size or lies about it.
func TestZipBomb(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		lim      Limits
		want     error
		maxBytes int // the archive is this small
	}{
		// 10 GB declared by a 1 KB file: refused before inflating anything.
		{"declares 10 GB", rawEntry(t, "word/document.xml", 1<<20, 10<<30), DefaultLimits, ErrTooLarge, 2048},
		// Declares 100 bytes, holds 1 MB: the zip reader stops at the
		// declared size.
		{"lies about its size", rawEntry(t, "word/document.xml", 1<<20, 100), DefaultLimits, ErrDamaged, 2048},
		{"over a small limit", rawEntry(t, "word/document.xml", 1<<20, 1<<20), Limits{Entry: 1 << 16, Total: 1 << 20}, ErrTooLarge, 2048},
		{"styles use up the total", append([]byte(nil), build(t, "word/styles.xml", strings.Repeat(" ", 5000), "word/document.xml", wrap(""))...),
			Limits{Entry: 6000, Total: 5100}, ErrTooLarge, 4096},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.data) > tt.maxBytes {
				t.Fatalf("test archive is %d bytes", len(tt.data))
			}
			start := time.Now()
			_, err := ReadLimits(tt.data, tt.lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestCapReader: an entry whose inflated bytes exceed the cap fails with
// ErrTooLarge, and one of exactly the cap is read whole.
func TestCapReader(t *testing.T) {
	for _, tt := range []struct {
		size, limit int
		want        error
	}{{100, 100, nil}, {101, 100, ErrTooLarge}, {10, 100, nil}} {
		b := &budget{left: 1 << 20}
		c := &capReader{r: bytes.NewReader(make([]byte, tt.size)), c: io.NopCloser(nil), name: "x", left: int64(tt.limit), b: b}
		n, err := io.Copy(io.Discard, c)
		if !errors.Is(err, tt.want) || tt.want == nil && int(n) != tt.size {
			t.Errorf("size %d limit %d: read %d, err %v; want %v", tt.size, tt.limit, n, err, tt.want)
		}
	}
}

func TestIsDOCX(t *testing.T) {
	if !IsDOCX(build(t, "word/document.xml", wrap(""))) {
		t.Error("a DOCX archive is not recognised")
	}
	if IsDOCX(build(t, "xl/workbook.xml", "")) || IsDOCX([]byte("PK not a zip")) {
		t.Error("a non-DOCX is taken for DOCX")
	}
}

func FuzzDOCX(f *testing.F) {
	f.Add(build(f, "word/document.xml", wrap(`<w:p><w:r><w:t>x</w:t><w:tab/><w:br/></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`), "word/styles.xml", testStyles))
	f.Add([]byte(wrap(`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>y</w:t></w:r></w:p>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Fuzz both the archive and the XML inside a valid archive.
		for _, in := range [][]byte{data, build(t, "word/document.xml", string(data), "word/styles.xml", string(data))} {
			doc, err := ReadLimits(in, Limits{Entry: 1 << 20, Total: 2 << 20})
			if err == nil && doc == nil {
				t.Fatal("nil document without error")
			}
			if err != nil && !errors.Is(err, ErrNotDOCX) && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error kind: %v", err)
			}
		}
	})
}
