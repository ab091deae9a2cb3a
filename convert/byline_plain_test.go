package convert

import (
	"strings"
	"unicode"
)

// The byline rules as they were first written, before they were made
// faster: byline_fast_test.go checks that the rules answer as these do.
// Where the faster rule is only a cheap test in front of the first form,
// the first form is the rule's own body (deskStaffWords, cutAffiliation,
// titleRunes) and is not copied here.

// plainApplyByline is applyByline with the rules as first written.
func (a *Article) plainApplyByline(line string, lead bool) {
	a.applySegments(plainSplitCredits(line), lead, bylineRules{
		people:  func(_ []Person, s, publication string) ([]Person, Date) { return plainParseByline(s, publication) },
		credits: func(_ []Credit, role, text string) []Credit { return plainCreditsOf(role, text) },
	})
}

// plainParseByline is parseByline as it was first written.
func plainParseByline(s, publication string) ([]Person, Date) {
	s, date := stripBylineTail(s)
	if s == "" || plainIsRoleOnly(s) || deskStaffWords(s) {
		return nil, date
	}
	if name, ok := plainInvertedName(s); ok {
		return []Person{{Name: name}}, date
	}
	var people []Person
	for _, part := range plainSplitAuthors(s) {
		people = plainAppendAuthorPart(people, strings.TrimSpace(part), publication)
	}
	shareAgency(people)
	return people, date
}

// plainAppendAuthorPart is appendAuthorPart as it was first written.
func plainAppendAuthorPart(people []Person, part, publication string) []Person {
	for i, piece := range strings.Split(bylineSeparators.Replace(part), ",") {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		last := len(people) - 1
		switch {
		case plainAgencyName(piece) != "":
			if i > 0 && last >= 0 && people[last].Agency == "" {
				people[last].Agency = plainAgencyName(piece)
			} else {
				people = append(people, Person{Agency: plainAgencyName(piece)})
			}
		case i > 0 && last >= 0 && people[last].Agency == "" && isOrganisation(piece, publication):
			people[last].Agency = piece
		case i > 0 && last >= 0 && plainIsNameSuffix(piece):
			people[last].Name += ", " + piece
		case i > 0 && last >= 0 && (plainIsTitle(piece) || startsLower(piece) || !plainLooksLikeName(piece) ||
			!strings.Contains(piece, " ") && strings.Contains(people[last].Name, " ")):
			people[last].Title = joinNonEmpty(", ", people[last].Title, piece)
		case plainIsRoleOnly(piece) || deskStaffWords(piece):
		default:
			name, title := cutAffiliation(piece, publication)
			people = append(people, Person{Name: plainFixNameCase(name), Title: title})
		}
	}
	return people
}

// plainCreditsOf is creditsOf as it was first written.
func plainCreditsOf(role, text string) []Credit {
	text = strings.Trim(strings.TrimSpace(text), ".;,/|·•。 ")
	var out []Credit
	for _, part := range plainSplitAuthors(text) {
		for _, name := range strings.Split(part, ",") {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			out = append(out, Credit{Name: plainFixNameCase(name), Role: role, Raw: text})
		}
	}
	return out
}

// plainIsRoleOnly is isRoleOnly as it was first written.
func plainIsRoleOnly(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.'
	})
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !roleWords[w] {
			return false
		}
	}
	return true
}

// plainIsTitle is isTitle as it was first written.
func plainIsTitle(s string) bool {
	if plainIsRoleOnly(s) {
		return true
	}
	f := strings.Fields(strings.ToLower(s))
	return len(f) > 0 && len(f) <= 5 && titleNouns[strings.Trim(f[len(f)-1], ".")]
}

// plainIsNameSuffix is isNameSuffix as it was first written.
func plainIsNameSuffix(s string) bool {
	return nameSuffixes[strings.ToLower(strings.Trim(strings.TrimSpace(s), "."))]
}

