package convert

import (
	"strings"
	"unicode/utf8"
)

// Several clippings pasted into one file, one after another, are read as
// one article each. clippingStarts finds where each clipping after the
// first begins, by two signatures that a single clipping does not show:
//
//  1. a PressReader footer followed by more text: the footer closes a
//     clipping, and what follows is the next one;
//
//     ... the last paragraph.
//     Newspapers in English
//     Newspapers from China
//     Beijing Review              <- a new clipping starts here
//
//  2. the opening masthead line again, alone in its paragraph, followed by
//     a headline-shaped paragraph: a second copy from the same site.
//
//     Harbour Gazette             <- line 1, the masthead
//     ...
//     Harbour Gazette             <- a new clipping starts here
//     Ferry Timetable Changes
//
// It returns the 0-based line indexes of the starts after the first, in
// order; none when the text holds one clipping.
func clippingStarts(lines []string) []int {
	if !mayHoldClippings(lines) {
		return nil
	}
	return findClippingStarts(lines)
}

// mayHoldClippings is the cheap test before findClippingStarts splits the
// text into paragraphs: one of its two signatures can only be there when
// a non-blank line that is no footer line comes after a footer line (1),
// or when the first non-blank line comes again, trimmed, further down (2).
func mayHoldClippings(lines []string) bool {
	first := ""     // the first non-blank line, trimmed
	footer := false // a footer line came before
	for _, l := range lines {
		t := trimSpace(l)
		if t == "" {
			continue
		}
		if first == "" {
			first = t
		} else if t == first {
			return true
		}
		isFooter := t[0] == 'N' && isFooterLine(t) // every footer line opens with "Newspapers"
		if footer && !isFooter {
			return true
		}
		footer = footer || isFooter
	}
	return false
}

// findClippingStarts is clippingStarts without its cheap test.
func findClippingStarts(lines []string) []int {
	paras := splitParas(lines, 1)
	if len(paras) < minClippingParas*2 {
		return nil
	}
	mast := ""
	if len(paras[0].lines) == 1 && isMastheadLine(paras[0].lines[0]) {
		mast = strings.TrimSpace(paras[0].lines[0])
	}
	var starts []int
	last := 0 // paragraph index where the current clipping began
	for i := 1; i < len(paras); i++ {
		if i-last < minClippingParas {
			continue
		}
		start := false
		switch {
		case isFooterPara(paras[i-1]) && !isFooterPara(paras[i]) && !isPlaceholder(paras[i].joined()):
			start = true
		case mast != "" && len(paras[i].lines) == 1 && strings.TrimSpace(paras[i].lines[0]) == mast &&
			i+1 < len(paras) && isTitleLike(paras[i+1]) && !isBylineLine(paras[i+1].joined()):
			start = true
		}
		if start {
			starts = append(starts, paras[i].line-1)
			last = i
		}
	}
	return starts
}

// minClippingParas is the fewest paragraphs a clipping has (masthead or
// headline, and text): a split never leaves a part shorter.
const minClippingParas = 3

// isFooterLine: a PressReader footer line (pressReaderFooter).
func isFooterLine(s string) bool {
	_, _, ok := footerNames(s)
	return ok
}

// isFooterPara: a paragraph made only of PressReader footer lines.
func isFooterPara(p para) bool {
	for _, l := range p.lines {
		if !isFooterLine(l) {
			return false
		}
	}
	return true
}

// isMastheadLine: a line short enough to be a publication's name ("BBC
// News", "The Harbour Gazette"): at most 7 words and 60 characters, no
// sentence punctuation (a ".com" name aside), not a byline or a date.
func isMastheadLine(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && utf8.RuneCountInString(s) <= 60 && fieldCount(s) <= 7 &&
		(!strings.ContainsAny(s, ".!?:") || strings.Contains(s, ".com")) &&
		!isBylineLine(s) && !isDateLine(s)
}
