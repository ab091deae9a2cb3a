package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"newsclip/internal/pdfgen"
)

// streamsPDF writes a PDF whose catalog lists the given objects under
// /Streams (object 1 onwards, each "<<dict>>\nstream\n...\nendstream" or
// any other object), with one page drawing the first as its content.
func streamsPDF(objs []string) []byte {
	n := len(objs)
	var refs []string
	for i := range objs {
		refs = append(refs, fmt.Sprintf("%d 0 R", i+1))
	}
	objs = append(objs,
		fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents 1 0 R >>", n+2),
		fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", n+1),
		fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Streams [%s] >>", n+2, strings.Join(refs, " ")))
	return pdfgen.Objects(objs, len(objs))
}

// streamObj is a stream object with dictionary entries dict and data.
func streamObj(dict string, data []byte) string {
	return fmt.Sprintf("<< %s >>\nstream\n%s\nendstream", dict, data)
}

// oddStreams are streams of every kind openStream must read as the
// library does: its own (Flate without a predictor, whole, cut, damaged)
// and the library's (other filters, a predictor, no filter).
func oddStreams() []string {
	text := []byte(strings.Repeat("BT /F1 12 Tf 72 700 Td (Harbour board) Tj ET\n", 200)) // 9 KB
	z := deflate(string(text))
	flate := func(extra string, data []byte) string {
		return streamObj(fmt.Sprintf("/Length %d /Filter /FlateDecode %s", len(data), extra), data)
	}
	bad := bytes.Clone(z)
	bad[len(bad)/2] ^= 0x55
	sum := bytes.Clone(z)
	sum[len(sum)-1] ^= 1
	rows := deflate("\x02\x01\x02\x03\x04\x02\x01\x01\x01\x01")
	n := 17 // the object number of the indirect length below
	return []string{
		flate("", z),
		flate("", z[:len(z)/3]), // cut: some text, then an unexpected EOF
		flate("", z[:1]),        // no whole header
		flate("", bad),          // damaged in the middle
		flate("", sum),          // wrong checksum
		flate("", []byte("not zlib at all")),
		flate("", nil),
		streamObj(fmt.Sprintf("/Length %d /Filter /FlateDecode", len(z)+5000), z), // past the file's end
		streamObj(fmt.Sprintf("/Length %d /Filter /FlateDecode", len(z)/2), z),    // shorter than its data
		streamObj("/Length -7 /Filter /FlateDecode", z),
		streamObj("/Length /Seven /Filter /FlateDecode", z),
		flate("/DecodeParms << /Predictor 12 /Columns 4 >>", rows),
		flate("/DecodeParms << /Columns 4 >>", z),
		streamObj(fmt.Sprintf("/Length %d /Filter [/FlateDecode]", len(z)), z),
		streamObj(fmt.Sprintf("/Length %d", len(text)), text),
		streamObj(fmt.Sprintf("/Length %d 0 R /Filter /FlateDecode", n), z),
		fmt.Sprint(len(z)),
		streamObj(fmt.Sprintf("/Length %d /Filter /ASCIIHexDecode", len(z)), z),
		streamObj(fmt.Sprintf("/Length %d /Filter /FlateDecode /DecodeParms 99 0 R", len(z)), z),
	}
}

// readAllOf reads rd in reads of step bytes (all at once when step is 0)
// and describes what came out: the bytes, then the error or the panic.
func readAllOf(open func() io.ReadCloser, step int) (out string) {
	defer func() {
		if p := recover(); p != nil {
			out += fmt.Sprintf(" panic: %v", p)
		}
	}()
	rd := open()
	defer rd.Close()
	var got []byte
	var err error
	if step == 0 {
		got, err = io.ReadAll(rd)
	} else {
		buf := make([]byte, step)
		for {
			var n int
			n, err = rd.Read(buf)
			got = append(got, buf[:n]...)
			if err != nil {
				break
			}
		}
		if errors.Is(err, io.EOF) {
			err = nil
		}
	}
	return fmt.Sprintf("%d bytes %x, error %v", len(got), got, err)
}

// eachStream calls fn for every stream the pages of r draw or name
// (contents, fonts and their maps and programs, forms and images), the
// catalog's /Streams, one level of each.
func eachStream(r *pdf.Reader, fn func(name string, v pdf.Value)) {
	list := r.Trailer().Key("Root").Key("Streams")
	for i := 0; i < list.Len(); i++ {
		fn(fmt.Sprintf("Streams[%d]", i), list.Index(i))
	}
	for n, pg := range pdfPages(r, newObjCache()) {
		c := pg.V.Key("Contents")
		fn(fmt.Sprintf("page %d Contents", n+1), c)
		for i := 0; i < c.Len(); i++ {
			fn(fmt.Sprintf("page %d Contents[%d]", n+1, i), c.Index(i))
		}
		res := pg.V.Key("Resources")
		for _, name := range res.Key("XObject").Keys() {
			fn(fmt.Sprintf("page %d XObject %s", n+1, name), res.Key("XObject").Key(name))
		}
		for _, name := range res.Key("Font").Keys() {
			f := res.Key("Font").Key(name)
			fn(fmt.Sprintf("page %d font %s ToUnicode", n+1, name), f.Key("ToUnicode"))
			for _, d := range []pdf.Value{f.Key("FontDescriptor"), f.Key("DescendantFonts").Index(0).Key("FontDescriptor")} {
				for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
					fn(fmt.Sprintf("page %d font %s %s", n+1, name, k), d.Key(k))
				}
			}
		}
	}
}

