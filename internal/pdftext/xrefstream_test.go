package pdftext

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"testing"
)

// libraryTable is the cross-reference table the library reads for data.
func libraryTable(t *testing.T, data []byte) ([]xrefEntry, bool) {
	t.Helper()
	r, err := newPDFReader(data, "")
	if err != nil {
		return nil, false
	}
	table, ok := xrefTable(r)
	if !ok {
		t.Fatal("the library's table cannot be read")
	}
	return table, true
}

// TestReadXrefStreamsRealPDFs: on every shared PDF whose last section is
// a cross-reference stream, readXrefStreams reads the library's table, or
// says it cannot.
func TestReadXrefStreamsRealPDFs(t *testing.T) {
	read, n := 0, 0
	for _, f := range sharedPDFs() {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data = repairPDF(data)
		table, _, ok := readXrefStreams(data)
		lib, libOK := libraryTable(t, data)
		if libOK {
			if _, xs := lastXrefDict(data); xs {
				n++
			}
		}
		if !ok {
			continue
		}
		read++
		if !libOK || !slices.Equal(table, lib) {
			t.Errorf("%s: table differs from the library's (%d entries, %d)", f, len(table), len(lib))
		}
	}
	if n == 0 {
		t.Skip("no shared PDFs beside the checkout")
	}
	t.Logf("%d of %d PDFs with cross-reference streams read", read, n)
	if read == 0 {
		t.Error("no cross-reference stream read")
	}
}

// xrefStreamPDF writes a PDF of one page whose table is two
// cross-reference streams (the second's /Prev the first), the first given
// by rows (raw entries of widths w, for the objects of index), and
// encoded as the arguments say.
func xrefStreamPDF(w [3]int, index string, rows func(off map[int]int) [][3]int, predictor bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	off := map[int]int{}
	obj := func(n int, s string) {
		off[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, s)
	}
	content := "BT /F1 12 Tf 72 700 Td (Harbour) Tj ET"
	obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>")
	obj(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	obj(5, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	encode := func(entries [][3]int) (string, []byte) {
		var raw []byte
		cols := w[0] + w[1] + w[2]
		for _, e := range entries {
			if predictor {
				raw = append(raw, 2)
			}
			for k, v := range e {
				for j := w[k] - 1; j >= 0; j-- {
					raw = append(raw, byte(v>>(8*j)))
				}
			}
		}
		if predictor { // PNG Up: each row less the row above
			row := cols + 1
			for i := len(raw) - row; i >= row; i -= row {
				for j := 1; j < row; j++ {
					raw[i+j] -= raw[i-row+j]
				}
			}
			return fmt.Sprintf("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns %d >>", cols), deflate(string(raw))
		}
		return "", raw
	}
	first := b.Len()
	extra, data := encode(rows(off))
	fmt.Fprintf(&b, "6 0 obj\n<< /Type /XRef /Size 7 /W [%d %d %d] %s %s /Root 1 0 R /Length %d >>\nstream\n", w[0], w[1], w[2], index, extra, len(data))
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	// The second section: object 4 again, replaced by the same font.
	off4 := b.Len()
	fmt.Fprintf(&b, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n")
	second := b.Len()
	row := []byte{1, byte(off4 >> 24), byte(off4 >> 16), byte(off4 >> 8), byte(off4), 0, 0}
	fmt.Fprintf(&b, "7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Index [4 1] /Prev %d /Root 1 0 R /Length %d >>\nstream\n", first, len(row))
	b.Write(row)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", second)
	return b.Bytes()
}

// allObjects are the rows of a table of xrefStreamPDF's objects 0 to 6,
// at their offsets off.
func allObjects(off map[int]int) [][3]int {
	e := [][3]int{{0, 0, 65535}}
	for n := 1; n <= 6; n++ {
		e = append(e, [3]int{1, off[n], 0})
	}
	return e
}

// TestReadXrefStreams: generated tables of entries of every type, with
// and without a predictor, a type field of width 0, an /Index, and a
// /Prev section, read as the library reads them.
func TestReadXrefStreams(t *testing.T) {
	all := allObjects
	for _, c := range []struct {
		name      string
		w         [3]int
		index     string
		rows      func(map[int]int) [][3]int
		predictor bool
	}{
		{"plain", [3]int{1, 4, 2}, "", all, false},
		{"predictor", [3]int{1, 4, 2}, "", all, true},
		{"wide", [3]int{1, 8, 1}, "", all, true},
		{"index", [3]int{1, 4, 2}, "/Index [0 3 3 4]", all, false},
		{"no type field", [3]int{0, 4, 2}, "/Index [1 6]", func(off map[int]int) [][3]int { return all(off)[1:] }, false},
		{"unknown type", [3]int{1, 4, 2}, "", func(off map[int]int) [][3]int {
			e := all(off)
			e[2][0] = 7
			return e
		}, false},
	} {
		data := xrefStreamPDF(c.w, c.index, c.rows, c.predictor)
		table, _, ok := readXrefStreams(data)
		lib, libOK := libraryTable(t, data)
		if !ok || !libOK || !slices.Equal(table, lib) {
			t.Errorf("%s: read %v (library %v): %v; library's %v", c.name, ok, libOK, table, lib)
		}
		if on, off := extractJSON(t, data, true), extractJSON(t, data, false); on != off {
			t.Errorf("%s: opened by readXrefStreams, the text differs", c.name)
		}
	}
}

// FuzzReadXrefStreams: whatever a file holds, a table readXrefStreams
// reads is the library's, and the library opens the file.
func FuzzReadXrefStreams(f *testing.F) {
	f.Add(xrefStreamPDF([3]int{1, 4, 2}, "", allObjects, false))
	f.Add(xrefStreamPDF([3]int{1, 4, 2}, "/Index [0 3 3 4]", allObjects, true))
	f.Add(objStmPDF("Harbour"))
	f.Fuzz(func(t *testing.T, data []byte) {
		table, _, ok := readXrefStreams(data)
		if !ok {
			return
		}
		lib, libOK := libraryTable(t, data)
		if !libOK || !slices.Equal(table, lib) {
			t.Fatalf("read %d entries; the library: %v, %d entries", len(table), libOK, len(lib))
		}
	})
}
