package convert

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A para is a run of non-blank input lines, before unwrapping.
type para struct {
	lines []string // trimmed of trailing space; never empty
	line  int      // 1-based input line of lines[0]
}

func (p para) joined() string { return strings.Join(p.lines, " ") }

// splitParas groups lines into paragraphs at blank lines. first is the
// 1-based input line of lines[0].
func splitParas(lines []string, first int) []para {
	var out []para
	var cur *para
	for i, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0\f\v")
		if strings.TrimSpace(l) == "" {
			cur = nil
			continue
		}
		if cur == nil {
			out = append(out, para{line: first + i})
			cur = &out[len(out)-1]
		}
		cur.lines = append(cur.lines, l)
	}
	return out
}

// bulletRE matches a bullet that opens a list item: "• ", "- ", "* ", "– ".
var bulletRE = regexp.MustCompile(`^\s*[•◦▪●*·–-]\s+`)

// mayBeBullet is a cheap test before bulletRE: the line's first non-space
// character is one of its bullets.
func mayBeBullet(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return strings.ContainsRune("•◦▪●*·–-", r)
}

// isBulleted reports whether line opens a list item. "•"-style bullets
// always do; "-", "*" and "–" only when another line of the paragraph
// starts with one too, so that a lone "- 30 -" stays a paragraph.
func isBulleted(line string, lines []string) bool {
	if !mayBeBullet(line) || !bulletRE.MatchString(line) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(line))
	if !strings.ContainsRune("-*–", r) {
		return true
	}
	n := 0
	for _, l := range lines {
		if mayBeBullet(l) && bulletRE.MatchString(l) {
			n++
		}
	}
	return n >= 2
}

// A piece is one paragraph or list item cut from a para.
type piece struct {
	lines  []string
	bullet bool
}

// splitWrapped breaks one paragraph of input lines into the paragraphs it
// holds. Hard-wrapped lines (a terminal's width, up to 100 characters) are
// joined, except where a line ends a sentence, the next starts one, and the
// next line's first word would have fitted on the line with room to spare:
// the writer broke the line on purpose, as text exported without blank
// lines between paragraphs does. Lines longer than 100 characters are
// paragraphs of their own (a web page copied with single line breaks), and
// bulleted lines are items of their own.
func splitWrapped(p para) []piece {
	if len(p.lines) == 1 {
		return []piece{{lines: []string{strings.TrimSpace(p.lines[0])}, bullet: isBulleted(p.lines[0], p.lines)}}
	}
	width := 0
	for _, l := range p.lines {
		width = max(width, utf8.RuneCountInString(strings.TrimSpace(l)))
	}
	var out []piece
	var cur piece
	for i, l := range p.lines {
		t := strings.TrimSpace(l)
		if isBulleted(l, p.lines) {
			if len(cur.lines) > 0 {
				out = append(out, cur)
			}
			cur = piece{bullet: true}
		}
		cur.lines = append(cur.lines, t)
		if i == len(p.lines)-1 {
			break
		}
		next := strings.TrimSpace(p.lines[i+1])
		n := utf8.RuneCountInString(t)
		fits := n+1+utf8.RuneCountInString(firstField(next))+3 <= width
		if n > 100 && !strings.HasSuffix(t, "-") || width >= 40 && fits && endsSentence(t) && startsSentence(next) {
			out, cur = append(out, cur), piece{}
		}
	}
	if len(cur.lines) > 0 {
		out = append(out, cur)
	}
	return out
}

func firstField(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?\"”’:…", r)
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(«„", r)
}

// vocabulary counts the lower-case words of an article, to decide whether
// a word broken at a line end is one word or a compound. Words keep their
// inner hyphens ("win-win"), and a word broken at a line end keeps its
// trailing one ("infor-"), so that it does not count as a word of its own.
type vocabulary map[string]int

// hasLineEndHyphen reports whether any line ends in a hyphen, the only case
// that needs a vocabulary.
func hasLineEndHyphen(paras []para) bool {
	for _, p := range paras {
		for _, l := range p.lines[:len(p.lines)-1] {
			if strings.HasSuffix(l, "-") {
				return true
			}
		}
	}
	return false
}

// isCollapsed reports whether s has no leading, trailing or double space
// and no other ASCII white space.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	if strings.Contains(s, "  ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' && (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
			return false
		}
	}
	return true
}

