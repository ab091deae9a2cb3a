package convert

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylineLead matches the word that opens a byline, in the languages seen in
// clippings, only as a whole leading word:
//
//   - By Lan Xinzhen        BY STEPHEN POLLARD      Von Anna Schmidt
//     Par Jean Dupont         Por Ana García          Door Jan de Vries
//
// "Byron Smith" and "Parker" keep their first letters.
var bylineLead = regexp.MustCompile(`^(?:[-–—]\s*)?(?i:(?:written|posted|reported|story|words|text|reporting)\s+by|by|von|par|por|door|di|da)\s*:?\s+`)

// bylineLeadWords are the lowercase openings bylineLead can match.
var bylineLeadWords = []string{"by", "von ", "par ", "por ", "door ", "di ", "da ", "written by",
	"posted by", "reported by", "story by", "words by", "text by", "reporting by"}

// mayLeadByline is a cheap test before bylineLead.
func mayLeadByline(s string) bool {
	s = strings.TrimLeft(s, "-–— ")
	if len(s) < 3 {
		return false
	}
	for _, w := range bylineLeadWords {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			return true
		}
	}
	return false
}

// stripBylineLead removes the lead word of a byline and reports whether
// there was one.
func stripBylineLead(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !mayLeadByline(s) {
		return s, false // cheap test before the regexp
	}
	loc := bylineLead.FindStringIndex(s)
	if loc == nil {
		return s, false
	}
	rest := strings.TrimSpace(s[loc[1]:])
	// "By the way, ..." is prose, not a byline: the name must start upper
	// case, except a handle after a two-word lead ("Posted by kovarex").
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) && !isHandleAfterLead(s[:loc[1]], rest) {
		return s, false
	}
	return rest, true
}

// isHandleAfterLead reports whether rest, after a two-word lead such as
// "Posted by", opens with a user name written lower case ("kovarex",
// "jdoe42"), not with a word of prose ("the team", "our staff").
func isHandleAfterLead(lead, rest string) bool {
	if len(strings.Fields(lead)) < 2 {
		return false
	}
	w := strings.ToLower(strings.TrimRight(firstField(rest), ",;"))
	return w != "" && !proseWords[w] && !strings.ContainsAny(w, ".:!?")
}

// proseWords open prose, never a user name, after "Posted by".
var proseWords = map[string]bool{"the": true, "a": true, "an": true, "our": true, "my": true,
	"his": true, "her": true, "their": true, "its": true, "this": true, "that": true,
	"admin": true, "staff": true, "guest": true, "anonymous": true, "unknown": true}

// agencies are wire services a byline may name instead of, or beside, a
// person. Short all-capital forms match case-sensitively.
var agencies = []string{
	"Associated Press", "Agence France-Presse", "Agence France Presse", "Reuters", "Xinhua",
	"Bloomberg", "Press Association", "Deutsche Presse-Agentur", "Kyodo", "Yonhap",
	"Canadian Press", "Australian Associated Press", "Anadolu", "Belga", "Bernama",
	"Interfax", "TASS", "ANSA", "EFE", "AFP", "AP", "dpa", "DPA", "PA", "ANP", "UPI",
	"AAP", "APA", "KNA", "epd", "SDA", "PTI", "IANS", "CNA", "CP", "Xinhua News Agency",
}

// agencyName returns the canonical agency that s names exactly (ignoring
// case for names longer than four letters), or "".
func agencyName(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "()[].,;")
	for _, a := range agencies {
		if s == a || len(a) > 4 && strings.EqualFold(s, a) {
			return a
		}
	}
	return ""
}

// roleWords are the words of role-only bylines and of job titles:
//
//	VAN ONZE CORRESPONDENT     Staff Reporter     Our Foreign Staff
//	Staff Writer               Chief Political Correspondent
var roleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`staff reporter reporters writer writers correspondent
		correspondents editor editors columnist contributor contributing our own van onze
		from the a an special foreign political chief senior bureau desk news health
		science business sports sport tech technology political economics economic city
		home affairs diplomatic defence defense security environment education arts
		culture media crime legal investigations investigative associate deputy managing
		executive correspondente correspondant correspondante notre envoyé envoyée
		spécial spéciale rédaction la le de du des unser unsere korrespondent
		korrespondentin redaktion nuestro nuestra corresponsal redacción enviado
		especial redactie onze verslaggever verslaggeefster
		analyst critic photographer agencies agency wires wire services online web
		digital daily weekly international national regional local and`) {
		m[w] = true
	}
	return m
}()

