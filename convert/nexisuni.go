package convert

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The Nexis Uni / Lexis Advance export layout (DOCX, and the RTF and PDF
// exports, which print the same lines):
//
//	User Name: ...                                      <- cover page (optional)
//	Date and Time: Friday, 5 July 2019 9:31 AM CEST
//	Job Number: 123
//	Documents (2)
//	1. Storm closes coastal road
//	Client/Matter: -None-   Search Terms: ...   Narrowed by ...
//	2. ...
//	Storm closes coastal road                          <- headline
//	The Porthaven Gazette                              <- publication
//	July 1, 2019 Monday 9:20 AM GMT                    <- date, weekday, time
//	Final Edition                                      <- edition (optional;
//	                                                      older exports: "May 2,
//	                                                      2002, Thursday,, FINAL EDITION")
//	Copyright 2019 Porthaven Media All Rights Reserved
//	Section: NEWS; Pg. 3        Length: 355 words      <- labelled fields
//	Byline: Jane Doe            Highlight: ...   Dateline: ...
//	Body
//	body paragraphs ...
//	Graphic                                            <- captions (optional)
//	PHOTO: ...
//	Classification                                     <- trailing fields
//	Language: ENGLISH   Publication-Type: Newspaper   Subject: STORMS (90%); ...
//	Load-Date: July 3, 2019
//	End of Document
//
// Older Lexis Advance exports have no cover page, and may open the body
// with "ABSTRACT" (a standfirst) and "FULL TEXT".

// nexisEndMarkers are the lines that close each document, lower case. Only
// the English form is confirmed by exports we have seen; the others are
// the interface's translations and cost nothing when absent.
var nexisEndMarkers = map[string]bool{
	"end of document":    true,
	"ende des dokuments": true,
	"fin du document":    true,
	"einde van document": true,
	"fin del documento":  true,
}

// isNexisEnd: a line that is only an end-of-document marker.
//
//	End of Document       yes
//	End of Document 3     no
func isNexisEnd(l string) bool {
	t := trimSpace(l)
	if len(t) >= 24 || len(t) <= 12 {
		return false
	}
	if !isASCII(t) {
		return nexisEndMarkers[strings.ToLower(t)]
	}
	var buf [24]byte // the ASCII line in lower case, on the stack
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return nexisEndMarkers[string(buf[:len(t)])]
}

// detectNexisUni: an export holds an end-of-document marker line and a
// "Body" label or a Length or Load-Date field (a letter that happens to
// end with "End of Document" is not an export).
//
// A line is trimmed and tested only when its first byte is one of
// nexisLineOpeners: the lines of other layouts mostly open otherwise.
func detectNexisUni(lines []string) bool { return detectNexisUniOpening(lines, &nexisLineOpeners) }

// detectNexisUniOpening is detectNexisUni looking only at the lines whose
// first byte openers marks.
func detectNexisUniOpening(lines []string, openers *[256]bool) bool {
	end, label := false, false
	for _, l := range lines {
		if l == "" || !openers[l[0]] {
			continue
		}
		t := trimSpace(l)
		switch {
		case isNexisEnd(t):
			end = true
		case isNexisBodyLabel(t) || isNexisLengthOrLoad(t):
			label = true
		}
		if end && label {
			return true
		}
	}
	return false
}

// nexisLineOpeners marks every byte that a line detectNexisUni takes can
// open with, untrimmed: ASCII white space and every byte of a multi-byte
// rune (strings.TrimSpace may trim it, strings.ToLower may turn it into an
// ASCII letter), the first letter of each end marker in either case
// (isNexisEnd), of each body label (isNexisBodyLabel), and 'L' and 'l'
// (isNexisLengthOrLoad).
var nexisLineOpeners = func() (o [256]bool) {
	for c := utf8.RuneSelf; c < len(o); c++ {
		o[c] = true
	}
	for _, c := range []byte("\t\n\v\f\r ") {
		o[c] = true
	}
	for m := range nexisEndMarkers {
		o[m[0]], o[m[0]-'a'+'A'] = true, true // the markers are lower case ASCII
	}
	for _, l := range nexisBodyLabels {
		o[l[0]] = true
	}
	o['L'], o['l'] = true, true
	return o
}()

// isNexisLengthOrLoad: a "Length: 355 words" or "Load-Date: ..." line.
func isNexisLengthOrLoad(t string) bool {
	if len(t) < 8 || t[0] != 'L' && t[0] != 'l' {
		return false
	}
	if _, _, ok := nexisField(t); !ok {
		return false
	}
	label, _, _ := strings.Cut(t, ":")
	label = strings.ToLower(label) // the label only, not the line
	return (label == "length" || label == "load-date" || label == "länge" || label == "ladedatum" || label == "longueur")
}

// nexisCountRE matches the cover page's count line: "Documents (10)",
// "Dokumente (10)".
var nexisCountRE = lazyRE(`^(?:Documents|Dokumente|Documenten)\s*\((\d+)\)$`)

// nexisCoverRE matches the lines of the cover page around the result list:
//
//	User Name: ...   Date and Time: ...   Job Number: 123   Documents (10)
//	1. Storm closes coastal road           Client/Matter: -None-
//	Search Terms: storm   Search Type: Natural Language   Narrowed by:
//	Content Type Narrowed by   News Sources: The Gazette; Content Type: News
var nexisCoverRE = lazyRE(`^(?:\d{1,5}\.\s+\S|(?:User Name|Date and Time|Job Number|Client/Matter|Search Terms|Search Type|Narrowed by|Timeline|Sources?|Quellen|Print Date|Benutzername|Datum und Uhrzeit|Auftragsnummer|Suchbegriffe|Suchtyp|Eingeschränkt durch)\b|Documents\s*\(|Dokumente\s*\(|Content Type)|Content Type:`)

// A nexisCover is what the cover page promises.
type nexisCover struct {
	count int    // documents it lists; 0 when there is no cover page
	text  string // the cover page, for Article.Removed
}

// splitNexisCover finds the cover page at the top of the first document's
// lines and returns it and where the document's headline starts. The
// cover ends with its last cover line before the headline, which is at
// least two lines above the first date (headline, publication, date).
func splitNexisCover(lines []string) (nexisCover, int) {
	countAt, count := -1, 0
	for i, l := range lines {
		if m := nexisCountRE.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			countAt, count = i, nexisAtoi(m[1])
			break
		}
	}
	if countAt < 0 {
		return nexisCover{}, 0
	}
	limit := len(lines)
	for i := countAt + 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" || nexisCoverRE.MatchString(t) {
			continue
		}
		if _, _, ok := nexisDateLine(t); ok {
			limit = nexisPrevText(lines, nexisPrevText(lines, i)) // above headline and publication
			break
		}
		if _, _, ok := nexisField(t); ok || isNexisBodyLabel(t) {
			limit = i
			break
		}
	}
	end := countAt
	for i := countAt + 1; i < limit && i >= 0; i++ {
		if t := strings.TrimSpace(lines[i]); t != "" && nexisCoverRE.MatchString(t) {
			end = i
		}
	}
	return nexisCover{count: count, text: strings.TrimSpace(strings.Join(lines[:end+1], "\n"))}, end + 1
}

