package convert

import (
	"math/bits"
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
// 1-based input line of lines[0]. A paragraph's lines are a piece of lines
// itself when none has trailing space to trim, else trimmed copies in one
// backing array the paragraphs share; each is capped at its own end, so an
// append to one never writes into the next, nor into lines.
func splitParas(lines []string, first int) []para {
	return splitParasIn(nil, nil, lines, first)
}

// splitParasIn is splitParas building the paragraphs in the room of paras
// (from paras[:0]) when it holds splitParas' bounded reserve of
// paragraphs, and the trimmed copies of lines in that of kept while they
// fit (then in one array for the lines left, at most one allocation). A reader
// that keeps its paragraphs only while it reads (readClipping) passes an
// array on its stack for the paragraphs and room in its clippingRoom for
// the lines, so that a short text's paragraphs cost no allocation of
// their own.
func splitParasIn(paras []para, kept, lines []string, first int) []para {
	// At most one paragraph per two lines (a line and a blank); the room
	// reserved is bounded, past it the slice grows as usual.
	out := paras[:0]
	if n := min(len(lines)/2+1, maxParasReserved); cap(out) < n {
		out = make([]para, 0, n)
	}
	keptRoom := kept[:0]
	kept = nil                  // trimmed copies, made when a line has trailing space
	start, trimmed := -1, false // the open paragraph's first line; whether one of its lines is trimmed
	for i := 0; i <= len(lines); i++ {
		if i < len(lines) { // a line; past the last, the open paragraph is closed
			l := lines[i]
			if t := trimLineEnd(l); t != "" && (' ' < t[0] && t[0] < utf8.RuneSelf || !isBlank(t)) { // most lines open with a byte isBlank stops at
				if start < 0 {
					out = append(out, para{line: first + i})
					start = i
				}
				trimmed = trimmed || len(t) != len(l)
				continue
			}
		}
		if start < 0 {
			continue
		}
		ls := lines[start:i:i] // the paragraph's lines
		if trimmed {
			switch {
			case len(kept)+len(ls) <= cap(kept):
			case kept == nil && len(ls) <= cap(keptRoom):
				kept = keptRoom
			default: // one array for every line left; the paragraphs before keep theirs
				kept = make([]string, 0, len(lines)-start)
			}
			k := len(kept)
			for _, l := range ls {
				kept = append(kept, trimLineEnd(l))
			}
			ls = kept[k:len(kept):len(kept)]
		}
		out[len(out)-1].lines = ls
		start, trimmed = -1, false
	}
	return out
}

// trimLineEnd trims the spaces, tabs, no-break spaces, form feeds and
// vertical tabs that end l (strings.TrimRight with lineEndSpace); most
// lines end in none, which the last byte tells. It reads l backwards a
// byte at a time: a no-break space is the only rune encoded as 0xC2 0xA0,
// and the only one of lineEndSpace above ASCII (0xA0 alone, or after
// another byte, ends a rune it keeps: "à", "Ġ", an invalid byte).
func trimLineEnd(l string) string {
	n := len(l)
	for n > 0 {
		switch l[n-1] {
		case ' ', '\t', '\f', '\v':
			n--
		case 0xA0:
			if n < 2 || l[n-2] != 0xC2 {
				return l[:n]
			}
			n -= 2
		default:
			return l[:n]
		}
	}
	return l[:n]
}

// lineEndSpace is what trimLineEnd trims.
const lineEndSpace = " \t\u00a0\f\v"

// isBlank reports whether l is white space only, strings.TrimSpace(l) ==
// "": most lines are told by their first byte, ASCII white space is
// skipped byte by byte, and TrimSpace reads the rest from the first rune
// above ASCII.
func isBlank(l string) bool {
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c >= utf8.RuneSelf {
			return strings.TrimSpace(l[i:]) == ""
		}
		if !asciiSpace[c] {
			return false
		}
	}
	return true
}

