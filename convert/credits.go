package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// creditMarkers lists the phrases that open a credit or a contact, lower
// case, with the role they give. Contacts have the role "contact". Longer
// phrases come first so that "copy edited by" wins over "edited by".
var creditMarkers = []struct{ phrase, role string }{
	{"additional reporting by", RoleContributor},
	{"with reporting by", RoleContributor},
	{"reporting by", RoleContributor},
	{"contributing:", RoleContributor},
	{"copyedited by", RoleCopyeditor},
	{"copy-edited by", RoleCopyeditor},
	{"copy edited by", RoleCopyeditor},
	{"copy editor:", RoleCopyeditor},
	{"copy-editor:", RoleCopyeditor},
	{"edited by", RoleEditor},
	{"editing by", RoleEditor},
	{"writing by", RoleContributor},
	{"editor:", RoleEditor},
	{"translated by", RoleTranslator},
	{"translation by", RoleTranslator},
	{"translation:", RoleTranslator},
	{"photographs by", RolePhotographer},
	{"photograph by", RolePhotographer},
	{"photography by", RolePhotographer},
	{"photos by", RolePhotographer},
	{"photo by", RolePhotographer},
	{"photos:", RolePhotographer},
	{"photo:", RolePhotographer},
	{"pictures by", RolePhotographer},
	{"picture by", RolePhotographer},
	{"fotos:", RolePhotographer},
	{"foto:", RolePhotographer},
	{"graphics by", RoleIllustrator},
	{"graphic by", RoleIllustrator},
	{"graphics:", RoleIllustrator},
	{"graphic:", RoleIllustrator},
	{"illustration by", RoleIllustrator},
	{"illustrated by", RoleIllustrator},
	{"illustration:", RoleIllustrator},
	{"traducción:", RoleTranslator},
	{"traduction:", RoleTranslator},
	{"übersetzung:", RoleTranslator},
	{"fotografía:", RolePhotographer},
	{"编译/", RoleTranslator},
	{"编译：", RoleTranslator},
	{"编译:", RoleTranslator},
	{"翻译/", RoleTranslator},
	{"翻译：", RoleTranslator},
	{"翻訳：", RoleTranslator},
	{"责任编辑：", RoleEditor},
	{"编辑/", RoleEditor},
	{"编辑：", RoleEditor},
	{"摄影/", RolePhotographer},
	{"摄影：", RolePhotographer},
	{"写真：", RolePhotographer},
	{"prepared by", RoleContributor},
	{"brought to you by", RoleContributor},
	{"comments to", "contact"},
	{"contact the writer at", "contact"},
	{"contact the author at", "contact"},
	{"contact the reporter at", "contact"},
	{"contact:", "contact"},
	{"e-mail:", "contact"},
	{"email:", "contact"},
}

// creditMarkerAt returns the marker that starts at byte i of lower (a
// line as markerText gives it) as a whole word, and its length. It folds
// ASCII letters itself, so lower may hold ASCII capitals.
func creditMarkerAt(lower string, i int) (role string, n int, ok bool) {
	if i > 0 {
		if c := lower[i-1]; c < utf8.RuneSelf {
			if asciiWordByte[c] {
				return "", 0, false
			}
		} else if r, _ := utf8.DecodeLastRuneInString(lower[:i]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return "", 0, false
		}
	}
	for _, k := range creditMarkersByFirst[lowerASCII(lower[i])] {
		m := creditMarkers[k]
		if hasPrefixFoldASCII(lower[i:], m.phrase) && markerEndsWord(m.phrase, lower, i+len(m.phrase)) {
			return m.role, len(m.phrase), true
		}
	}
	return "", 0, false
}

// hasPrefixFoldASCII reports whether s opens with phrase (lower case),
// matching ASCII letters of s in either case and other bytes exactly.
func hasPrefixFoldASCII(s, phrase string) bool {
	if len(s) < len(phrase) {
		return false
	}
	for j := 0; j < len(phrase); j++ {
		if lowerASCII(s[j]) != phrase[j] {
			return false
		}
	}
	return true
}