// isRoleOnly reports whether every word of s is a role word:
// "VAN ONZE CORRESPONDENT", "Staff Reporter".
func isRoleOnly(s string) bool {
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

// titleNouns end job titles: "Transport Correspondent", "Staff Writer".
var titleNouns = map[string]bool{"correspondent": true, "writer": true, "reporter": true,
	"editor": true, "columnist": true, "staff": true, "analyst": true, "critic": true,
	"photographer": true, "contributor": true, "chief": true, "producer": true,
	"korrespondent": true, "korrespondentin": true, "redakteur": true, "redakteurin": true,
	"correspondant": true, "correspondante": true, "rédacteur": true, "rédactrice": true,
	"corresponsal": true, "redactor": true, "redactora": true, "verslaggever": true,
	"redacteur": true, "bureau": true, "desk": true}

// isTitle recognises a job title after a name: a role-only phrase, or one
// whose last word is a title noun ("Transport Correspondent").
func isTitle(s string) bool {
	if isRoleOnly(s) {
		return true
	}
	f := strings.Fields(strings.ToLower(s))
	return len(f) > 0 && len(f) <= 5 && titleNouns[strings.Trim(f[len(f)-1], ".")]
}

// nameSuffixes stay attached to the name before them: "John Smith, Jr.".
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true,
	"phd": true, "md": true, "ph.d": true, "esq": true, "obe": true, "mbe": true, "cbe": true}

func isNameSuffix(s string) bool {
	return nameSuffixes[strings.ToLower(strings.Trim(strings.TrimSpace(s), "."))]
}

// authorSeparator splits several authors:
//
//	Ross Ihaka and Robert Gentleman    Anna Schmidt und Jan Weber
//	Jean Dupont et Marie Curie         Smith & Jones     A; B
var authorSeparator = regexp.MustCompile(`\s+(?:and|und|et|&)\s+|\s*;\s*`)

// relativeTime matches a "posted" stamp glued to the end of a web byline:
// "Alex Perry 1 day ago", "Jane Doe 3 hours ago".
var relativeTime = regexp.MustCompile(`(?i)\s*\d+\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\s*$`)

// gluedDate matches a date (and a comment count) glued to the end of a web
// byline: "Lucas Nolan22 Dec 2016651" -> "Lucas Nolan", "22 Dec 2016".
var gluedDate = regexp.MustCompile(`^(.*?\D)\s*(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})\d*\s*$`)

// trailingDate matches a date at the end of a byline:
// "By Jane Doe, March 3, 2021" or "Jane Doe | 3 March 2021".
var trailingDate = regexp.MustCompile(`^(.*?)[\s,|·•–—-]+((?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\.?\s+[A-Za-z]{3,9}\.?\s+\d{4}))\s*$`)

// readingTimeRE matches a reading-time note: "5 min read", "3 minute read".
var readingTimeRE = regexp.MustCompile(`(?i)[\s|·•-]*\b\d+\s*(?:min|mins|minute|minutes)\s+read\b`)

// stampRE matches a publishing stamp glued to a byline, from its keyword
// to the end: "Jane Doe Updated 10:30 AM ET, Tue March 5, 2019".
var stampRE = regexp.MustCompile(`(?i)\s*[|·•,]?\s*\b(?:last updated|updated|published|posted|modified)\b:?\s*(.*)$`)

// maxStampLen is the longest publishing stamp without a date, in bytes,
// that stripBylineTail cuts ("Updated 2 hours ago"); a longer rest after
// "published" is a sentence.
const maxStampLen = 40

// linkTail matches a link printed after a name: "Jane Doe
// (https://example.org/jane)", "Jane Doe (@janedoe)".
var linkTail = regexp.MustCompile(`\s*\((?:https?://|www\.|@)[^()\s]*\)\s*$`)

// tailFurniture are the words a blog prints after a byline's date, lower
// case: "Posted by Ann on 2019-02-15, all posts", "... | 4 comments".
var tailFurniture = map[string]bool{"all posts": true, "comments": true, "no comments": true,
	"leave a comment": true, "permalink": true, "share": true}

