package convert

import (
	"strings"
	"unicode/utf8"
)

// deskPrefixRunes is the longest word, in letters, that a desk byline puts
// before "staff": a publication's initials ("REW", "NYT", "AP").
const deskPrefixRunes = 4

// isDeskStaff recognises a desk byline that names a publication's staff
// rather than a person: the word "staff" (or "staff reporter(s)", "staff
// writer(s)") after one short abbreviation of at most deskPrefixRunes
// letters, or after two words of which one is a role word:
//
//	REW STAFF           -> desk (the initials of Real Estate Weekly)
//	NYT Staff Reporter  -> desk
//	Our REW Staff       -> desk
//	Al Roe Staff        -> a person (no role word before "staff")
//	Jonathan Staff      -> a person (too long for initials)
//
// A role-only byline ("Staff Reporter", "By STAFF") is isRoleOnly's.
//
// Only a line that holds "staff" in some ASCII case can be one: no other
// rune lower-cases to an ASCII s, t, a or f, so the cheap test comes first.
func isDeskStaff(s string) bool {
	return containsFoldASCII(s, "staff") && deskStaffWords(s)
}

// deskStaffWords is isDeskStaff without its cheap test.
func deskStaffWords(s string) bool {
	words := strings.Fields(strings.ToLower(strings.Trim(s, " .,")))
	for len(words) > 0 && (words[len(words)-1] == "reporter" || words[len(words)-1] == "reporters" ||
		words[len(words)-1] == "writer" || words[len(words)-1] == "writers") {
		words = words[:len(words)-1]
	}
	if len(words) < 2 || len(words) > 3 || words[len(words)-1] != "staff" {
		return false
	}
	lead, roles := words[:len(words)-1], 0
	for _, w := range lead {
		switch {
		case roleWords[w]:
			roles++
		case utf8.RuneCountInString(w) > deskPrefixRunes:
			return false
		}
	}
	return len(lead) == 1 || roles > 0
}
