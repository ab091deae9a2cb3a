package pdftext

import (
	"io"
	"regexp"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// maxCMapCheck bounds the ToUnicode stream cmapCountsFit reads, in bytes;
// a longer stream does not fit.
const maxCMapCheck = 16 << 20

// cmapCountRE matches the entry count that opens a section of a CMap:
// "2 beginbfchar", "100 begincidrange".
var cmapCountRE = regexp.MustCompile(`(\d+)\s+begin(?:bfchar|bfrange|cidchar|cidrange|codespacerange|notdefchar|notdefrange)\b`)

// cmapCountsFit reports whether every section count of the CMap stream v
// could be met by the stream's own bytes (an entry takes at least four).
// The PDF library fills as many entries as a section claims, whatever
// follows: a damaged "99999992 beginbfchar" would take minutes and
// gigabytes. A value that is not a stream fits.
func cmapCountsFit(v pdf.Value) bool {
	if v.Kind() != pdf.Stream {
		return true
	}
	rd := v.Reader()
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, maxCMapCheck+1))
	if err != nil || len(data) > maxCMapCheck {
		return err != nil // unreadable: the library finds nothing either
	}
	return countsFit(data)
}

// countsFit reports whether every section count of the CMap data is at
// most a quarter of its length in bytes.
func countsFit(data []byte) bool {
	for _, m := range cmapCountRE.FindAllSubmatch(data, -1) {
		n, err := strconv.Atoi(string(m[1]))
		if err != nil || n > len(data)/4 {
			return false
		}
	}
	return true
}

// noText decodes every code to nothing: the encoding of a font whose
// ToUnicode map cannot be read safely.
type noText struct{}

func (noText) Decode(string) string { return "" }
