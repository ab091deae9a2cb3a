package convert

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
//
// The agencies are all ASCII, so an ASCII s can equal (or fold to) only
// those of its length (agenciesByLength); the others are not compared.
func agencyName(s string) string {
	s = trimSpaceAnd(s, "()[].,;")
	candidates := agencies
	if isASCII(s) {
		if len(s) >= len(agenciesByLength) {
			return ""
		}
		candidates = agenciesByLength[len(s)]
	}
	for _, a := range candidates {
		if s == a || len(a) > 4 && strings.EqualFold(s, a) {
			return a
		}
	}
	return ""
}

// agenciesByLength lists the agencies by byte length, in table order.
var agenciesByLength = func() [][]string {
	n := 0
	for _, a := range agencies {
		n = max(n, len(a))
	}
	t := make([][]string, n+1)
	for _, a := range agencies {
		t[len(a)] = append(t[len(a)], a)
	}
	return t
}()

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerKey appends strings.ToLower(w) to buf, for a lookup in a table of
// lower-case words: m[string(lowerKey(buf[:0], w))] allocates nothing when
// w is ASCII and fits buf's capacity (a caller's stack array).
func lowerKey(buf []byte, w string) []byte {
	if !isASCII(w) {
		return append(buf, strings.ToLower(w)...)
	}
	for i := 0; i < len(w); i++ {
		buf = append(buf, lowerASCII(w[i]))
	}
	return buf
}

// keyBytes is the size of the stack buffers given to lowerKey: longer
// words are lowered on the heap.
const keyBytes = 32

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
//
// Words split at spaces, commas and full stops; each is lower-cased on its
// own (lower-casing never turns a separator into a letter or back), and the
// first that is no role word ends the test. ASCII text is split byte by
// byte (asciiSpace holds the ASCII runes unicode.IsSpace takes); at the
// first byte outside ASCII, roleOnlyRunes reads the whole text again from
// its start.
func isRoleOnly(s string) bool {
	var buf [keyBytes]byte
	n, start := 0, 0
	for i := 0; i <= len(s); i++ {
		switch {
		case i < len(s) && s[i] >= utf8.RuneSelf:
			return roleOnlyRunes(s)
		case i < len(s) && !asciiSpace[s[i]] && s[i] != ',' && s[i] != '.':
			continue
		case i > start:
			if !roleWords[string(lowerKey(buf[:0], s[start:i]))] {
				return false
			}
			n++
		}
		start = i + 1
	}
	return n > 0
}

// roleOnlyRunes is isRoleOnly rune by rune, for any text.
func roleOnlyRunes(s string) bool {
	var buf [keyBytes]byte
	n := 0
	for w := range strings.FieldsFuncSeq(s, isRoleSeparator) {
		if !roleWords[string(lowerKey(buf[:0], w))] {
			return false
		}
		n++
	}
	return n > 0
}

// isRoleSeparator separates the words of a role-only byline.
func isRoleSeparator(r rune) bool {
	return unicode.IsSpace(r) || r == ',' || r == '.'
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
// of at most maxTitleWords words whose last word is a title noun
// ("Transport Correspondent").
func isTitle(s string) bool {
	if isRoleOnly(s) {
		return true
	}
	n, last := 0, ""
	for w := range strings.FieldsSeq(s) {
		n, last = n+1, w
	}
	if n == 0 || n > maxTitleWords {
		return false
	}
	var buf [keyBytes]byte
	return titleNouns[string(bytes.Trim(lowerKey(buf[:0], last), "."))]
}

// maxTitleWords is the most words of a job title: "Senior Deputy Chief
// Political Correspondent".
const maxTitleWords = 5

// nameSuffixes stay attached to the name before them: "John Smith, Jr.".
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true,
	"phd": true, "md": true, "ph.d": true, "esq": true, "obe": true, "mbe": true, "cbe": true,
	"ma": true, "msc": true, "mph": true, "mba": true, "rn": true, "dphil": true, "dds": true,
	"lpn": true, "np": true, "facp": true, "frcp": true, "cpa": true, "llm": true}

// romanSuffixes follow a name without a comma: "John Smith III".
var romanSuffixes = map[string]bool{"ii": true, "iii": true, "iv": true}

func isNameSuffix(s string) bool {
	var buf [keyBytes]byte
	return nameSuffixes[string(lowerKey(buf[:0], strings.Trim(strings.TrimSpace(s), ".")))]
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

// looksLikeName reports whether s could be a person's name: one to five
// words, each starting with an upper-case letter (or a particle such as
// "van", "de"), without digits or sentence punctuation.
func looksLikeName(s string) bool {
	if isHanName(s) {
		return true
	}
	if n := fieldCount(s); n == 0 || n > maxNameWords || strings.ContainsAny(s, "0123456789:!?@/") {
		return false
	}
	var buf [keyBytes]byte
	upper := 0
	for w := range strings.FieldsSeq(s) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			upper++
		case nameParticles[string(lowerKey(buf[:0], w))]:
		default:
			return false
		}
	}
	return upper > 0
}

