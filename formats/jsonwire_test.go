package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"newsclip/convert"
)

// wireReference is WriteJSON as it was written with encoding/json: the
// bytes appendWireJSON and WriteJSON must keep giving.
func wireReference(t *testing.T, docs []*convert.Document, lines bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if !lines {
		enc.SetIndent("", "  ")
		buf.WriteString("[")
	}
	n := 0
	for _, d := range docs {
		for _, a := range d.Articles {
			if !lines {
				if n > 0 {
					buf.WriteString(",")
				}
				buf.WriteString("\n")
			}
			if err := enc.Encode(Wire(d, a)); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	if !lines {
		buf.WriteString("]\n")
	}
	return buf.Bytes()
}

// hostileString draws text that exercises every escape of the JSON
// writer: quotes, backslashes, every control byte, invalid UTF-8, the line
// and paragraph separators, HTML characters (left as they are), and
// ordinary and multi-byte letters.
func hostileString(r *rand.Rand) string {
	pieces := []string{"a", "Zürich", " ", "\"", "\\", "<", ">", "&", "\u2028", "\u2029", "\xff", "\xe2\x80", "€", "😀", "\x7f", "/"}
	var b strings.Builder
	for range r.Intn(8) {
		if r.Intn(4) == 0 {
			b.WriteByte(byte(r.Intn(0x20)))
		} else {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
	}
	return b.String()
}

// hostileDocument builds a document of two articles whose every field is
// hostileString or empty (null in the wire format), with and without a
// word count, warnings with and without a line.
func hostileDocument(r *rand.Rand) *convert.Document {
	s := func() string {
		if r.Intn(3) == 0 {
			return ""
		}
		return hostileString(r)
	}
	doc := &convert.Document{Source: convert.Source{File: s(), Format: s(), SHA256: s()}}
	for range r.Intn(3) {
		doc.Warnings = append(doc.Warnings, convert.Warning{Line: r.Intn(3), Msg: s()})
	}
	for i := range 2 {
		a := &convert.Article{Index: i, Publication: s(), Kicker: s(), Headline: s(), Subheadline: s(),
			Section: s(), Page: s(), Edition: s(), Dateline: s(), Language: s(), Country: s(), VendorID: s(),
			Date: convert.Date{Year: 2000 + r.Intn(30), Month: r.Intn(13), Day: r.Intn(29), Raw: s()}}
		if r.Intn(2) == 0 {
			a.Date = convert.Date{}
		}
		if r.Intn(2) == 0 {
			a.LoadDate = convert.Date{Year: 2019, Month: 5, Day: 1 + r.Intn(28)}
		}
		for range r.Intn(3) {
			a.Authors = append(a.Authors, convert.Person{Name: s(), Title: s(), Agency: s(), Raw: s()})
			a.Credits = append(a.Credits, convert.Credit{Name: s(), Role: s(), Raw: s()})
			a.Contacts = append(a.Contacts, s())
			a.PullQuotes = append(a.PullQuotes, s())
			a.Removed = append(a.Removed, convert.Removal{Kind: s(), Text: s()})
			a.Warnings = append(a.Warnings, convert.Warning{Line: r.Intn(3), Msg: s()})
		}
		blocks := []func(string) convert.Block{
			func(t string) convert.Block { return &convert.Paragraph{Content: t} },
			func(t string) convert.Block { return &convert.Heading{Content: t} },
			func(t string) convert.Block { return &convert.Quote{Content: t} },
			func(t string) convert.Block { return &convert.ListItem{Content: t} },
		}
		for range r.Intn(4) {
			a.Body = append(a.Body, blocks[r.Intn(len(blocks))](s()+" two words"))
		}
		if r.Intn(2) == 0 {
			a.WordCount = r.Intn(100)
		}
		doc.Articles = append(doc.Articles, a)
	}
	return doc
}

// WriteJSON gives the bytes encoding/json gave, in both modes, on hostile
// documents and on the golden inputs.
func TestWriteJSONMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	var docs []*convert.Document
	for range 300 {
		docs = append(docs, hostileDocument(r))
	}
	files, _ := filepath.Glob("../testdata/convert/*.txtar")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := bytes.Cut(data, []byte("-- input."))
		_, rest, _ = bytes.Cut(rest, []byte("--\n"))
		if i := bytes.Index(rest, []byte("\n-- want.")); i >= 0 {
			rest = rest[:i+1]
		}
		if doc, err := convert.Convert(filepath.Base(f), rest); err == nil {
			docs = append(docs, doc)
		}
	}
	if len(docs) < 300+len(files)/2 {
		t.Fatalf("%d documents, want most golden inputs converted", len(docs))
	}
	for _, lines := range []bool{true, false} {
		for i, d := range docs {
			var got bytes.Buffer
			if err := WriteJSON(&got, []*convert.Document{d}, lines); err != nil {
				t.Fatal(err)
			}
			if want := wireReference(t, []*convert.Document{d}, lines); !bytes.Equal(got.Bytes(), want) {
				t.Fatalf("document %d, lines %v:\n got %s\nwant %s", i, lines, got.Bytes(), want)
			}
		}
		// All in one call: several chunks of jsonChunk bytes.
		got := writeCounter{}
		if err := WriteJSON(&got, docs, lines); err != nil {
			t.Fatal(err)
		}
		if want := wireReference(t, docs, lines); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%d documents in one call, lines %v: output differs from encoding/json's", len(docs), lines)
		}
		if got.writes < 3 {
			t.Errorf("%d documents (%d bytes) in %d writes, want one per %d bytes", len(docs), got.Len(), got.writes, jsonChunk)
		}
		if err := WriteJSON(failingWriter{}, docs, lines); err != errWrite {
			t.Errorf("WriteJSON to a failing writer: %v, want %v", err, errWrite)
		}
	}
}

