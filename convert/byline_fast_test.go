package convert

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// The byline rules lower-case word by word, and test ASCII text folded in
// place, where they once lower-cased whole lines. That gives the same
// words only while lower-casing keeps every separator a separator and
// every other rune not one, and turns no rune outside ASCII into an ASCII
// one but "İ" (to i) and the Kelvin sign (to k); the cheap tests that look
// for ASCII words ("staff", "read") rely on the last.
func TestLowerCasingKeepsSeparators(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		l := unicode.ToLower(r)
		if unicode.IsSpace(r) != unicode.IsSpace(l) || isRoleSeparator(r) != isRoleSeparator(l) {
			t.Errorf("%U lower-cases to %U: a separator changes", r, l)
		}
		if r >= 0x80 && l < 0x80 && r != 'İ' && r != '\u212a' {
			t.Errorf("%U lower-cases to ASCII %q", r, l)
		}
	}
	// mayHoldReadingTime looks for "read" in ASCII case only: (?i) must
	// fold none of its letters onto a rune outside ASCII.
	for _, c := range "read" {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f >= 0x80 {
				t.Errorf("(?i) folds %q onto %U", c, f)
			}
		}
	}
}

// bylinePieces are the pieces random bylines are made of: names in every
// case, role words, joins, separators, credit markers, dates, reading
// times, and runes that fold or lower-case oddly.
var bylinePieces = []string{"Ann", "LEE", "lee", "Bo Ma", "JAN", "VAN", "van", "der", "Mc", "O'BRIEN",
	"Staff", "STAFF", "staff", "ſtaff", "Reporter", "writers", "Our", "Foreign", "Correspondent",
	"envoyé", "SPÉCIAL", "Writer", "desk", "REW", "NYT", " and ", " AND ", " und ", " & ", "; ",
	" y ", " with ", " e ", "\tand ", " and\t", " ", "  ", "\t", "\u00a0", ",", ", ", ".", "Jr.",
	"III", "MD", "CNN", "Reuters", "REUTERS", "AP", "\u212ayodo", "Copyedited by ", "copy edited by ",
	"Photo: ", "PHOTO BY ", "ÜBERSETZUNG: ", "Übersetzung: ", "编辑：", "Comments to ", "e-mail: ",
	"5 min read", "3", "2021", "March 5, 2021", "22 Dec 2016", " | ", " / ", " · ", "(text)", "(",
	")", "By ", "by ", "- ", "İ", "\u212a", "\xff", "李明", "Inés", "Why", "the", "Tidewatch"}

// randomByline draws up to n pieces of bylinePieces.
func randomByline(r *rand.Rand, n int) string {
	return randomText(r, bylinePieces, 1+r.Intn(n))
}

// ruleInputs lists the first field of every row of testdata/rules/name.txt.
func ruleInputs(t *testing.T, name string) []string {
	t.Helper()
	path := filepath.Join("testdata", "rules", name+".txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := parseRules(path, data)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r.fields[0])
	}
	return out
}

// agreesOnRows checks fast against slow on the inputs of the rule files
// named, and on n random bylines of which at least least must hit.
func agreesOnRows[T any](t *testing.T, c sameOnRandom[T], n int, files ...string) {
	t.Helper()
	var inputs []string
	for _, f := range files {
		inputs = append(inputs, ruleInputs(t, f)...)
	}
	r := rand.New(rand.NewSource(int64(len(c.name))))
	k := 0
	c.check(t, n+len(inputs), func() string {
		k++
		if k <= len(inputs) {
			return inputs[k-1]
		}
		return randomByline(r, 8)
	})
}

func yes(b bool) bool { return b }