// maxNameWords is the most words of a person's name.
const maxNameWords = 5

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
//	MARTIN Kowalski     -> Martin Kowalski
//	HELEN MARSH     -> Helen Marsh
//	MCDONALD, O'BRIEN   -> McDonald, O'Brien
//	JAN VAN DER BERG    -> Jan van der Berg
//	REES-MOGG           -> Rees-Mogg
func fixNameCase(name string) string {
	if isPlainName(name) {
		return name // nothing to change: spare the split and the join
	}
	words := strings.Fields(name)
	var buf [keyBytes]byte
	for i, w := range words {
		if !isAllCaps(w) {
			continue
		}
		lw := lowerKey(buf[:0], w)
		switch {
		case i > 0 && i < len(words)-1 && nameParticles[string(lw)]:
			words[i] = string(lw)
		case isNameSuffix(w) && len(strings.Trim(w, ".")) <= 3 &&
			(romanSuffixes[string(lw)] || i > 0 && strings.HasSuffix(words[i-1], ",")):
			// "John Smith III" and "Ruth Okafor, MD" stay as printed; a
			// surname that spells a degree ("BO MA") does not.
		default:
			words[i] = titleWord(w)
		}
	}
	return strings.Join(words, " ")
}

// isPlainName reports whether fixNameCase returns name as it is: name is
// ASCII, its words are split by single spaces (none at either end) and no
// word is ALL CAPS (two letters or more, none lower case): "Ann Lee", "J.
// McDonald"; not "ANN Lee", not "Ann  Lee".
func isPlainName(name string) bool {
	letters, lower := 0, false
	for i := 0; i <= len(name); i++ {
		c := byte(' ')
		if i < len(name) {
			c = name[i]
		}
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if i == 0 || name[i-1] == ' ' || !lower && letters >= 2 {
				return false // a space at the start, two spaces, an ALL-CAPS word
			}
			letters, lower = 0, false
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case 'a' <= c && c <= 'z':
			letters, lower = letters+1, true
		case 'A' <= c && c <= 'Z':
			letters++
		}
	}
	return true
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
//
// An ASCII word is cased in one copy of its bytes.
func titleWord(w string) string {
	if isASCII(w) {
		return titleASCIIWord(w)
	}
	return titleRunes(w)
}

// titleRunes is titleWord rune by rune, for any word.
func titleRunes(w string) string {
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

// titleASCIIWord is titleWord for an ASCII word.
func titleASCIIWord(w string) string {
	b := make([]byte, len(w))
	up := true
	for i := 0; i < len(w); i++ {
		c := lowerASCII(w[i])
		if up && ('a' <= c && c <= 'z') {
			c -= 'a' - 'A'
			up = false
		}
		if c == '-' || c == '\'' {
			up = true
		}
		b[i] = c
	}
	if len(b) > 3 && b[0] == 'M' && b[1] == 'c' && 'a' <= b[2] && b[2] <= 'z' {
		b[2] -= 'a' - 'A'
	}
	return string(b)
}

// invertedName reads a byline printed surname first, as databases list
// authors: one surname word, a comma, one or two given names (and perhaps
// a credential):
//
//	OKAFOR, Ruth        -> Ruth Okafor
//	Okafor, Ruth A.     -> Ruth A. Okafor
//	OKAFOR, Ruth, MD    -> Ruth Okafor, MD
//
// Two full names ("Ann Lee, Bo Ma") are two authors, not one inverted.
func invertedName(s string) (string, bool) {
	if !strings.Contains(s, ",") {
		return "", false // one piece: no surname before a comma
	}
	pieces := strings.Split(s, ",")
	suffix := ""
	if len(pieces) == 3 && isNameSuffix(pieces[2]) {
		suffix = ", " + strings.TrimSpace(pieces[2])
		pieces = pieces[:2]
	}
	if len(pieces) != 2 {
		return "", false
	}
	surname, given := strings.TrimSpace(pieces[0]), strings.TrimSpace(pieces[1])
	if strings.Contains(surname, " ") || !looksLikeName(surname) || !looksLikeName(given) ||
		countWords(given) > 2 || isNameSuffix(given) || isRoleOnly(given) || isOrganisation(given, "") && isAllCaps(given) && !isAllCaps(surname) ||
		agencyName(given) != "" || agencyName(surname) != "" {
		return "", false
	}
	return fixNameCase(given+" "+surname) + suffix, true
}
