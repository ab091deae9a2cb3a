package convert

import (
	"strings"
	"unicode"
)

// brokenLinkTargetRE matches the address a print style sheet writes after
// a link's text, also when a line break fell inside it (the lines joined
// by a space): "(/join/)", "(/realgraph /join)".
var brokenLinkTargetRE = lazyRE(`\((?:/|https?://)[^()]*\)`)

// maxButtonWords bounds the words of a link button's label.
const maxButtonWords = 6

// isLinkButton recognises a paragraph of web page buttons and navigation
// links, as a browser prints them with their addresses: at least one
// link address, the last closing the paragraph, and besides the
// addresses at most maxButtonWords words, none in lower case, not a
// byline:
//
//	(/club/) COAST CONNECTED JOIN (/club      -> buttons
//	/join)
//	Read more (/news/quay/)                   -> text (lower case)
//	BY ANN LEE (/AUTHOR/ANN-LEE/)             -> a byline
func isLinkButton(lines []string) bool {
	s := strings.TrimSpace(strings.Join(lines, " "))
	if !strings.HasSuffix(s, ")") || !brokenLinkTargetRE.MatchString(s) {
		return false
	}
	rest := strings.TrimSpace(brokenLinkTargetRE.ReplaceAllString(s, " "))
	return countWords(rest) <= maxButtonWords && !strings.ContainsFunc(rest, unicode.IsLower) && !isBylineLine(rest)
}

// dropLinkButtons removes the paragraphs isLinkButton recognises from
// lines (one paragraph per run of lines, blank lines between) and
// returns what is left and what it removed, as furniture.
func dropLinkButtons(lines []string) (kept []string, removed []Removal) {
	kept = filterParagraphs(lines, func(p []string) ([]string, bool) {
		if isLinkButton(p) {
			removed = append(removed, Removal{Kind: RemovedFurniture, Text: strings.Join(p, " ")})
			return nil, false
		}
		return p, true
	})
	return kept, removed
}
