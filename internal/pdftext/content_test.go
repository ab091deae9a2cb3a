package pdftext

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"newsclip/internal/pdfgen"
)

// libraryOps runs the PDF library's interpreter over the first page's
// content stream, and interpretOps ours; each returns one line per
// operator ("Tj: str(Hi)"), then the panic that stopped it, if any.
func libraryOps(t *testing.T, contents pdf.Value) (ops []string) {
	defer func() {
		if p := recover(); p != nil {
			ops = append(ops, fmt.Sprintf("panic: %v", p))
		}
	}()
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		args := make([]string, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = libraryValue(stk.Pop())
		}
		ops = append(ops, op+": "+strings.Join(args, " "))
	})
	return ops
}

func interpretOps(contents pdf.Value) (ops []string) {
	defer func() {
		if p := recover(); p != nil {
			ops = append(ops, fmt.Sprintf("panic: %v", p))
		}
	}()
	interpret(contents, func(op []byte, args []operand) {
		var s []string
		for _, a := range args {
			s = append(s, operandValue(a))
		}
		ops = append(ops, string(op)+": "+strings.Join(s, " "))
	})
	return ops
}

func libraryValue(v pdf.Value) string {
	switch v.Kind() {
	case pdf.Bool:
		return fmt.Sprint(v.Bool())
	case pdf.Integer, pdf.Real:
		return fmt.Sprint(v.Float64())
	case pdf.String:
		return fmt.Sprintf("str(%q)", v.RawString())
	case pdf.Name:
		return "/" + v.Name()
	case pdf.Array:
		var s []string
		for i := 0; i < v.Len(); i++ {
			s = append(s, libraryValue(v.Index(i)))
		}
		return "[" + strings.Join(s, " ") + "]"
	case pdf.Dict:
		var s []string
		for _, k := range v.Keys() {
			s = append(s, "/"+k+" "+libraryValue(v.Key(k)))
		}
		return "<<" + strings.Join(s, " ") + ">>"
	}
	return "null"
}

func operandValue(o operand) string {
	switch o.kind {
	case opBool:
		return fmt.Sprint(o.num == 1)
	case opInt, opReal:
		return fmt.Sprint(o.Float64())
	case opString:
		return fmt.Sprintf("str(%q)", o.b)
	case opName:
		return "/" + string(o.b)
	case opArray:
		var s []string
		for _, e := range o.arr {
			s = append(s, operandValue(e))
		}
		return "[" + strings.Join(s, " ") + "]"
	case opDict:
		m := map[string]string{}
		for i := 0; i+1 < len(o.arr); i += 2 {
			m[string(o.arr[i].b)] = operandValue(o.arr[i+1])
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys) // by key, as the library's Keys
		var s []string
		for _, k := range keys {
			s = append(s, "/"+k+" "+m[k])
		}
		return "<<" + strings.Join(s, " ") + ">>"
	}
	return "null"
}

// rawPage builds a one-page PDF from a content stream as written (fonts
// as pdfgen.BuildRaw has them) and opens its page with the PDF library.
func rawPage(content string) (pdf.Page, error) {
	data := pdfgen.BuildRaw([]string{content}, "")
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return pdf.Page{}, err
	}
	return r.Page(1), nil
}

// sameOpsAsLibrary fails the test where our reader's operators on the
// page's content (drawn from content c) differ from the library's, up to
// the first ID operator: past it, the library reads an inline image's
// data as tokens, where our reader skips them (see inline.go and
// TestInlineImagesSkipped).
func sameOpsAsLibrary(t *testing.T, c string, page pdf.Page) {
	t.Helper()
	contents := page.V.Key("Contents")
	want, got := libraryOps(t, contents), interpretOps(contents)
	if i := slices.IndexFunc(want, func(op string) bool { return strings.HasPrefix(op, "ID: ") }); i >= 0 {
		want, got = want[:i+1], got[:min(i+1, len(got))]
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("content %q:\n got %q\nwant %q", c, got, want)
	}
}