// creditMarkersByFirst lists, by first byte, the indexes of the markers
// in creditMarkers (in its order), to skip the positions where none can
// start and try only the markers that may.
var creditMarkersByFirst = func() (t [256][]int) {
	for k, m := range creditMarkers {
		t[m.phrase[0]] = append(t[m.phrase[0]], k)
	}
	return t
}()

// creditOpenings marks the first two bytes of the phrases of
// creditMarkers: the cheap test of startsWithCredit.
var creditOpenings = func() *openingPairs {
	phrases := make([]string, len(creditMarkers))
	for k, m := range creditMarkers {
		phrases[k] = m.phrase
	}
	return newOpeningPairs(phrases...)
}()

// creditMarkersByRune lists, by rune outside ASCII, the indexes of the
// markers in creditMarkers whose first rune case-folds to it
// (unicode.SimpleFold, as strings.EqualFold compares), in table order: a
// text that opens with a rune it lists nothing for opens with no marker.
var creditMarkersByRune = func() map[rune][]int {
	t := map[rune][]int{}
	for k, m := range creditMarkers {
		r, _ := utf8.DecodeRuneInString(m.phrase)
		for f := r; ; {
			if f >= utf8.RuneSelf {
				t[f] = append(t[f], k)
			}
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
	}
	return t
}()

// creditMarkersByFold lists, by lower-case ASCII letter (or other ASCII
// byte), the indexes of the markers whose first rune case-folds to it
// (unicode.SimpleFold, as strings.EqualFold compares), in table order.
var creditMarkersByFold = func() (t [utf8.RuneSelf][]int) {
	for k, m := range creditMarkers {
		r, _ := utf8.DecodeRuneInString(m.phrase)
		for f := r; ; {
			if f < utf8.RuneSelf && (f < 'A' || f > 'Z') {
				t[f] = append(t[f], k)
			}
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
	}
	return t
}()

// lowerByte lower-cases an ASCII letter and returns other bytes as they are.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// asciiWordByte marks the ASCII letters and digits: the ASCII runes for
// which unicode.IsLetter or unicode.IsDigit holds.
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()

var emailRE = lazyRE(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

// A segment is one part of a byline line: the text before any marker
// (role ""), a credit (role copyeditor, editor, ...) or a contact.
type segment struct {
	role string
	text string
}

// splitCredits cuts a line at every credit or contact phrase:
//
//   - By Wen Lihua Copyedited by Lena Voss Comments to wen@gazette.example
//     -> "- By Wen Lihua" | copyeditor "Lena Voss" | contact "wen@gazette.example"
//
// The first segment has role "" and may be empty.
func splitCredits(line string) []segment {
	return appendSegments(make([]segment, 0, 3), line) // a byline, a credit, a contact
}

// appendSegments appends the segments of splitCredits(line) to dst: a
// caller that passes a stack array's slice allocates nothing for a line
// of a few segments.
func appendSegments(dst []segment, line string) []segment {
	return appendScannedSegments(dst, line, scanCredits(line))
}

// appendScannedSegments is appendSegments on a line whose first marker
// scanCredits has found already (scan).
func appendScannedSegments(dst []segment, line string, scan creditScan) []segment {
	segs := append(dst, segment{})
	prev := 0
	for i, role, n := scan.at, scan.role, scan.n; n > 0; i, role, n = nextCredit(scan.lower, prev) {
		segs[len(segs)-1].text = trimSpace(line[prev:i])
		segs = append(segs, segment{role: role})
		prev = i + n
	}
	segs[len(segs)-1].text = trimSpace(line[prev:])
	return segs
}

// A creditScan is a line as creditMarkerAt reads it (markerText) and its
// first marker as nextCredit from 0 gives it (where it starts, its role,
// its length in bytes; n is 0 and at len(lower) when there is none): what
// isBylineLine and appendSegments both look for first, found once where a
// reader asks one and then the other of the same line (bylineScan).
type creditScan struct {
	lower string
	at, n int
	role  string
}

// scanCredits finds the first marker of line.
func scanCredits(line string) creditScan {
	lower := markerText(line)
	at, role, n := nextCredit(lower, 0)
	return creditScan{lower: lower, at: at, n: n, role: role}
}

// nextCredit returns the first marker in lower (as markerText gives it)
// at or after byte from: where it starts, its role and its length in
// bytes; n is 0 and at is len(lower) when there is none.
//
// It skips, before calling creditMarkerAt, the bytes that start no marker,
// those inside an ASCII word, and those whose two bytes from there open no
// marker (creditOpenings), where creditMarkerAt finds none.
func nextCredit(lower string, from int) (at int, role string, n int) {
	for i := from; i < len(lower); i++ {
		if creditMarkersByFirst[lowerASCII(lower[i])] == nil ||
			i > 0 && lower[i-1] < utf8.RuneSelf && asciiWordByte[lower[i-1]] ||
			!creditOpenings.mayOpen(lower[i:]) {
			continue
		}
		if role, n, ok := creditMarkerAt(lower, i); ok {
			return i, role, n
		}
	}
	return len(lower), "", 0
}

// markerText gives a line as creditMarkerAt reads it, with the byte
// offsets of the line: ASCII text as it is (creditMarkerAt folds ASCII
// case, so it need not be copied), other text lower-cased, or lower-cased
// in ASCII only where lower-casing changes byte offsets (rare letters such
// as "İ").
func markerText(line string) string {
	if isASCII(line) {
		return line
	}
	if lower := strings.ToLower(line); len(lower) == len(line) {
		return lower
	}
	return asciiLower(line)
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// startsWithCredit reports whether s opens with a credit or contact phrase.
// It compares without lower-casing, so that the test allocates nothing;
// it turns away at once text whose first two bytes open no phrase
// (creditOpenings), and it tries only the phrases whose first rune folds
// to s's (creditMarkersByFold, creditMarkersByRune).
func startsWithCredit(s string) bool {
	if s == "" || !creditOpenings.mayOpen(s) {
		return false
	}
	var markers []int
	if c := s[0]; c < utf8.RuneSelf {
		markers = creditMarkersByFold[lowerByte(c)]
	} else {
		r, _ := utf8.DecodeRuneInString(s)
		markers = creditMarkersByRune[r]
	}
	for _, k := range markers {
		if opensWithMarker(s, creditMarkers[k].phrase) {
			return true
		}
	}
	return false
}

// opensWithMarker reports whether s opens with a marker phrase, in any
// case, as a whole word ("By Ann", "BY ANN" open with "by"; "Byline"
// does not).
//
// It compares the bytes that are ASCII in both byte by byte, and hands the
// rest to strings.EqualFold from the first rune outside ASCII on: the
// ASCII bytes before it are whole runes in both, so the answer is
// EqualFold's.
func opensWithMarker(s, phrase string) bool {
	n := len(phrase)
	if len(s) < n {
		return false
	}
	for j := 0; j < n; j++ {
		a, b := s[j], phrase[j]
		if a >= utf8.RuneSelf || b >= utf8.RuneSelf {
			return strings.EqualFold(s[j:n], phrase[j:]) && markerEndsWord(phrase, s, n)
		}
		if lowerASCII(a) != lowerASCII(b) {
			return false
		}
	}
	return markerEndsWord(phrase, s, n)
}

// markerEndsWord reports whether a marker phrase found in s up to byte
// end ends a word there: a phrase that ends in a letter ("by") must not
// run on into a letter or digit ("byline", "by2"); one that ends in
// punctuation ("editor:") may ("editor:Ann").
func markerEndsWord(phrase, s string, end int) bool {
	if last := phrase[len(phrase)-1]; 'a' <= last && last <= 'z' && end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	return true
}

// creditQualifiers say which picture a credit is for; they may open a
// credit line: "Top photo by Ana Ruiz", "Main image: Tom Lee".
var creditQualifiers = []string{"top", "main", "lead", "header", "cover", "featured", "hero",
	"above", "below", "inset"}

// qualifierFirst marks the first letters of creditQualifiers.
var qualifierFirst = func() (t [256]bool) {
	for _, q := range creditQualifiers {
		t[q[0]] = true
	}
	return t
}()

// stripCreditQualifier removes a qualifier word that opens a credit
// phrase: "Top photo by Ana Ruiz" -> "photo by Ana Ruiz". Other text is
// returned as it is.
//
// Only a word whose first byte is an ASCII letter that starts a qualifier
// can be one: no rune outside ASCII folds to the first letter of any.
func stripCreditQualifier(s string) string {
	if s == "" || !qualifierFirst[lowerASCII(s[0])] {
		return s // w, below, opens with s[0]
	}
	// A qualifier is at most len("featured") bytes: the space after it
	// comes no later.
	i := strings.IndexByte(s[:min(len(s), len("featured")+1)], ' ')
	if i <= 0 {
		return s
	}
	w, rest := s[:i], s[i+1:]
	for _, q := range creditQualifiers {
		if strings.EqualFold(w, q) && startsWithCredit(rest) {
			return rest
		}
	}
	return s
}

// Credit limits, in bytes: a paragraph of credits is at most
// maxCreditLine long, maxQualifiedCreditLine with the qualifier word that
// may open it ("featured "); a closing note or "contributed" line
// maxCreditNote.
const (
	maxCreditLine          = 200
	maxQualifiedCreditLine = maxCreditLine + len("featured ")
	maxCreditNote          = 160
)

// creditNote reads a credit note in parentheses that ends a paragraph, as
// agencies and translated copy print it, and returns the paragraph's text
// before it (empty when the note is all of it):
//
//	... the port reopened. (Reporting by Ann Lee; Editing by Bo Ma)
//	... 港口重新开放。（编译/李明）
func creditNote(text string) (credits []Credit, rest string, ok bool) {
	open, closing, ok := noteBrackets(text)
	if !ok {
		return nil, "", false
	}
	i := strings.LastIndex(text, open)
	if i < 0 || len(text)-i > maxCreditNote {
		return nil, "", false
	}
	inner := strings.TrimSpace(text[i+len(open) : len(text)-len(closing)])
	credits, contacts, ok := creditLine(inner)
	if !ok || len(contacts) > 0 {
		return nil, "", false
	}
	return credits, strings.TrimSpace(text[:i]), true
}

// noteBrackets returns the brackets of the note that text may end with,
// by the one it ends with: "(" and ")", or the full-width "（" and "）".
func noteBrackets(text string) (open, closing string, ok bool) {
	switch {
	case strings.HasSuffix(text, "）"):
		return "（", "）", true
	case strings.HasSuffix(text, ")"):
		return "(", ")", true
	}
	return "", "", false
}

// creditsOf turns the names of one credit segment into credits:
// "Lena Voss" -> one; "Ann Lee and Bo Ma" -> two.
func creditsOf(role, text string) []Credit { return creditsIn(nil, role, text) }

// creditsIn is creditsOf appending the credits to dst, which is empty: its
// room holds the first of them (see bylineRoom).
func creditsIn(dst []Credit, role, text string) []Credit {
	text = trimSpaceAnd(text, ".;,/|·•。 ")
	out := dst
	var parts [4]string
	for _, part := range appendAuthors(parts[:0], text) {
		for name := range strings.SplitSeq(part, ",") {
			name = trimSpace(name)
			if name == "" {
				continue
			}
			out = append(out, Credit{Name: fixNameCase(name), Role: role, Raw: text})
		}
	}
	return out
}

// contactsOf returns the e-mail addresses of a contact segment, or the
// segment itself when it holds none ("Comments to the editor").
func contactsOf(text string) []string {
	if emails := emailRE.FindAllString(text, -1); len(emails) > 0 {
		return emails
	}
	if t := strings.Trim(strings.TrimSpace(text), "."); t != "" {
		return []string{t}
	}
	return nil
}

// creditLine reads a paragraph that is only credits and contacts:
//
//	Copyedited by Lena Voss
//	Photo: Jane Doe / Translated by Li Wei
//	Comments to wen@gazette.example
//
// It reports false, changing nothing, when the paragraph holds anything
// else, such as a caption ("Photo: Soldiers patrol the market at dawn.").
func creditLine(text string) (credits []Credit, contacts []string, ok bool) {
	if len(text) > maxQualifiedCreditLine {
		return nil, nil, false // too long even without a qualifier word
	}
	text = stripCreditQualifier(text)
	if len(text) > maxCreditLine || !startsWithCredit(text) {
		return nil, nil, false
	}
	segs := splitCredits(text)
	if len(segs) < 2 || segs[0].text != "" {
		return nil, nil, false
	}
	for _, s := range segs[1:] {
		if s.role == "contact" {
			c := contactsOf(s.text)
			if len(emailRE.FindAllString(s.text, -1)) == 0 && fieldCount(s.text) > 6 {
				return nil, nil, false
			}
			contacts = append(contacts, c...)
			continue
		}
		cs := creditsOf(s.role, s.text)
		for _, c := range cs {
			if !looksLikeName(c.Name) && agencyName(c.Name) == "" {
				return nil, nil, false
			}
		}
		credits = append(credits, cs...)
	}
	return credits, contacts, true
}

// noteRoles map the role notes printed after names in a byline, lower case,
// to credit roles; "" marks a note of authorship, which is only dropped.
var noteRoles = map[string]string{"reporting": RoleContributor, "additional reporting": RoleContributor,
	"photography": RolePhotographer, "photos": RolePhotographer, "photo": RolePhotographer,
	"pictures": RolePhotographer, "fotos": RolePhotographer, "foto": RolePhotographer,
	"fotografía": RolePhotographer, "illustration": RoleIllustrator, "illustrations": RoleIllustrator,
	"graphics": RoleIllustrator, "translation": RoleTranslator, "traducción": RoleTranslator,
	"übersetzung": RoleTranslator, "editing": RoleEditor, "text": "", "texto": "", "words": "",
	"texte": ""}

// roleNoteRE matches a name followed by a role note in parentheses.
var roleNoteRE = lazyRE(`^(.+?)\s*\(([^()]{2,30})\)$`)

// roleNotes takes the names a byline marks with a role note out of it as
// credits, and returns the rest for parseByline:
//
//	Ana Ruiz (text) and Tom Lee (photography)
//	  -> "Ana Ruiz", credit photographer Tom Lee
func roleNotes(byline string) (rest string, credits []Credit) {
	if !strings.Contains(byline, "(") {
		return byline, nil
	}
	var kept []string
	noted := false
	for _, part := range splitAuthors(byline) {
		for _, piece := range strings.Split(part, ",") {
			piece = strings.TrimSpace(piece)
			m := roleNoteRE.FindStringSubmatch(piece)
			role, ok := "", false
			if m != nil {
				role, ok = noteRoles[strings.ToLower(strings.TrimSpace(m[2]))]
			}
			noted = noted || ok
			switch {
			case !ok:
				kept = append(kept, piece)
			case role == "":
				kept = append(kept, m[1])
			default:
				credits = append(credits, Credit{Name: fixNameCase(m[1]), Role: role, Raw: byline})
			}
		}
	}
	if !noted {
		return byline, nil
	}
	return strings.Join(kept, ", "), credits
}
