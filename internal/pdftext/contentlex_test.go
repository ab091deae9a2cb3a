package pdftext

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestSmallIntegerAsParseInt: smallInteger reads every integer token
// (isInteger) of up to 18 digits as strconv.ParseInt does (signs, zeros,
// leading zeros, the largest and smallest) and declines longer ones.
func TestSmallIntegerAsParseInt(t *testing.T) {
	tokens := []string{"0", "-0", "+0", "007", "-007", "+5", "-5", "999999999999999999", "-999999999999999999",
		"1000000000000000000", "9223372036854775807", "-9223372036854775808", "99999999999999999999"}
	rng := rand.New(rand.NewPCG(15, 16))
	for range 5000 {
		n := 1 + rng.IntN(20)
		var b strings.Builder
		b.WriteString([]string{"", "", "-", "+"}[rng.IntN(4)])
		for range n {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		tokens = append(tokens, b.String())
	}
	for _, s := range tokens {
		if !isInteger([]byte(s)) {
			t.Fatalf("%q is no integer token", s)
		}
		x, ok := smallInteger([]byte(s))
		digits := strings.TrimLeft(s, "+-")
		if ok != (len(digits) <= 18) {
			t.Errorf("smallInteger(%q) ok = %v", s, ok)
		}
		if want, err := strconv.ParseInt(s, 10, 64); ok && (err != nil || x != want) {
			t.Errorf("smallInteger(%q) = %d, ParseInt %d, %v", s, x, want, err)
		}
	}
}

// TestPlainRegular: plainRegular holds exactly the bytes readRegular
// appends as they are: no delimiter, no white space, no '#'.
func TestPlainRegular(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		if want := !isDelim(b) && !isSpace(b) && b != '#'; plainRegular[b] != want {
			t.Errorf("plainRegular[%q] = %v", b, plainRegular[b])
		}
	}
}
