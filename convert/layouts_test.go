package convert

import (
	"errors"
	"math/rand"
	"strings"
	"testing"
)

// TestDetectors: each layout's detector accepts its own layout and the
// earlier detectors in the table refuse it.
func TestDetectors(t *testing.T) {
	samples := map[string]string{
		"lexisnexis":  "Cover\n\n                1 of 2 DOCUMENTS\n\n       The Ledger\n\nHeadline\n\nLENGTH: 3 words\n\nBody text here.\n",
		"apa":         "\"Wiener Tagblatt\" vom 03.05.2019 Seite: 7\nRessort: Lokal\n\nHeadline\n\nBody text.\n",
		"nexisuni":    "Storm Hits\n\nThe Ledger\n\nJuly 1, 2019 Monday\n\nLength: 3 words\n\nBody\n\nBody text here.\n\nEnd of Document\n",
		"pressreader": "Harbour Gazette\n\nA Headline\n\n- By Ann Lee\n\nBody text.\n\nNewspapers in English\n",
		"web":         "Harbour News\n\nMayor admits ferry plan is her 'biggest worry'\n\nThe mayor said so.\n\nMore text.\n",
		"text":        "Storm Hits the Coast\n\nMarch 5, 2019\n\nA story without a masthead starts here.\n\nIt goes on.\n",
	}
	for _, l := range layouts {
		lines := strings.Split(samples[l.name], "\n")
		if !l.detect(lines) {
			t.Errorf("%s detector refuses its own sample", l.name)
		}
		for _, earlier := range layouts {
			if earlier.name == l.name {
				break
			}
			if earlier.detect(lines) {
				t.Errorf("%s detector takes the %s sample", earlier.name, l.name)
			}
		}
	}
}

func TestConvertErrors(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":  nil,
		"blank":  []byte(" \n\t\n"),
		"binary": {0x89, 'P', 'N', 'G', 0, 0, 1, 2},
	} {
		_, err := Convert(name, in)
		var e *Error
		if !errors.As(err, &e) || e.File != name {
			t.Errorf("%s: err = %v, want an *Error naming the file", name, err)
		}
	}
	if _, err := Convert("e", nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	if _, err := Convert("b", []byte{0, 1, 2}); !errors.Is(err, ErrBinary) {
		t.Errorf("binary: %v", err)
	}
}

// detectPressReader tests a trimmed line only for the sign its first byte
// opens: a placeholder opens with '?', a footer with 'N', on the rows of
// their rule files and on random lines of their parts.
func TestPressReaderSignsByFirstByte(t *testing.T) {
	pieces := []string{"?", "??", " ", "\t", "\u00a0", "\u2003", "Newspapers", "Newspapers in ", "Newspapers from ",
		"English", "New Zealand", "x", ".", "- By "}
	lines := []string{" ??  ?? ", "?? ?? ??\u00a0", "\u00a0??", "Newspapers in German", " Newspapers from China"}
	r := rand.New(rand.NewSource(37))
	for range 50000 {
		lines = append(lines, randomText(r, pieces, r.Intn(6)))
	}
	signs := 0
	for _, l := range lines {
		tl := strings.TrimSpace(l)
		if isPlaceholder(tl) {
			signs++
			if tl[0] != '?' {
				t.Errorf("placeholder %q opens with %q", l, tl[0])
			}
		}
		if _, _, ok := pressReaderFooter(tl); ok {
			signs++
			if tl[0] != 'N' {
				t.Errorf("footer %q opens with %q", l, tl[0])
			}
		}
		if want := isPlaceholder(tl) || footerOK(tl) || strings.HasPrefix(tl, "- By "); detectPressReader([]string{l}) != want {
			t.Errorf("detectPressReader(%q) = %v, want %v", l, !want, want)
		}
	}
	if signs < 1000 {
		t.Errorf("%d placeholders and footers: too few to test", signs)
	}
}

// footerOK is pressReaderFooter's verdict.
func footerOK(s string) bool { _, _, ok := pressReaderFooter(s); return ok }