// headParas returns the first n paragraphs of lines (all of them when it
// has fewer), as splitParas(lines, 1) gives them, without splitting the
// rest: it cuts lines where paragraph n+1 starts.
func headParas(lines []string, n int) []para {
	starts, blank := 0, true
	for i, l := range lines {
		b := isBlank(l)
		if blank && !b {
			if starts++; starts > n {
				lines = lines[:i]
				break
			}
		}
		blank = b
	}
	return splitParas(lines, 1)
}

// maxParasReserved bounds the paragraphs splitParas makes room for at
// once.
const maxParasReserved = 256

// bulletRE matches a bullet that opens a list item: "• ", "- ", "* ", "– ".
var bulletRE = lazyRE(`^\s*[•◦▪●*·–-]\s+`)

// mayBeBullet is a cheap test before bulletRE: the line's first character
// after regexp \s spaces (a form feed from a page break too) is one of its
// bullets. An ASCII byte is told without decoding: '*' and '-' are the
// ASCII bullets.
func mayBeBullet(line string) bool {
	i := skipRESpace(line, 0)
	if i == len(line) {
		return false
	}
	if c := line[i]; c < utf8.RuneSelf {
		return c == '*' || c == '-'
	}
	r, _ := utf8.DecodeRuneInString(line[i:])
	return strings.ContainsRune("•◦▪●·–", r)
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

// Wrapping limits, in characters (runes): a hard-wrapped line is at most
// maxWrappedLine long; below minWrapWidth a paragraph's lines are too
// short to tell a deliberate break from wrapping.
const (
	maxWrappedLine = 100
	minWrapWidth   = 40
)

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
	lines := trimLines(p.lines)
	var room [16]int
	runes := room[:0] // runeCount of each line: most paragraphs fit in room
	width := 0
	for _, t := range lines {
		runes = append(runes, runeCount(t))
		width = max(width, runes[len(runes)-1])
	}
	out := make([]piece, 0, 1)
	start, bullet := 0, false // the open piece: lines[start:], a list item or not
	cut := func(end int) {
		out = append(out, piece{lines: lines[start:end:end], bullet: bullet})
		start, bullet = end, false
	}
	for i, t := range lines {
		if isBulleted(p.lines[i], p.lines) {
			if i > start {
				cut(i)
			}
			bullet = true
		}
		if i == len(lines)-1 {
			break
		}
		next := lines[i+1]
		n := runes[i]
		fits := n+1+runeCount(firstField(next))+3 <= width
		if n > maxWrappedLine && !strings.HasSuffix(t, "-") || width >= minWrapWidth && fits && endsSentence(t) && startsSentence(next) {
			cut(i + 1)
		}
	}
	if start < len(lines) {
		cut(len(lines))
	}
	return out
}

// runeCount is utf8.RuneCountInString(s), each byte of invalid UTF-8 one
// rune as ranging over s counts it, with ASCII skipped eight bytes a step.
func runeCount(s string) int {
	n, i := 0, 0
	for i < len(s) {
		switch {
		case i+8 <= len(s) && load64(s, i)&highs == 0:
			n, i = n+8, i+8
		case s[i] < utf8.RuneSelf:
			n, i = n+1, i+1
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			n, i = n+1, i+size
		}
	}
	return n
}

