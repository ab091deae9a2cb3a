package convert

import (
	"cmp"
	"strings"
	"unicode"
)

// finishArticle runs the body rules every layout shares on the paragraphs a
// reader left as body: it drops artifacts (placeholders, footers, jump
// lines), takes credit and contact lines, unwraps and dehyphenates, moves
// pull quotes out, recognises crossheads, list items and the dateline.
// Everything it drops is recorded in a.Removed.
func finishArticle(a *Article, paras []para) { finishArticleIn(a, nil, paras) }

// finishArticleIn is finishArticle making the body's blocks in room (see
// settleIn), which may be nil.
func finishArticleIn(a *Article, room *blockRoom, paras []para) {
	// The kept paragraphs and their texts live only until settle has made
	// the blocks: an article of up to finishReserve of each keeps them on
	// the stack.
	var keptBuf [finishReserve]para
	var textBuf [finishReserve]bodyText
	texts := appendBodyTexts(textBuf[:0], a.keepBody(keptBuf[:0], paras))
	texts = a.movePullQuotes(texts)
	if len(a.Authors) == 0 && len(texts) > 0 {
		a.takeBodyByline(&texts[0])
	}
	a.settleIn(room, texts)
}

// A blockRoom is room for the blocks of a short body, allocated with the
// article it is for (clippingRoom): the list of blocks and the paragraphs
// it points to.
type blockRoom struct {
	blocks [blockRoomSize]Block
	paras  [blockRoomSize]Paragraph
}

// blockRoomSize is the number of blocks a blockRoom holds: a clipping of
// about a kilobyte has two or three paragraphs.
const blockRoomSize = 4

// settle makes the body blocks of texts (list items, crossheads,
// paragraphs), counts their words, reads the dateline and merges repeated
// authors and contacts: the last stage every reader's articles go through.
func (a *Article) settle(texts []bodyText) { a.settleIn(nil, texts) }

// settleIn is settle making the body's list of blocks and its paragraphs
// in room (which may be nil) when a body that is still empty gets no more
// blocks than it holds, instead of in two allocations.
func (a *Article) settleIn(room *blockRoom, texts []bodyText) {
	var paras []Paragraph // the paragraphs' blocks, in one allocation
	switch {
	case len(a.Body) == 0 && len(texts) > 0 && room != nil && len(texts) <= len(room.blocks):
		a.Body, paras = room.blocks[:0], room.paras[:len(texts)]
	case len(a.Body) == 0 && len(texts) > 0:
		a.Body = make([]Block, 0, len(texts))
		fallthrough
	default:
		paras = make([]Paragraph, len(texts))
	}
	var heads []Heading // the crossheads' blocks, in one allocation made at the first
	for i, t := range texts {
		switch {
		case t.bullet:
			a.Body = append(a.Body, &ListItem{Content: t.text})
		case isCrosshead(texts, i):
			if heads == nil {
				heads = make([]Heading, 0, countCrossheads(texts, i))
			}
			heads = append(heads, Heading{Content: t.text})
			a.Body = append(a.Body, &heads[len(heads)-1])
		default:
			paras[i].Content = t.text
			a.Body = append(a.Body, &paras[i])
		}
		a.WordCount += t.words
	}
	a.applyDateline()
	a.Authors = dedupePeople(a.Authors)
	a.Contacts = dedupeStrings(a.Contacts)
}

// countCrossheads counts the texts from texts[from] on that settleIn makes
// crossheads of: those that are no list item and that isCrosshead takes.
func countCrossheads(texts []bodyText, from int) int {
	n := 0
	for i := from; i < len(texts); i++ {
		if !texts[i].bullet && isCrosshead(texts, i) {
			n++
		}
	}
	return n
}

// finishReserve is the room finishArticle makes on the stack for the
// kept paragraphs and for their texts, in each.
const finishReserve = 16

// A bodyText is one paragraph or list item of running text, unwrapped.
type bodyText struct {
	text   string // one line, single spaces
	bullet bool   // a list item
	words  int
}

// dropArtifacts takes out of paras what is not running text: image
// placeholders, jump lines, the site footer (keeping its language and
// country), and credit and contact lines (keeping their names). It
// returns paras itself when it drops nothing, else a copy of the rest.
func (a *Article) dropArtifacts(paras []para) []para {
	return a.keepBody(nil, paras)
}

// keepBody is dropArtifacts making its copy of the rest in dst's room
// (from dst[:0]) when that holds len(paras) paragraphs, else in a new
// array of that many.
func (a *Article) keepBody(dst, paras []para) []para {
	var kept []para // nil until a paragraph is dropped: till then paras[:i]
	for i, p := range paras {
		switch {
		case a.dropArtifact(p):
			if kept == nil {
				if cap(dst) < len(paras) {
					dst = make([]para, 0, len(paras))
				}
				kept = append(dst[:0], paras[:i]...)
			}
		case kept != nil:
			kept = append(kept, p)
		}
	}
	if kept == nil {
		return paras
	}
	return kept
}

