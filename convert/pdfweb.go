package convert

// Web furniture in PDFs: addresses printed beside or above an article.

import (
	"strings"
)

// urlStartRE matches a line that starts a web address.
var urlStartRE = lazyRE(`^(?i:https?://|www\.)\S+$`)

// urlPartRE matches a line that continues one: only the lower-case
// characters of a path (soft hyphens included, which some producers print
// where they broke the address).
var urlPartRE = lazyRE("^[a-z0-9./_?=&%#:~+\u00ad-]+$")

// isURLParagraph recognises a web address set as a paragraph of its own,
// broken over lines at slashes and hyphens, as archive exports print an
// online article's address in the margin:
//
//	https://www.example.de/
//	muenchen/muenchen-rathaus-
//	sicherheit-1.6003935
//
// Every line is a piece of an address; the first starts it ("https://",
// "www.") or, when that line went as a running head, the pieces hold a
// slash or end in a number after at least two hyphens
// ("tag-x-demo-leipzig-" "e-1.5899795").
func isURLParagraph(lines []string) bool {
	if len(lines) == 0 {
		return false
	}
	for i, l := range lines {
		if !isURLPiece(l, i == 0) {
			return false
		}
	}
	joined := strings.Join(lines, "")
	last := joined[len(joined)-1]
	return urlStartRE.MatchString(lines[0]) || strings.Contains(joined, "/") ||
		strings.Count(joined, "-") >= 2 && last >= '0' && last <= '9'
}

// isURLPiece reports whether line l can be a piece of an address broken
// over lines: a part of its path, or, on the first line, its start.
func isURLPiece(l string, first bool) bool {
	return urlPartRE.MatchString(l) || first && urlStartRE.MatchString(l)
}

// urlLead returns how many lines (fewer than all) open para with a web
// address broken over at least two lines, as an export prints an online article's
// address right over its section label; 0 when none does:
//
//	meinung/harbour-quay-      -> 2
//	plan-kommentar-1.5892304
//	Linke Gewalt
//
// Only a run of address pieces from the first line can be one, so the
// pieces are counted first: trying every shorter paragraph matched its
// first line again for each, as many expressions as the paragraph has
// lines.
func urlLead(para []string) int {
	pieces := 0
	for pieces < len(para)-1 && isURLPiece(para[pieces], pieces == 0) {
		pieces++
	}
	for k := pieces; k >= 2; k-- {
		if isURLParagraph(para[:k]) {
			return k
		}
	}
	return 0
}

// dropURLParagraphs removes the web-address paragraphs of lines (one
// paragraph per run of lines, blank lines between), and the address that
// opens a paragraph over other text (see urlLead), and returns what is
// left and the addresses removed.
func dropURLParagraphs(lines []string) (kept, urls []string) {
	kept = filterParagraphs(lines, func(p []string) ([]string, bool) {
		if k := urlLead(p); k > 0 && !isURLParagraph(p) {
			// An address over a label in the same paragraph.
			urls = append(urls, strings.Join(p[:k], ""))
			p = p[k:]
		}
		if len(p) > 0 && isURLParagraph(p) {
			urls = append(urls, strings.Join(p, ""))
			return nil, false
		}
		return p, true
	})
	return kept, urls
}

// filterParagraphs passes each paragraph of lines (a run of lines that
// are not blank, blank lines between) to f and returns the lines f keeps
// of each, followed by the blank line that followed the paragraph. f
// returns ok false to drop a paragraph, and its blank line with it. An
// empty paragraph (where blank lines run) is kept without asking f.
// Where f keeps every paragraph whole (returns it as given), the result
// is lines itself, not a copy: most texts have nothing to drop, and a
// long document's copy would be large.
//
//	{"a", "", "URL", "", "b"}, f dropping "URL" -> {"a", "", "b"}
func filterParagraphs(lines []string, f func(para []string) (keep []string, ok bool)) []string {
	var kept []string
	same := true // no change so far: the result would be lines[:i]
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j] != "" {
			j++
		}
		keep, ok := lines[i:j], true
		if j > i {
			keep, ok = f(lines[i:j])
		}
		if same && ok && len(keep) == j-i && (j == i || &keep[0] == &lines[i]) {
			i = j + 1
			continue
		}
		if same {
			kept, same = append(make([]string, 0, len(lines)), lines[:i]...), false
		}
		if ok {
			kept = append(kept, keep...)
			if j < len(lines) {
				kept = append(kept, "")
			}
		}
		i = j + 1
	}
	if same && len(lines) > 0 {
		return lines
	}
	return kept
}