// nexisPrevText returns the index of the last non-blank line before i, or i
// when there is none.
func nexisPrevText(lines []string, i int) int {
	for j := i - 1; j >= 0; j-- {
		if strings.TrimSpace(lines[j]) != "" {
			return j
		}
	}
	return i
}

func nexisAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// readNexisUni splits an export at its end-of-document markers and reads
// each document; the cover page's count is checked against the documents
// found.
func readNexisUni(lines []string) ([]*Article, []Warning) {
	var arts []*Article
	var warns []Warning
	var cover nexisCover
	start := 0
	for i := 0; i <= len(lines); i++ {
		closed := i < len(lines) && isNexisEnd(lines[i])
		if !closed && i < len(lines) {
			continue
		}
		from := start
		start = i + 1
		if i == len(lines) && strings.TrimSpace(strings.Join(lines[from:], "")) == "" {
			break
		}
		if len(arts) == 0 && cover.count == 0 {
			var at int
			cover, at = splitNexisCover(lines[from:i])
			from += at
		}
		a := readNexisDocument(lines[from:i], from+1)
		if a.Headline == "" && len(a.Body) == 0 {
			continue
		}
		if len(arts) == 0 && cover.text != "" {
			a.remove(RemovedCover, cover.text)
		}
		if closed {
			a.remove(RemovedDocMarker, strings.TrimSpace(lines[i]))
		} else {
			a.warn(a.Line, "nexisuni: the last document has no End of Document line (a truncated export?)")
		}
		arts = append(arts, a)
	}
	if cover.count > 0 && cover.count != len(arts) {
		warns = append(warns, Warning{Msg: fmt.Sprintf("nexisuni: found %d documents, the cover page lists %d", len(arts), cover.count)})
	}
	if cover.count == len(arts) {
		// The cover page numbers the documents it lists: "3. Headline".
		for k, a := range arts {
			a.VendorID = fmt.Sprintf("%d of %d", k+1, cover.count)
		}
	}
	return arts, warns
}