// dropArtifact reports whether p is an artifact dropArtifacts takes out,
// and records what it takes. A paragraph that mayBeArtifact turns away is
// not joined.
func (a *Article) dropArtifact(p para) bool {
	return mayBeArtifact(p) && a.dropArtifactText(trimSpace(p.joined()))
}

// dropArtifactText is dropArtifact on a paragraph's text, joined and
// trimmed, without the cheap test mayBeArtifact.
func (a *Article) dropArtifactText(text string) bool {
	if lang, country, ok := pressReaderFooter(text); ok {
		a.remove(RemovedFooter, text)
		a.Language = cmp.Or(a.Language, lang)
		a.Country = cmp.Or(a.Country, country)
		return true
	}
	if credits, rest, ok := creditNote(text); ok {
		// A note closing a paragraph stays in its text; a paragraph
		// that is only a note goes.
		a.Credits = append(a.Credits, credits...)
		if rest == "" {
			a.remove(RemovedCredit, text)
			return true
		}
	}
	if credits, ok := contributedLineGated(text); ok {
		a.Credits = append(a.Credits, credits...)
		a.remove(RemovedCredit, text)
		return true
	}
	if credits, contacts, ok := creditLineGated(text); ok {
		a.Credits = append(a.Credits, credits...)
		a.Contacts = append(a.Contacts, contacts...)
		a.remove(RemovedCredit, text)
		return true
	}
	switch {
	case isPlaceholder(text):
		a.remove(RemovedPlaceholder, text)
	case isContinuedLine(text):
		a.remove(RemovedContinued, text)
	case isFurniture(text):
		a.remove(RemovedFurniture, text)
	default:
		return false
	}
	return true
}

// maxShortArtifact is the longest text, in bytes, that a rule of
// dropArtifact takes but the credit rules (creditNote, contributedLine,
// creditLine) and isPlaceholder: a footer line, a jump line, a furniture
// line.
const maxShortArtifact = max(maxFooterLine, maxJumpLine, maxFurnitureLen)

// mayBeArtifact is a cheap test before dropArtifact's rules, made on p's
// lines without joining them: the text they make, trimmed, is at most
// maxShortArtifact bytes long, or opens with a question mark
// (isPlaceholder), or ends in a note's closing bracket (creditNote), or
// may be a "contributed" line (at most maxCreditNote bytes, its last line
// ending so, mayEndContributed: the words of endsLikeContributed hold no
// space, and joining puts one before the last line) or a credit line (at most
// maxQualifiedCreditLine, mayOpenCredit). It says yes when joinedEnds
// cannot tell the text's length.
func mayBeArtifact(p para) bool {
	first, last, n := joinedEnds(p.lines)
	if n < 0 || n <= maxShortArtifact || strings.HasPrefix(first, "?") {
		return true
	}
	if _, _, note := noteBrackets(last); note {
		return true
	}
	return n <= maxCreditNote && mayEndContributed(last) || n <= maxQualifiedCreditLine && mayOpenCredit(first)
}

// contributedLineGated is contributedLine after a cheaper test than its own
// (mayEndContributed).
func contributedLineGated(text string) ([]Credit, bool) {
	if !mayEndContributed(text) {
		return nil, false
	}
	return contributedLine(text)
}

// creditLineGated is creditLine after a cheap test (mayOpenCredit).
func creditLineGated(text string) (credits []Credit, contacts []string, ok bool) {
	if !mayOpenCredit(text) {
		return nil, nil, false
	}
	return creditLine(text)
}

// mayEndContributed is endsLikeContributed after a cheap test: the text,
// trimmed and without a closing full stop, ends with the last two bytes
// of a word of contributedEnds. mayBeArtifact asks it of a paragraph's
// last line, contributedLineGated of the text.
func mayEndContributed(s string) bool {
	t := strings.TrimSuffix(trimSpace(s), ".")
	if len(t) < 2 {
		return false // shorter than every word
	}
	a, b := t[len(t)-2], t[len(t)-1]
	for _, w := range contributedEnds {
		if a == w[len(w)-2] && b == w[len(w)-1] {
			return endsLikeContributed(s)
		}
	}
	return false
}

// mayOpenCredit reports whether a text that opens with first (its first
// line, trimmed, or all of it) may open as a credit line does
// (creditLine): with a credit marker's first two bytes (creditOpenings),
// or after a word that may be a qualifier (stripCreditQualifier: one
// opening with a qualifier's first letter, that ends within
// len("featured") bytes). Where first is too short to tell, it says yes.
// mayBeArtifact asks it of a paragraph's first line, creditLineGated of the
// text.
func mayOpenCredit(first string) bool {
	const most = len("featured") + 1 // the bytes stripCreditQualifier looks at for the space
	if len(first) <= most || creditOpenings.mayOpen(first) {
		return true
	}
	if !qualifierFirst[lowerASCII(first[0])] {
		return false
	}
	i := strings.IndexByte(first[:most], ' ')
	return i > 0 && creditOpenings.mayOpen(first[i+1:])
}