// collapseSpaces trims s and turns each run of ASCII white space into one
// space. Other spaces (no-break, thin) stay as printed. It returns s itself
// when there is nothing to change, which a fast search decides.
func collapseSpaces(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// newVocabulary counts, in paras, the words that the line-end hyphens of
// paras could form: each broken word joined, hyphenated, and its halves.
// Only those are counted, which keeps long articles cheap.
func newVocabulary(paras []para) vocabulary {
	v := vocabulary{}
	for _, p := range paras {
		for i := 0; i+1 < len(p.lines); i++ {
			v.want(p.lines[i], p.lines[i+1])
		}
	}
	for _, p := range paras {
		for _, l := range p.lines {
			v.addLine(l)
		}
	}
	return v
}

// want registers the forms a hyphen at the end of line prev could make
// with next.
func (v vocabulary) want(prev, next string) {
	if !endsWithLetterHyphen(prev) {
		return
	}
	head := strings.ToLower(lastWord(prev[:len(prev)-1]))
	tail := strings.ToLower(firstWord(next))
	if head == "" || tail == "" {
		return
	}
	for _, w := range []string{head + tail, head + "-" + tail, head, tail} {
		if _, ok := v[w]; !ok {
			v[w] = 0
		}
	}
}

// addLine counts the wanted words of a line.
func (v vocabulary) addLine(l string) {
	lower := strings.ToLower(l)
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if w := strings.TrimLeft(lower[start:end], "-"); w != "" {
				if n, ok := v[w]; ok {
					v[w] = n + 1
				}
			}
		}
		start = -1
	}
	for i, r := range lower {
		if unicode.IsLetter(r) || r == '-' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(lower))
}

// has reports whether word occurs in the text as a whole word.
func (v vocabulary) has(word string) bool { return v[word] > 0 }

// count counts the whole-word occurrences of word.
func (v vocabulary) count(word string) int { return v[word] }

// hyphenSuffixes are word endings that cannot stand alone: a line ending in
// "informa-" followed by "tion" is one broken word.
var hyphenSuffixes = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`tion tions sion sions ment ments ing ings ed er ers ly
		ness ity ities able ible al ally ous ive ives ism isms ist ists ance ence ure ures
		ion ions age ages ful less est ish ize ise ized ised izing ising ated ation ations
		ical ically ary ory ent ents ant ants ial ious ional ities ative ure ured uring
		lich keit heit ung ungen ungs isch schaft tet ten te ter ment ments eur euse ique`) {
		m[s] = true
	}
	return m
}()

