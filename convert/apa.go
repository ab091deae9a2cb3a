package convert

import (
	"cmp"
	"strings"
)

// The APA layout reads exports of the APA OnlineManager, the clipping
// service of the Austrian press agency, as RTF (or as text saved from it).
// Every article opens with a source line in italics, in one of two forms,
// perhaps followed by labelled fields and edition lines in italics; the
// headline is set in bold, picture captions at the end in italics:
//
//	"Kurier.at" gefunden am 28.12.2017 10:36 Uhr       <- a web source
//	"Salzburger Zeitung" vom 03.05.2019 Seite: 7       <- a print source
//	Ressort: Innenpolitik
//	Abend                                              <- edition, italic
//	Sparpaket im Landtag:                              <- kicker (optional)
//	Budget passiert den Ausschuss                      <- headline, bold
//	A standfirst, then the body; "Von Jan Muster" somewhere near its top.
//	___________________________________________________ <- separator
//
// Articles are separated by a line of underscores or a section break;
// either way the next source line starts the next article.

// apaSourceRE matches an article's source line: the quoted publication, an
// optional section, "gefunden am" (found on, web sources) or "vom" (of,
// print), the date, an optional time and an optional page.
var apaSourceRE = lazyRE(`^"([^"]{1,120})"\s*(.{0,80}?)\s*\b(?:gefunden am|vom)\s+(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})(?:,?\s+\d{1,2}[.:]\d{2}(?:\s*Uhr)?)?(?:\s+Seite:?\s*(\S{1,10}))?\s*$`)

// isAPASource is apaSourceRE with cheap tests first: the line opens with a
// quote mark, is short and holds "vom" or "gefunden am", one of which the
// regexp requires.
func isAPASource(l string) bool {
	return len(l) > 0 && len(l) < 300 && l[0] == '"' &&
		(strings.Contains(l, "vom") || strings.Contains(l, "gefunden am")) && apaSourceRE.MatchString(l)
}

// isAPASourceLine is isAPASource on the line l trimmed, turning away
// first, without trimming it, a line whose first byte after ASCII white
// space is an ASCII byte other than the quote mark the source opens with
// (mayOpenTrimmedWith).
func isAPASourceLine(l string) bool {
	return mayOpenTrimmedWith(l, '"') && isAPASource(trimSpace(l))
}

// detectAPA: an APA export has a source line within its first 200 lines
// (after a cover page, if it has one).
func detectAPA(lines []string) bool {
	for _, l := range lines[:min(len(lines), 200)] {
		if isAPASourceLine(l) {
			return true
		}
	}
	return false
}

// apaFields maps the labels of the fields under an APA source line to what
// they hold.
var apaFields = map[string]string{
	"Ressort": "section", "Rubrik": "section", "Seite": "page", "Ausgabe": "edition",
	"Autor": "byline", "Autorin": "byline", "Autoren": "byline",
	"Länge": "other", "Wörter": "other", "Zeichen": "other",
}

// apaField reads a field line, "Ressort: Innenpolitik" -> "section",
// "Innenpolitik".
func apaField(line string) (kind, value string, ok bool) {
	label, value, found := strings.Cut(strings.TrimSpace(line), ":")
	if !found {
		return "", "", false
	}
	kind, ok = apaFields[label]
	return kind, strings.TrimSpace(value), ok
}

// isAPASeparator: the line of underscores between two articles.
func isAPASeparator(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) >= 10 && strings.Trim(t, "_") == ""
}

// apaStopRE matches the lines where an article's text ends and the
// service's notes begin: saved attachments, the transcript disclaimer.
var apaStopRE = lazyRE(`^(?:Gespeicherter? Anh(?:ang|änge):|Der gegenständliche Text ist eine Abschrift)`)

// apaCaptionRE matches what stands in the text for a picture or a video of
// the web page: "Foto: APA/...", "Grafik: ...", "Bild: ...", "Video: ...".
var apaCaptionRE = lazyRE(`^(?:Foto|Fotos|Bild|Grafik|Video):\s`)

// readAPA reads an APA export saved as text, which has no styles.
func readAPA(lines []string) ([]*Article, []Warning) { return readAPAStyled(lines, nil) }

// readAPAStyled splits an export at its source lines and reads each
// article. styles, when not nil, tells how each line was set (from RTF),
// so that the headline is found below edition and kicker lines and
// captions are told from the text.
func readAPAStyled(lines []string, styles []lineStyle) ([]*Article, []Warning) {
	var starts []int
	for i, l := range lines {
		if isAPASourceLine(l) {
			starts = append(starts, i)
		}
	}
	var arts []*Article
	for k, s := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		var st []lineStyle
		if styles != nil {
			st = styles[s:end]
		}
		a := readAPAArticle(lines[s:end], st, s+1)
		if k == 0 {
			if cover := strings.TrimSpace(strings.Join(lines[:s], "\n")); cover != "" {
				a.remove(RemovedCover, cover)
			}
		}
		arts = append(arts, a)
	}
	return arts, nil
}

