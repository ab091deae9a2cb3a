package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// creditMarkerAt finds a marker only as a whole word: not after an ASCII
// or non-ASCII letter or digit, but after punctuation, a space, a
// non-ASCII mark or at the start; among markers sharing a first letter the
// longest listed first wins.
func TestCreditMarkerAtWordStart(t *testing.T) {
	for _, tc := range []struct {
		lower string
		i     int
		role  string
		n     int
	}{
		{"edited by ann", 0, RoleEditor, len("edited by")},
		{"x edited by ann", 2, RoleEditor, len("edited by")},
		{"(edited by ann)", 1, RoleEditor, len("edited by")},
		{"—edited by ann", len("—"), RoleEditor, len("edited by")},
		{"copyedited by ann", 4, "", 0},
		{"2edited by ann", 1, "", 0},
		{"éedited by ann", len("é"), "", 0},
		{"日edited by ann", len("日"), "", 0},
		{"copy edited by ann", 0, RoleCopyeditor, len("copy edited by")},
		{"photographs by ann", 0, RolePhotographer, len("photographs by")},
		{"photo by ann", 0, RolePhotographer, len("photo by")},
		{"photos: ann", 0, RolePhotographer, len("photos:")},
		{"editorial by ann", 0, "", 0},
		{"编辑：王", 0, RoleEditor, len("编辑：")},
	} {
		role, n, ok := creditMarkerAt(tc.lower, tc.i)
		if role != tc.role || n != tc.n || ok != (tc.n > 0) {
			t.Errorf("creditMarkerAt(%q, %d) = %q, %d, %v; want %q, %d", tc.lower, tc.i, role, n, ok, tc.role, tc.n)
		}
	}
}

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
	every := func(s string) bool {
		for _, m := range creditMarkers {
			if opensWithMarker(s, m.phrase) {
				return true
			}
		}
		return false
	}
	pieces := []string{"Photo", "PHOTO", "photo", " by ", ":", "Edited", "COPY", "copy-", "Contact", "\u212A", "Ü", "übersetzung",
		"编辑：", "e-mail", "E", "x", " ", "Ann"}
	r := rand.New(rand.NewSource(31))
	sameOnRandom[bool]{name: "startsWithCredit", fast: startsWithCredit, plain: "every marker", slow: every,
		hit: func(credit bool) bool { return credit }, least: 1000}.
		check(t, 20000, func() string { return randomText(r, pieces, 1+r.Intn(4)) })
}
