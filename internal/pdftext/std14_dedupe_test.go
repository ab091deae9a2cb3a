package pdftext

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestStd14Widths checks glyph widths read from the embedded std14.txt
// against the AFM files they come from (fonts-urw-base35), through the
// font names a PDF gives, aliases included.
func TestStd14Widths(t *testing.T) {
	if _, err := parseStd14(std14Text); err != nil {
		t.Fatalf("embedded table: %v", err)
	}
	for _, tc := range []struct {
		font, text string
		want       float64
	}{
		{"Helvetica", "a", 556},
		{"Helvetica", "W", 944},
		{"Arial,BoldItalic", "f", 333},
		{"Times-Roman", "W", 944},
		{"Times-Roman", "a", 444},
		{"Times-Roman", "\u20ac", 500}, // Euro, a glyph outside Latin-1
		{"Times-Roman", "\ufb01", 556}, // fi ligature
		{"Times-Bold", "Wine", 1000},   // the first character counts
		{"TimesNewRoman,Italic", "W", 833},
		{"Helvetica", "\u4e2d", 0}, // not in the table
		{"Helvetica", "", 0},
	} {
		fixed, widths := standardMetrics(tc.font)
		if fixed != 0 || widths == nil {
			t.Errorf("standardMetrics(%q) = %v, %d widths; want widths by character", tc.font, fixed, len(widths))
			continue
		}
		if got := std14Width(widths, tc.text); got != tc.want {
			t.Errorf("%s %q: width %v, want %v", tc.font, tc.text, got, tc.want)
		}
	}
	if fixed, widths := standardMetrics("Courier-Bold"); fixed != 600 || widths != nil {
		t.Errorf("Courier-Bold: fixed %v, %d widths; want fixed 600", fixed, len(widths))
	}
}

// TestParseStd14 checks the table format: a good table parses, and each
// kind of damage is an error naming its line.
func TestParseStd14(t *testing.T) {
	m, err := parseStd14("# no runes line\nA 10 20\n")
	if err == nil {
		t.Errorf("a face line before the runes line parsed: %v", m)
	}
	m, err = parseStd14("# comment\n\nrunes 41 e9\nSans 10 20\nSerif 30 0\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := std14WidthIn(m, "Serif", "A"); got != 30 {
		t.Errorf("Serif A = %v, want 30", got)
	}
	if got := std14WidthIn(m, "Sans", "\u00e9"); got != 20 {
		t.Errorf("Sans \u00e9 = %v, want 20", got)
	}
	for _, bad := range []string{
		"",                          // no faces
		"runes 41 42\n",             // no faces
		"runes 41 42\nSans 10\n",    // too few widths
		"runes 41 42\nSans 1 2 3\n", // too many widths
		"runes 41 4g\nSans 1 2\n",   // not hex
		"runes 42 41\nSans 1 2\n",   // not ascending
		"runes 41 42\nSans 1 x\n",   // not a number
		"runes 41\nSans 70000\n",    // over 16 bits
	} {
		if m, err := parseStd14(bad); err == nil {
			t.Errorf("parseStd14(%q) = %v, want an error", bad, m)
		}
	}
}

// std14WidthIn is std14Width over a table other than the embedded one.
func std14WidthIn(m std14Metrics, face, text string) float64 {
	for i, r := range m.runes {
		if string(r) == text {
			return float64(m.widths[face][i])
		}
	}
	return 0
}

// TestStd14Generated regenerates the table with std14_gen.go and checks
// that it equals the committed std14.txt. Skipped where the AFM files
// (Debian's fonts-urw-base35) or the go command are missing.
func TestStd14Generated(t *testing.T) {
	if _, err := os.Stat("/usr/share/fonts/type1/urw-base35/NimbusSans-Regular.afm"); err != nil {
		t.Skip("fonts-urw-base35 not installed")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out := filepath.Join(t.TempDir(), "std14.txt")
	if msg, err := exec.Command(goCmd, "run", "std14_gen.go", "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("go run std14_gen.go: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("std14.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("std14.txt (%d bytes) differs from what std14_gen.go writes (%d bytes): run go generate ./internal/pdftext", len(want), len(got))
	}
}