// linkTargetRE matches the address a print style sheet writes after a
// link's text: " (/author/jane-doe/)", " (https://example.com/x)".
var linkTargetRE = lazyRE(`\s*\((?:/|https?://)[^()\s]*\)`)

// breadcrumbRE matches a breadcrumb trail: two or more parts joined by
// "∠", "›" or "»" ("HOME ∠ DEALS & DEALMAKERS ∠ FEATURED"), or a
// line that continues one ("∠ YOUNG GUNS SET THEIR SIGHTS").
var breadcrumbRE = lazyRE(`^(?:[^∠›»]+(?:\s[∠›»]\s[^∠›»]+)+|[∠›»]\s.+)$`)

// isBreadcrumb reports whether l is a breadcrumb trail (breadcrumbRE),
// asking the regexp only about a line that holds a separator followed by
// white space, as both of its forms do (a German quotation mark opens a
// word: »So nicht«). The separators are found by their bytes (breadcrumbSep):
// strings.IndexAny decodes every rune of the line to compare it with each
// of the three, a twentieth of an archive export's reading.
func isBreadcrumb(l string) bool {
	for i := 0; i < len(l); i++ {
		n := breadcrumbSep(l[i:])
		if n == 0 {
			continue
		}
		if j := i + n; j < len(l) && strings.IndexByte("\t\n\f\r ", l[j]) >= 0 {
			return breadcrumbRE.MatchString(l)
		}
		i += n - 1
	}
	return false
}

// breadcrumbSep returns the length in bytes of the breadcrumb separator
// that s starts with: 3 for "∠" (E2 88 A0) and "›" (E2 80 BA), 2 for "»"
// (C2 BB), 0 for none. Neither lead byte continues another character, so
// a separator is found where a decoder would find it, in text that is not
// valid UTF-8 too.
func breadcrumbSep(s string) int {
	switch {
	case len(s) >= 2 && s[0] == 0xC2 && s[1] == 0xBB:
		return 2
	case len(s) >= 3 && s[0] == 0xE2 && (s[1] == 0x88 && s[2] == 0xA0 || s[1] == 0x80 && s[2] == 0xBA):
		return 3
	}
	return 0
}

// removeLinkTargets removes what linkTargetRE matches from l, asking the
// regexp only when l holds an opening parenthesis before "/" or "http".
func removeLinkTargets(l string) string {
	if !strings.Contains(l, "(/") && !strings.Contains(l, "(http") {
		return l
	}
	return linkTargetRE.ReplaceAllString(l, "")
}

// tagListRE matches the label of a web page's tag list.
var tagListRE = lazyRE(`(?i)^(?:keywords|tags|topics|themen|schlagworte):`)

// isTagList reports whether l opens a tag list (tagListRE), asking the
// regexp only about a line with a colon after four bytes or more (the
// shortest label, "tags", takes four).
func isTagList(l string) bool {
	return strings.IndexByte(l, ':') >= 4 && tagListRE.MatchString(l)
}

// cleanWebPrint removes what a browser prints around an article besides
// its text: link addresses after link texts, breadcrumb trails, tag lists
// ("KEYWORDS: ..."), link buttons and web-address paragraphs. lines hold
// one paragraph per run of lines, blank lines between. kept may share
// lines' storage, which it overwrites.
func cleanWebPrint(lines []string) (kept []string, removed []Removal) {
	lines, removed = dropLinkButtons(lines)
	kept, urls := dropURLParagraphs(lines)
	for _, u := range urls {
		removed = append(removed, Removal{Kind: RemovedURL, Text: u})
	}
	out := kept[:0]
	inTags := false
	for _, l := range kept {
		switch {
		case l == "":
			inTags = false
		case inTags || isTagList(l):
			inTags = true
			removed = append(removed, Removal{Kind: RemovedFooter, Text: l})
			continue
		case isBreadcrumb(l):
			removed = append(removed, Removal{Kind: RemovedFooter, Text: l})
			continue
		}
		if t := removeLinkTargets(l); t != l {
			removed = append(removed, Removal{Kind: RemovedURL, Text: strings.Join(linkTargetRE.FindAllString(l, -1), " ")})
			l = t
		}
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue // the paragraph before was removed whole
		}
		out = append(out, l)
	}
	return out, removed
}
