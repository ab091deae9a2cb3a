package convert

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"newsclip/internal/testutil"
)

// seedInputs adds the inputs of the golden cases to a fuzz corpus.
func seedInputs(f *testing.F) {
	for _, in := range testutil.GoldenInputs(f, "../testdata/convert") {
		f.Add(in)
	}
	if data, err := os.ReadFile("../testdata/sample-clipping.txt"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("\xff\xfeH\x00i\x00"))
	f.Add([]byte("â€™"))
}

// checkArticles asserts what every reader promises: blocks hold one line of
// non-empty text, and indexes count from 0.
func checkArticles(t *testing.T, arts []*Article) {
	for i, a := range arts {
		for _, b := range a.Body {
			if b.Text() == "" || strings.Contains(b.Text(), "\n") {
				t.Fatalf("article %d: bad block %q", i, b.Text())
			}
			if !utf8.ValidString(b.Text()) {
				t.Fatalf("article %d: invalid UTF-8 in %q", i, b.Text())
			}
		}
	}
}

// FuzzConvert: any bytes either convert or fail with ErrEmpty or ErrBinary,
// never with a panic.
func FuzzConvert(f *testing.F) {
	seedInputs(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Convert("fuzz", data)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if len(doc.Articles) == 0 {
			t.Fatal("no articles and no error")
		}
		for i, a := range doc.Articles {
			if a.Index != i {
				t.Fatalf("article %d has index %d", i, a.Index)
			}
		}
		checkArticles(t, doc.Articles)
	})
}

// FuzzLexisNexis feeds the LexisNexis reader directly (Convert would route
// most inputs elsewhere).
func FuzzLexisNexis(f *testing.F) {
	seedInputs(f)
	f.Add([]byte("   1 of 2 DOCUMENTS\n\n      Pub\n\n   May 2010\nH\n\nBYLINE: A\nB\n\nx-\ny\n   2 of 2 DOCUMENTS\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, _ := readLexisNexis(strings.Split(strings.ToValidUTF8(string(data), "\uFFFD"), "\n"))
		checkArticles(t, arts)
	})
}

// FuzzClipping feeds the PressReader/web reader and the plain-text reader.
func FuzzClipping(f *testing.F) {
	seedInputs(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Split(strings.ToValidUTF8(string(data), "\uFFFD"), "\n")
		checkArticles(t, []*Article{readClipping(lines, true), readClipping(lines, false)})
	})
}
