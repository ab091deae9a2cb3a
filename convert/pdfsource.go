package convert

// The lines of clipping compilations that name where an article appeared:
// the source line printed with each article, and the entries of the index
// page. Words for "source" and "page" in English, German, French, Dutch,
// Spanish and Italian; dates through parseDate.

import (
	"strings"
	"unicode"
)

// A sourceRef is where a compilation says an article appeared.
type sourceRef struct {
	publication string
	date        Date
	page        string // as printed: "4", "A3", "4-5"
}

// sourceLabelRE matches the label opening a source line: "Source:",
// "Quelle:", "Source :" (French spacing), "Bron:", "Fuente:", "Fonte:".
var sourceLabelRE = lazyRE(`(?i)^(?:sources?|quelle|bron|fuente|fonte|publication|publikation|medium|média|media)\s*:\s*`)

// sourcePageRE matches a page reference in a source line, the page in
// group 1: "(p.4)", "p. 4", "page 12", "Seite 4", "S. 4", "pp. 4-5",
// "pages 4–5", "blz. 3", "pagina 3", "pág. 3", with the separators
// around it.
var sourcePageRE = lazyRE(`(?i)(?:^|[\s,;|·•(\[–-])(?:pp?\.|pages?|seiten?|s\.|blz\.|pagina|página|pág\.)\s*:?\s*([A-Z]?\d{1,4}[A-Z]?(?:\s*[-–]\s*[A-Z]?\d{1,4}[A-Z]?)?)[)\]]?\.?(?:$|[\s,;|·•])`)

// sourcePartSep splits a source line into parts: "|", "·", "•", ";",
// ",", and a dash with spaces either side.
var sourcePartSep = lazyRE(`\s*[|·•;,]\s*|\s+[-–—]\s+`)

// Bounds of a source line and its publication, in words.
const (
	maxSourceWords = 16
	maxPubWords    = 7
)

// readSourceLine reads the line a clipping compilation prints with each
// article: publication, date and page, with or without a label. It needs
// a publication, a date with its day, and a label or a page:
//
//	Süddeutsche Zeitung 12-05-2023 (p.4)
//	Source: The Guardian, 3 May 2023, page 12
//	Quelle: Hafenkurier vom 12.05.2023, Seite 4
//	Source : Le Monde, 3 mai 2023, p. 12
//	De Telegraaf | 12 mei 2023 | Pagina 4 | 512 woorden
//
// A dated byline ("Jane Doe 3 May 2023") has neither label nor page.
func readSourceLine(s string) (sourceRef, bool) {
	s = strings.TrimSpace(s)
	if s == "" || countWords(s) > maxSourceWords || !strings.ContainsAny(s, "0123456789") {
		return sourceRef{}, false
	}
	if ref, ok := readSourceFields(s); ok {
		return ref, true
	}
	label := false
	if m := sourceLabelRE.FindString(s); m != "" {
		s, label = s[len(m):], true
	}
	var ref sourceRef
	if m := sourcePageRE.FindStringSubmatchIndex(s); m != nil {
		ref.page = strings.Join(strings.Fields(s[m[2]:m[3]]), "")
		s = s[:m[0]] + " | " + s[m[1]:]
	}
	if !label && ref.page == "" {
		return sourceRef{}, false // most lines of text: no need to split them
	}
	ref.publication, ref.date = splitPubDate(s)
	if ref.publication == "" || ref.date.Day == 0 {
		return sourceRef{}, false
	}
	return ref, true
}

// fieldLabelNames are the labels of a source line's fields, as a regexp
// alternation.
const fieldLabelNames = `quelle|sources?|medium|média|media|publication|publikation|zeitung|journal|titel|bron|fuente|fonte|datum|date|data|fecha|erschienen am|paru le|publié le|seiten?|pages?|pagina|página|blz|rubrik|ressort|sections?|rubrique|sección|ausgabe|edition|édition|auflage|autor|author|auteur|länge|length|wörter|words`

// fieldLabelRE matches the label of a field of a source line, the label
// in group 1: "Quelle:", "Datum:", "Seite:", "Rubrik:", "Date :".
var fieldLabelRE = lazyRE(`(?i)(?:^|[\s|·•;,])(` + fieldLabelNames + `)\s*:`)

// fieldLabelStartRE matches where fieldLabelRE matches at a line's first
// byte: the line's start or a separator there, then a label.
var fieldLabelStartRE = lazyRE(`(?i)^[\s|·•;,]?(?:` + fieldLabelNames + `)\s*:`)

