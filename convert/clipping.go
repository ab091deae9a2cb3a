package convert

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// readClipping reads one article laid out as e-paper and web clippings are:
//
//	Harbour Gazette                        <- masthead (when masthead)
//	Ferry Talks Resume                     <- headline
//	A standfirst of one or two sentences.  <- optional
//	- By Wen Lihua Copyedited by ...       <- byline, credits, contacts
//	body paragraphs ...
//
// Without a masthead (plain text) the first paragraph is the headline when
// it looks like one.
func readClipping(lines []string, masthead bool) *Article {
	return newClippingRoom().read(lines, masthead)[0]
}

// A clippingRoom holds, in one allocation, what reading one clipping
// makes for certain: its article, the list of one article a layout reader
// returns, the room of the article's first removals (most clippings have
// a few: a byline's line, a footer's two), that of the lines splitParas
// trims (a clipping's paragraphs often end in a space), that of a short
// body's blocks, and that of its byline's first author and credit.
type clippingRoom struct {
	article Article
	list    [1]*Article
	removed [removedReserved]Removal
	kept    [clippingKeptLines]string
	body    blockRoom
	byline  bylineRoom
}

// clippingKeptLines is the room a clippingRoom has for trimmed lines, and
// clippingParas that which read makes on its stack for paragraphs: what a
// clipping of a few kilobytes needs.
const (
	clippingKeptLines = 12
	clippingParas     = 16
)

func newClippingRoom() *clippingRoom {
	r := &clippingRoom{}
	r.list[0] = &r.article
	r.article.Removed = r.removed[:0]
	return r
}

// read is readClipping into r's article; it returns r's list, which holds
// it.
func (r *clippingRoom) read(lines []string, masthead bool) []*Article {
	var room [clippingParas]para // the paragraphs live only while the clipping is read
	paras := splitHeaderLines(splitParasIn(room[:], r.kept[:], lines, 1), 4)
	a := &r.article
	a.Line = 1
	if len(paras) > 0 {
		a.Line = paras[0].line
	}
	i := 0
	if masthead && len(paras) > 1 {
		a.applyMasthead(paras[0].joined())
		i = 1
		if d, ok := parseDate(paras[i].joined()); ok && i+1 < len(paras) {
			a.Date = d
			a.remove(RemovedHeader, paras[i].joined())
			i++
		}
	}
	if i < len(paras)-2 && (isKicker(paras[i].joined()) || isSectionLabel(paras[i], paras[i+1])) && isTitleLike(paras[i+1]) {
		a.Kicker = paras[i].joined()
		i++
	}
	headline := -1
	if i < len(paras) && isTitleLike(paras[i]) && !isBylineLine(paras[i].joined()) && (i+1 < len(paras) || masthead) {
		a.setHeadline(singleSpaced(paras[i].joined()))
		headline = i
		i++
	} else {
		a.warn(a.Line, "no headline found")
	}
	i = a.readHeaderZone(paras, i, headline, &r.byline)
	finishArticleIn(a, &r.body, paras[i:])
	return r.list[:]
}

// splitHeaderLines gives a byline, date or credit line its own paragraph
// when it shares one with the headline, in the first n paragraphs:
//
//	Storm closes the coastal road
//	By Staff Reporter
func splitHeaderLines(paras []para, n int) []para {
	if !hasLongPara(paras[:min(n, len(paras))]) {
		return paras // nothing to split
	}
	out := make([]para, 0, len(paras)+4)
	for k, p := range paras {
		if k >= n || len(p.lines) == 1 {
			out = append(out, p)
			continue
		}
		cur := para{line: p.line}
		for j, l := range p.lines {
			t := strings.TrimSpace(l)
			header := isBylineLine(t) || isDateLine(t) || isCreditOnly(t)
			if header && len(cur.lines) > 0 {
				out = append(out, cur)
				cur = para{line: p.line + j}
			}
			cur.lines = append(cur.lines, l)
			if header && j+1 < len(p.lines) {
				out = append(out, cur)
				cur = para{line: p.line + j + 1}
			}
		}
		out = append(out, cur)
	}
	return out
}