// joinedEnds tells of the text of lines joined by spaces and trimmed
// (strings.TrimSpace), without joining them: its length n in bytes, and a
// piece it opens with and one it ends with (the first and the last line,
// trimmed). n is -1, and the pieces empty, when the first or the last of
// several lines is only space, where trimming may reach into the next.
func joinedEnds(lines []string) (first, last string, n int) {
	switch len(lines) {
	case 0:
		return "", "", 0
	case 1:
		t := trimSpace(lines[0])
		return t, t, len(t)
	}
	first = strings.TrimLeftFunc(lines[0], unicode.IsSpace)
	last = strings.TrimRightFunc(lines[len(lines)-1], unicode.IsSpace)
	if first == "" || last == "" {
		return "", "", -1
	}
	n = len(lines) - 1 - (len(lines[0]) - len(first)) - (len(lines[len(lines)-1]) - len(last))
	for _, l := range lines {
		n += len(l)
	}
	return first, last, n
}

// bodyTexts unwraps and dehyphenates paragraphs into texts, splitting
// paragraphs that hold several (see splitWrapped). A paragraph of one line
// is one piece, that line trimmed, as splitWrapped gives it; it is taken
// here without building the piece.
func bodyTexts(paras []para) []bodyText {
	return appendBodyTexts(nil, paras)
}

// appendBodyTexts appends the texts of bodyTexts(paras) to dst, making
// room for len(paras) more first when dst has not that much.
func appendBodyTexts(dst []bodyText, paras []para) []bodyText {
	var vocab vocabulary
	if hasLineEndHyphen(paras) {
		vocab = newVocabulary(paras)
	}
	out := dst
	if cap(out)-len(out) < len(paras) {
		out = append(make([]bodyText, 0, len(dst)+len(paras)), dst...)
	}
	for _, p := range paras {
		if len(p.lines) == 1 {
			out = appendBodyText(out, trimSpace(p.lines[0]), isBulleted(p.lines[0], p.lines))
			continue
		}
		for _, pc := range splitWrapped(p) {
			out = appendBodyText(out, joinLines(pc.lines, vocab), pc.bullet)
		}
	}
	return out
}

// appendBodyText appends the text of one piece, its lines joined as line,
// with its spaces collapsed and a list item's bullet taken off; an empty
// text is left out.
func appendBodyText(out []bodyText, line string, bullet bool) []bodyText {
	t, spaces := collapseSpacesCounted(line)
	if bullet {
		t = strings.TrimSpace(bulletRE.ReplaceAllString(t, ""))
		spaces = strings.Count(t, " ")
	}
	if t != "" {
		out = append(out, bodyText{text: t, bullet: bullet, words: spaces + 1})
	}
	return out
}

// movePullQuotes moves the texts that repeat others to a.PullQuotes.
func (a *Article) movePullQuotes(texts []bodyText) []bodyText {
	quote := markPullQuotes(texts)
	if quote == nil {
		return texts // none is
	}
	kept := texts[:0]
	for i, t := range texts {
		if quote[i] {
			a.PullQuotes = append(a.PullQuotes, strings.Trim(t.text, "\"“”"))
			a.remove(RemovedPullQuote, t.text)
			continue
		}
		kept = append(kept, t)
	}
	return kept
}

// applyDateline takes the dateline (or a date) opening the body.
func (a *Article) applyDateline() {
	if len(a.Body) == 0 {
		return
	}
	place, date, ok := parseDateline(a.Body[0].Text())
	if !ok {
		return
	}
	a.Dateline = cmp.Or(a.Dateline, place)
	if a.Date.IsZero() {
		a.Date = date
	}
}

// remove records text as removed, of the kind given. The first removal
// makes room for removedReserved, as most articles have a few (a footer's
// two lines, a credit).
func (a *Article) remove(kind, text string) {
	if a.Removed == nil {
		a.Removed = make([]Removal, 0, removedReserved)
	}
	a.Removed = append(a.Removed, Removal{Kind: kind, Text: text})
}

// removedReserved is the room an article's first removal makes, in
// removals.
const removedReserved = 4

func (a *Article) warn(line int, msg string) {
	a.Warnings = append(a.Warnings, Warning{Line: line, Msg: msg})
}

// dedupePeople drops the people named (name and agency, in any case) before;
// one person or none needs no comparing.
func dedupePeople(ps []Person) []Person {
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return ps[:1:1]
	}
	seen := map[string]bool{}
	var out []Person
	for _, p := range ps {
		k := strings.ToLower(p.Name + "\x00" + p.Agency)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

// dedupeStrings drops the strings seen before, in any case; one string or
// none needs no comparing.
func dedupeStrings(ss []string) []string {
	switch len(ss) {
	case 0:
		return nil
	case 1:
		return ss[:1:1]
	}
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			out = append(out, s)
		}
	}
	return out
}
