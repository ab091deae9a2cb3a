package convert

// Archive exports: PDFs that hold one article after another, each page
// under a header naming publication, section and date, each article's
// pages under a record id in the foot.

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"newsclip/internal/pdftext"
)

// An exportHeader is what a page header of an archive export says:
//
//	Süddeutsche Zeitung Landkreise   MÜNCHEN   Freitag, 7. Juli 2023
//	-> publication "Süddeutsche Zeitung Landkreise", section "MÜNCHEN"
type exportHeader struct {
	publication, section string
	date                 Date
}

// readExportHeader reads a header line that ends with a date: the words
// before it are the publication, then the section when set in capitals.
// The publication holds at most maxHeaderPubWords words, the first and
// last capitalized.
func readExportHeader(s string) (exportHeader, bool) {
	rest, d, ok := datedTail(strings.Fields(s), 2)
	if !ok {
		return exportHeader{}, false
	}
	sec := len(rest)
	for sec > 1 && isAllCaps(rest[sec-1]) && hasLetter(rest[sec-1]) {
		sec--
	}
	if sec > maxHeaderPubWords || !capitalized(rest[0]) || !capitalized(rest[sec-1]) {
		return exportHeader{}, false
	}
	return exportHeader{publication: strings.Join(rest[:sec], " "), section: strings.Join(rest[sec:], " "), date: d}, true
}