// readNexisDocument reads one document's lines, first being the 1-based
// input line of lines[0]: the head up to the first field, the fields up to
// "Body", the body, and the trailing fields.
func readNexisDocument(lines []string, first int) *Article {
	a := &Article{Line: first}
	paras := splitNexisLabels(splitParas(lines, first))
	if len(paras) > 0 {
		a.Line = paras[0].line
	}
	head, paras := nexisHead(paras)
	a.applyNexisHead(head)
	// The fields before the body.
	i := 0
	for ; i < len(paras); i++ {
		p := paras[i]
		if t := strings.TrimSpace(p.joined()); isNexisBodyLabel(t) {
			a.remove(RemovedField, t)
			i++
			break
		}
		if !a.applyNexisMeta(p) {
			break // a document without "Body": the text starts here
		}
	}
	body := paras[i:]
	end := len(body)
	for end > 0 && isNexisTrailer(body[end-1]) {
		end--
	}
	for _, p := range body[end:] {
		a.applyNexisMeta(p)
	}
	body = a.nexisGraphic(body[:end])
	finishArticle(a, a.nexisAbstract(body))
	if a.Headline == "" {
		a.warn(a.Line, "nexisuni: document has no headline")
	}
	return a
}

// splitNexisLabels gives "Body" and "Classification" paragraphs of their
// own where an export (text, RTF, PDF) prints them without a blank line:
//
//	Length: 96 words             Length: 96 words
//	Body                  ->     | Body |
//	The council will ...         The council will ...
func splitNexisLabels(paras []para) []para {
	var out []para
	for _, p := range paras {
		from := 0
		for k, l := range p.lines {
			if t := strings.TrimSpace(l); len(p.lines) > 1 && (isNexisBodyLabel(t) || isNexisClassification(t)) {
				if k > from {
					out = append(out, para{lines: p.lines[from:k], line: p.line + from})
				}
				out = append(out, para{lines: p.lines[k : k+1], line: p.line + k})
				from = k + 1
			}
		}
		if from < len(p.lines) {
			out = append(out, para{lines: p.lines[from:], line: p.line + from})
		}
	}
	return out
}

// maxNexisHead is the most lines a document's head holds: a headline over
// a few lines, publication, date, edition.
const maxNexisHead = 8

// nexisHead splits a document's paragraphs into the head lines (trimmed)
// and the paragraphs after them. The head ends at the first field,
// copyright line or "Body"; when none comes within maxNexisHead lines, it
// ends after the date (or the first line), and the rest is body.
func nexisHead(paras []para) (head []string, rest []para) {
	type pos struct{ p, l int }
	var at []pos
scan:
	for i, p := range paras {
		for k, l := range p.lines {
			if isNexisStop(l) {
				return head, nexisCutParas(paras, i, k)
			}
			at = append(at, pos{i, k}) // one more than head when capped
			if len(head) == maxNexisHead {
				break scan
			}
			head = append(head, strings.TrimSpace(l))
		}
	}
	n := min(1, len(head))
	for j, h := range head {
		if _, _, ok := nexisDateLine(h); ok {
			n = j + 1
			break
		}
	}
	if n >= len(at) {
		return head, nil
	}
	return head[:n], nexisCutParas(paras, at[n].p, at[n].l)
}

// nexisCutParas returns paras from line k of paragraph i on.
func nexisCutParas(paras []para, i, k int) []para {
	rest := append([]para(nil), paras[i:]...)
	rest[0] = para{lines: rest[0].lines[k:], line: rest[0].line + k}
	return rest
}

// maxNexisCaptions is the most caption paragraphs a Graphic section holds.
const maxNexisCaptions = 5

// nexisGraphic takes the "Graphic" section that follows the body in the
// exports, its heading and the captions under it, out of the body:
//
//	... the last body paragraph.
//	Graphic
//	PHOTO: The harbour wall after the storm.
//
// Only the last maxNexisCaptions paragraphs are looked at, so that a
// crosshead "Graphic" inside the body cuts nothing.
func (a *Article) nexisGraphic(body []para) []para {
	for j := len(body) - 1; j >= max(0, len(body)-1-maxNexisCaptions); j-- {
		if t := strings.TrimSpace(body[j].joined()); t == "Graphic" || t == "Grafik" {
			var caption []string
			for _, p := range body[j+1:] {
				caption = append(caption, cleanSpaces(p.joined()))
			}
			a.remove(RemovedCaption, strings.Join(append([]string{"Graphic"}, caption...), "\n"))
			return body[:j]
		}
	}
	return body
}