// opensWithFieldLabel reports whether s starts with a field label
// (fieldLabelRE matches at its first byte), asking the regexp only about
// a line holding a colon, which every label ends in. It asks
// fieldLabelStartRE: fieldLabelRE, which is not anchored, read every line
// with a colon to its end, a tenth of the rules' time on a scientific
// paper's 12 pages of formulas.
func opensWithFieldLabel(s string) bool {
	return strings.IndexByte(s, ':') >= 0 && fieldLabelStartRE.MatchString(s)
}

// fieldRoles says what a field label names; labels not listed (section,
// edition, author, length) name fields a source line may carry besides.
var fieldRoles = map[string]string{
	"quelle": "pub", "source": "pub", "sources": "pub", "medium": "pub", "média": "pub", "media": "pub",
	"publication": "pub", "publikation": "pub", "zeitung": "pub", "journal": "pub", "titel": "pub",
	"bron": "pub", "fuente": "pub", "fonte": "pub",
	"datum": "date", "date": "date", "data": "date", "fecha": "date", "erschienen am": "date",
	"paru le": "date", "publié le": "date",
	"seite": "page", "seiten": "page", "page": "page", "pages": "page", "pagina": "page", "página": "page", "blz": "page",
}

// readSourceFields reads a source line made of labelled fields, at least
// two, as German and French press reviews print them (on one line, or on
// lines of their own joined by the caller):
//
//	Quelle: Hafenkurier  Datum: 12.05.2023  Seite: 4  Rubrik: Lokales
//	Medium : Le Petit Port  Date : 3 mai 2023  Page : 12
func readSourceFields(s string) (sourceRef, bool) {
	if strings.Count(s, ":") < 2 {
		return sourceRef{}, false // each label ends in a colon of its own
	}
	ms := fieldLabelRE.FindAllStringSubmatchIndex(s, -1)
	if len(ms) < 2 {
		return sourceRef{}, false
	}
	var ref sourceRef
	for k, m := range ms {
		end := len(s)
		if k+1 < len(ms) {
			end = ms[k+1][0]
		}
		value := strings.Trim(s[m[1]:end], " \t|·•;,")
		switch fieldRoles[strings.ToLower(s[m[2]:m[3]])] {
		case "pub":
			if isPublicationName(value) {
				ref.publication = value
			}
		case "date":
			ref.date, _ = parseDate(value)
		case "page":
			if n, ok := pageNumber(value); ok {
				ref.page = n
			}
		}
	}
	return ref, ref.publication != "" && ref.date.Day != 0
}

// splitPubDate reads a publication and a date from the parts of a source
// ("The Guardian, 3 May 2023", "Hafenkurier vom 12.05.2023", "12.05.2023 |
// Die Zeit"): the date is the first run of parts (or the last words of a
// part) that parseDate reads; the publication is the first other part
// that isPublicationName accepts. Either may be missing.
func splitPubDate(s string) (pub string, d Date) {
	var parts []string
	for _, p := range sourcePartSep.Split(strings.TrimSpace(s), -1) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	used := make([]bool, len(parts))
	for i := 0; i < len(parts) && d.IsZero(); i++ {
		for j := min(len(parts), i+3); j > i; j-- {
			if dd, ok := parseDate(strings.Join(parts[i:j], ", ")); ok {
				d = dd
				for k := i; k < j; k++ {
					used[k] = true
				}
				break
			}
		}
		if d.IsZero() {
			if head, dd, ok := pubBeforeDate(parts[i]); ok {
				d, parts[i] = dd, head
			}
		}
	}
	for i, p := range parts {
		if !used[i] && isPublicationName(p) {
			return strings.TrimSpace(p), d
		}
	}
	return "", d
}

// datePrepositions join a publication to its date: "Hafenkurier vom
// 12.05.2023", "Le Monde du 3 mai 2023".
var datePrepositions = map[string]bool{"vom": true, "von": true, "du": true, "of": true, "from": true,
	"van": true, "del": true, "de": true, "dated": true, "on": true}

// pubBeforeDate reads a date from the last words of s ("Harbour Courier
// 03-05-2023") and returns the words before it, without a preposition
// that joins them (datePrepositions).
func pubBeforeDate(s string) (string, Date, bool) {
	head, d, ok := datedTail(strings.Fields(s), 1)
	if !ok {
		return "", Date{}, false
	}
	if n := len(head); n > 1 && datePrepositions[strings.ToLower(head[n-1])] {
		head = head[:n-1]
	}
	return strings.Join(head, " "), d, true
}

