package convert

import "strings"

// mastheadSepMarks are the marks between a masthead's parts; mastheadSep
// matches one with spaces either side. It states the rule splitMasthead
// follows without a regexp (and is what the tests compare it with).
const mastheadSepMarks = "·•|"

var mastheadSep = lazyRE(`\s+[` + mastheadSepMarks + `]\s+`)

// splitMasthead splits a masthead line where mastheadSep matches, as
// mastheadSep.Split(s, -1) does: at a mark with a run of spaces (\s: ASCII
// space, tab, newline, form feed, carriage return) either side, each run
// taken whole.
// "The Guardian · 12 Mar 2021 · Sport" -> 3 parts, "Harbour Gazette" -> 1.
func splitMasthead(s string) []string { return appendMastheadParts(nil, s) }

// appendMastheadParts appends the parts splitMasthead gives to dst, so that
// a caller may keep them in an array of its own. It goes from mark to mark
// (a byte of mastheadMarkOpeners, then mastheadMarkLen): s splits at a
// mark with a run of spaces right before it that is not part of the last
// split, and one right after it.
func appendMastheadParts(dst []string, s string) []string {
	beg := 0 // start of the current part
	for k := 1; k < len(s); k++ {
		if !mastheadMarkOpeners[s[k]] || k == beg || !reSpace(s[k-1]) {
			continue
		}
		m := mastheadMarkLen(s[k:]) // s[k:k+m] is a mark, if any
		l := k + m                  // s[k+m:l] is the run of spaces after it
		for l < len(s) && reSpace(s[l]) {
			l++
		}
		if m == 0 || l == k+m {
			continue
		}
		i := k - 1 // s[i:k] is the run of spaces before the mark
		for i > beg && reSpace(s[i-1]) {
			i--
		}
		dst = append(dst, s[beg:i])
		beg, k = l, l-1
	}
	return append(dst, s[beg:])
}

// reSpace reports whether c is a space of the regexp class \s.
func reSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// mastheadMarkLen returns the length in bytes of the mark of
// mastheadSepMarks that s opens with, or 0. Only a byte that opens a mark
// (mastheadMarkOpeners) is tried against the marks.
func mastheadMarkLen(s string) int {
	if s == "" || !mastheadMarkOpeners[s[0]] {
		return 0
	}
	for _, m := range mastheadMarks {
		if strings.HasPrefix(s, m) {
			return len(m)
		}
	}
	return 0
}

// mastheadMarks holds the marks of mastheadSepMarks, one string each, and
// mastheadMarkOpeners marks the first byte of each.
var mastheadMarks, mastheadMarkOpeners = func() ([]string, [256]bool) {
	marks := strings.Split(mastheadSepMarks, "")
	var openers [256]bool
	for _, m := range marks {
		openers[m[0]] = true
	}
	return marks, openers
}()

// applyMasthead reads the publication line, which e-paper sites may extend
// with date, section and page:
//
//	Harbour Gazette
//	The Guardian · 12 Mar 2021 · Sport · 14 · By Jane Doe
func (a *Article) applyMasthead(s string) {
	var room [8]string // most mastheads have at most four parts
	parts := appendMastheadParts(room[:0], strings.TrimSpace(s))
	a.Publication = parts[0]
	for _, p := range parts[1:] {
		switch {
		case isBylineLine(p):
			a.applyByline(p, false)
			a.remove(RemovedByline, p)
		case a.Date.IsZero() && a.setDate(p):
		case isPageLabel(p) && a.Page == "":
			a.Page = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(p, "Page"), "Pg."))
		case a.Section == "":
			a.Section = p
		}
	}
}

// setDate sets the article's date to the date s is (parseDate), and
// reports whether s is one; a text that is not leaves the date as it was.
func (a *Article) setDate(s string) bool {
	d, ok := parseDate(s)
	if ok {
		a.Date = d
	}
	return ok
}

var pageLabelRE = lazyRE(`^(?:(?:Page|Pg\.|p\.|S\.|Seite)\s*)?[A-Z]?\d{1,3}[A-Z]?$`)

func isPageLabel(s string) bool { return pageLabelRE.MatchString(strings.TrimSpace(s)) }