// maxHeaderPubWords bounds the publication name of a page header.
const maxHeaderPubWords = 4

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// capitalized reports whether s starts with an upper-case letter.
func capitalized(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// recordIDRE matches an archive record id in a page foot: an optional
// letter prefix and at least six digits ("A117645895"). Page numbers
// have fewer digits.
var recordIDRE = lazyRE(`^[A-Z]{0,3}\d{6,}$`)

// An exportPage is a page of an archive export with its header read.
type exportPage struct {
	page   pdftext.Page
	header exportHeader
	rows   int    // header rows to drop from the top of the page
	record string // the record id in the foot, "" when none
}

// A row is the text of the lines on one baseline, left to right.
type row struct {
	text    string
	y, size float64 // baseline and largest type size, in points
}

// edgeRows returns the rows of the lines (kept and removed) at the top or
// bottom edge of p, top to bottom.
func edgeRows(p pdftext.Page, top bool) []row {
	var ls []pdftext.Line
	for _, lines := range [][]pdftext.Line{p.Lines, p.Heads} {
		for _, l := range lines {
			if top && p.AtTop(l) || !top && p.AtBottom(l) {
				ls = append(ls, l)
			}
		}
	}
	sort.SliceStable(ls, func(i, j int) bool {
		if math.Abs(ls[i].Y-ls[j].Y) > 2 {
			return ls[i].Y > ls[j].Y
		}
		return ls[i].X0 < ls[j].X0
	})
	var rows []row
	for i, l := range ls {
		if i > 0 && math.Abs(l.Y-ls[i-1].Y) <= 2 {
			r := &rows[len(rows)-1]
			r.text += " " + l.Text
			r.size = math.Max(r.size, l.Size)
			continue
		}
		rows = append(rows, row{l.Text, l.Y, l.Size})
	}
	return rows
}

// headerRows counts the rows of a page header: the dated row, and the
// rows under it each at most two of its lines' height below the last
// ("DAH,EBE,ED Seite R1", "alle Ausgaben Seite 999"), set no larger
// than headerRowSize times the dated row's type and at most
// maxHeaderRowWords words long: a headline or a box's text close under
// the header is not part of it.
func headerRows(rows []row) int {
	n := 1
	for n < len(rows) && rows[n-1].y-rows[n].y <= 2*rows[n].size && rows[n].size <= headerRowSize*rows[0].size &&
		countWords(rows[n].text) <= maxHeaderRowWords {
		n++
	}
	return n
}

// headerRowSize is the largest type of a page header's further rows, in
// parts of its dated row's type size; maxHeaderRowWords their most words.
const (
	headerRowSize     = 1.1
	maxHeaderRowWords = 12
)

// readExportPage reads the header (the first top row, ending with a date)
// and the record id of a page.
func readExportPage(p pdftext.Page) (exportPage, bool) {
	rows := edgeRows(p, true)
	if len(rows) == 0 {
		return exportPage{}, false
	}
	h, ok := readExportHeader(rows[0].text)
	if !ok {
		return exportPage{}, false
	}
	ep := exportPage{page: p, header: h, rows: headerRows(rows)}
	for _, f := range edgeRows(p, false) {
		for _, w := range strings.Fields(f.text) {
			if recordIDRE.MatchString(w) {
				ep.record = w
			}
		}
	}
	return ep, true
}

// splitExport splits the pages of an archive export into articles: every
// page of at least two must carry a dated header. A new article starts
// where the record id in the foot changes; without record ids, at every
// page. It returns nil for any other PDF.
func splitExport(t *pdftext.Text) [][]exportPage {
	if len(t.Pages) < 2 {
		return nil
	}
	var eps []exportPage
	ids := true
	for _, p := range t.Pages {
		ep, ok := readExportPage(p)
		if !ok {
			return nil
		}
		ids = ids && ep.record != ""
		eps = append(eps, ep)
	}
	var out [][]exportPage
	for i, ep := range eps {
		if i > 0 && ids && ep.record == eps[i-1].record {
			out[len(out)-1] = append(out[len(out)-1], ep)
			continue
		}
		out = append(out, []exportPage{ep})
	}
	return out
}

// exportArticles reads the articles of an export, as exportArticle
// reads each, on up to GOMAXPROCS goroutines at once (see forEach): an
// archive export of 59 pages and 55 articles spent about a seventh of its
// wall time here (32-44 ms of 244-278), on one core, after the extraction
// was done. Each article
// reads only its own pages and is stored and indexed by its place in
// parts, so the Document does not depend on the number of cores or on
// the order the articles finish in. It lets go of each part once its
// article is read (parts[i] is set to nil), so that a long export's
// pages go as its articles come.
func exportArticles(parts [][]exportPage) []*Article {
	arts := make([]*Article, len(parts))
	forEach(len(parts), func(i int) {
		arts[i] = exportArticle(parts[i])
		parts[i] = nil
	})
	for i, a := range arts {
		a.Index = i
	}
	return arts
}

// forEach calls do(i) for each i in [0, n), on the calling goroutine and
// up to GOMAXPROCS-1 more, each taking the next i not yet taken; it
// returns when all calls have. do must be safe to call concurrently.
//
// A panic in a call stops the calls not yet begun and is raised again on
// the calling goroutine once the others have stopped, where the caller's
// recover can take it (ConvertPDF's, Convert's): a panic on another
// goroutine would end the program. Where several calls panic, the one of
// lowest i is raised, as a one-goroutine loop would have. It is raised
// as a callPanic, which carries the stack it was raised on.
func forEach(n int, do func(i int)) {
	var next atomic.Int64
	var mu sync.Mutex
	var first *callPanic
	work := func() {
		i := 0
		defer func() {
			if r := recover(); r != nil {
				next.Store(int64(n)) // no new calls
				mu.Lock()
				if first == nil || i < first.i {
					first = &callPanic{i: i, value: r, stack: debug.Stack()}
				}
				mu.Unlock()
			}
		}()
		for i = int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
			do(i)
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if first != nil {
		panic(*first)
	}
}

// A callPanic is a panic of a call of forEach, raised again on the
// caller's goroutine: the value the call panicked with, the call's i, and
// the stack of the goroutine it panicked on, which the caller's stack
// does not show. Unrecovered, it prints as both.
type callPanic struct {
	i     int
	value any
	stack []byte
}

func (p callPanic) String() string {
	return fmt.Sprintf("%v [call %d, raised again from its goroutine:]\n%s", p.value, p.i, p.stack)
}

// panicValue is the value a recovered panic was raised with: a
// callPanic's own.
func panicValue(r any) any {
	if p, ok := r.(callPanic); ok {
		return p.value
	}
	return r
}

// exportArticle reads one article of an export: its pages without the
// header rows, read as a clipping whose publication and date the header
// gives.
func exportArticle(pages []exportPage) *Article {
	t := &pdftext.Text{}
	var removed []Removal
	for _, ep := range pages {
		p := ep.page
		header := edgeRows(p, true)[:ep.rows]
		var kept []pdftext.Line
		for _, l := range p.Lines {
			if p.AtTop(l) && inRows(l.Text, header) {
				continue
			}
			if p.AtBottom(l) && ep.record != "" && strings.Contains(l.Text, ep.record) {
				removed = append(removed, Removal{Kind: RemovedRunningHead, Text: l.Text})
				continue
			}
			kept = append(kept, l)
		}
		p.Lines = kept
		removed = append(removed, turnedRemovals([]pdftext.Page{p})...)
		for _, h := range p.Heads {
			if !inRows(h.Text, header) {
				removed = append(removed, Removal{Kind: RemovedRunningHead, Text: h.Text})
			}
		}
		t.Pages = append(t.Pages, p)
	}
	liftDisplayHeadline(&t.Pages[0], t.BodySize())
	paras := t.Paragraphs()
	lines, web := paraLines(t, paras)
	a := readClipping(joinBrokenBylines(lines), false)
	settlePDFArticle(a, readTextLayout(t, paras))
	liftLateByline(a)
	dropDeskSignature(a)
	liftSignature(a)
	if displayLead(t) == 0 {
		// All in one type size: the headline is told by position only.
		promoteHeadline(a)
	}
	removed = append(removed, web...)
	h := pages[0].header
	a.Publication, a.Section, a.Date = h.publication, h.section, h.date
	a.Removed = append([]Removal{{Kind: RemovedHeader, Text: edgeRows(pages[0].page, true)[0].text}}, append(removed, a.Removed...)...)
	return a
}

// inRows reports whether s is one of rows or a part of one.
func inRows(s string, rows []row) bool {
	for _, r := range rows {
		if strings.Contains(r.text, s) {
			return true
		}
	}
	return false
}