// hasLongPara reports whether a paragraph of paras has more than one line.
func hasLongPara(paras []para) bool {
	for _, p := range paras {
		if len(p.lines) > 1 {
			return true
		}
	}
	return false
}

// readHeaderZone reads the few paragraphs between the headline and the body:
// standfirst, byline (with credits and contacts), bare-name byline, date
// line and credit lines, in any order. It returns the index of the first
// body paragraph. The first byline's authors and credits go in room.
func (a *Article) readHeaderZone(paras []para, i, headline int, room *bylineRoom) int {
	byline := false
	for ; i < len(paras) && i <= headline+4; i++ {
		text := trimSpace(paras[i].joined())
		if joined, n := splitByline(paras, i); n > 0 {
			text = joined
			for _, p := range paras[i : i+n] {
				a.remove(RemovedByline, trimSpace(p.joined()))
			}
			a.applyScannedByline(room, text, false, scanCredits(text))
			byline = true
			i += n - 1
			continue
		}
		rest := len(paras) - i - 1
		scan, isByline := bylineScan(text) // isBylineLine, keeping its scan for the credits
		switch {
		case isByline:
			a.applyScannedByline(room, text, false, scan)
			a.remove(RemovedByline, text)
			byline = true
		case isCreditOnly(text):
			c, k, _ := creditLine(text)
			a.Credits, a.Contacts = append(a.Credits, c...), append(a.Contacts, k...)
			a.remove(RemovedCredit, text)
		case rest > 0 && a.Date.IsZero() && a.readHeaderDate(text, paras[i].line):
		case !byline && rest > 0 && isBareName(text):
			a.applyScannedByline(room, text, true, scanCredits(text))
			a.remove(RemovedByline, text)
			byline = true
		case headline >= 0 && i == headline+1 && isTagLine(paras, i):
			a.remove(RemovedFurniture, text)
		case !byline && headline >= 0 && i == headline+1 && a.Subheadline == "" && isStandfirst(paras, i):
			a.Subheadline = singleSpaced(text)
		default:
			return i
		}
	}
	return i
}

// readHeaderDate reads a date line of the header zone, read once for both
// cases (isDateLine, then isImpossibleDate): a date becomes the article's;
// a date that is not on the calendar ("31 April 2021") keeps its raw text
// and gives a warning at line. It reports whether text was either, and
// removes it from the text then.
func (a *Article) readHeaderDate(text string, line int) bool {
	d, ok := parseDateForm(text)
	switch {
	case !ok:
		return false
	case d.onCalendar(): // parseDate's date
		a.Date = d
	default: // isImpossibleDate
		a.Date = Date{Raw: strings.TrimSpace(text)}
		a.warn(line, "impossible date "+strconv.Quote(a.Date.Raw)+": no date given")
	}
	a.remove(RemovedHeader, text)
	return true
}

// singleSpaced returns strings.Join(strings.Fields(s), " "): the words of
// s with one space between them. A text that is so already comes back as
// it is, without building anything; an ASCII text without a control byte
// (\t to \r among them) or two spaces in a row is, found a word at a time.
func singleSpaced(s string) string {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return strings.Join(strings.Fields(s), " ")
	}
	if isSingleSpacedASCII(s) {
		return s
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' && s[i+1] == ' ' || '\t' <= c && c <= '\r' { // \t \n \v \f \r
				return strings.Join(strings.Fields(s), " ")
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		i += size
	}
	return s
}

