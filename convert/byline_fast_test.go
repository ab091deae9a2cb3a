package convert

import (
	"math/rand"
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
	// stripCreditQualifier turns away a word whose first byte is not the
	// ASCII first letter of a qualifier: (?i) and strings.EqualFold must
	// fold none of those letters onto a rune outside ASCII.
	for _, q := range creditQualifiers {
		c := rune(q[0])
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f >= 0x80 {
				t.Errorf("qualifier %q: %q folds onto %U", q, c, f)
			}
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
	_, rows := readRules(t, name)
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
	if testing.Short() {
		n, c.least = n/shortFraction, c.least/shortFraction
	}
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

// shortFraction is the part of the random texts that the comparisons of
// rewritten rules with their plain forms try under go test -short.
const shortFraction = 4

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
		slow: plainAgencyName, hit: func(s string) bool { return s != "" }, least: 200}, 40000, "agencyName", "parseByline")
	agreesOnRows(t, sameOnRandom[bool]{name: "isDeskStaff", fast: isDeskStaff, plain: "deskStaffWords",
		slow: deskStaffWords, hit: yes, least: 30}, 40000, "isDeskStaff", "isRoleOnly")
	agreesOnRows(t, sameOnRandom[bool]{name: "isBareName", fast: isBareName, plain: "plainIsBareName",
		slow: plainIsBareName, hit: yes, least: 300}, 20000, "isBareName", "parseByline")
	agreesOnRows(t, sameOnRandom[bool]{name: "isBylineLine", fast: isBylineLine, plain: "plainIsBylineLine",
		slow: plainIsBylineLine, hit: yes, least: 150}, 20000, "isBylineLine", "parseByline")
	agreesOnRows(t, sameOnRandom[[]string]{name: "splitAuthors", fast: splitAuthors, plain: "plainSplitAuthors",
		slow: plainSplitAuthors, hit: func(p []string) bool { return len(p) > 1 }, least: 1000}, 20000, "parseByline")
	agreesOnRows(t, sameOnRandom[[]segment]{name: "splitCredits", fast: splitCredits, plain: "plainSplitCredits",
		slow: plainSplitCredits, hit: func(s []segment) bool { return len(s) > 1 }, least: 1000}, 20000, "isBylineLine", "creditLine")
	agreesOnRows(t, sameOnRandom[[]string]{name: "splitAffiliation", fast: pairOf(splitAffiliation),
		plain: "cutAffiliation", slow: pairOf(cutAffiliation),
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
	n, least := 20000, 10000
	if testing.Short() {
		n, least = n/shortFraction, least/shortFraction
	}
	authors, credits := 0, 0
	for k := range n + len(inputs) {
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
	if authors < least || credits < least/10 {
		t.Errorf("%d articles got authors, %d credits: too few to compare", authors, credits)
	}
}

// applyScannedByline with a bylineRoom gives the article it gives without
// one, on the rows of the byline rule files and random bylines, each
// followed by another (whose reading appends to a list that holds the
// room's first author and credit); and a byline of one author and one
// credit read with a room allocates no list of its own.
func TestBylineRoomGivesTheSame(t *testing.T) {
	var inputs []string
	for _, f := range []string{"parseByline", "isBylineLine", "bylineField", "creditLine", "roleNotes"} {
		inputs = append(inputs, ruleInputs(t, f)...)
	}
	r := rand.New(rand.NewSource(6))
	roomed := 0
	for k := range 5000 + len(inputs) {
		lines := [2]string{"By " + randomByline(r, 8), "By " + randomByline(r, 8)}
		if k < len(inputs) {
			lines[0] = inputs[k]
		}
		for _, lead := range []bool{false, true} {
			var room bylineRoom
			got, want := &Article{Publication: "Tidewatch Health"}, &Article{Publication: "Tidewatch Health"}
			for k, line := range lines {
				got.applyScannedByline(&room, line, lead, scanCredits(line))
				want.applyByline(line, lead)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("applyScannedByline(room, %q, %v) = %+v, without a room %+v", line, lead, *got, *want)
				}
				if k == 0 && len(got.Authors) > 0 && &got.Authors[0] == &room.authors[0] {
					roomed++
				}
			}
		}
	}
	if roomed < 1000 {
		t.Errorf("%d articles kept their first author in the room: too few to compare", roomed)
	}
	line := "- By Ann Lee Copyedited by Dana Roe"
	allocs := testing.AllocsPerRun(100, func() {
		var room bylineRoom
		a := &Article{}
		a.applyScannedByline(&room, line, false, scanCredits(line))
		if len(a.Authors) != 1 || len(a.Credits) != 1 {
			t.Fatalf("%q: %d authors, %d credits; want one of each", line, len(a.Authors), len(a.Credits))
		}
	})
	if allocs > 1 { // the article itself, on the heap for the closure
		t.Errorf("reading %q with a room made %v allocations, want at most 1", line, allocs)
	}
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

// slotText joins one piece drawn by r from each slot.
func slotText(r *rand.Rand, slots [][]string) string {
	var b strings.Builder
	for _, slot := range slots {
		b.WriteString(slot[r.Intn(len(slot))])
	}
	return b.String()
}

// cheapPasses checks on n texts of slots that cheap says yes wherever
// rule matches, and that at least least texts match.
func cheapPasses(t *testing.T, name string, cheap, rule func(string) bool, slots [][]string, n, least int) {
	t.Helper()
	r := rand.New(rand.NewSource(int64(len(name))))
	hits := 0
	for range n {
		s := slotText(r, slots)
		if rule(s) {
			hits++
			if !cheap(s) {
				t.Fatalf("%s(%q) = false, the rule it guards matches", name, s)
			}
		}
	}
	if hits < least {
		t.Errorf("%s: only %d texts match the rule: the test lost its positives", name, hits)
	}
}

// The cheap tests before stripBylineTail's regexps say yes wherever the
// regexps match: mayHoldReadingTime before readingTimeRE, endsInYear
// before gluedDate and trailingDate.
func TestBylineTailCheapTestsPass(t *testing.T) {
	// A name, a number, a unit, a verb, each slot drawn from pieces that
	// make a reading time or come near one.
	cheapPasses(t, "mayHoldReadingTime", mayHoldReadingTime, readingTimeRE.MatchString,
		[][]string{{"Ann Lee", "Ann Lee • ", "| ", ""}, {"5", "12", "x", ""}, {" ", "\t", "", "  "},
			{"min", "MINS", "Minute", "minutes", "ſ", "mi"}, {" ", "\t", ""}, {"read", "READ", "ReAd", "rea", "\u212a"},
			{"", "s", " ago"}}, 20000, 100)
	// A name, a separator, a date or a glued one, a comment count, a tail.
	cheapPasses(t, "endsInYear", endsInYear, func(s string) bool { return gluedDate.MatchString(s) || trailingDate.MatchString(s) },
		[][]string{{"Tom Hale", "Jane Doe", "J", "", "3"}, {"", " ", ",", " |", "22", "•", "-"},
			{"22 Dec 2016", "March 3, 2021", "3. Mai 2020", "Sept. 4 1999", "1 May 20", "Dec 2016", "x"},
			{"", "651", "7", "a"}, {"", " ", "\t", "\n", "\u00a0", "\v"}}, 20000, 1000)
}

// The lead and join rules answer as their plain forms: bylineLeadEnd (as
// the regexp), mayJoinAuthors, appendJoinParts (as authorSeparator.Split),
// hasWeakJoin (whether splitWeakJoins splits), replaceBylineSeparators.
func TestBylineLeadAndJoinsAgree(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	leads := append([]string{"By", "BY:", "Von", "– ", "—", "-", " ", "written  by", "Poſted by", "door",
		"di ", "Reporting By", "\u212a", "ſ", "\u201c", "é", "\t", "  ", ":", "Bypass"}, bylinePieces...)
	sameOnRandom[int]{name: "bylineLeadEnd", fast: bylineLeadEnd, plain: "regexpLeadEnd",
		slow: regexpLeadEnd, hit: func(end int) bool { return end > 0 }, least: 500}.
		check(t, 20000, func() string { return randomText(r, leads, 1+r.Intn(5)) })
	joinings := append([]string{"\tand\t", "\nund\n", " et\r", "\fAND ", "\vand\v", "and", " y"}, bylinePieces...)
	sameOnRandom[bool]{name: "mayJoinAuthors", fast: mayJoinAuthors, plain: "authorSeparator.MatchString",
		slow: authorSeparator.MatchString, hit: yes, least: 1000}.
		check(t, 20000, func() string { return randomText(r, joinings, 1+r.Intn(8)) })
	joins := append([]string{" ", "  ", "\t", "\n", "\v", "\f", "\r", "\u00a0", ";", "and", "AND", "And", "und",
		"UND", "et", "ET", "etc", "&", "Ann", "x", "\xff"}, bylinePieces...)
	sameOnRandom[[]string]{name: "appendJoinParts", fast: func(s string) []string { return appendJoinParts(nil, s) },
		plain: "authorSeparator.Split", slow: func(s string) []string { return authorSeparator.Split(s, -1) },
		hit: func(p []string) bool { return len(p) > 1 }, least: 5000}.
		check(t, 20000, func() string { return randomText(r, joins, 1+r.Intn(10)) })
	weak := sameOnRandom[bool]{name: "hasWeakJoin", fast: hasWeakJoin, plain: "splitWeakJoins",
		slow: func(s string) bool { return len(splitWeakJoins(s)) > 1 }, hit: yes, least: 300}
	weak.check(t, 20000, func() string { return randomByline(r, 8) })
	// The joins between every kind of space (mayHoldWeakJoin looks after
	// ASCII spaces and after the last byte of wider ones).
	words := []string{"Ann", "Bo", "Ébé", "y", "e", "en", "avec", "with", "With", "ye", "é", "\xff", ""}
	spaces := []string{" ", "\u00a0", "\u3000", "\u2009", "\t", "\n", "\v", "", "-"}
	weak.check(t, 20000, func() string {
		return slotText(r, [][]string{words, spaces, words, spaces, words, spaces, words})
	})
	sameOnRandom[string]{name: "replaceBylineSeparators", fast: replaceBylineSeparators, plain: "bylineSeparators",
		slow: bylineSeparators.Replace, hit: func(s string) bool { return strings.Contains(s, ",") }, least: 1000}.
		check(t, 20000, func() string { return randomByline(r, 8) })
}

// The credit rules answer as their plain forms: stripCreditQualifier, and
// opensWithMarker for every marker of the table.
func TestCreditRulesAgree(t *testing.T) {
	r := rand.New(rand.NewSource(19))
	quals := append([]string{"Top ", "TOP ", "inſet ", "Main", "main ", "featured ", "Featured  ", " ", "Hero:",
		"photo by Ann", "Photo: Ann", "\u212a"}, bylinePieces...)
	sameOnRandom[string]{name: "stripCreditQualifier", fast: stripCreditQualifier, plain: "plainStripCreditQualifier",
		slow: plainStripCreditQualifier, hit: func(s string) bool { return s != "" }, least: 1000}.
		check(t, 20000, func() string { return randomText(r, quals, 1+r.Intn(4)) })
	markers := append([]string{"Photo", "PHOTO", " by ", ":", "Edited", "COPY", "copy-", "Contact", "ÜBERSETZUNG",
		"übersetzung", "Traducción", "TRADUCCIÓN", "编辑：", "e-mail", "E", "x", "ſ", "\u212a", "\xff"}, bylinePieces...)
	opensWithAny := func(open func(s, phrase string) bool) func(string) []string {
		return func(s string) []string {
			var out []string
			for _, m := range creditMarkers {
				if open(s, m.phrase) {
					out = append(out, m.phrase)
				}
			}
			return out
		}
	}
	sameOnRandom[[]string]{name: "opensWithMarker", fast: opensWithAny(opensWithMarker), plain: "plainOpensWithMarker",
		slow: opensWithAny(plainOpensWithMarker), hit: func(m []string) bool { return len(m) > 0 }, least: 1000}.
		check(t, 20000, func() string { return randomText(r, markers, 1+r.Intn(4)) })
}

// titleWord cases an ASCII word as it cases any other: as its plain form.
func TestTitleWordAgrees(t *testing.T) {
	r := rand.New(rand.NewSource(23))
	letters := []string{"MC", "Mc", "M", "c", "DONALD", "O'", "BRIEN", "-", "REES", "'", "’", "É", "é", "ß", "1", ".", "x", "\xff"}
	sameOnRandom[string]{name: "titleWord", fast: titleWord, plain: "titleRunes", slow: titleRunes,
		hit: func(w string) bool { return strings.HasPrefix(w, "Mc") }, least: 1000}.
		check(t, 20000, func() string { return randomText(r, letters, 1+r.Intn(5)) })
}

// hasASCIIDigit answers as the strings.ContainsAny it replaces, on the
// byline rows, on random bylines (which hold runes outside ASCII and
// invalid bytes), and on short texts of each digit alone among other
// digits of Unicode and bytes next to the ASCII digits.
func TestHasASCIIDigitAgrees(t *testing.T) {
	c := sameOnRandom[bool]{name: "hasASCIIDigit", fast: hasASCIIDigit, plain: "strings.ContainsAny",
		slow: func(s string) bool { return strings.ContainsAny(s, "0123456789") }, hit: yes, least: 1000}
	agreesOnRows(t, c, 20000, "parseByline", "isBareName", "isBylineLine")
	pieces := []string{"/", ":", "٣", "３", "²", "ÿ", "°", "a", " "}
	for d := '0'; d <= '9'; d++ {
		c.least = 100
		r := rand.New(rand.NewSource(int64(d)))
		c.check(t, 1000, func() string { return randomText(r, append(pieces, string(d)), r.Intn(4)) })
	}
}

// isRoleOnly's byte-by-byte split of ASCII text answers as the rune-by-rune
// one (roleOnlyRunes), between role words and others, with every ASCII
// space and separator, and with runes outside ASCII after them.
func TestRoleOnlyASCIIAgrees(t *testing.T) {
	r := rand.New(rand.NewSource(31))
	pieces := []string{"staff", "STAFF", "Reporter", "our", "van", "x", "Ann", " ", "\t", "\n", "\v", "\f", "\r",
		",", ".", ";", "\u00a0", "\u0085", "é", "envoyé", "\xff"}
	sameOnRandom[bool]{name: "isRoleOnly", fast: isRoleOnly, plain: "roleOnlyRunes", slow: roleOnlyRunes,
		hit: yes, least: 1000}.check(t, 20000, func() string { return randomText(r, pieces, r.Intn(6)) })
}

// cutRelativeTime cuts what relativeTime cuts, on random bylines with
// "ago" in every case after every kind of space, and inside words.
func TestCutRelativeTimeAgrees(t *testing.T) {
	r := rand.New(rand.NewSource(23))
	pieces := []string{"Sam Reyes", " ", "\t", "\n", "\f", "\r", "\v", "\u00a0", "1", "12", "day", "HOURS", "min",
		"ago", "AGO", "Ago", "aGo", "Chicago", "agog", "s", " ", " "}
	marked := func(cut func(string) string) func(string) string {
		return func(s string) string {
			if c := cut(s); c != s {
				return "cut to " + c
			}
			return s
		}
	}
	sameOnRandom[string]{name: "cutRelativeTime", fast: marked(cutRelativeTime), plain: "relativeTime.ReplaceAllString",
		slow: marked(func(s string) string { return relativeTime.ReplaceAllString(s, "") }),
		hit:  func(s string) bool { return strings.HasPrefix(s, "cut to ") }, least: 300}.
		check(t, 20000, func() string {
			pick := func(p ...string) string { return p[r.Intn(len(p))] }
			space := func() string { return pick(" ", "\t", "\n", "\f", "\r", "\v", "\u00a0", "", "  ") }
			return randomText(r, pieces, r.Intn(3)) + space() + pick("1", "12", "x") + space() +
				pick("day", "HOURS", "mins", "week", "Chicago") + space() + pick("ago", "AGO", "Ago", "agog", "go") + pick("", " ", "\t", ".")
		})
	rows(t, "cutRelativeTime", cutRelativeTime, map[string]string{
		"Sam Reyes 1 day ago":    "Sam Reyes",
		"Sam Reyes 3 HOURS AGO":  "Sam Reyes",
		"Sam Reyes\t2 days\tago": "Sam Reyes",
		"Sam Reyes of Chicago":   "Sam Reyes of Chicago",
	})
}
