package pdftext

// Standard 14 font metrics: the advance widths of Helvetica and Times
// (four styles each) by character, for fonts a PDF names without /Widths.
// The table is data, not code: std14.txt, written by std14_gen.go (go
// generate) from AFM files, embedded here and parsed once on first use.

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed std14.txt
var std14Text string

// std14Metrics is the table of std14.txt: runes are the characters it
// covers, ascending; widths maps a face ("Helvetica-Bold", "Times-Roman")
// to its advance widths in 1/1000 em, one per rune in the order of runes,
// 0 where the face has no glyph.
type std14Metrics struct {
	runes  []rune
	widths map[string][]uint16
}

// std14Table parses std14.txt on its first call and returns the same
// table ever after. A damaged file (which TestStd14Table catches) gives
// an empty table: such fonts are then measured as fonts without widths.
var std14Table = sync.OnceValue(func() std14Metrics {
	m, err := parseStd14(std14Text)
	if err != nil {
		return std14Metrics{}
	}
	return m
})

// parseStd14 reads the format std14_gen.go writes: "#" comment lines, a
// line "runes 20 21 ... fb02" of hex code points in ascending order, then
// one line a face, "Helvetica 278 278 355 ...", with as many decimal
// widths as there are runes. Errors name the line (1-based).
func parseStd14(text string) (std14Metrics, error) {
	m := std14Metrics{widths: map[string][]uint16{}}
	n := 0
	for line := range strings.Lines(text) {
		n++
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0 || strings.HasPrefix(fields[0], "#"):
			continue
		case fields[0] == "runes" && m.runes == nil:
			runes, err := parseStd14Runes(fields[1:])
			if err != nil {
				return std14Metrics{}, fmt.Errorf("std14.txt:%d: %w", n, err)
			}
			m.runes = runes
		case len(fields)-1 != len(m.runes) || m.runes == nil:
			return std14Metrics{}, fmt.Errorf("std14.txt:%d: %s has %d widths for %d runes", n, fields[0], len(fields)-1, len(m.runes))
		default:
			widths := make([]uint16, len(fields)-1)
			for i, f := range fields[1:] {
				w, err := strconv.ParseUint(f, 10, 16)
				if err != nil {
					return std14Metrics{}, fmt.Errorf("std14.txt:%d: %s: %w", n, fields[0], err)
				}
				widths[i] = uint16(w)
			}
			m.widths[fields[0]] = widths
		}
	}
	if len(m.widths) == 0 {
		return std14Metrics{}, fmt.Errorf("std14.txt: no faces")
	}
	return m, nil
}

// parseStd14Runes parses the hex code points of the "runes" line and
// checks that they ascend, as std14Width's binary search needs.
func parseStd14Runes(fields []string) ([]rune, error) {
	runes := make([]rune, len(fields))
	for i, f := range fields {
		r, err := strconv.ParseUint(f, 16, 32)
		if err != nil {
			return nil, err
		}
		runes[i] = rune(r)
		if i > 0 && runes[i] <= runes[i-1] {
			return nil, fmt.Errorf("rune %s out of order", f)
		}
	}
	return runes, nil
}

// std14Width returns the width (1/1000 em) of the first character of text
// in a face's widths from std14Table, 0 when the face has no glyph for it.
func std14Width(widths []uint16, text string) float64 {
	runes := std14Table().runes
	r, _ := utf8.DecodeRuneInString(text)
	i := sort.Search(len(runes), func(i int) bool { return runes[i] >= r })
	if text != "" && i < len(runes) && i < len(widths) && runes[i] == r {
		return float64(widths[i])
	}
	return 0
}
