package convert

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// docMarkerWords and docMarkerJoins are the words of the line that opens
// each document of a LexisNexis export, in the interface languages
// (English, German, French, Dutch, Spanish, Italian), lower case.
var (
	docMarkerWords = []string{"documents", "document", "dokumenten", "dokumente", "dokument",
		"documenten", "documentos", "documento", "documenti"}
	docMarkerJoins = []string{"of", "von", "sur", "de", "van", "di"}
)

// docMarkerRE matches a document marker, count first or word first, built
// from docMarkerWords and docMarkerJoins:
//
//	1 of 10 DOCUMENTS     3 von 12 DOKUMENTEN     2 sur 5 DOCUMENTS
//	Dokument 3 von 12     Document 2 de 5         1 de 4 DOCUMENTOS
var docMarkerRE = lazyREOf(func() string {
	words, joins := strings.Join(docMarkerWords, "|"), strings.Join(docMarkerJoins, "|")
	return `(?i)^\s*(?:(\d+)\s+(?:` + joins + `)\s+(\d+)\s+(?:` + words + `)|(?:` +
		words + `)\s+(\d+)\s+(?:` + joins + `)\s+(\d+))\s*$`
})

// maxDocMarkerLen bounds a marker line, in bytes, trimmed.
const maxDocMarkerLen = 40

// isDocMarker reports whether a line is a document marker: trimmed, it is
// shorter than maxDocMarkerLen bytes (part of the rule: a marker is a short
// line, "1 of 120 DOCUMENTS", however the export pads it) and matches
// docMarkerRE. A cheap test comes first: a marker starts with a digit or a
// "D", so most lines are turned away by their first byte after ASCII white
// space, before they are trimmed.
func isDocMarker(l string) bool {
	i := 0
	for i < len(l) && l[i] < utf8.RuneSelf && asciiSpace[l[i]] {
		i++
	}
	if i == len(l) {
		return false // blank
	}
	if c := l[i]; c < utf8.RuneSelf && !(c >= '0' && c <= '9' || c == 'D' || c == 'd') {
		return false // the trimmed line starts with c
	}
	t := strings.TrimSpace(l)
	return len(t) < maxDocMarkerLen && t != "" && (t[0] >= '0' && t[0] <= '9' || t[0] == 'D' || t[0] == 'd') &&
		docMarkerRE.MatchString(t)
}

// docMarkerCounts returns the document number and the total of a marker.
func docMarkerCounts(l string) (n, of int, ok bool) {
	m := docMarkerRE.FindStringSubmatch(strings.TrimSpace(l))
	if m == nil {
		return 0, 0, false
	}
	a, b := m[1]+m[3], m[2]+m[4]
	n, _ = strconv.Atoi(a)
	of, _ = strconv.Atoi(b)
	return n, of, true
}

// detectLexisNexis: a LexisNexis classic TXT export has a document marker
// within its first 500 lines (after the cover page).
func detectLexisNexis(lines []string) bool {
	for _, l := range lines[:min(len(lines), 500)] {
		if isDocMarker(l) {
			return true
		}
	}
	return false
}

// lexisFields maps the labels of LexisNexis's classic export to the kinds
// of fields they name (see fieldLabelTable).
var lexisFields = fieldLabels(func(r fieldLabelRow) string { return r.lexis })

// lexisField returns the kind and value of a field line, a label of
// lexisFields, a colon and the value after a space, a tab or a no-break
// space ("SECTION: NEWS; Pg. 3" -> "section", "NEWS; Pg. 3"; "TITRE\u00a0:
// ..."), or ok false.
func lexisField(line string) (kind, value string, ok bool) {
	kind, value, ok = cutField(line, lexisLabel)
	return kind, strings.Trim(value, " \t\u00a0"), ok
}

// lexisLabel returns the kind of a label of lexisFields, which may be
// followed by spaces ("TITRE\u00a0") or set in title case ("Byline").
func lexisLabel(label string) (kind string, ok bool) {
	label = strings.TrimRight(label, " \u00a0")
	kind, ok = lexisFields[label]
	if !ok && isTitleCaseLabel(label) {
		kind, ok = lexisFields[strings.ToUpper(label)] // "Byline:" as some exports print it
	}
	return kind, ok
}

// isTitleCaseLabel: "Byline", "Load-Date": words of an upper-case letter
// and lower-case letters, joined by hyphens.
func isTitleCaseLabel(s string) bool {
	prev := '-'
	for _, r := range s {
		switch {
		case prev == '-' && !unicode.IsUpper(r), prev != '-' && !unicode.IsLower(r) && r != '-':
			return false
		}
		prev = r
	}
	return s != "" && prev != '-'
}