// plainLooksLikeName is looksLikeName as it was first written.
func plainLooksLikeName(s string) bool {
	if isHanName(s) {
		return true
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	upper := 0
	for _, w := range words {
		if strings.ContainsAny(w, "0123456789:!?@/") {
			return false
		}
		switch {
		case startsUpper(w):
			upper++
		case nameParticles[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return upper > 0
}

// plainFixNameCase is fixNameCase as it was first written.
func plainFixNameCase(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if !isAllCaps(w) {
			continue
		}
		lw := strings.ToLower(w)
		switch {
		case i > 0 && i < len(words)-1 && nameParticles[lw]:
			words[i] = lw
		case plainIsNameSuffix(w) && len(strings.Trim(w, ".")) <= 3 &&
			(romanSuffixes[lw] || i > 0 && strings.HasSuffix(words[i-1], ",")):
		default:
			words[i] = titleRunes(w)
		}
	}
	return strings.Join(words, " ")
}

// plainAgencyName is agencyName as it was first written.
func plainAgencyName(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "()[].,;")
	for _, a := range agencies {
		if s == a || len(a) > 4 && strings.EqualFold(s, a) {
			return a
		}
	}
	return ""
}

// plainIsBareName is isBareName as it was first written.
func plainIsBareName(s string) bool {
	if len(s) > maxBareNameLen {
		return false
	}
	s, _ = stripBylineTail(s)
	if name, title, ok := strings.Cut(s, ","); ok && plainIsTitle(strings.TrimSpace(title)) {
		s = name
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 || plainIsRoleOnly(s) {
		return false
	}
	if plainAgencyName(s) != "" {
		return true
	}
	for _, w := range words {
		if strings.ContainsAny(w, ",;:") || headingWords[strings.ToLower(w)] {
			return false
		}
	}
	return plainLooksLikeName(s)
}

// plainIsBylineLine is isBylineLine as it was first written.
func plainIsBylineLine(s string) bool {
	if len(s) > maxBylineLen {
		return false
	}
	if _, ok := stripBylineLead(s); !ok {
		return false
	}
	segs := plainSplitCredits(s)
	text, ok := stripBylineLead(segs[0].text)
	if !ok || text == "" || fieldCount(text) > maxBylineWords {
		return false
	}
	if strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "Jr.") && !strings.HasSuffix(text, "Sr.") {
		return false
	}
	return true
}

// plainSplitAuthors is splitAuthors as it was first written.
func plainSplitAuthors(s string) []string {
	parts := []string{s}
	if mayJoinAuthors(s) {
		parts = authorSeparator.Split(s, -1)
	}
	var out []string
	for _, p := range parts {
		out = append(out, splitWeakJoins(p)...)
	}
	return out
}

// plainSplitCredits is splitCredits as it was first written, with
// creditMarkerAt as it was.
func plainSplitCredits(line string) []segment {
	lower := strings.ToLower(line)
	if len(lower) != len(line) {
		lower = asciiLower(line)
	}
	segs := []segment{{}}
	prev := 0
	for i := 0; i < len(lower); i++ {
		if creditMarkersByFirst[lower[i]] == nil {
			continue
		}
		role, n, ok := plainCreditMarkerAt(lower, i)
		if !ok {
			continue
		}
		segs[len(segs)-1].text = strings.TrimSpace(line[prev:i])
		segs = append(segs, segment{role: role})
		i += n - 1
		prev = i + 1
	}
	segs[len(segs)-1].text = strings.TrimSpace(line[prev:])
	return segs
}

// plainCreditMarkerAt is creditMarkerAt as it was first written, for a
// lower-cased line.
func plainCreditMarkerAt(lower string, i int) (role string, n int, ok bool) {
	if i > 0 {
		r := []rune(lower[:i])
		if last := r[len(r)-1]; unicode.IsLetter(last) || unicode.IsDigit(last) {
			return "", 0, false
		}
	}
	for _, m := range creditMarkers {
		if strings.HasPrefix(lower[i:], m.phrase) && markerEndsWord(m.phrase, lower, i+len(m.phrase)) {
			return m.role, len(m.phrase), true
		}
	}
	return "", 0, false
}

// plainInvertedName is invertedName as it was first written.
func plainInvertedName(s string) (string, bool) {
	pieces := strings.Split(s, ",")
	suffix := ""
	if len(pieces) == 3 && plainIsNameSuffix(pieces[2]) {
		suffix = ", " + strings.TrimSpace(pieces[2])
		pieces = pieces[:2]
	}
	if len(pieces) != 2 {
		return "", false
	}
	surname, given := strings.TrimSpace(pieces[0]), strings.TrimSpace(pieces[1])
	if strings.Contains(surname, " ") || !plainLooksLikeName(surname) || !plainLooksLikeName(given) ||
		countWords(given) > 2 || plainIsNameSuffix(given) || plainIsRoleOnly(given) ||
		isOrganisation(given, "") && isAllCaps(given) && !isAllCaps(surname) ||
		plainAgencyName(given) != "" || plainAgencyName(surname) != "" {
		return "", false
	}
	return plainFixNameCase(given+" "+surname) + suffix, true
}

// plainStripCreditQualifier is stripCreditQualifier as it was first
// written.
func plainStripCreditQualifier(s string) string {
	w, rest, ok := strings.Cut(s, " ")
	if !ok || len(w) > len("featured") {
		return s
	}
	for _, q := range creditQualifiers {
		if strings.EqualFold(w, q) && startsWithCredit(rest) {
			return rest
		}
	}
	return s
}

// plainOpensWithMarker is opensWithMarker as it was first written.
func plainOpensWithMarker(s, phrase string) bool {
	n := len(phrase)
	return len(s) >= n && strings.EqualFold(s[:n], phrase) && markerEndsWord(phrase, s, n)
}