// cutOnDate cuts "on DATE" (or "| DATE", ", DATE"), with what blogs print
// after it, off the end of a byline and returns the date:
//
//	kovarex, Albert on 2019-02-15, all posts  -> "kovarex, Albert", 2019-02-15
//	Jane Doe | 2019-03-05 | 4 comments         -> "Jane Doe", 2019-03-05
func cutOnDate(s string) (string, Date) {
	if !strings.ContainsAny(s, "0123456789") {
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
//	Alex Perry 1 day ago                       relative time
//	Jane Doe • 5 min read                      reading time
//	Jane Doe Updated 10:30 AM ET, March 5, 2019  publishing stamp
//	Lucas Nolan22 Dec 2016651                  glued date and comment count
//	Jane Doe | March 5, 2019                   date
//	Jane Doe Follow Mar 5, 2019                a follow button
func stripBylineTail(s string) (string, Date) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, " ago") {
		s = relativeTime.ReplaceAllString(s, "")
	}
	s = readingTimeRE.ReplaceAllString(s, "")
	s = linkTail.ReplaceAllString(s, "")
	var date Date
	if m := stampRE.FindStringSubmatchIndex(s); m != nil && m[0] > 0 {
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
	hasDigit := strings.ContainsAny(s, "0123456789") && date.IsZero()
	if hasDigit {
		if m := gluedDate.FindStringSubmatch(s); m != nil {
			if d, ok := parseDate(m[2]); ok {
				s, date = m[1], d
			}
		}
	}
	if date.IsZero() && hasDigit {
		if m := trailingDate.FindStringSubmatch(s); m != nil {
			if d, ok := parseDate(m[2]); ok {
				s, date = m[1], d
			}
		}
	}
	if date.IsZero() && hasDigit {
		s, date = cutOnDate(s)
	}
	s = strings.Trim(strings.TrimSpace(s), ",;|·•–—- ")
	// "Posted by Jane Doe on March 5, 2019": the date is gone, "on" stays;
	// "Jane Doe Follow": a button's label.
	for _, w := range []string{" on", " at", " le", " am", " el", " op", " Follow", " Following", " Subscribe"} {
		s = strings.TrimSuffix(s, w)
	}
	return strings.TrimSpace(s), date
}

// parseByline turns a byline (its lead word already removed) into people:
//
//	Ross Ihaka and Robert Gentleman    -> two people
//	TREVOR Kavanagh                    -> Trevor Kavanagh
//	Jane Doe, Staff Writer             -> Jane Doe, title Staff Writer
//	Xinhua                             -> agency Xinhua, no name
//	Kelli Miller WebMD Health News     -> Kelli Miller, title WebMD Health News
//	                                      (when the publication is WebMD)
//	Lucas Nolan22 Dec 2016651          -> Lucas Nolan, and the date
//
// A role-only byline ("Staff Reporter") gives no person. publication, when
// known, helps to cut an affiliation off a name.
func parseByline(s, publication string) ([]Person, Date) {
	s, date := stripBylineTail(s)
	if s == "" || isRoleOnly(s) {
		return nil, date
	}
	var people []Person
	parts := []string{s}
	if strings.ContainsAny(s, "&;") || strings.Contains(s, " and ") || strings.Contains(s, " und ") || strings.Contains(s, " et ") {
		parts = authorSeparator.Split(s, -1)
	}
	for _, part := range parts {
		people = appendAuthorPart(people, strings.TrimSpace(part), publication)
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

// maxAcronym is the longest all-capital word read as an organisation
// after a name ("CNN", "BBC", "NZZ"), in letters.
const maxAcronym = 6

// isOrganisation reports whether a piece after a name's comma names an
// organisation rather than a job: a wire agency, the publication itself,
// or an acronym ("Jane Doe, CNN", "Jane Doe, The Ledger" in The Ledger).
func isOrganisation(piece, publication string) bool {
	if agencyName(piece) != "" || publication != "" && strings.EqualFold(piece, publication) {
		return true
	}
	n := utf8.RuneCountInString(piece)
	return n >= 2 && n <= maxAcronym && isAllCaps(piece) && !strings.ContainsAny(piece, " .-") &&
		!isRoleOnly(piece) && !isNameSuffix(piece)
}

// appendAuthorPart adds the people of one ";"/"and"-separated part of a
// byline, which may still hold commas: "Jane Doe, Staff Writer",
// "John Smith, Jr.", "Anna Roe, Reuters", "Anna Roe, Ben Poe".
func appendAuthorPart(people []Person, part, publication string) []Person {
	// "Jane Doe | Staff Writer" and "Jane Doe / Reuters" separate like commas.
	part = strings.NewReplacer(" | ", ",", " / ", ",", " · ", ",").Replace(part)
	pieces := strings.Split(part, ",")
	for i, piece := range pieces {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		last := len(people) - 1
		switch {
		case agencyName(piece) != "":
			if i > 0 && last >= 0 && people[last].Agency == "" {
				people[last].Agency = agencyName(piece)
			} else {
				people = append(people, Person{Agency: agencyName(piece)})
			}
		case i > 0 && last >= 0 && people[last].Agency == "" && isOrganisation(piece, publication):
			people[last].Agency = piece
		case i > 0 && last >= 0 && isNameSuffix(piece):
			people[last].Name += ", " + piece
		case i > 0 && last >= 0 && (isTitle(piece) || startsLower(piece) || !looksLikeName(piece) ||
			!strings.Contains(piece, " ") && strings.Contains(people[last].Name, " ")):
			// A one-word piece after a full name is an affiliation: "Jane Doe, CNN".
			people[last].Title = joinNonEmpty(", ", people[last].Title, piece)
		case isRoleOnly(piece):
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
// "Kelli Miller WebMD Health News" -> "Kelli Miller", "WebMD Health News";
// "Anna Roe Reuters" -> "Anna Roe", "Reuters".
func splitAffiliation(s, publication string) (name, title string) {
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

// looksLikeName reports whether s could be a person's name: one to five
// words, each starting with an upper-case letter (or a particle such as
// "van", "de"), without digits or sentence punctuation.
func looksLikeName(s string) bool {
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
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			upper++
		case nameParticles[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return upper > 0
}

// Chinese and Japanese personal names are written as 2 to 4 Han
// characters without spaces ("李明", "林靖东", "欧阳文华").
const (
	minHanName = 2
	maxHanName = 4
)

// isHanName reports whether s is one word of minHanName to maxHanName Han
// characters.
func isHanName(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= minHanName && n <= maxHanName
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// nameParticles are written lower case inside a name: "Jan van der Berg".
var nameParticles = map[string]bool{"van": true, "der": true, "den": true, "de": true, "del": true,
	"della": true, "di": true, "da": true, "du": true, "von": true, "zu": true, "la": true,
	"le": true, "dos": true, "das": true, "ten": true, "ter": true, "bin": true, "al": true}

// fixNameCase title-cases the ALL-CAPS words of a name and leaves mixed-case
// words alone:
//
//	TREVOR Kavanagh     -> Trevor Kavanagh
//	STEPHEN POLLARD     -> Stephen Pollard
//	MCDONALD, O'BRIEN   -> McDonald, O'Brien
//	JAN VAN DER BERG    -> Jan van der Berg
//	REES-MOGG           -> Rees-Mogg
func fixNameCase(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if !isAllCaps(w) {
			continue
		}
		lw := strings.ToLower(w)
		switch {
		case i > 0 && i < len(words)-1 && nameParticles[lw]:
			words[i] = lw
		case isNameSuffix(w) && len(strings.Trim(w, ".")) <= 3:
			// II, III, IV, MD stay as printed.
		default:
			words[i] = titleWord(w)
		}
	}
	return strings.Join(words, " ")
}

// isAllCaps reports whether w has at least two letters and no lower-case
// letter ("TREVOR", "O'BRIEN"; not "McDonald", not "J.").
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// titleWord capitalizes each part of an ALL-CAPS word after a hyphen or an
// apostrophe, and the letter after a leading "Mc".
func titleWord(w string) string {
	rs := []rune(strings.ToLower(w))
	up := true
	for i, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
			up = false
		}
		if r == '-' || r == '\'' || r == '’' {
			up = true
		}
	}
	if len(rs) > 3 && rs[0] == 'M' && rs[1] == 'c' {
		rs[2] = unicode.ToUpper(rs[2])
	}
	return string(rs)
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
