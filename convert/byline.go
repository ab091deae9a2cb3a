package convert

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylineLeads are the words that open a byline, lower case, in the
// languages seen in clippings; longer leads come first. They count only as
// a whole leading word, with or without a colon:
//
//   - By Wen Lihua        BY HELEN MARSH      Von: Anna Schmidt
//     Par Jean Dupont         Por Ana García          Door Jan de Vries
//
// "Byron Smith" and "Parker" keep their first letters.
var bylineLeads = []string{"written by", "posted by", "reported by", "story by", "words by",
	"text by", "reporting by", "by", "von", "par", "por", "door", "di", "da"}

// longestBylineLead is the length of the longest of bylineLeads, in bytes.
var longestBylineLead = func() (n int) {
	for _, w := range bylineLeads {
		n = max(n, len(w))
	}
	return n
}()

// bylineLead matches a lead of bylineLeads, after an optional dash, and the
// space (and colon) after it. It is built from the table; bylineLeadEnd
// reads the same table without it.
var bylineLead = lazyREOf(func() string {
	alts := make([]string, len(bylineLeads))
	for i, w := range bylineLeads {
		alts[i] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", `\s+`)
	}
	return `^(?:[-–—]\s*)?(?i:` + strings.Join(alts, "|") + `)\s*:?\s+`
})

// stripBylineLead removes the lead word of a byline and reports whether
// there was one.
func stripBylineLead(s string) (string, bool) {
	s = trimSpace(s)
	end := bylineLeadEnd(s)
	if end < 0 {
		return s, false
	}
	rest := trimSpace(s[end:])
	// "By the way, ..." is prose, not a byline: the name must start upper
	// case, except a handle after a two-word lead ("Posted by tidefan").
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) && !isHandleAfterLead(s[:end], rest) {
		return s, false
	}
	return rest, true
}

// isHandleAfterLead reports whether rest, after a two-word lead such as
// "Posted by", opens with a user name written lower case ("tidefan",
// "jdoe42"), not with a word of prose ("the team", "our staff").
func isHandleAfterLead(lead, rest string) bool {
	if fieldCount(lead) < 2 {
		return false
	}
	w := strings.ToLower(strings.TrimRight(firstField(rest), ",;"))
	return w != "" && !proseWords[w] && !strings.ContainsAny(w, ".:!?")
}

// proseWords open prose, never a user name, after "Posted by".
var proseWords = map[string]bool{"the": true, "a": true, "an": true, "our": true, "my": true,
	"his": true, "her": true, "their": true, "its": true, "this": true, "that": true,
	"admin": true, "staff": true, "guest": true, "anonymous": true, "unknown": true}

// fieldLeads open the value of a labelled byline field (a database's
// BYLINE:), where they cannot open prose: "BYLINE: From ALEX BRUMMER".
// Outside a field "From Tuesday, ..." is prose, so they count only there.
var fieldLeads = []string{"from "}

// stripFieldLead removes a lead of fieldLeads from a byline field's value
// when a capitalised name follows it.
func stripFieldLead(s string) string {
	for _, w := range fieldLeads {
		if len(s) > len(w) && strings.EqualFold(s[:len(w)], w) {
			rest := strings.TrimSpace(s[len(w):])
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				return rest
			}
		}
	}
	return s
}

// relativeTime matches a "posted" stamp glued to the end of a web byline:
// "Sam Reyes 1 day ago", "Jane Doe 3 hours ago".
var relativeTime = lazyRE(`(?i)\s*\d+\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\s*$`)

// gluedDate matches a date (and a comment count) glued to the end of a web
// byline: "Tom Hale22 Dec 2016651" -> "Tom Hale", "22 Dec 2016".
var gluedDate = lazyRE(`^(.*?\D)\s*(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})\d*\s*$`)

