package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// trimSpaceAnd gives what strings.Trim after strings.TrimSpace gives, for
// the cutsets of its callers and others, on the byline rows and on random
// bylines whose ends are letters, spaces of every width, the cutsets' own
// runes and bytes of them.
func TestTrimSpaceAndAgrees(t *testing.T) {
	ends := append([]string{"·", "•", "–", "—", "。", "\xb7", "\xc2", "\u00a0", "\u3000", "\t", "\n", "(", ")",
		"[", "]", ".", ",", ";", "|", "/", "-", " ", "A", "z", "7", "é", "\xff"}, bylinePieces...)
	for _, cutset := range []string{",;|·•–—- ", "()[].,;", ".;,/|·•。 ", ".;,", "", "x", "é"} {
		c := sameOnRandom[string]{name: "trimSpaceAnd(" + cutset + ")", plain: "strings.Trim(strings.TrimSpace)",
			fast: func(s string) string { return trimSpaceAnd(s, cutset) },
			slow: func(s string) string { return strings.Trim(strings.TrimSpace(s), cutset) },
			hit:  func(s string) bool { return s != "" }, least: 1000}
		agreesOnRows(t, c, 20000, "parseByline", "agencyName", "creditLine")
		r := rand.New(rand.NewSource(int64(len(cutset))))
		c.check(t, 20000, func() string {
			return randomText(r, ends, r.Intn(3)) + randomByline(r, 3) + randomText(r, ends, r.Intn(3))
		})
	}
}