// trimLines returns lines with each trimmed of white space
// (strings.TrimSpace): lines itself when none has any to trim, else a copy.
func trimLines(lines []string) []string {
	for i, l := range lines {
		if t := strings.TrimSpace(l); len(t) != len(l) {
			out := make([]string, len(lines))
			copy(out, lines[:i])
			out[i] = t
			for j := i + 1; j < len(lines); j++ {
				out[j] = strings.TrimSpace(lines[j])
			}
			return out
		}
	}
	return lines
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

// isCollapsed reports whether s has no leading, trailing or double space
// and no other ASCII white space (see collapsedSpaces).
func isCollapsed(s string) bool {
	_, ok := collapsedSpaces(s)
	return ok
}

// collapsedSpaces reports whether s is collapsed (isCollapsed) and, when
// it is, counts its spaces: its words less one. It tests sixteen bytes a
// step while they hold no byte below 0x20 (then a space is a byte below
// 0x21, which spaceAbove20 marks exactly, and the count is that of the
// marks), then byte by byte.
func collapsedSpaces(s string) (spaces int, ok bool) {
	if s == "" {
		return 0, true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return 0, false
	}
	n, i, last := 0, 0, uint64(0) // last: bit 7 set when s[i-1] is a space
	for ; i+16 <= len(s); i += 16 {
		w := s[i : i+16] // one bounds check for both words
		x, y := load64(w, 0), load64(w, 8)
		if lowBytes(x)|lowBytes(y) != 0 {
			break
		}
		// One bit a space: bit 7 of a byte for x, bit 6 for y. A space
		// before a space is a bit of c under one of c<<8 (in x or in y),
		// of c>>57 (x's last byte before y's first) or of last.
		c := spaceAbove20(x) | spaceAbove20(y)>>1
		if c&(c<<8|c>>57|last) != 0 {
			return 0, false
		}
		last = c >> 55 // y's last byte's bit at bit 7; the others fall on no bit of c
		n += bits.OnesCount64(c)
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if i > 0 && s[i-1] == ' ' {
				return 0, false
			}
			n++
		case '\t', '\n', '\r', '\v', '\f':
			return 0, false
		}
	}
	return n, true
}

// spaceAbove20 sets the high bit of each byte of x that is a space, and no
// other bit, when x holds no byte below 0x20: a byte under 0x80 whose sum
// with 0x5f stays under 0x80 is below 0x21. No sum carries into the next
// byte.
func spaceAbove20(x uint64) uint64 {
	const low7 = ones * 0x7f
	return ^(x&low7 + ones*0x5f | x) & highs
}

// spaceBytes sets the high bit of each byte of x that is a space, and no
// other bit: an exact test, no borrow carries from one byte to the next.
func spaceBytes(x uint64) uint64 {
	const low7 = ones * 0x7f
	y := x ^ ones*' ' // spaces become zero bytes
	return ^((y&low7 + low7) | y) & highs
}

// collapseSpaces trims s and turns each run of ASCII white space into one
// space. Other spaces (no-break, thin) stay as printed. It returns s itself
// when there is nothing to change, which a fast search decides.
func collapseSpaces(s string) string {
	t, _ := collapseSpacesCounted(s)
	return t
}

// collapseSpacesCounted is collapseSpaces also giving the spaces of its
// text (strings.Count(t, " ")): counted as the text is found collapsed
// already, the usual case, else in the text it builds.
func collapseSpacesCounted(s string) (t string, spaces int) {
	if n, ok := collapsedSpaces(s); ok {
		return s, n
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
				spaces++
				space = false
			}
			b.WriteByte(c)
		}
	}
	return b.String(), spaces
}

// Crosshead limits: at most maxCrossheadLen bytes and maxCrossheadWords
// words, between paragraphs of more than minAroundCrosshead words.
const (
	maxCrossheadLen    = 90
	maxCrossheadWords  = 10
	minAroundCrosshead = 15
)

// isCrosshead recognises a subheading inside the body: a short line (at
// most 10 words) without closing punctuation, starting upper case, between
// two longer paragraphs:
//
//	... as they are in the print edition.
//	Consent
//	Facebook and other tech companies ...
func isCrosshead(texts []bodyText, i int) bool {
	t := texts[i].text
	if i == 0 || i == len(texts)-1 || len(t) > maxCrossheadLen || texts[i].words > maxCrossheadWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) || strings.ContainsRune(".,;!\"”’'…", last) {
		return false
	}
	return texts[i-1].words > minAroundCrosshead && texts[i+1].words > minAroundCrosshead
}

// countWords counts the space-separated words of s without allocating.
func countWords(s string) int { return countWordsUpTo(s, len(s)) }

// countWordsUpTo is countWords(s) when that is at most limit, else
// limit+1: it stops reading s at the word past limit, for a rule that
// asks for a few words at most.
func countWordsUpTo(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !space && !in {
			if n++; n > limit {
				return n
			}
		}
		in = !space
	}
	return n
}