// endsInYear is a cheap test before gluedDate and trailingDate, which
// both end in \d{4}\s*$: s ends in four ASCII digits, perhaps followed by
// regexp white space (\s: tab, line feed, form feed, carriage return,
// space).
func endsInYear(s string) bool {
	s = strings.TrimRight(s, "\t\n\f\r ")
	if len(s) < 4 {
		return false
	}
	for i := len(s) - 4; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// trailingDate matches a date at the end of a byline:
// "By Jane Doe, March 3, 2021" or "Jane Doe | 3 March 2021".
var trailingDate = lazyRE(`^(.*?)[\s,|·•–—-]+((?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\.?\s+[A-Za-z]{3,9}\.?\s+\d{4}))\s*$`)

// readingTimeRE matches a reading-time note: "5 min read", "3 minute read".
var readingTimeRE = lazyRE(`(?i)[\s|·•-]*\b\d+\s*(?:min|mins|minute|minutes)\s+read\b`)

// mayHoldReadingTime is a cheap test before readingTimeRE: s holds an
// ASCII digit (\d) and "read" in some ASCII case (no other rune folds to
// r, e, a or d under (?i)). It never says no where readingTimeRE matches.
func mayHoldReadingTime(s string) bool {
	return hasASCIIDigit(s) && containsFoldASCII(s, "read")
}

// hasASCIIDigit is strings.ContainsAny(s, "0123456789") byte by byte: no
// byte of a rune outside ASCII is an ASCII digit, and the rune an invalid
// byte decodes to (U+FFFD) is none either.
func hasASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// maxStampLen is the longest publishing stamp without a date, in bytes,
// that stripBylineTail cuts ("Updated 2 hours ago"); a longer rest after
// "published" is a sentence.
const maxStampLen = 40

// tailFurniture are the words a blog prints after a byline's date, lower
// case: "Posted by Ann on 2019-02-15, all posts", "... | 4 comments".
var tailFurniture = map[string]bool{"all posts": true, "comments": true, "no comments": true,
	"leave a comment": true, "permalink": true, "share": true}

// cutOnDate cuts "on DATE" (or "| DATE", ", DATE"), with what blogs print
// after it, off the end of a byline and returns the date:
//
//	tidefan, Albert on 2019-02-15, all posts  -> "tidefan, Albert", 2019-02-15
//	Jane Doe | 2019-03-05 | 4 comments         -> "Jane Doe", 2019-03-05
func cutOnDate(s string) (string, Date) {
	if !hasASCIIDigit(s) {
		return s, Date{}
	}
	for i := 1; i < len(s); i++ {
		if s[i-1] != ' ' && s[i-1] != ',' && s[i-1] != '|' {
			continue
		}
		rest := s[i:]
		if w, _, _ := strings.Cut(rest, " "); w == "on" || w == "am" || w == "le" || w == "el" {
			rest = strings.TrimPrefix(rest[len(w):], " ")
		}
		if d, ok := parseDate(rest); ok && d.Month != 0 {
			return strings.TrimRight(s[:i], " ,|"), d
		}
		head, tail := rest, ""
		if j := strings.IndexAny(rest, ",|"); j >= 0 {
			head, tail = rest[:j], strings.Trim(rest[j:], ",| ")
		}
		d, ok := parseDate(head)
		if !ok || d.Month == 0 || tail != "" && !isTailFurniture(tail) {
			continue
		}
		return strings.TrimRight(s[:i], " ,|"), d
	}
	return s, Date{}
}

// isTailFurniture: "all posts", "4 comments", "No Comments".
func isTailFurniture(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if tailFurniture[s] {
		return true
	}
	n, w, ok := strings.Cut(s, " ")
	return ok && isDigits(n) && tailFurniture[w]
}

// stripBylineTail cuts off what web pages print after the names, and
// returns the date it held:
//
//	Sam Reyes 1 day ago                       relative time
//	Jane Doe • 5 min read                      reading time
//	Jane Doe Updated 10:30 AM ET, March 5, 2019  publishing stamp
//	Tom Hale22 Dec 2016651                  glued date and comment count
//	Jane Doe | March 5, 2019                   date
//	Jane Doe Follow Mar 5, 2019                a follow button
func stripBylineTail(s string) (string, Date) {
	s = trimSpace(s)
	s = cutRelativeTime(s)
	if mayHoldReadingTime(s) {
		s = readingTimeRE.ReplaceAllString(s, "")
	}
	if strings.HasSuffix(s, ")") && mayEndInLink(s) {
		s = linkTail.ReplaceAllString(s, "")
	}
	var date Date
	if !mayHoldStamp(s) {
		// cheap test before stampRE
	} else if m := stampRE.FindStringSubmatchIndex(s); m != nil && m[0] > 0 {
		// Only a stamp that holds a date, or is short, ends the byline:
		// "Stack Overflow published its analysis ..." is a sentence.
		rest := s[m[2]:m[3]]
		if d, ok := parseDate(rest); ok {
			date = d
			s = s[:m[0]]
		} else if len(rest) <= maxStampLen {
			s = s[:m[0]]
		}
	}
	hasDigit := hasASCIIDigit(s) && date.IsZero()
	year := hasDigit && endsInYear(s) // cheap test before gluedDate and trailingDate
	if year {
		if m := gluedDate.FindStringSubmatch(s); m != nil {
			if d, ok := parseDate(m[2]); ok {
				s, date = m[1], d
			}
		}
	}
	if date.IsZero() && year {
		if m := trailingDate.FindStringSubmatch(s); m != nil {
			if d, ok := parseDate(m[2]); ok {
				s, date = m[1], d
			}
		}
	}
	if date.IsZero() && hasDigit && len(s) <= maxBylineLen {
		s, date = cutOnDate(s)
	}
	s = trimSpaceAnd(s, ",;|·•–—- ")
	// "Posted by Jane Doe on March 5, 2019": the date is gone, "on" stays;
	// "Jane Doe Follow": a button's label.
	for _, w := range []string{" on", " at", " le", " am", " el", " op", " Follow", " Following", " Subscribe"} {
		s = strings.TrimSuffix(s, w)
	}
	return trimSpace(s), date
}

// parseByline turns a byline (its lead word already removed) into people:
//
//	Ada Brook and Ivo Stern    -> two people
//	MARTIN Kowalski                    -> Martin Kowalski
//	Jane Doe, Staff Writer             -> Jane Doe, title Staff Writer
//	Xinhua                             -> agency Xinhua, no name
//	Mia Gold Tidewatch Health News     -> Mia Gold, title Tidewatch Health News
//	                                      (when the publication is Tidewatch)
//	Tom Hale22 Dec 2016651          -> Tom Hale, and the date
//
// A role-only byline ("Staff Reporter") gives no person. publication, when
// known, helps to cut an affiliation off a name.
func parseByline(s, publication string) ([]Person, Date) { return parseBylineIn(nil, s, publication) }

// parseBylineIn is parseByline appending the people to dst, which is
// empty: its room holds the first of them (see bylineRoom).
func parseBylineIn(dst []Person, s, publication string) ([]Person, Date) {
	s, date := stripBylineTail(s)
	if s == "" || isRoleOnly(s) || isDeskStaff(s) {
		return nil, date
	}
	if name, ok := invertedName(s); ok {
		return append(dst, Person{Name: name}), date
	}
	people := dst
	var parts [4]string
	for _, part := range appendAuthors(parts[:0], s) {
		people = appendAuthorPart(people, trimSpace(part), publication, s)
	}
	shareAgency(people)
	return people, date
}

// shareAgency gives the organisation printed once after several names to
// all of them: "Jane Doe and John Roe, CNN" -> both of CNN.
func shareAgency(people []Person) {
	if len(people) < 2 {
		return
	}
	org := people[len(people)-1].Agency
	if org == "" || people[len(people)-1].Name == "" {
		return
	}
	for i := range people {
		if people[i].Agency == "" && people[i].Name != "" {
			people[i].Agency = org
		}
	}
}

// bylineSeparatorPairs turn the pipes, slashes and middle dots that
// separate a name from its title or agency into commas: old, new, ...
var bylineSeparatorPairs = []string{" | ", ",", " / ", ",", " · ", ","}

// bylineSeparatorEnds marks the last byte of each separator of
// bylineSeparatorPairs, but for the spaces around it ('|', '/', and 0xB7,
// the last of "·"): a text that holds a separator holds its last byte.
var bylineSeparatorEnds = func() (t [256]bool) {
	for i := 0; i < len(bylineSeparatorPairs); i += 2 {
		sep := strings.TrimSpace(bylineSeparatorPairs[i])
		t[sep[len(sep)-1]] = true
	}
	return t
}()

// holdsByteOf reports whether s holds a byte that set marks.
func holdsByteOf(s string, set *[256]bool) bool {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}

// bylineSeparators replaces by bylineSeparatorPairs (built once: a
// replacer is costly to build).
var bylineSeparators = strings.NewReplacer(bylineSeparatorPairs...)

// replaceBylineSeparators is bylineSeparators.Replace, which allocates
// even when nothing is replaced, behind the cheap tests that s holds the
// last byte of a separator (bylineSeparatorEnds: most names hold none)
// and then one of the separators.
func replaceBylineSeparators(s string) string {
	if !holdsByteOf(s, &bylineSeparatorEnds) {
		return s
	}
	for i := 0; i < len(bylineSeparatorPairs); i += 2 {
		if strings.Contains(s, bylineSeparatorPairs[i]) {
			return bylineSeparators.Replace(s)
		}
	}
	return s
}

// appendAuthorPart adds the people of one ";"/"and"-separated part of a
// byline, which may still hold commas: "Jane Doe, Staff Writer",
// "John Smith, Jr.", "Anna Roe, Reuters", "Anna Roe, Ben Poe". byline is
// the whole byline, which parseByline has found not to be role-only nor
// a desk's: a piece that is all of it is not tested again.
func appendAuthorPart(people []Person, part, publication, byline string) []Person {
	// "Jane Doe | Staff Writer" and "Jane Doe / Reuters" separate like commas.
	part = replaceBylineSeparators(part)
	i := -1
	for piece := range strings.SplitSeq(part, ",") {
		i++
		piece = trimSpace(piece)
		if piece == "" {
			continue
		}
		last := len(people) - 1
		switch agency := agencyName(piece); {
		case agency != "":
			if i > 0 && last >= 0 && people[last].Agency == "" {
				people[last].Agency = agency
			} else {
				people = append(people, Person{Agency: agency})
			}
		case i > 0 && last >= 0 && people[last].Agency == "" && isOrganisation(piece, publication):
			people[last].Agency = piece
		case i > 0 && last >= 0 && isNameSuffix(piece):
			people[last].Name += ", " + piece
		case i > 0 && last >= 0 && (isTitle(piece) || startsLower(piece) || !looksLikeName(piece) ||
			!strings.Contains(piece, " ") && strings.Contains(people[last].Name, " ")):
			// A one-word piece after a full name is an affiliation: "Jane Doe, CNN".
			people[last].Title = joinNonEmpty(", ", people[last].Title, piece)
		case piece != byline && (isRoleOnly(piece) || isDeskStaff(piece)):
			// "Staff Reporter" alone names nobody.
		default:
			name, title := splitAffiliation(piece, publication)
			people = append(people, Person{Name: fixNameCase(name), Title: title})
		}
	}
	return people
}

// splitAffiliation cuts a trailing affiliation off a name when the
// publication or an agency starts it:
// "Mia Gold Tidewatch Health News" -> "Mia Gold", "Tidewatch Health News";
// "Anna Roe Reuters" -> "Anna Roe", "Reuters".
func splitAffiliation(s, publication string) (name, title string) {
	if fieldCount(s) < 3 {
		return s, "" // the affiliation starts at the third word or later
	}
	return cutAffiliation(s, publication)
}

// cutAffiliation is splitAffiliation without its cheap test.
func cutAffiliation(s, publication string) (name, title string) {
	words := strings.Fields(s)
	first := ""
	if f := strings.Fields(publication); len(f) > 0 {
		first = strings.ToLower(f[0])
	}
	for i := 2; i < len(words); i++ {
		w := strings.ToLower(words[i])
		if w == first && first != "the" || agencyName(words[i]) != "" || roleWords[w] && isRoleOnly(strings.Join(words[i:], " ")) {
			return strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		}
	}
	return s, ""
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// applyByline reads a byline line, which may also hold credits and
// contacts, into the article:
//
//   - By Wen Lihua Copyedited by Lena Voss Comments to wen@gazette.example
//
// lead tells whether the first segment is a byline without a "By" (a
// LexisNexis BYLINE: field, or a bare name line).
func (a *Article) applyByline(line string, lead bool) {
	a.applyScannedByline(nil, line, lead, scanCredits(line))
}

// applyScannedByline is applyByline on a line whose first credit marker
// scanCredits has found already (scan, as bylineScan gives it), with the
// room of the article's first authors and credits (which may be nil).
func (a *Article) applyScannedByline(room *bylineRoom, line string, lead bool, scan creditScan) {
	var buf [4]segment // a byline, a credit or two, a contact
	a.applySegments(appendScannedSegments(buf[:0], line, scan), lead, bylineRules{parseBylineIn, creditsIn, room})
}

// bylineRules are the rules applySegments reads a byline's segments with:
// the names of the byline proper, and the credits of a role, each appended
// to an empty slice given, the room's while the article has none yet.
type bylineRules struct {
	people  func(dst []Person, text, publication string) ([]Person, Date)
	credits func(dst []Credit, role, text string) []Credit
	room    *bylineRoom // may be nil
}

// applySegments reads the segments of a byline line (see applyByline).
func (a *Article) applySegments(segs []segment, lead bool, rules bylineRules) {
	for _, s := range segs {
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
			people, date := rules.people(rules.room.authorsRoom(len(a.Authors) > 0), text, a.Publication)
			for i := range people {
				people[i].Raw = s.text
			}
			a.Authors = appendAll(a.Authors, people)
			if a.Date.IsZero() && !date.IsZero() {
				a.Date = date
			}
		case "contact":
			a.Contacts = append(a.Contacts, contactsOf(s.text)...)
		default:
			a.Credits = appendAll(a.Credits, rules.credits(rules.room.creditsRoom(len(a.Credits) > 0), s.role, s.text))
		}
	}
}

// appendAll is append(dst, src...), but gives src itself when dst is
// empty: src is a new slice of the caller's, and copying it would cost an
// allocation.
func appendAll[T any](dst, src []T) []T {
	if len(dst) == 0 && len(src) > 0 {
		return src
	}
	return append(dst, src...)
}

// Byline limits: a byline line (with its credits and contacts) is at most
// maxBylineLen bytes, and its names part after the lead at most
// maxBylineWords words.
const (
	maxBylineLen   = 250
	maxBylineWords = 12
)

// isBylineLine reports whether a paragraph is a byline: it opens with a
// byline word and the name part is short and not a sentence.
//
//   - By Wen Lihua Copyedited by Lena Voss   yes
//     By Tuesday, the storm had passed.             no
func isBylineLine(s string) bool {
	_, ok := bylineScan(s)
	return ok
}

// bylineScan is isBylineLine also giving, when s is a byline, the scan
// for its first credit marker that it made, for applyScannedByline.
func bylineScan(s string) (creditScan, bool) {
	if len(s) > maxBylineLen {
		return creditScan{}, false
	}
	text, ok := stripBylineLead(s)
	if !ok {
		return creditScan{}, false
	}
	// The names end where the first credit starts (splitCredits' first
	// segment): when none does, they are the text after the lead.
	scan := scanCredits(s)
	if end := scan.at; end < len(s) {
		text, ok = stripBylineLead(s[:end])
	}
	if !ok || text == "" || fieldCount(text) > maxBylineWords {
		return creditScan{}, false
	}
	if strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "Jr.") && !strings.HasSuffix(text, "Sr.") {
		return creditScan{}, false
	}
	return scan, true
}