// sectionPageRE splits a section field into section and page:
// "NEWS; Pg. 3", "Wirtschaft; S. 12", "FEATURES; Pg. A6".
var sectionPageRE = lazyRE(`^(.*?)\s*[;,]\s*(?:Pg\.?|Page|S\.|Seite|p\.|Blz\.?)\s*(\S+?)\.?$`)

// isCentered: LexisNexis centres the header and copyright lines on an
// 80-column page; body lines start in the first column.
func isCentered(line string) bool {
	return strings.HasPrefix(line, "     ")
}

// readLexisNexis splits an export into its documents and reads each one.
// It warns once when the documents found are not as many as the markers
// promise (see markerWarnings).
func readLexisNexis(lines []string) ([]*Article, []Warning) {
	var marks []docMarker
	for i, l := range lines {
		if !isDocMarker(l) {
			continue
		}
		if n, of, ok := docMarkerCounts(l); ok {
			marks = append(marks, docMarker{i, n, of})
		}
	}
	var arts []*Article
	for k, m := range marks {
		end := len(lines)
		if k+1 < len(marks) {
			end = marks[k+1].line
		}
		a := readLexisDocument(lines[m.line+1:end], m.line+2)
		a.Line = m.line + 1
		a.remove(RemovedDocMarker, strings.TrimSpace(lines[m.line]))
		if k == 0 {
			if cover := strings.TrimSpace(strings.Join(lines[:m.line], "\n")); cover != "" {
				a.remove(RemovedCover, cover)
			}
		}
		arts = append(arts, a)
	}
	return arts, markerWarnings(marks)
}

// A docMarker is one "N of M DOCUMENTS" line: its 0-based line index, N and M.
type docMarker struct{ line, n, of int }

// markerWarnings checks the markers against what they promise, and says so
// once per file. Markers run 1..M; a run restarting at 1 is the next export
// of several concatenated in one file, which is normal:
//
//	1 of 2, 2 of 2, 1 of 3, 2 of 3, 3 of 3   two exports, complete
//	1 of 3, 3 of 3                            a document missing
func markerWarnings(marks []docMarker) []Warning {
	var runs [][]docMarker
	for k, m := range marks {
		if k == 0 || m.n <= marks[k-1].n {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], m)
	}
	promised := 0
	var odd *docMarker
	for _, r := range runs {
		of := runTotal(r)
		promised += of
		for k, m := range r {
			if m.of != of && odd == nil {
				odd = &r[k]
			}
		}
		if odd == nil && len(r) != of {
			odd = &r[len(r)-1]
		}
	}
	switch {
	case odd != nil && odd.of != runTotal(runs[0]) && len(marks) == promised:
		return []Warning{{Line: odd.line + 1, Msg: fmt.Sprintf("lexisnexis: marker says %d of %d documents; the others say of %d", odd.n, odd.of, promised)}}
	case odd != nil || len(marks) != promised:
		return []Warning{{Msg: fmt.Sprintf("lexisnexis: found %d documents, markers promise %d", len(marks), promised)}}
	case len(runs) > 1:
		return []Warning{{Msg: fmt.Sprintf("lexisnexis: %d exports in one file, %d documents", len(runs), len(marks))}}
	}
	return nil
}

// runTotal is the total most markers of one export give.
func runTotal(run []docMarker) int {
	count := map[int]int{}
	best := 0
	for _, m := range run {
		count[m.of]++
		if c := count[m.of]; c > count[best] || c == count[best] && m.of < best {
			best = m.of
		}
	}
	return best
}