// isSingleSpacedASCII reports whether s is ASCII without a control byte
// (below 0x20) or two spaces in a row, eight bytes a step: a word with a
// byte below 0x20 or above 0x7F turns s away (lowBytes may mark a byte
// after one that is below 0x20, never another), and spaceBytes marks its
// spaces exactly, those of a pair in a row, or across two words (last), in
// two places.
func isSingleSpacedASCII(s string) bool {
	i, last := 0, uint64(0) // last: 0x80 when s[i-1] is a space
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		if (lowBytes(x)|x)&highs != 0 {
			return false
		}
		sp := spaceBytes(x)
		if sp&(sp<<8|last) != 0 {
			return false
		}
		last = sp >> 56
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == ' ' && i > 0 && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

func isCreditOnly(s string) bool {
	_, _, ok := creditLine(s)
	return ok
}

func isDateLine(s string) bool {
	_, ok := parseDate(s)
	return ok
}

// Headline limits: lines, and characters (runes).
const (
	maxTitleLines = 3
	maxTitleRunes = 300
)

// isTitleLike: a headline is one to maxTitleLines lines, at most
// maxTitleRunes characters.
func isTitleLike(p para) bool {
	t := p.joined()
	return len(p.lines) <= maxTitleLines && runeCount(t) <= maxTitleRunes && !isPlaceholder(t)
}

// isKicker recognises the label above a headline: a few capital words,
// "ANALYSIS", "WORLD NEWS". (Capitals are asked first: a headline in
// title case fails on its second letter, before its words are counted.)
func isKicker(s string) bool {
	return isAllCaps(s) && fieldCount(s) <= 4 && !strings.ContainsAny(s, ".!?")
}

// isSectionLabel recognises a short label above a headline in title case,
// as web pages print their section: "Opinion", "World news". It is at most
// three words without digits or closing punctuation, and the line after it
// is a headline at least twice as long.
//
//	Opinion
//	Why the tide mill matters more than ever
func isSectionLabel(p, next para) bool {
	t := p.joined()
	n := countWordsUpTo(t, 3)
	if len(p.lines) != 1 || n > 3 || strings.ContainsAny(t, "0123456789.!?:,;\"") {
		return false
	}
	h := next.joined() // the headline is read only under a label
	hn := countWords(h)
	return hn >= 2*n+1 && hn <= 30 && !strings.HasSuffix(h, ".") && !isBylineLine(h) && !isDateLine(h)
}

// isStandfirst decides whether the paragraph after the headline is a
// standfirst (deck) rather than the first paragraph of the body. It is one
// when a byline follows it, or when it is short (at most 200 characters,
// one line) and more text follows. A paragraph opening with a dateline is
// body.
func isStandfirst(paras []para, i int) bool {
	p := paras[i]
	text := p.joined()
	if len(p.lines) > 3 || runeCount(text) > maxStandfirst || i+1 >= len(paras) {
		return false
	}
	if _, _, ok := parseDateline(text); ok {
		return false
	}
	next := paras[i+1].joined()
	if isBylineLine(next) || isBareName(next) {
		return true
	}
	if opensInFirstPerson(text) {
		return false
	}
	if startsContents(paras[i+1:]) {
		return true
	}
	return runeCount(text) <= maxShortStandfirst && len(p.lines) == 1 && i+2 < len(paras) &&
		introducesBody(text, paras[i+1])
}

// introducesBody reports whether next, the paragraph after a possible
// standfirst s, reads as what a standfirst introduces: running text at
// least as long as s, or a heading. A shorter sentence after it means both
// are paragraphs of a story told in short paragraphs:
//
//	The archive holds a few surprises for anyone who copies old stories.
//	1998. The year the river froze.
func introducesBody(s string, next para) bool {
	t := strings.TrimSpace(next.joined())
	if runeCount(t) >= runeCount(s) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return len(next.lines) == 1 && countWords(t) <= maxContentsWords && !strings.ContainsRune(".,;…", last)
}

// Standfirst limits, in characters (runes): a standfirst is at most
// maxStandfirst long (and three lines); without a byline under it, one line
// of at most maxShortStandfirst.
const (
	maxStandfirst      = 400
	maxShortStandfirst = 200
)

// firstPersonOpeners open a paragraph in the writer's own voice, lower
// case, in the languages of the month tables.
var firstPersonOpeners = map[string]bool{"i": true, "i'm": true, "i've": true, "i'd": true,
	"i'll": true, "ich": true, "je": true, "j'ai": true, "yo": true, "ik": true, "io": true}

// opensInFirstPerson reports whether s opens with the writer's "I": a blog
// post's first paragraph, never a deck written about the story.
//
//	I've written a couple of posts in the past few months ...
//	Ich habe lange gezögert, ...
func opensInFirstPerson(s string) bool {
	w := strings.ToLower(strings.TrimRight(firstField(s), ",;:"))
	w = strings.ReplaceAll(w, "’", "'")
	return firstPersonOpeners[w]
}

// Table-of-contents limits: an entry is at most maxContentsWords words;
// a table has at least minContentsEntries entries.
const (
	maxContentsWords   = 10
	minContentsEntries = 2
)

// startsContents reports whether paras opens with a table of contents: at
// least two one-line paragraphs of a few words each, without closing
// punctuation, as a blog prints under its deck:
//
//	Assess How Deep Your Coverage Is
//	Rewrite With Depth In Mind
func startsContents(paras []para) bool {
	n := 0
	for _, p := range paras {
		t := strings.TrimSpace(p.joined())
		last, _ := utf8.DecodeLastRuneInString(t)
		if len(p.lines) != 1 || countWords(t) > maxContentsWords || strings.ContainsRune(".,;!?:\"”…", last) {
			break
		}
		n++
	}
	return n >= minContentsEntries
}

// Tag-line limits: at most maxTagWords words and maxTagRunes characters.
const (
	maxTagWords = 3
	maxTagRunes = 24
)

// isTagLine recognises the topic tag a web page prints right under its
// headline, a word or two without punctuation or digits, above running
// text at least four times longer:
//
//	Mac & i
//	Das in der iOS-Version bereits enthaltene Feature ist ...
//
// A name ("Jane Doe") or an agency ("Reuters") there is a byline instead.
func isTagLine(paras []para, i int) bool {
	p := paras[i]
	t := strings.TrimSpace(p.joined())
	if len(p.lines) != 1 || i+1 >= len(paras) || countWords(t) > maxTagWords ||
		runeCount(t) > maxTagRunes || strings.ContainsAny(t, "0123456789.,;:!?\"'()") {
		return false
	}
	if isBareName(t) || agencyName(t) != "" || isBylineLine(t) {
		return false
	}
	next := strings.TrimSpace(paras[i+1].joined())
	last, _ := utf8.DecodeLastRuneInString(next)
	return runeCount(next) >= 4*runeCount(t) && strings.ContainsRune(".!?。！？”\"", last)
}

// wirePrefixes are the desk and wire slugs agencies put before a headline,
// upper case: "URGENT: Port closed", "UPDATE 2-Port closed".
var wirePrefixes = map[string]bool{"LEADALL": true, "LEAD": true, "URGENT": true, "FLASH": true,
	"BULLETIN": true, "ATTENTION": true, "UPDATE": true, "CORRECTED": true, "REFILE": true,
	"RPT": true, "WRAPUP": true, "ADVISORY": true, "EXCLUSIVE": true, "BREAKING": true,
	"EILMELDUNG": true, "URGENTE": true, "ÚLTIMA HORA": true, "DRINGEND": true}

// wirePrefixRE matches a slug from wirePrefixes (with an update number)
// and its separator: "LEADALL: ", "ATTENTION - ", "UPDATE 2-".
var wirePrefixRE = lazyRE(`^([\p{Lu} ]{3,14}?)(?:\s+\d{1,2})?\s*(?::|\s-|-|–|—)\s*(\S.*)$`)

// splitWirePrefix cuts a wire or desk slug off a headline:
//
//	URGENT: Port closed after storm   -> "URGENT", "Port closed after storm"
//	UPDATE 2-Port closed after storm  -> "UPDATE 2", "Port closed after storm"
//	PORTHAVEN: A town waits            -> not a slug
func splitWirePrefix(h string) (slug, rest string, ok bool) {
	if !mayOpenWithWireSlug(h) {
		return "", h, false
	}
	m := wirePrefixRE.FindStringSubmatch(h)
	if m == nil || !wirePrefixes[strings.TrimSpace(m[1])] {
		return "", h, false
	}
	slug = strings.TrimSpace(h[:len(h)-len(m[2])])
	slug = strings.TrimRight(slug, ":-–— ")
	return slug, m[2], true
}

// wireSlugsByFirst holds the wirePrefixes by their first byte, each list
// in order.
var wireSlugsByFirst = func() (by [256][]string) {
	for w := range wirePrefixes {
		by[w[0]] = append(by[w[0]], w)
	}
	for _, l := range by {
		slices.Sort(l)
	}
	return by
}()

// mayOpenWithWireSlug is the cheap test before wirePrefixRE: h opens, after
// spaces, with one of the wirePrefixes. The slug the regexp takes is made
// of capitals and spaces, and is one of them once trimmed, so h opens with
// it after its spaces. Only the slugs that open with the first byte of the
// trimmed h are tried.
func mayOpenWithWireSlug(h string) bool {
	t := strings.TrimLeft(h, " ")
	if t == "" {
		return false
	}
	for _, w := range wireSlugsByFirst[t[0]] {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// setHeadline sets the headline, moving a wire slug to the kicker.
func (a *Article) setHeadline(h string) {
	if slug, rest, ok := splitWirePrefix(h); ok {
		if a.Kicker == "" {
			a.Kicker = slug
		} else {
			a.remove(RemovedHeader, slug)
		}
		h = rest
	}
	a.Headline = h
}

// isBareLead reports whether s is only a byline's lead word: "By", "Von:".
// A longer s (a byline, a paragraph) is turned away before it is
// lower-cased: lower-casing shortens a rune's bytes at most four times ("K",
// the kelvin sign, becomes "k"), and keeps the number of runes (an invalid
// byte becomes one U+FFFD), so s has no more runes than the longest lead.
func isBareLead(s string) bool {
	s = trimSpace(s)
	for len(s) > 0 && (s[len(s)-1] == ':' || s[len(s)-1] == ' ') { // strings.TrimRight(s, ": ")
		s = s[:len(s)-1]
	}
	if len(s) > 4*longestBylineLead || runeCount(s) > mostBylineLeadRunes {
		return false
	}
	s = strings.ToLower(s)
	for _, w := range bylineLeads {
		if s == w {
			return true
		}
	}
	return false
}

// mostBylineLeadRunes is the number of runes of the longest of
// bylineLeads.
var mostBylineLeadRunes = func() (n int) {
	for _, w := range bylineLeads {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}()

// splitByline joins a byline printed over separate paragraphs, a lead
// word, the name, and perhaps a job title:
//
//	By
//	Ruth Okafor
//	Harbour Correspondent
//
// It returns the byline on one line and the number of paragraphs it took,
// 0 when paras[i] is not a lead word followed by a name.
func splitByline(paras []para, i int) (string, int) {
	if i+1 >= len(paras) || !isBareLead(paras[i].joined()) {
		return "", 0
	}
	name := strings.TrimSpace(paras[i+1].joined())
	if !isBareName(name) && !looksLikeName(name) {
		return "", 0
	}
	text := strings.TrimSpace(paras[i].joined()) + " " + name
	if i+2 < len(paras) {
		if t := strings.TrimSpace(paras[i+2].joined()); isTitle(t) {
			return text + ", " + t, 3
		}
	}
	return text, 2
}
