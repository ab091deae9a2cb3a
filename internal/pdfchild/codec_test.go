package pdfchild

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"testing"

	"newsclip/internal/pdftext"
)

// fill sets every field of the struct v points to a value derived from
// seed (slices get two elements), so that a field the codec leaves out
// shows in a round trip.
func fill(v reflect.Value, seed int) {
	switch v.Kind() {
	case reflect.Pointer:
		fill(v.Elem(), seed)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i), seed*31+i+1)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		fill(v.Index(0), seed+1)
		fill(v.Index(1), seed+2)
	case reflect.String:
		v.SetString("line «" + string(rune('a'+seed%26)) + "»")
	case reflect.Int:
		v.SetInt(int64(seed))
	case reflect.Float64:
		v.SetFloat(float64(seed) + 0.1)
	case reflect.Bool:
		v.SetBool(seed%2 == 1)
	default:
		panic("fill: no case for " + v.Kind().String())
	}
}

// TestPageRoundTrip: a page with every field set arrives as it was sent,
// and as JSON (the earlier frames) carried it: with a field added to
// pdftext.Page or Line and not to the codec, this fails.
func TestPageRoundTrip(t *testing.T) {
	var p pdftext.Page
	fill(reflect.ValueOf(&p), 1)
	p.Heads = []pdftext.Line{} // empty, not nil
	p.Turned = nil
	b, err := appendPage(nil, &p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodePage(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, p)
	}
	if want := viaJSON(t, p); !reflect.DeepEqual(got, want) {
		t.Errorf("binary gives %+v, JSON gave %+v", got, want)
	}
}

