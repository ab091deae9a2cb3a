package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// isBareLead takes a lead word alone, in any case and with a colon, and
// nothing longer: not a name after it, not a word it begins, not a long
// paragraph of leads.
func TestIsBareLeadLengths(t *testing.T) {
	for in, want := range map[string]bool{
		"By": true, "BY:": true, " von : ": true, "Written by": true, "REPORTING BY": true,
		"By Ann": false, "Byline": false, strings.Repeat("by ", 20): false, "": false,
		"DOOR": true,
	} {
		if got := isBareLead(in); got != want {
			t.Errorf("isBareLead(%q) = %v, want %v", in, got, want)
		}
	}
}

// startsWithCredit, which tries only the markers whose first letter folds
// to the text's first byte, answers as trying every marker of the table
// with strings.EqualFold does, on random text of marker pieces in every
// case, the kelvin sign and other non-ASCII letters.
func TestStartsWithCreditMatchesEveryMarker(t *testing.T) {
	every := plainStartsWithCredit
	pieces := []string{"Photo", "PHOTO", "photo", " by ", ":", "Edited", "COPY", "copy-", "Contact", "\u212A", "Ü", "übersetzung",
		"编辑：", "e-mail", "E", "x", " ", "Ann"}
	r := rand.New(rand.NewSource(31))
	sameOnRandom[bool]{name: "startsWithCredit", fast: startsWithCredit, plain: "every marker", slow: every,
		hit: func(credit bool) bool { return credit }, least: 1000}.
		check(t, 20000, func() string { return randomText(r, pieces, 1+r.Intn(4)) })
}

// plainStartsWithCredit is startsWithCredit trying every marker of the
// table, with no cheap test before.
func plainStartsWithCredit(s string) bool {
	for _, m := range creditMarkers {
		if opensWithMarker(s, m.phrase) {
			return true
		}
	}
	return false
}
