package convert

import (
	"unicode"
	"unicode/utf8"
)

// openingPairs marks, by the first two bytes of a text, ASCII lower-cased,
// whether a phrase of a table may open it: the cheap test mayOpen turns
// away with one lookup most text that no phrase opens ("The port ..."
// before the credit markers, "Sh" let through for "share").
//
// Entry [a][b>>6] holds bit b&63 for the pair (a, b).
type openingPairs [utf8.RuneSelf][2]uint64

// newOpeningPairs marks the first two runes of each phrase, as every ASCII
// rune that case-folds to them (unicode.SimpleFold, as strings.EqualFold
// and (?i) compare), lower-cased. A phrase of one rune marks its first
// rune before any second byte. Lower-casing (strings.ToLower) maps onto
// ASCII only runes outside it ("İ", the kelvin sign), which mayOpen lets
// through, so the marks serve rules that lower-case as well as those that
// fold.
func newOpeningPairs(phrases ...string) *openingPairs {
	var t openingPairs
	for _, p := range phrases {
		r0, n := utf8.DecodeRuneInString(p)
		r1, _ := utf8.DecodeRuneInString(p[n:])
		for _, a := range asciiFolds(r0) {
			if n == len(p) {
				t[a] = [2]uint64{^uint64(0), ^uint64(0)}
				continue
			}
			for _, b := range asciiFolds(r1) {
				t[a][b>>6] |= 1 << (b & 63)
			}
		}
	}
	return &t
}

// asciiFolds lists the ASCII runes that case-fold to r (r among them when
// it is ASCII), lower-cased. The tables call it for every phrase they
// hold, at start-up: an ASCII rune, whose orbit holds itself and its other
// case only (the kelvin sign and the long s fold to "k" and "s", not the
// other way), is answered without walking its orbit.
func asciiFolds(r rune) []byte {
	if r < utf8.RuneSelf {
		return []byte{lowerASCII(byte(r))}
	}
	return asciiFoldsOf(r)
}

// asciiFoldsOf is asciiFolds by walking r's case orbit
// (unicode.SimpleFold), for any rune.
func asciiFoldsOf(r rune) []byte {
	var out []byte
	for f := r; ; {
		if f < utf8.RuneSelf {
			out = append(out, lowerASCII(byte(f)))
		}
		if f = unicode.SimpleFold(f); f == r {
			return out
		}
	}
}

// mayOpen reports whether a phrase of the table may open s: s is shorter
// than two bytes, one of its first two bytes is outside ASCII (where
// folding or lower-casing may meet a phrase), or its first two bytes,
// lower-cased, are marked. It never says no where a phrase opens s in any
// case.
func (t *openingPairs) mayOpen(s string) bool {
	if len(s) < 2 || s[0] >= utf8.RuneSelf || s[1] >= utf8.RuneSelf {
		return true
	}
	b := lowerASCII(s[1])
	return t[lowerASCII(s[0])][b>>6]&(1<<(b&63)) != 0
}
