package convert

import (
	"strings"
	"unicode/utf8"
)

// A layout is one way clippings are laid out. Convert tries the layouts in
// the order of the layouts table and reads the input with the first whose
// detector accepts it. Adding a layout is one file with a detector and a
// reader, one row here, and golden cases in testdata/convert.
type layout struct {
	name   string                                       // the source format reported in the JSON
	detect func(lines []string) bool                    // cheap; sees the decoded lines
	read   func(lines []string) ([]*Article, []Warning) // never fails
}

// layouts is tried in order; "text" accepts everything and comes last.
var layouts = []layout{
	{"lexisnexis", detectLexisNexis, withLanguage(readLexisNexis)},
	{"apa", detectAPA, withLanguage(readAPA)},
	{"nexisuni", detectNexisUni, withLanguage(readNexisUni)},
	{"pressreader", detectPressReader, withLanguage(readMastheadClipping)},
	{"web", detectWeb, withLanguage(readMastheadClipping)},
	{"text", func([]string) bool { return true }, withLanguage(readPlainText)},
}

// withLanguage guesses the language of the articles read that print none
// (see guessLanguages).
func withLanguage(read func([]string) ([]*Article, []Warning)) func([]string) ([]*Article, []Warning) {
	return func(lines []string) ([]*Article, []Warning) {
		arts, warns := read(lines)
		guessLanguages(arts)
		return arts, warns
	}
}

// detectPressReader: a PressReader clipping ends with the site footer
// ("Newspapers in English"), holds an image placeholder line (" ??  ?? "),
// or has a "- By" byline near its top.
//
// A trimmed line is tested only for the sign its first byte can open:
// '-' the byline, '?' a placeholder, 'N' the footer.
func detectPressReader(lines []string) bool {
	for i, l := range lines {
		t := trimSpace(l)
		if t == "" {
			continue
		}
		switch t[0] {
		case '-':
			if strings.HasPrefix(t, "- By ") && i < 20 {
				return true
			}
		case '?':
			if isPlaceholder(t) {
				return true
			}
		case 'N':
			if isFooterLine(t) {
				return true
			}
		}
	}
	return false
}

// detectWeb: a web article copied by a reader opens with a short masthead
// line ("BBC News", at most 7 words and 60 characters, no sentence
// punctuation), then a headline that does not end with a period and is not
// a date, then more text.
func detectWeb(lines []string) bool {
	paras := headParas(lines[:min(len(lines), 200)], 3)
	if len(paras) < 3 || len(paras[0].lines) != 1 {
		return false
	}
	mast := strings.TrimSpace(paras[0].lines[0])
	if utf8.RuneCountInString(mast) > maxMastheadRunes || fieldCount(mast) > maxMastheadWords ||
		endsASentence(mast) || isBylineLine(mast) || isDateLine(mast) {
		return false
	}
	head := strings.TrimSpace(paras[1].joined())
	return isTitleLike(paras[1]) && !strings.HasSuffix(head, ".") && !isBylineLine(head) && !isDateLine(head)
}

// Masthead limits: a site's name line is at most this many characters
// (runes) and words.
const (
	maxMastheadRunes = 60
	maxMastheadWords = 7
)

// endsASentence reports whether s holds sentence punctuation: a '.', '!',
// '?' or ':' followed by a space or the end of s. The period of an initial
// ("Ruth K. Okafor") or inside a domain ("Salon.com"), and a '!' inside a
// name ("Yahoo!ニュース"), do not count.
func endsASentence(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' && c != ':' {
			continue
		}
		if i+1 < len(s) && s[i+1] != ' ' {
			continue
		}
		if c == '.' && isInitialAt(s, i) {
			continue
		}
		return true
	}
	return false
}

// isInitialAt: the period at s[i] follows a single capital letter that
// starts a word ("M." in "Ruth K. Okafor").
func isInitialAt(s string, i int) bool {
	if i < 1 || s[i-1] < 'A' || s[i-1] > 'Z' {
		return false
	}
	return i == 1 || s[i-2] == ' '
}

func readMastheadClipping(lines []string) ([]*Article, []Warning) {
	return newClippingRoom().read(lines, true), nil
}

func readPlainText(lines []string) ([]*Article, []Warning) {
	return newClippingRoom().read(lines, false), []Warning{{Msg: "layout not recognised: read as plain text"}}
}