// Each rewritten rule answers as the rule it replaced (kept below as
// plainX) on the rows of its rule file and on random bylines.
func TestBylineRulesAgreeWithPlainForms(t *testing.T) {
	agreesOnRows(t, sameOnRandom[bool]{name: "isRoleOnly", fast: isRoleOnly, plain: "plainIsRoleOnly",
		slow: plainIsRoleOnly, hit: yes, least: 300}, 20000, "isRoleOnly", "isTitle", "parseByline")
	agreesOnRows(t, sameOnRandom[bool]{name: "isTitle", fast: isTitle, plain: "plainIsTitle",
		slow: plainIsTitle, hit: yes, least: 1000}, 20000, "isTitle", "isRoleOnly")
	agreesOnRows(t, sameOnRandom[bool]{name: "isNameSuffix", fast: isNameSuffix, plain: "plainIsNameSuffix",
		slow: plainIsNameSuffix, hit: yes, least: 100}, 20000, "fixNameCase")
	agreesOnRows(t, sameOnRandom[bool]{name: "looksLikeName", fast: looksLikeName, plain: "plainLooksLikeName",
		slow: plainLooksLikeName, hit: yes, least: 1000}, 20000, "isBareName", "fixNameCase")
	agreesOnRows(t, sameOnRandom[string]{name: "fixNameCase", fast: fixNameCase, plain: "plainFixNameCase",
		slow: plainFixNameCase, hit: func(s string) bool { return s != "" }, least: 1000}, 20000, "fixNameCase", "parseByline")
	agreesOnRows(t, sameOnRandom[string]{name: "agencyName", fast: agencyName, plain: "plainAgencyName",
		slow: plainAgencyName, hit: func(s string) bool { return s != "" }, least: 300}, 40000, "agencyName", "parseByline")
	agreesOnRows(t, sameOnRandom[bool]{name: "isDeskStaff", fast: isDeskStaff, plain: "plainIsDeskStaff",
		slow: plainIsDeskStaff, hit: yes, least: 30}, 40000, "isDeskStaff", "isRoleOnly")
	agreesOnRows(t, sameOnRandom[bool]{name: "isBareName", fast: isBareName, plain: "plainIsBareName",
		slow: plainIsBareName, hit: yes, least: 300}, 20000, "isBareName", "parseByline")
	agreesOnRows(t, sameOnRandom[bool]{name: "isBylineLine", fast: isBylineLine, plain: "plainIsBylineLine",
		slow: plainIsBylineLine, hit: yes, least: 150}, 20000, "isBylineLine", "parseByline")
	agreesOnRows(t, sameOnRandom[[]string]{name: "splitAuthors", fast: splitAuthors, plain: "plainSplitAuthors",
		slow: plainSplitAuthors, hit: func(p []string) bool { return len(p) > 1 }, least: 1000}, 20000, "parseByline")
	agreesOnRows(t, sameOnRandom[[]segment]{name: "splitCredits", fast: splitCredits, plain: "plainSplitCredits",
		slow: plainSplitCredits, hit: func(s []segment) bool { return len(s) > 1 }, least: 1000}, 20000, "isBylineLine", "creditLine")
	agreesOnRows(t, sameOnRandom[[]string]{name: "splitAffiliation", fast: pairOf(splitAffiliation),
		plain: "plainSplitAffiliation", slow: pairOf(plainSplitAffiliation),
		hit: func(p []string) bool { return p[1] != "" }, least: 30}, 40000, "splitAffiliation", "parseByline")
	agreesOnRows(t, sameOnRandom[[]string]{name: "invertedName", fast: invertedNameOf(invertedName),
		plain: "plainInvertedName", slow: invertedNameOf(plainInvertedName),
		hit: func(p []string) bool { return p[1] == "true" }, least: 30}, 40000, "parseByline")
}

// applyByline gives the article that the byline rules as first written
// (plainApplyByline) give, authors, credits, contacts, date and dateline,
// on the rows of the byline rule files and on random bylines with and
// without a lead word.
func TestApplyBylineAgreesWithPlainForm(t *testing.T) {
	var inputs []string
	for _, f := range []string{"parseByline", "isBylineLine", "bylineField", "creditLine", "roleNotes"} {
		inputs = append(inputs, ruleInputs(t, f)...)
	}
	r := rand.New(rand.NewSource(5))
	authors, credits := 0, 0
	for k := range 20000 + len(inputs) {
		line := "By " + randomByline(r, 8)
		if k < len(inputs) {
			line = inputs[k]
		} else if k%3 == 0 {
			line = line[3:]
		}
		for _, lead := range []bool{false, true} {
			got, want := &Article{Publication: "Tidewatch Health"}, &Article{Publication: "Tidewatch Health"}
			got.applyByline(line, lead)
			want.plainApplyByline(line, lead)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("applyByline(%q, %v) = %+v, plainApplyByline gives %+v", line, lead, *got, *want)
			}
			authors += min(len(got.Authors), 1)
			credits += min(len(got.Credits), 1)
		}
	}
	if authors < 10000 || credits < 1000 {
		t.Errorf("%d articles got authors, %d credits: too few to compare", authors, credits)
	}
}

// plainApplyByline is applyByline with the rules as first written.
func (a *Article) plainApplyByline(line string, lead bool) {
	for _, s := range plainSplitCredits(line) {
		switch s.role {
		case "":
			text, hasBy := stripBylineLead(s.text)
			if text == "" || !hasBy && !lead {
				continue
			}
			if lead {
				text = stripFieldLead(text)
				if names, place, ok := reportsFrom(text); ok {
					text = names
					if a.Dateline == "" {
						a.Dateline = place
					}
				}
			}
			text, credits := roleNotes(text)
			a.Credits = append(a.Credits, credits...)
			people, date := plainParseByline(text, a.Publication)
			for i := range people {
				people[i].Raw = s.text
			}
			a.Authors = append(a.Authors, people...)
			if a.Date.IsZero() && !date.IsZero() {
				a.Date = date
			}
		case "contact":
			a.Contacts = append(a.Contacts, contactsOf(s.text)...)
		default:
			a.Credits = append(a.Credits, plainCreditsOf(s.role, s.text)...)
		}
	}
}