// interpretCases are content streams of our own, well-formed and
// malformed, on which our reader and the PDF library's must agree; they
// also seed FuzzInterpretAsLibrary.
var interpretCases = []string{
	"BT /F1 12 Tf 72 700 Td (Hello, world) Tj ET",
	"BT /F1 9.5 Tf 1 0 0 1 72.25 -700.5 Tm [(Ke) -120 (rn) 15.5 (ing)] TJ T* (next) ' 2 1 (quoted) \" ET",
	"q 0.5 0 0 .5 +10 -.25 cm /X0 Do Q",
	"(esc\\n\\r\\t\\b\\f\\(\\)\\\\ \\101\\0621 line\\\ncont\\\r\nmore) Tj",
	"(nested (paren) ok) Tj <48 65 6C6c 6F> Tj <> Tj",
	"/Na#20me /A#2fB /Span <</ActualText (x) /MCID 3 /K [1 2 [3]]>> BDC EMC",
	"true false null [true null /n (s) 1 2.5 -3] TJ",
	"1.2.3 Tj 5 - Tj +.5 -0 Tc . .",
	"% comment\n(a) Tj %another\r(b) Tj",
	"] >> [ 1 ] ] 2 Tc",
	"[ (a) Tj ] TJ (after) Tj",
	"[ (a) <4G> (b) ] TJ (kept) Tj",
	"<< /A 1 2 /B >> BDC (x) Tj",
	"{ } 1 2 re",
	"/d 1 dict def 3 dict begin /k (v) def k Tj end pop pop",
	"BI /W 2 /H 1 /BPC 8 /CS /G ID \x01\x02 EI (after image) Tj",
	"(unterminated string",
	"(a) Tj ) (b) Tj",
	"(a) Tj > (b) Tj",
	"(bad \\q escape) Tj",
	"(bad \\777 octal) Tj",
	"/bad#zzname Tj",
	"99999999999999999999 Tc",
	"<41 4Z> Tj",
	"end",
	"currentdict",
	"1 begin",
	"<</\x19 00/]>>A", // keys that sort one way and their entries another
}

// TestInterpretAsLibrary: our content stream reader gives every operator
// the operands the PDF library's does, and stops with the same panic, on
// well-formed and malformed content of our own.
func TestInterpretAsLibrary(t *testing.T) {
	for _, c := range interpretCases {
		page, err := rawPage(c)
		if err != nil {
			t.Fatal(err)
		}
		sameOpsAsLibrary(t, c, page)
	}
}

// TestInterpretNestingAsLibrary: arrays nested up to and past the
// library's depth bound, with plain elements (numbers, strings, names)
// at every level and after, read as the library reads them: the plain
// elements one level too deep fail as the library's do.
func TestInterpretNestingAsLibrary(t *testing.T) {
	for _, depth := range []int{maxObjectDepth - 2, maxObjectDepth - 1, maxObjectDepth, maxObjectDepth + 1} {
		for _, plain := range []string{"1", "(s)", "/n", "true"} {
			c := strings.Repeat("["+plain+" ", depth) + strings.Repeat("] ", depth) + "TJ 2 Tc"
			page, err := rawPage(c)
			if err != nil {
				t.Fatal(err)
			}
			sameOpsAsLibrary(t, fmt.Sprintf("%d arrays of %s", depth, plain), page)
		}
	}
}

// TestInterpretCutHexString: a hex string that the end of the stream cuts
// off, on which the PDF library loops for ever, stops reading with an
// error, keeping the operators before it.
func TestInterpretCutHexString(t *testing.T) {
	page, err := rawPage("BT /F1 12 Tf 72 700 Td (Hello) Tj <4142")
	if err != nil {
		t.Fatal(err)
	}
	got := interpretOps(page.V.Key("Contents"))
	if len(got) != 5 || got[3] != `Tj: str("Hello")` || !strings.HasPrefix(got[4], "panic: malformed hex string") {
		t.Errorf("got %q", got)
	}
}

// FuzzInterpretAsLibrary: on any content stream, our reader and the PDF
// library's give the same operators, operands and panics. Content with a
// '<' that no '>' follows is skipped: the library loops for ever on a hex
// string the end cuts off.
func FuzzInterpretAsLibrary(f *testing.F) {
	for _, c := range interpretCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, c string) {
		if i := strings.LastIndexByte(c, '<'); i >= 0 && !strings.Contains(c[i:], ">") {
			t.Skip()
		}
		page, err := rawPage(c)
		if err != nil {
			t.Skip()
		}
		sameOpsAsLibrary(t, c, page)
	})
}

// TestShowAllocatesNothing: drawing a string in a font met before
// allocates nothing per glyph once the page's glyph buffer has grown.
func TestShowAllocatesNothing(t *testing.T) {
	page, err := rawPage("BT /F1 12 Tf (x) Tj ET")
	if err != nil {
		t.Fatal(err)
	}
	in := &interp{}
	f := &frame{in: in, g: textState{ctm: identity, th: 1, size: 12, font: loadFont(page.Font("F1"))}, tm: identity}
	line := []byte("Every glyph of this line was decoded before.")
	f.show(line)
	allocs := testing.AllocsPerRun(100, func() {
		in.glyphs = in.glyphs[:0]
		f.show(line)
	})
	if allocs != 0 || len(in.glyphs) != len(line) {
		t.Errorf("%v allocations per line, %d glyphs", allocs, len(in.glyphs))
	}
}