// appendJSONString writes what json.Marshal writes for long strings too,
// where words of eight plain bytes are skipped at once, whatever the offset
// of the byte to escape in its word.
func TestAppendJSONStringMatchesMarshal(t *testing.T) {
	r := rand.New(rand.NewSource(53))
	pieces := []string{"plain ascii text", "x", "\"", "\\", "\n", "\x00", "\x1f", " ", "é", "\u2028", "\xff", "<&>", "\x7f", "!#[]^"}
	for range 20000 {
		var b strings.Builder
		for range r.Intn(30) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		want = bytes.ReplaceAll(bytes.ReplaceAll(bytes.ReplaceAll(want, []byte(`\u003c`), []byte("<")), []byte(`\u003e`), []byte(">")), []byte(`\u0026`), []byte("&"))
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

// appendDate writes Date.ISO as a JSON string for every year, month and
// day, also the ones outside four and two digits, and null for no date.
func TestAppendDateMatchesISO(t *testing.T) {
	for _, y := range []int{0, 1, 7, 99, 999, 1600, 2024, 9999, 10000, -5, 123456} {
		for _, m := range []int{0, 1, 9, 12, 13, 99, 100, -1} {
			for _, d := range []int{0, 1, 9, 31, 99, 100, -1} {
				date := convert.Date{Year: y, Month: m, Day: d}
				want := "null"
				if iso := date.ISO(); iso != "" {
					want = `"` + iso + `"`
				}
				if got := string(appendDate(nil, date)); got != want {
					t.Errorf("appendDate(%+v) = %s, want %s", date, got, want)
				}
			}
		}
	}
}

// nextJSONSpecial finds the byte a byte-by-byte scan finds, for every byte
// value at every place of a word and behind another special byte (whose
// borrow may mark the bytes after it), from every start.
func TestNextJSONSpecialAsBytes(t *testing.T) {
	plain := func(s string, i int) int {
		for ; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
				return i
			}
		}
		return len(s)
	}
	check := func(s string) {
		for i := 0; i <= len(s); i++ {
			if got, want := nextJSONSpecial(s, i), plain(s, i); got != want {
				t.Fatalf("nextJSONSpecial(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
	for c := range 256 {
		for at := range 17 {
			b := []byte(strings.Repeat("plain te", 3))
			b[at] = byte(c)
			check(string(b))
			b[at+1] = '!' // the byte after the class edges
			b[at+2] = byte(c + 1)
			check(string(b))
		}
	}
	r := rand.New(rand.NewSource(11))
	alphabet := []byte{' ', '!', '#', '[', ']', 'a', '~', 0x7f, '"', '\\', 0, 0x1f, '\n', 0x80, 0xc3, 0xff}
	for range 20000 {
		b := make([]byte, r.Intn(40))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
			if r.Intn(3) > 0 {
				b[i] = 'x'
			}
		}
		check(string(b))
	}
}

// A writeCounter is a bytes.Buffer that counts the calls to Write.
type writeCounter struct {
	bytes.Buffer
	writes int
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// errWrite is the error of every failingWriter Write.
var errWrite = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

// The indenter gives json.Indent's bytes however the compact JSON is cut
// into pieces: at every offset of a hostile article, in two pieces.
func TestIndenterMatchesIndent(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for range 40 {
		d := hostileDocument(r)
		compact := append(appendWireJSON(nil, d, d.Articles[0], nil), '\n')
		var want bytes.Buffer
		if err := json.Indent(&want, compact, "", "  "); err != nil {
			t.Fatal(err)
		}
		for cut := range len(compact) + 1 {
			var in indenter
			got := in.append(in.append(nil, compact[:cut]), compact[cut:])
			if !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("cut at %d of %s:\n got %s\nwant %s", cut, compact, got, want.Bytes())
			}
		}
	}
}

// longArticle is a document of one article with n body blocks of about
// 100 bytes and n removed items: what a long PDF (a report, a book of
// 1,000 pages) gives.
func longArticle(n int) *convert.Document {
	a := &convert.Article{Headline: "A long report"}
	for i := range n {
		a.Body = append(a.Body, &convert.Paragraph{Content: strings.Repeat("word ", 18) + strconv.Itoa(i)})
		a.Removed = append(a.Removed, convert.Removal{Kind: "running_head", Text: "Annual report " + strconv.Itoa(i)})
	}
	return &convert.Document{Source: convert.Source{File: "report.pdf", Format: "pdf"}, Articles: []*convert.Article{a}}
}

// A boundedWriter records the largest Write and what the program
// allocated, in bytes, from its creation to the last Write.
type boundedWriter struct {
	writeCounter
	largest   int
	alloc0    uint64
	allocated uint64
}

func (w *boundedWriter) Write(p []byte) (int, error) {
	w.largest = max(w.largest, len(p))
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	w.allocated = m.TotalAlloc - w.alloc0
	return w.writeCounter.Write(p)
}

// WriteJSON does not hold a long article whole: it writes it on in pieces
// of about jsonChunk bytes as it goes (in both modes, the bytes still
// encoding/json's), and allocates a small part of the article's size, not
// the article's JSON and its copies.
func TestWriteJSONStreamsLongArticle(t *testing.T) {
	doc := longArticle(20000)
	for _, lines := range []bool{true, false} {
		want := wireReference(t, []*convert.Document{doc}, lines)
		got := &boundedWriter{}
		got.Grow(len(want))
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		got.alloc0 = m.TotalAlloc
		if err := WriteJSON(got, []*convert.Document{doc}, lines); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("lines %v: output differs from encoding/json's", lines)
		}
		t.Logf("lines %v: %d bytes in %d writes, the largest %d; %d bytes allocated", lines, len(want), got.writes, got.largest, got.allocated)
		if got.largest > 2*jsonChunk {
			t.Errorf("lines %v: a write of %d bytes, want at most %d (the article is %d)", lines, got.largest, 2*jsonChunk, len(want))
		}
		if got.allocated > uint64(len(want)/8) {
			t.Errorf("lines %v: %d bytes allocated to write an article of %d", lines, got.allocated, len(want))
		}
		n := 0
		if err := WriteJSON(countingFailer{&n}, []*convert.Document{doc}, lines); err != errWrite || n != 1 {
			t.Errorf("lines %v: to a writer that fails: %v after %d writes, want %v after 1", lines, err, n, errWrite)
		}
	}
}

// A countingFailer fails every Write, and counts them.
type countingFailer struct{ n *int }

func (w countingFailer) Write([]byte) (int, error) {
	*w.n++
	return 0, errWrite
}
