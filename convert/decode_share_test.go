package convert

import (
	"bytes"
	"strings"
	"testing"
	"unsafe"
)

// TestConvertSharesInput checks Convert's contract with its input: a
// UTF-8 clipping with "\n" line ends is not copied (the headline is a view
// of data), one with "\r\n" is (its lines are rewritten), and so is one
// in a much larger buffer, which the Document would keep alive; no input
// is changed.
func TestConvertSharesInput(t *testing.T) {
	const clip = "Town council votes to keep the ferry\n\nBy Ann Lee\n\nThe council voted on Tuesday to keep the ferry running for another year.\n"
	for _, tc := range []struct {
		name   string
		text   string
		room   int // the input's spare capacity
		shared bool
	}{
		{"lf", clip, 0, true},
		{"crlf", strings.ReplaceAll(clip, "\n", "\r\n"), 0, false},
		{"lf in a 64 KiB buffer", clip, 64 << 10, false}, // a reader's head buffer: not kept alive
		{"lf with some room", clip, 100, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := append(make([]byte, 0, len(tc.text)+tc.room), tc.text...)
			doc, err := Convert("a.txt", data)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, []byte(tc.text)) {
				t.Fatalf("Convert changed its input:\n%q", data)
			}
			h := doc.Articles[0].Headline
			if h != "Town council votes to keep the ferry" {
				t.Fatalf("headline %q", h)
			}
			if got := within(data[:cap(data)], h); got != tc.shared {
				t.Errorf("headline in input's memory: %v, want %v", got, tc.shared)
			}
		})
	}
}

// within reports whether s's bytes lie in b's memory.
func within(b []byte, s string) bool {
	if len(b) == 0 || len(s) == 0 {
		return false
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= start && p+uintptr(len(s)) <= start+uintptr(len(b))
}