// plainParseByline is parseByline as it was first written.
func plainParseByline(s, publication string) ([]Person, Date) {
	s, date := stripBylineTail(s)
	if s == "" || plainIsRoleOnly(s) || plainIsDeskStaff(s) {
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
		case plainIsRoleOnly(piece) || plainIsDeskStaff(piece):
		default:
			name, title := plainSplitAffiliation(piece, publication)
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

// pairOf gives a rule of a name and a publication ("Tidewatch") as a list
// of its two results.
func pairOf(f func(s, publication string) (string, string)) func(string) []string {
	return func(s string) []string {
		a, b := f(s, "Tidewatch Health")
		return []string{a, b}
	}
}

// invertedNameOf gives invertedName's results as a list.
func invertedNameOf(f func(string) (string, bool)) func(string) []string {
	return func(s string) []string {
		name, ok := f(s)
		return []string{name, map[bool]string{true: "true", false: "false"}[ok]}
	}
}

// The cheap tests agree with the rules they guard: mayHoldReadingTime
// says yes wherever readingTimeRE matches, replaceBylineSeparators gives
// what bylineSeparators does, hasWeakJoin says whether splitWeakJoins
// splits.
func TestBylineCheapTestsAgree(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	// A name, a number, a unit, a verb, each slot drawn from pieces that
	// make a reading time or come near one.
	slots := [][]string{{"Ann Lee", "Ann Lee • ", "| ", ""}, {"5", "12", "x", ""}, {" ", "\t", "", "  "},
		{"min", "MINS", "Minute", "minutes", "ſ", "mi"}, {" ", "\t", ""}, {"read", "READ", "ReAd", "rea", "\u212a"}, {"", "s", " ago"}}
	hits := 0
	for range 20000 {
		var b strings.Builder
		for _, slot := range slots {
			b.WriteString(slot[r.Intn(len(slot))])
		}
		s := b.String()
		if readingTimeRE.MatchString(s) {
			hits++
			if !mayHoldReadingTime(s) {
				t.Fatalf("mayHoldReadingTime(%q) = false, readingTimeRE matches", s)
			}
		}
	}
	if hits < 100 {
		t.Errorf("only %d texts hold a reading time: the test lost its positives", hits)
	}
	leads := append([]string{"By", "BY:", "Von", "– ", "—", "-", " ", "written  by", "Poſted by", "door",
		"di ", "Reporting By", "\u212a", "Bypass"}, bylinePieces...)
	sameOnRandom[bool]{name: "mayLeadByline", fast: mayLeadByline, plain: "plainMayLeadByline",
		slow: plainMayLeadByline, hit: yes, least: 1000}.
		check(t, 20000, func() string { return randomText(r, leads, 1+r.Intn(5)) })
	sameOnRandom[bool]{name: "mayJoinAuthors", fast: mayJoinAuthors, plain: "plainMayJoinAuthors",
		slow: plainMayJoinAuthors, hit: yes, least: 1000}.
		check(t, 20000, func() string { return randomByline(r, 8) })
	sameOnRandom[string]{name: "replaceBylineSeparators", fast: replaceBylineSeparators, plain: "bylineSeparators",
		slow: bylineSeparators.Replace, hit: func(s string) bool { return strings.Contains(s, ",") }, least: 1000}.
		check(t, 20000, func() string { return randomByline(r, 8) })
	sameOnRandom[bool]{name: "hasWeakJoin", fast: hasWeakJoin, plain: "splitWeakJoins",
		slow: func(s string) bool { return len(splitWeakJoins(s)) > 1 }, hit: yes, least: 300}.
		check(t, 20000, func() string { return randomByline(r, 8) })
}

// plainMayLeadByline is mayLeadByline as it was first written.
func plainMayLeadByline(s string) bool {
	s = strings.TrimLeft(s, "-–— ")
	for _, w := range bylineLeads {
		if len(s) > len(w) && strings.EqualFold(s[:len(w)], w) {
			if c := s[len(w)]; c == ' ' || c == ':' || c == '\t' {
				return true
			}
		}
	}
	return false
}

// plainMayJoinAuthors is mayJoinAuthors as it was first written.
func plainMayJoinAuthors(s string) bool {
	if strings.IndexByte(s, ';') >= 0 {
		return true
	}
	for _, n := range joinNeedles {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
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
			words[i] = titleWord(w)
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

// plainIsDeskStaff is isDeskStaff as it was first written.
func plainIsDeskStaff(s string) bool {
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
		case len([]rune(w)) > deskPrefixRunes:
			return false
		}
	}
	return len(lead) == 1 || roles > 0
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

// plainSplitAffiliation is splitAffiliation as it was first written.
func plainSplitAffiliation(s, publication string) (name, title string) {
	words := strings.Fields(s)
	first := ""
	if f := strings.Fields(publication); len(f) > 0 {
		first = strings.ToLower(f[0])
	}
	for i := 2; i < len(words); i++ {
		w := strings.ToLower(words[i])
		if w == first && first != "the" || plainAgencyName(words[i]) != "" || roleWords[w] && plainIsRoleOnly(strings.Join(words[i:], " ")) {
			return strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		}
	}
	return s, ""
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