// viaJSON is p as the earlier JSON frames carried it.
func viaJSON(t *testing.T, p pdftext.Page) pdftext.Page {
	j, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var out pdftext.Page
	if err := json.Unmarshal(j, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPageTextAsJSON: text that is not valid UTF-8 arrives as JSON
// carried it, each bad byte a U+FFFD.
func TestPageTextAsJSON(t *testing.T) {
	for _, s := range []string{"Harbour", "Hafen\xff\xfeamt", "\xe2\x82", "ok €\xc3", ""} {
		p := pdftext.Page{Lines: []pdftext.Line{{Text: s}}, Unmapped: s}
		b, err := appendPage(nil, &p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodePage(b)
		if want := viaJSON(t, p); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %+v (%v), JSON gave %+v", s, got, err, want)
		}
	}
}

// TestPageNotFinite: a coordinate JSON could not carry (NaN, infinity)
// fails the page, as it failed its child before.
func TestPageNotFinite(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		p := pdftext.Page{Lines: []pdftext.Line{{Text: "x", Y: f}}}
		if _, err := appendPage(nil, &p); err == nil {
			t.Errorf("a page at y=%v was encoded", f)
		}
		if _, err := json.Marshal(p); err == nil {
			t.Errorf("JSON encoded a page at y=%v", f)
		}
	}
}

// TestFramesRoundTrip: frames written in a row read back in order, and a
// stream cut anywhere inside a frame is an error, not a short frame.
func TestFramesRoundTrip(t *testing.T) {
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	payloads := [][]byte{[]byte("one"), nil, bytes.Repeat([]byte("x"), 300)}
	for i, p := range payloads {
		if err := writeFrame(w, byte('a'+i), p); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	all := out.Bytes()
	r := bufio.NewReader(bytes.NewReader(all))
	for i, want := range payloads {
		kind, got, err := readFrame(r, nil)
		if err != nil || kind != byte('a'+i) || !bytes.Equal(got, want) {
			t.Errorf("frame %d: %c %q %v", i, kind, got, err)
		}
	}
	for cut := 1; cut < len(all); cut++ {
		r := bufio.NewReader(bytes.NewReader(all[:cut]))
		var err error
		for err == nil {
			_, _, err = readFrame(r, nil)
		}
		if atBoundary := cut == 5 || cut == 7; !atBoundary && err.Error() != "unexpected EOF" {
			t.Errorf("cut at %d: %v, want unexpected EOF", cut, err)
		}
	}
}

// FuzzDecodePage: any bytes decode to a page or an error, never a panic,
// and a page decoded encodes to bytes that decode to the same page.
func FuzzDecodePage(f *testing.F) {
	var p pdftext.Page
	fill(reflect.ValueOf(&p), 3)
	b, _ := appendPage(nil, &p)
	f.Add(b)
	f.Add([]byte{0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePage(data)
		if err != nil {
			return
		}
		again, err := appendPage(nil, &p)
		if err != nil || !utf8Clean(p) {
			return // not finite, or strings that re-encode with U+FFFD
		}
		if q, err := decodePage(again); err != nil || !reflect.DeepEqual(q, p) {
			t.Errorf("decoded %+v, which re-reads as %+v (%v)", p, q, err)
		}
	})
}

// utf8Clean reports whether the page's strings are valid UTF-8 (others
// are re-encoded with U+FFFD, so their bytes change).
func utf8Clean(p pdftext.Page) bool {
	ok := bytes.Equal([]byte(p.Unmapped), bytes.ToValidUTF8([]byte(p.Unmapped), nil))
	for _, ls := range [][]pdftext.Line{p.Lines, p.Heads, p.Turned} {
		for _, l := range ls {
			ok = ok && bytes.Equal([]byte(l.Text), bytes.ToValidUTF8([]byte(l.Text), nil))
		}
	}
	return ok
}

// TestVarint reads back what binary.AppendVarint writes, at the edges of
// each varint length and of int64, and refuses a cut one.
func TestVarint(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 63, -64, 64, -65, 1 << 20, -(1 << 20), math.MaxInt64, math.MinInt64} {
		d := pageDecoder{b: binary.AppendVarint(nil, v)}
		if got := d.varint(); got != v || d.err != nil || len(d.b) != 0 {
			t.Errorf("varint of %d: %d, %v, %d bytes left", v, got, d.err, len(d.b))
		}
	}
	d := pageDecoder{b: binary.AppendVarint(nil, math.MinInt64)[:3]}
	if d.varint(); d.err == nil {
		t.Error("a cut varint was read")
	}
}

// TestPageDecoderReused: a decoder read pages with their strings copied
// out of the payload (which readFrame reuses for the next frame) into one
// allocation per page, and a page read after a longer one carries none
// of the longer one's strings.
func TestPageDecoderReused(t *testing.T) {
	page := func(n int, word string) pdftext.Page {
		p := pdftext.Page{Number: n, Heads: []pdftext.Line{{Text: "Harbour Gazette " + word}}, Unmapped: ""}
		for i := range n {
			p.Lines = append(p.Lines, pdftext.Line{Text: fmt.Sprintf("%s line %d", word, i), Y: float64(700 - 12*i), Bold: i%3 == 0, BlockStart: i%5 == 0})
		}
		return p
	}
	var d pageDecoder
	var got []pdftext.Page
	payload := make([]byte, 0, 1<<16) // one buffer for every frame, as readFrame uses it
	for _, p := range []pdftext.Page{page(40, "long"), page(3, "short"), page(1, "")} {
		b, err := appendPage(payload[:0], &p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := d.page(b)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(q, p) {
			t.Fatalf("page %d: got %+v, want %+v", p.Number, q, p)
		}
		got = append(got, q)
		clear(b) // the next frame overwrites the buffer
	}
	for i, want := range []pdftext.Page{page(40, "long"), page(3, "short"), page(1, "")} {
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("page %d changed after the payload was reused: %+v", want.Number, got[i])
		}
	}

	b, err := appendPage(nil, &pdftext.Page{Lines: page(60, "word").Lines, Heads: page(2, "head").Lines})
	if err != nil {
		t.Fatal(err)
	}
	// The two line lists and the strings' block; a string each would be
	// 62 more.
	if n := testing.AllocsPerRun(50, func() { d.page(b) }); n > 3 {
		t.Errorf("a page of 62 lines: %v allocations, want 3 at most", n)
	}
}