// joinLines unwraps hard-wrapped lines into one line. A hyphen at a line end
// is a break inside a word (dropped) when the joined word occurs elsewhere in
// the article or the rest is only a suffix; otherwise it is a compound
// (kept):
//
//	infor-/mation   -> information     (when "information" occurs)
//	price-/determining -> price-determining
//	devel-/opment   -> development     ("ment" cannot stand alone)
func joinLines(lines []string, vocab vocabulary) string {
	if len(lines) == 1 {
		return lines[0]
	}
	var b strings.Builder
	for i, l := range lines {
		if i == 0 {
			b.WriteString(l)
			continue
		}
		prev := lines[i-1]
		switch {
		case strings.HasSuffix(prev, "\u00ad"):
			s := b.String()
			b.Reset()
			b.WriteString(strings.TrimSuffix(s, "\u00ad"))
		case brokenWord(prev, l, vocab):
			s := b.String()
			b.Reset()
			b.WriteString(strings.TrimSuffix(s, "-"))
		case strings.HasSuffix(prev, "-") && endsWithLetterHyphen(prev):
			// a compound: keep the hyphen, no space
		default:
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

func endsWithLetterHyphen(s string) bool {
	if !strings.HasSuffix(s, "-") || strings.HasSuffix(s, "--") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	return unicode.IsLetter(r)
}

// brokenWord reports whether prev ends with the first half of a word that
// next continues.
func brokenWord(prev, next string, vocab vocabulary) bool {
	if !endsWithLetterHyphen(prev) {
		return false
	}
	head := lastWord(prev[:len(prev)-1])
	tail := firstWord(next)
	if head == "" || tail == "" || !unicode.IsLower([]rune(tail)[0]) {
		return false
	}
	lh, lt := strings.ToLower(head), strings.ToLower(tail)
	switch {
	case vocab.has(lh + lt):
		return true
	case vocab.has(lh + "-" + lt):
		return false
	}
	return hyphenSuffixes[lt] || isStemAndSuffix(lh, lt)
}

// Broken-word limits, in letters: a word head of at least minBrokenHead
// letters and a tail of at most maxBrokenStem letters before a suffix.
const (
	minBrokenHead = 5
	maxBrokenStem = 2
)

// isStemAndSuffix reports whether tail is a fragment, a few letters and a
// suffix, that no word starts with on its own, after a head long enough not
// to be a prefix such as "pre-" or "self-":
//
//	devel-/opment   -> "op" + "ment"      compet-/itive -> "it" + "ive"
//	price-/determining, self-/owned        stay compounds
func isStemAndSuffix(head, tail string) bool {
	if utf8.RuneCountInString(head) < minBrokenHead {
		return false
	}
	for i := 1; i <= maxBrokenStem && i < len(tail); i++ {
		if hyphenSuffixes[tail[i:]] {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

// pullQuoteKey normalizes a paragraph for the pull-quote comparison, in one
// pass: typographic quotes and dashes folded to ASCII, lower case, single
// spaces, no surrounding quote marks or final punctuation.
func pullQuoteKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '‘', '’':
			r = '\''
		case '“', '”':
			r = '"'
		case '–', '—':
			r = '-'
		default:
			if unicode.IsSpace(r) {
				space = b.Len() > 0
				continue
			}
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return strings.Trim(b.String(), "\"' .,;:!?…")
}

// isPullQuoteOf reports whether candidate repeats the end of a sentence (or
// a run of sentences) of the longer paragraph source, as pull quotes do:
//
//	source:    "... daily lives. If countries are able to ... future crises."
//	candidate: "If countries are able to ... future crises"
//	source:    "The mayor said the festival would stay on the water for good."
//	candidate: "The festival would stay on the water for good"
//
// The repeat must end where a sentence (or a quotation) of source ends, and
// start where one starts, or at any word when it is long (see
// minMidSentenceWords), so a paragraph that merely begins like another
// ("Lorem ipsum ... fringilla." against "Lorem ipsum ... fringilla ligula,
// ...") is not one.
func isPullQuoteOf(key, source string) bool {
	if len(source) <= len(key) {
		return false
	}
	for off := 0; ; {
		i := strings.Index(source[off:], key)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(key)
		start := sentenceStartAt(source, i) || minMidSentenceWords <= strings.Count(key, " ")+1 && wordStartAt(source, i)
		if start && sentenceEndAt(source, end) {
			return true
		}
		off = i + 1
	}
}

// minMidSentenceWords is the length from which a repeat that starts inside a
// sentence counts as a pull quote. Shorter ones are as likely to be
// crossheads that echo the text ("Information from sites on the open Web"),
// and stay in the body.
const minMidSentenceWords = 11

func sentenceStartAt(s string, i int) bool {
	j := i
	for j > 0 && strings.ContainsRune("\"'(", rune(s[j-1])) {
		j--
	}
	if j == 0 {
		return true
	}
	if s[j-1] != ' ' {
		return false
	}
	prev := strings.TrimRight(s[:j], " \"'")
	r, _ := utf8.DecodeLastRuneInString(prev)
	return strings.ContainsRune(".!?…:;", r)
}

func wordStartAt(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func sentenceEndAt(s string, end int) bool {
	rest := strings.TrimLeft(s[end:], "\"')")
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if strings.ContainsRune(".!?…", r) {
		return true
	}
	// A quotation ends with a comma inside or outside its closing mark:
	// "... again," said    "... again", said
	quoted := rest != s[end:]
	return r == ',' && (quoted || strings.HasPrefix(rest, ",\"") || strings.HasPrefix(rest, ",'"))
}

// maxPullQuoteParas bounds the quadratic pull-quote search: an article with
// more paragraphs than this (a whole book pasted as one clipping) is not
// searched, and says so in a warning.
const maxPullQuoteParas = 2000

// pullQuoteMask marks the paragraphs that repeat body text: pull quotes,
// to be moved out of the body. It stays linear: each candidate's last
// bytes as printed (its tail) go into a table, one pass over all text looks
// them up wherever punctuation ends a clause, and only the pairs found
// there are normalized and compared.
func pullQuoteMask(texts []bodyText) []bool {
	mask := make([]bool, len(texts))
	if len(texts) < 2 {
		return mask
	}
	const tailLen = 12
	wanted := map[string][]int{} // tail -> candidates
	for i, t := range texts {
		if t.words < 6 || t.words > 80 {
			continue
		}
		tail := strings.TrimRight(t.text, "\"'“”’.,;:!?… ")
		if len(tail) >= tailLen {
			tail = tail[len(tail)-tailLen:]
			wanted[tail] = append(wanted[tail], i)
		}
	}
	if len(wanted) == 0 {
		return mask
	}
	keys := make([]string, len(texts))
	key := func(i int) string {
		if keys[i] == "" {
			keys[i] = pullQuoteKey(texts[i].text)
		}
		return keys[i]
	}
	check := func(j int, tail string) {
		for _, i := range wanted[tail] {
			if i != j && !mask[i] && isPullQuoteCandidate(key(i)) && isPullQuoteOf(key(i), key(j)) {
				mask[i] = true
			}
		}
	}
	for j, t := range texts {
		src := t.text
		for p := tailLen; p < len(src); p++ {
			if c := src[p]; clauseEndByte[c] {
				if _, ok := wanted[src[p-tailLen:p]]; ok {
					check(j, src[p-tailLen:p])
				}
			}
		}
		if len(src) >= tailLen {
			check(j, src[len(src)-tailLen:])
		}
	}
	return mask
}

// clauseEndByte marks the bytes that can follow the end of a quoted
// sentence or clause: ASCII punctuation and quotes, and 0xE2, the first byte
// of ’ ” … – —.
var clauseEndByte = func() (t [256]bool) {
	for _, c := range []byte(".,;:!?\"')\xe2") {
		t[c] = true
	}
	return t
}()

// isPullQuoteCandidate: pull quotes are one or two sentences, 6 to 80 words.
func isPullQuoteCandidate(key string) bool {
	n := strings.Count(key, " ") + 1
	return n >= 6 && n <= 80
}

// isCrosshead recognises a subheading inside the body: a short line (at
// most 10 words) without closing punctuation, starting upper case, between
// two longer paragraphs:
//
//	... as they are in the print edition.
//	Consent
//	Facebook and other tech companies ...
func isCrosshead(texts []bodyText, i int) bool {
	t := texts[i].text
	if i == 0 || i == len(texts)-1 || len(t) > 90 || texts[i].words > 10 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) || strings.ContainsRune(".,;!\"”’'…", last) {
		return false
	}
	return texts[i-1].words > 15 && texts[i+1].words > 15
}

// countWords counts the space-separated words of s without allocating.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// datelineRE matches a dateline opening the first paragraph:
//
//	BEIJING - The 2020 World Internet Conference ...
//	PORTHAVEN, 14 March — Fishermen ...
//	WASHINGTON (Reuters) - ...
//	April 17, 2015 -- Imagine being ...
var datelineRE = regexp.MustCompile(`^([\p{Lu}][\p{Lu}\p{L}\d'.,\- ]{1,60}?|[\p{L}]+ \d{1,2}, \d{4})\s*(?:\(([^)]{2,30})\))?\s*(?:--|[-–—:])\s+\S`)

// parseDateline reads the dateline at the start of a body paragraph. A
// place must be in capitals ("BEIJING", "PORTHAVEN, 14 March"); a dateline
// that is only a date gives the date instead.
func parseDateline(s string) (place string, date Date, ok bool) {
	if len(s) > 100 {
		s = s[:100] // a dateline is short; this bounds the regexp's work
	}
	if !strings.ContainsAny(s, "-–—:") {
		return "", Date{}, false
	}
	m := datelineRE.FindStringSubmatch(s)
	if m == nil {
		return "", Date{}, false
	}
	head := strings.TrimSpace(m[1])
	if d, ok := parseDate(head); ok {
		return "", d, true
	}
	placePart, _, _ := strings.Cut(head, ",")
	if !isAllCaps(placePart) || len(strings.Fields(placePart)) > 4 {
		return "", Date{}, false
	}
	return head, Date{}, true
}
