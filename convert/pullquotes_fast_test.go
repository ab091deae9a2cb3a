package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// trimmedLen, which walks back over closing marks byte by byte and rune
// by rune, gives the length strings.TrimRight(s, closingMarks) leaves:
// on these rows, and on random text of the marks, letters, spaces,
// invalid UTF-8 and pieces of the curly quotes (filterPieces).
func TestTrimmedLenIsTrimRight(t *testing.T) {
	rows(t, "trimmedLen", trimmedLen, map[string]int{
		"":                         0,
		"The ferry runs.":          14,
		"“The ferry runs.”":        len("“The ferry runs"),
		"It will, he said…’ ":      len("It will, he said"),
		"Who?!\"":                  3,
		"...":                      0,
		"Ends in a dash —":         len("Ends in a dash —"),
		"Broken quote \xe2\x80":    len("Broken quote \xe2\x80"),
		"Odd byte\xff.":            len("Odd byte\xff"),
		"Trailing no-break\u00a0.": len("Trailing no-break\u00a0"),
		"Opening quote “":          len("Opening quote"), // “ is one of closingMarks too
		"Letters then ‘":           len("Letters then ‘"),
	})
	r := rand.New(rand.NewSource(71))
	sameOnRandom[int]{
		name: "trimmedLen", plain: "len(strings.TrimRight(s, closingMarks))",
		fast:  trimmedLen,
		slow:  func(s string) int { return len(strings.TrimRight(s, closingMarks)) },
		hit:   func(n int) bool { return n > 0 },
		least: 1000,
	}.check(t, 5000, func() string { return randomText(r, filterPieces, r.Intn(10)) })
}

// A table made in the slots of an earlier one (newTailTableIn, as
// mayHavePullQuote reuses them) starts as empty as a new one: no tail of
// the earlier use is found in it.
func TestNewTailTableInEmptiesRoom(t *testing.T) {
	old := newTailTable(40)
	for i := range 40 {
		old.addFrom(uint64(i), uint64(i)*7, i)
	}
	for _, n := range []int{1, 3, 20, 40} {
		reused, fresh := newTailTableIn(old.slots, n), newTailTable(n)
		if len(reused.slots) != len(fresh.slots) || reused.shift != fresh.shift {
			t.Fatalf("n=%d: %d slots, shift %d; a new table has %d, %d", n, len(reused.slots), reused.shift, len(fresh.slots), fresh.shift)
		}
		for i := range 40 {
			if o := reused.ownerOf(uint64(i), uint64(i)*7); o != -1 {
				t.Errorf("n=%d: tail %d of the earlier table found, owner %d", n, i, o)
			}
		}
	}
}