// datedTail finds the date a line's words end with: the longest run
// of the last words, at most 5 and at least minWords, leaving at least
// one word before it, that parses as a date naming its day
// ("Harbour Courier 03-05-2023" -> "Harbour Courier", 3 May 2023). It
// returns the words before the date and the date.
func datedTail(words []string, minWords int) ([]string, Date, bool) {
	for k := min(5, len(words)-1); k >= minWords; k-- {
		if d, ok := parseDate(strings.Join(words[len(words)-k:], " ")); ok && d.Day != 0 {
			return words[:len(words)-k], d, true
		}
	}
	return nil, Date{}, false
}

// isPublicationName accepts a publication's name: at most maxPubWords
// words without digits, one of them capitalized, and no sentence end.
func isPublicationName(s string) bool {
	s = strings.TrimSpace(s)
	n := countWords(s)
	if n == 0 || n > maxPubWords || strings.ContainsAny(s, "0123456789") || strings.HasSuffix(s, ".") && n > 2 {
		return false
	}
	for _, w := range strings.Fields(s) {
		if capitalized(w) {
			return true
		}
	}
	return false
}

// An indexEntry is one line of a compilation's index: the headline, the
// source when printed, and the compilation page it points to.
type indexEntry struct {
	headline string
	source   sourceRef
	page     string
}

// indexPageRE splits an index line into its text and the page number it
// ends with, after a space, a tab or a dot leader.
var indexPageRE = lazyRE(`^(.*?\S)[\s.…_·]*[\s.…_·](\d{1,3})$`)

// indexLeaderRE splits the text of an index line at dot leaders and tabs
// (the gaps between table columns).
var indexLeaderRE = lazyRE(`\s*(?:\.{3,}|…+|_{3,}|\t)\s*`)

// indexSourceRE matches a headline followed by its source in brackets.
var indexSourceRE = lazyRE(`^(.+?)\s*[(\[]([^()\[\]]{2,80})[)\]]$`)

// Bounds of an index entry's headline, in words.
const maxIndexWords = 30

// readIndexEntry reads a line of a compilation's index; columns of a
// table arrive joined by tabs:
//
//	Quay plan put off again (Harbour Courier) ........ 2
//	Quay plan put off again ..... Harbour Courier ..... 2
//	Hafenplan erneut vertagt\tHafenkurier\t12.05.2023\t2
//
// The headline needs two words, or a source beside it.
func readIndexEntry(s string) (indexEntry, bool) {
	s = strings.TrimSpace(s)
	if s == "" || s[len(s)-1] < '0' || s[len(s)-1] > '9' {
		return indexEntry{}, false // indexPageRE wants a page number last
	}
	m := indexPageRE.FindStringSubmatch(s)
	if m == nil {
		return indexEntry{}, false
	}
	e := indexEntry{page: m[2]}
	parts := indexLeaderRE.Split(strings.TrimRight(m[1], " ."), -1)
	e.headline = strings.TrimSpace(parts[0])
	src := strings.Join(parts[1:], ", ")
	if len(parts) == 1 {
		if b := indexSourceRE.FindStringSubmatch(e.headline); b != nil {
			e.headline, src = strings.TrimSpace(b[1]), b[2]
		}
	}
	e.source.publication, e.source.date = splitPubDate(src)
	n := countWords(e.headline)
	if n == 0 || n > maxIndexWords || n < 2 && e.source.publication == "" || !strings.ContainsFunc(e.headline, unicode.IsLetter) {
		return indexEntry{}, false
	}
	if _, isDate := parseDate(e.headline); isDate {
		return indexEntry{}, false
	}
	return e, true
}

// minTitleMatchWords is the fewest words of a shortened headline that
// still matches the full one.
const minTitleMatchWords = 3

// sameTitle reports whether an index entry names a headline: the same
// words (see titleKey), or one the start of the other by at least
// minTitleMatchWords words, as indexes shorten long headlines, perhaps in
// mid-word ("Ferry fares to ri…").
func sameTitle(entry, headline string) bool {
	a, b := titleKey(entry), titleKey(headline)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	return strings.Count(short, " ")+1 >= minTitleMatchWords && strings.HasPrefix(long, short)
}