// TestOpenStreamAsLibrary: openStream gives every stream's bytes, then
// its error or panic, as the library's Value.Reader does (but for those
// whose /Length is wrong: see TestWrongLengthRead), read whole or
// in odd pieces, with fresh and reused inflaters; on the odd streams
// above and (without -short) every stream of the PDFs of fontEntryPDFs. Its own path must have been taken
// (TestStreamSpan says when).
func TestOpenStreamAsLibrary(t *testing.T) {
	files := map[string][]byte{"odd streams": streamsPDF(oddStreams())}
	if !testing.Short() {
		for name, data := range fontEntryPDFs(t) {
			files[name] = data
		}
	}
	eachReader(files, func(name string, r *pdf.Reader) {
		n, ours := 0, 0
		eachStream(r, func(what string, v pdf.Value) {
			if v.Kind() != pdf.Stream {
				return
			}
			n++
			if doc, off, ok := streamSpan(v); ok {
				ours++
				if _, repaired := dataEnd(doc, off, v.Key("Length").Int64()); repaired {
					return // read to its endstream, not as the library reads it: TestWrongLengthRead
				}
			}
			for _, step := range []int{0, 7, 4096} {
				for range 2 { // the second time from the pool
					want := readAllOf(func() io.ReadCloser { return v.Reader() }, step)
					if got := readAllOf(func() io.ReadCloser { return openStream(v) }, step); got != want {
						t.Errorf("%s, %s, reads of %d: openStream gives\n%.300s\nthe library\n%.300s", name, what, step, got, want)
					}
				}
			}
		})
		if n > 0 && ours == 0 && !isEncrypted(r) {
			t.Errorf("%s: none of %d streams read by openStream itself", name, n)
		}
	})
}

// TestStreamSpan: a stream of a document newPDFReader opened is found in
// its bytes at its offset; one opened otherwise, or encrypted, is left to
// the library. Should a newer library store its readers or streams
// differently, this fails (and every stream goes to the library).
func TestStreamSpan(t *testing.T) {
	data := streamsPDF([]string{streamObj("/Length 5", []byte("hello"))})
	r, err := newPDFReader(data, "")
	if err != nil {
		t.Fatal(err)
	}
	v := r.Trailer().Key("Root").Key("Streams").Index(0)
	doc, off, ok := streamSpan(v)
	if !ok || string(doc[off:off+5]) != "hello" {
		t.Errorf("streamSpan found %v, offset %d", ok, off)
	}
	if _, _, ok := streamSpan(r.Trailer().Key("Root")); ok {
		t.Error("streamSpan read a dictionary as a stream")
	}
	other, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := streamSpan(other.Trailer().Key("Root").Key("Streams").Index(0)); ok {
		t.Error("streamSpan read a document another reader opened")
	}
}

// TestFirstReadReadsOn: the first page's content as checkReadable began
// reading it reads on as the stream read afresh does (bytes, then the
// error of a stream cut short), once, and only for the page whose
// Contents it came from.
func TestFirstReadReadsOn(t *testing.T) {
	text := []byte(strings.Repeat("BT /F1 12 Tf 72 700 Td (Harbour board) Tj ET\n", 2000))
	z := deflate(string(text))
	cut := streamsPDF([]string{streamObj("/Length 40 /Filter /FlateDecode", z[:40])})
	if _, _, _, err := openPDF(cut, ""); !errors.Is(err, ErrDamaged) {
		t.Errorf("a first page whose first read fails: %v, want ErrDamaged", err)
	}
	for _, data := range []string{string(z), string(z[:len(z)/2])} {
		pdfData := streamsPDF([]string{streamObj(fmt.Sprintf("/Length %d /Filter /FlateDecode", len(data)), []byte(data))})
		r, doc, _, err := openPDF(pdfData, "")
		if err != nil {
			t.Fatalf("%d bytes: %v", len(data), err)
		}
		if doc.first == nil {
			t.Fatalf("%d bytes: nothing kept of the first read", len(data))
		}
		page := pdfPages(r, newObjCache())[0].V
		if rd := doc.takeFirst(r.Trailer().Key("Root")); rd != nil {
			t.Error("a first read taken for a value without that Contents")
		}
		want := readAllOf(func() io.ReadCloser { return page.Key("Contents").Reader() }, 100)
		rd := doc.takeFirst(page)
		if rd == nil {
			t.Fatalf("%d bytes: no first read for the first page", len(data))
		}
		if got := readAllOf(func() io.ReadCloser { return rd }, 100); got != want {
			t.Errorf("%d bytes: read on gives\n%.200s\nafresh\n%.200s", len(data), got, want)
		}
		if doc.takeFirst(page) != nil {
			t.Error("a first read taken twice")
		}
	}
}