// maxBareNameLen bounds a bare-name byline line with its tail (date,
// reading time, follow button), in bytes.
const maxBareNameLen = 120

// isBareName recognises a byline printed without "By", a line that is only
// a name, perhaps with a job title (web pages put the author under the
// standfirst):
//
//	Inés Duarte
//	Noor Haddad
//	Jane Doe, Staff Writer
//	Jane Doe Follow Mar 5, 2019 · 5 min read
func isBareName(s string) bool {
	if len(s) > maxBareNameLen {
		return false // a paragraph, not a name line: spare the tail rules
	}
	s, _ = stripBylineTail(s) // "Jane Doe 1 day ago", "Jane Doe | March 5, 2019"
	// "Jane Doe, Staff Writer": a name and a job title.
	if name, title, ok := strings.Cut(s, ","); ok && isTitle(strings.TrimSpace(title)) {
		s = name
	}
	if n := fieldCount(s); n < 2 || n > 4 || isRoleOnly(s) {
		return false
	}
	if agencyName(s) != "" {
		return true
	}
	if strings.ContainsAny(s, ",;:") {
		return false
	}
	var buf [keyBytes]byte
	for w := range strings.FieldsSeq(s) {
		if headingWords[string(lowerKey(buf[:0], w))] {
			return false
		}
	}
	return looksLikeName(s)
}

// headingWords are words that title-cased headings use and names do not,
// lower case: "Why Ferries Matter" and "What Towns Need" are headings.
var headingWords = map[string]bool{"why": true, "what": true, "how": true, "when": true,
	"where": true, "who": true, "is": true, "are": true, "your": true, "our": true, "my": true,
	"the": true, "a": true, "an": true, "this": true, "to": true, "for": true, "with": true,
	"in": true, "on": true, "and": true, "or": true, "not": true, "new": true}