// readAPAArticle reads one article: lines[0] is its source line; first is
// its 1-based line in the input.
func readAPAArticle(lines []string, styles []lineStyle, first int) *Article {
	a := &Article{Line: first}
	src := strings.TrimSpace(lines[0])
	a.remove(RemovedHeader, src)
	m := apaSourceRE.FindStringSubmatch(src)
	a.Publication, a.Section, a.Page = m[1], m[2], m[4]
	if d, ok := parseDate(strings.ReplaceAll(m[3], " ", "")); ok {
		a.Date, a.Date.Raw = d, m[3]
	}
	lines = a.cutAPATail(lines[1:])
	paras := splitParas(lines, first+1)
	i := a.readAPAFields(paras)
	st := styledParas{styles, first}
	i = a.readAPAHeadline(paras, i, st)
	body := a.readAPAByline(a.cutAPACaptions(paras[i:], st))
	finishArticle(a, body)
	return a
}

// cutAPATail drops the separator after the article and anything from a
// stop line (apaStopRE) on.
func (a *Article) cutAPATail(lines []string) []string {
	for i, l := range lines {
		if apaStopRE.MatchString(strings.TrimSpace(l)) {
			a.remove(RemovedFooter, strings.TrimSpace(strings.Join(lines[i:], "\n")))
			lines = lines[:i]
			break
		}
	}
	for n := len(lines); n > 0; n-- {
		t := strings.TrimSpace(lines[n-1])
		if isAPASeparator(t) {
			a.remove(RemovedDocMarker, t)
		} else if t != "" {
			return lines[:n]
		}
	}
	return nil
}

// readAPAFields reads the field lines under the source line (they may
// share its paragraph or follow it) and returns the index of the first
// paragraph that is not fields.
func (a *Article) readAPAFields(paras []para) int {
	i := 0
	for ; i < len(paras); i++ {
		for _, l := range paras[i].lines {
			kind, value, ok := apaField(l)
			if !ok {
				return i
			}
			a.applyField(apaFieldRules, kind, value, strings.TrimSpace(l))
		}
	}
	return i
}

// apaFieldRules are the APA rules besides commonFieldRules: the first
// section and page fields count, the last edition field.
var apaFieldRules = fieldRules{
	"section": func(a *Article, v string) { a.Section = cmp.Or(a.Section, v) },
	"page":    func(a *Article, v string) { a.Page = cmp.Or(a.Page, v) },
	"edition": func(a *Article, v string) { a.Edition = v },
}

// readAPAHeadline takes the headline, the paragraph at i, and returns the
// index of the first body paragraph.
//
// With styles, the headline is the first bold paragraph among the next
// four; italic paragraphs before it are edition lines ("Abend",
// "Steiermark"; the last one is the edition), others the kicker. Without
// (text), in a print source (one with a page) a one-word paragraph before
// it is the edition.
func (a *Article) readAPAHeadline(paras []para, i int, st styledParas) int {
	h := i
	for j := i; st.styles != nil && j < min(len(paras), i+4); j++ {
		if st.all(paras[j], func(s lineStyle) bool { return s.bold }) {
			h = j
			break
		}
	}
	if st.styles == nil && a.Page != "" && i+1 < len(paras) && len(paras[i].lines) == 1 &&
		len(strings.Fields(paras[i].lines[0])) == 1 {
		h = i + 1
	}
	var kicker []string
	for j := i; j < min(h, len(paras)); j++ {
		t := cleanSpaces(paras[j].joined())
		if st.styles == nil || st.all(paras[j], func(s lineStyle) bool { return s.italic }) {
			a.Edition = t
			a.remove(RemovedHeader, t)
			continue
		}
		kicker = append(kicker, t)
	}
	a.Kicker = strings.Join(kicker, " ")
	if h >= len(paras) {
		a.warn(st.first, "apa: article has no headline")
		return h
	}
	a.Headline = cleanSpaces(paras[h].joined())
	return h + 1
}

// styledParas holds the styles of an article's lines; first is the
// 1-based input line of styles[0]. styles is nil for text input.
type styledParas struct {
	styles []lineStyle
	first  int
}

// all reports whether every line of p has the style pick asks for; false
// when there are no styles.
func (st styledParas) all(p para, pick func(lineStyle) bool) bool {
	for k := range p.lines {
		j := p.line - st.first + k
		if j < 0 || j >= len(st.styles) || !pick(st.styles[j]) {
			return false
		}
	}
	return st.styles != nil
}

// cutAPACaptions drops the italic paragraphs that end an article (but
// never its only paragraph): the captions of its pictures.
func (a *Article) cutAPACaptions(paras []para, st styledParas) []para {
	n := len(paras)
	for n > 1 && st.all(paras[n-1], func(s lineStyle) bool { return s.italic }) {
		n--
	}
	for _, p := range paras[n:] {
		a.remove(RemovedCaption, cleanSpaces(p.joined()))
	}
	return paras[:n]
}

// readAPAByline takes the byline ("Von Anna Muster", "VON JAN MUSTER und
// Eva Probe") from the first three body paragraphs, and drops picture
// captions (apaCaptionRE). It returns the rest of the body.
func (a *Article) readAPAByline(paras []para) []para {
	var body []para
	byline := false
	for k, p := range paras {
		t := cleanSpaces(p.joined())
		switch {
		case !byline && k < 3 && isBylineLine(t):
			a.applyByline(t, false)
			a.remove(RemovedByline, t)
			byline = true
		case apaCaptionRE.MatchString(t):
			a.remove(RemovedCaption, t)
		default:
			body = append(body, p)
		}
	}
	return body
}