// isNexisStop: a line that ends the head: a field, a copyright line,
// "Body" or "Classification".
func isNexisStop(l string) bool {
	t := strings.TrimSpace(l)
	if _, _, ok := nexisField(t); ok {
		return true
	}
	return isCopyright(t) || isNexisBodyLabel(t) || isNexisClassification(t)
}

// isNexisBodyLabel: the line that opens the body, "Body" (German exports:
// "Text").
func isNexisBodyLabel(t string) bool { return slices.Contains(nexisBodyLabels, t) }

// nexisBodyLabels are the labels isNexisBodyLabel takes.
var nexisBodyLabels = []string{"Body", "Text", "Texte"}

// isNexisClassification: the heading over the index terms.
func isNexisClassification(t string) bool {
	return t == "Classification" || t == "Klassifikation" || t == "Classement"
}

// isNexisTrailer: a paragraph after the body: a field, copyright or the
// "Classification" heading.
func isNexisTrailer(p para) bool {
	t := strings.TrimSpace(p.lines[0])
	if _, _, ok := nexisField(t); ok {
		return true
	}
	return isCopyright(t) || isNexisClassification(t)
}

// applyNexisMeta reads a paragraph of fields, a copyright line or the
// "Classification" heading, or reports false for anything else.
func (a *Article) applyNexisMeta(p para) bool {
	t := strings.TrimSpace(p.lines[0])
	switch {
	case isNexisClassification(t):
		a.remove(RemovedField, cleanSpaces(p.joined()))
	case isCopyright(t):
		a.remove(RemovedCopyright, cleanSpaces(p.joined()))
	default:
		if _, _, ok := nexisField(t); !ok {
			return false
		}
		a.applyNexisFields(p)
	}
	return true
}

// applyNexisHead reads the lines above the fields:
//
//	Storm closes coastal road          <- headline (one line or more)
//	The Porthaven Gazette              <- publication
//	July 1, 2019 Monday 9:20 AM GMT    <- date (older: "May 2, 2002,
//	                                      Thursday,, FINAL EDITION")
//	Final Edition                      <- edition (any further lines but
//	Correction Appended                   this note)
func (a *Article) applyNexisHead(lines []string) {
	d := -1
	var edition []string
	for k, l := range lines {
		if date, rest, ok := nexisDateLine(l); ok {
			a.Date, d = date, k
			if rest != "" {
				edition = append(edition, rest)
			}
			break
		}
	}
	switch {
	case d >= 2:
		a.Headline = cleanSpaces(strings.Join(lines[:d-1], " "))
		a.Publication = lines[d-1]
	case d == 1:
		a.Headline = lines[0]
		a.warn(a.Line, "nexisuni: no publication line between headline and date")
	case d < 0 && len(lines) > 0:
		a.Headline = lines[0]
		if len(lines) > 1 {
			a.Publication = lines[1]
			d = 1
		}
		a.warn(a.Line, "nexisuni: document has no date")
	}
	rest := d + 1 // the lines after the date (or after the publication)
	if d < 0 {
		rest = len(lines)
	}
	for _, l := range lines[rest:] {
		if strings.EqualFold(l, "Correction Appended") {
			a.remove(RemovedHeader, l) // the correction follows the body
			continue
		}
		edition = append(edition, l)
	}
	a.Edition = cleanSpaces(strings.Join(edition, " "))
}

// nexisZoneRE matches a time-zone offset after a time: "GMT+1", "+0100".
var nexisZoneRE = lazyRE(`\s+(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?$`)

// nexisDate reads a date line, with its weekday, time and zone:
//
//	July 1, 2019 Monday 9:20 AM GMT     1. Juli 2019 Montag 10:00 GMT+1
func nexisDate(s string) (Date, bool) {
	if d, ok := parseDate(s); ok {
		return d, true
	}
	if loc := nexisZoneRE.FindStringIndex(s); loc != nil {
		return parseDate(s[:loc[0]])
	}
	return Date{}, false
}

// nexisDateLine reads a date line that may go on, after commas, with the
// edition, as older exports print it; it returns the date and the rest:
//
//	May 2, 2002, Thursday,, FINAL EDITION  -> 2002-05-02, "FINAL EDITION"
func nexisDateLine(s string) (Date, string, bool) {
	if d, ok := nexisDate(s); ok {
		return d, "", true
	}
	parts := strings.Split(s, ",")
	for k := min(len(parts)-1, 6); k >= 1; k-- {
		if d, ok := nexisDate(strings.Join(parts[:k], ",")); ok {
			d.Raw = s
			return d, strings.Trim(strings.Join(parts[k:], ","), " ,"), true
		}
	}
	return Date{}, "", false
}
