package pdftext

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"newsclip/internal/pdfgen"
)

// TestHostileCMapCount: a ToUnicode CMap whose section claims a hundred
// million entries is read in well under a second (its font's text is
// left out) instead of filling the claimed entries.
func TestHostileCMapCount(t *testing.T) {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def 1 begincodespacerange <0000> <FFFF> endcodespacerange 99999992 beginbfchar <65B0> <65B0> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
	content := "BT /F3 12 Tf 72 700 Td <65B0> Tj ET BT /F1 10 Tf 72 680 Td (Harbour news) Tj ET"
	if got := extractInTime(t, pdfgen.BuildRaw([]string{content}, cmap), "a CMap claiming 99999992 entries"); got != "Harbour news" {
		t.Errorf("got %q", got)
	}
}

func TestCountsFit(t *testing.T) {
	for _, c := range []struct {
		cmap string
		want bool
	}{
		{"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <41> <0041> <42> <0042> endbfchar", true},
		{"1 begincodespacerange <00> <FF> endcodespacerange 99999992 beginbfchar <41> <0041> endbfchar", false},
		{"40 beginbfrange <00> <FF> <0000> endbfrange", false},
		{"99999999999999999999999 begincidrange", false},
		{"no sections at all", true},
	} {
		if got := countsFit([]byte(c.cmap)); got != c.want {
			t.Errorf("countsFit(%q) = %v, want %v", c.cmap, got, c.want)
		}
	}
}

// cmapCountRE is the rule countsFit reads by hand: a section's count.
var cmapCountRE = regexp.MustCompile(`(\d+)\s+begin(?:bfchar|bfrange|cidchar|cidrange|codespacerange|notdefchar|notdefrange)\b`)

// countsFitRE is countsFit by the regular expression.
func countsFitRE(data []byte) bool {
	for _, m := range cmapCountRE.FindAllSubmatch(data, -1) {
		n, err := strconv.Atoi(string(m[1]))
		if err != nil || n > len(data)/4 {
			return false
		}
	}
	return true
}

// TestCountsFitAsRegexp: the hand-written scan agrees with the regular
// expression on counts next to keywords, inside words, without white
// space, across lines and at the end of the data.
func TestCountsFitAsRegexp(t *testing.T) {
	for _, s := range []string{
		"900 beginbfchar", "9 beginbfchar <41> <0041> endbfchar", "900\tbeginbfrange", "900beginbfchar",
		"900 beginbfcharx", "900 beginbfchar_", "900 beginbfchar<", "x900 beginbfchar", "a900\r\n begincidrange",
		"900 xbeginbfchar", "900 beginbf", "900 beginnotdefrange", "9\v beginbfchar", "1 begincodespacerange 900 begin",
		"99999999999999999999999 begincidrange", "900 \f begincidchar" + strings.Repeat(" ", 4000), "",
	} {
		if got, want := countsFit([]byte(s)), countsFitRE([]byte(s)); got != want {
			t.Errorf("countsFit(%q) = %v, the regular expression says %v", s, got, want)
		}
	}
}

// FuzzCountsFit: the hand-written scan agrees with the regular expression
// on any data.
func FuzzCountsFit(f *testing.F) {
	f.Add([]byte("2 beginbfchar <41> <0041> <42> <0042> endbfchar 99 begincidrange"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := countsFit(data), countsFitRE(data); got != want {
			t.Errorf("countsFit(%q) = %v, the regular expression says %v", data, got, want)
		}
	})
}