// readLexisDocument reads one document: centred publication, date and
// edition lines; the headline; labelled fields; the body; trailing fields
// and the centred copyright. first is the 1-based input line of lines[0].
func readLexisDocument(lines []string, first int) *Article {
	a := &Article{}
	paras := splitParas(lines, first)
	i := 0
	var header []string
	for ; i < len(paras) && allCentered(paras[i]); i++ {
		for _, l := range paras[i].lines {
			header = append(header, strings.TrimSpace(l))
		}
	}
	a.applyLexisHeader(header)

	// A transcript or schedule may open with a credit ("Prepared by ..."):
	// a credit, never the headline.
	for ; i+1 < len(paras); i++ {
		credits, _, ok := creditLine(cleanSpaces(paras[i].joined()))
		if !ok {
			break
		}
		a.Credits = append(a.Credits, credits...)
		a.remove(RemovedCredit, cleanSpaces(paras[i].joined()))
	}
	// The headline: the paragraphs before the first field, the first one the
	// headline and any others a subheadline. In a document without fields
	// the first paragraph is the headline.
	firstField := i + 1
	for j := i; j < len(paras); j++ {
		if _, _, ok := lexisField(paras[j].lines[0]); ok {
			firstField = j
			break
		}
	}
	if i < len(paras) && i < firstField {
		a.setHeadline(cleanSpaces(paras[i].joined()))
		var sub []string
		for _, p := range paras[i+1 : min(firstField, len(paras))] {
			sub = append(sub, p.joined())
		}
		a.Subheadline = cleanSpaces(strings.Join(sub, " "))
		i = min(firstField, len(paras))
	}

	var body []para
	for ; i < len(paras); i++ {
		p := paras[i]
		if kind, value, ok := lexisField(p.lines[0]); ok && kind == "body" {
			// "BODY:" opens the text: what follows the label is body.
			a.remove(RemovedField, strings.TrimSpace(p.lines[0][:strings.IndexByte(p.lines[0], ':')+1]))
			rest := p.lines[1:]
			if value != "" {
				rest = append([]string{value}, rest...)
			}
			if len(rest) > 0 {
				body = append(body, para{lines: rest, line: p.line + 1})
			}
			continue
		} else if ok {
			a.applyLexisFields(p)
			continue
		}
		if allCentered(p) && isCopyright(p.lines[0]) {
			a.remove(RemovedCopyright, cleanSpaces(p.joined()))
			continue
		}
		body = append(body, p)
	}
	if a.Headline == "" {
		// Only now: a HEADLINE: field may have set it.
		a.warn(first, "lexisnexis: document has no headline")
	}
	finishArticle(a, body)
	return a
}

func allCentered(p para) bool {
	for _, l := range p.lines {
		if !isCentered(l) {
			return false
		}
	}
	return true
}

// cleanSpaces returns the words of s with one space between them,
// strings.Join(strings.Fields(s), " "): singleSpaced, which gives a text
// that is so already back as it is.
func cleanSpaces(s string) string { return singleSpaced(s) }

// applyLexisHeader reads the centred lines above the headline:
//
//	The Sun (England)            <- publication
//	January 11, 2010 Monday      <- date
//	Edition 1;                   <- edition, over one or more lines
//	Scotland
func (a *Article) applyLexisHeader(all []string) {
	var lines []string
	for _, l := range all {
		// "Copyright 2009 X Ltd. All Rights Reserved" names the rights
		// holder, never the paper.
		if isCopyright(l) {
			a.remove(RemovedCopyright, l)
			continue
		}
		lines = append(lines, l)
	}
	dateAt := -1
	for k, l := range lines {
		if d, ok := parseDate(l); ok {
			a.Date, dateAt = d, k
			break
		}
		if isImpossibleDate(l) {
			// "April 31, 2021": no date, the printed form kept, a warning.
			a.Date, dateAt = Date{Raw: l}, k
			a.warn(0, "impossible date "+strconv.Quote(l)+": no date given")
			break
		}
	}
	switch {
	case dateAt > 0:
		a.Publication = strings.Join(lines[:dateAt], " ")
		a.Edition = strings.Join(lines[dateAt+1:], " ")
	case dateAt == 0:
		a.Edition = strings.Join(lines[1:], " ")
	case len(lines) > 0:
		a.Publication = lines[0]
		a.Edition = strings.Join(lines[1:], " ")
	}
}

// applyLexisFields reads a paragraph of labelled fields; a field's value
// continues on the following lines until the next label.
func (a *Article) applyLexisFields(p para) {
	eachField(p, lexisField, func(kind, value, raw string) {
		a.applyField(lexisFieldRules, kind, cleanSpaces(value), cleanSpaces(raw))
	})
}

// lexisFieldRules are the LexisNexis rules besides commonFieldRules: a
// section field may end in the page ("NEWS; Pg. 3"); the first headline
// field counts.
var lexisFieldRules = fieldRules{
	"section": func(a *Article, v string) {
		if m := sectionPageRE.FindStringSubmatch(v); m != nil {
			a.Section, a.Page = m[1], m[2]
		} else {
			a.Section = v
		}
	},
	"headline": func(a *Article, v string) {
		if a.Headline == "" {
			a.setHeadline(v)
		}
	},
}
