package convert

// PDF input: newsclip/internal/pdftext reads the text of a PDF as lines in
// reading order; this file turns them into articles, with the article
// vocabulary that typeset hyphens need.

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"newsclip/internal/pdftext"
	"newsclip/internal/stackroom"
)

// Sentinel errors of PDF input: the same values as pdftext's, so that
// errors.Is holds whichever side of a child process the error came from.
var (
	ErrEncrypted   = pdftext.ErrEncrypted
	ErrNoTextLayer = pdftext.ErrNoTextLayer
	ErrDamaged     = pdftext.ErrDamaged
	ErrUnmappable  = pdftext.ErrUnmappable
	ErrTimeout     = pdftext.ErrTimeout // no result within the time limit
	ErrMemory      = pdftext.ErrMemory  // the memory limit was reached
)

// IsPDF reports whether data is a PDF: "%PDF-" within its first 1024 bytes.
func IsPDF(data []byte) bool { return pdftext.IsPDF(data) }

// A PDFExtractor reads the text of PDF bytes: pdftext.Extract in this
// process, or a supervisor that runs it in a child process. The text it
// returns is ConvertPDF's, which lets go of its pages' lines as it reads
// them: an extractor keeps no text to hand out again.
type PDFExtractor func(data []byte) (*pdftext.Text, error)

// ConvertPDF reads a PDF with extract and its text into a Document. It is
// the one path for PDF input, in this process (Convert) and through a
// child process (the CLI). A *pdftext.Error becomes an *Error naming the
// file and the page. The bytes are hashed while extract reads them (off
// the wall time when extract waits for a child: 0.2 ms a 300 KB file) and
// not used after, so that the articles are built without the file in
// memory, and the text's lines without their layout (see
// readPDFDocument), and while they are built from a long text (an
// export's excepted) the garbage collector works to a lower target
// (holdGC). A panic in the rules becomes an internal error naming the
// file, as in Convert: the CLI calls ConvertPDF directly, and one damaged
// file must not end a batch.
func ConvertPDF(name string, data []byte, extract PDFExtractor) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &Error{File: name, Err: fmt.Errorf("internal error: %v", panicValue(r))}
		}
	}()
	go warmPDFRules()
	sumc := make(chan [sha256.Size]byte, 1)
	go func() { sumc <- sha256.Sum256(data) }()
	t, err := extract(data)
	sum := <-sumc
	if err != nil {
		var e *pdftext.Error
		if errors.As(err, &e) {
			return nil, &Error{File: name, Page: e.Page, Err: e.Err}
		}
		return nil, &Error{File: name, Err: err}
	}
	return fromPDFText(name, sum, t, true)
}

// pdfRegexps are the expressions that PDFs ask for most often: each was
// compiled for at least one in seven of the 54 PDFs that convert among the
// shared corpus's and its odd PDFs (8 files or more, counted in December
// 2026; the three for web prints' addresses, for all 54). Together they
// take about a millisecond and a quarter to compile.
var pdfRegexps = []*lazyRegexp{
	urlStartRE, urlPartRE, browserRE, // web prints (pdfweb.go, pdfsite.go)
	sourceLabelRE, sourcePageRE, sourcePartSep, fieldLabelStartRE, // source lines (pdfsource.go)
	pageLabelRE,          // page labels (masthead.go)
	isoDateRE, cjkDateRE, // dates (date.go)
	tagListRE,               // tag lists (pdfweb.go)
	bylineLead, docMarkerRE, // "By …" (byline.go), "1 of 3 documents" (lexisnexis.go)
	indexPageRE, captionCreditRE, // contents lines (pdfsource.go), photo credits (pdfarticle.go)
	printTimeRE, printPageRE, printURLRE, // browser print heads and feet (pdfsite.go)
	brokenLinkTargetRE, bulletRE, // link targets (pdfweblinks.go), list items (paragraphs.go)
}

// warmPDFRules compiles pdfRegexps, once per process. ConvertPDF runs it
// in the background while the text is extracted, in a child process that
// a single-file run waits some 10 ms for: the rules then find the
// expressions compiled, a millisecond off a small PDF's wall time.
var warmPDFRules = sync.OnceFunc(func() {
	stackroom.Grow() // compiling an expression recurses
	for _, re := range pdfRegexps {
		re.re()
	}
})

// convertPDF is Convert for PDF input, in this process.
func convertPDF(name string, data []byte) (*Document, error) {
	return ConvertPDF(name, data, func(d []byte) (*pdftext.Text, error) {
		return pdftext.Extract(d, pdftext.Options{})
	})
}

// FromPDFText reads extracted PDF text into a Document, through the same
// layout detectors and normalizer as text input. Type sizes say what the
// text alone cannot: whether the first line is a masthead or the headline.
// A PDF's format is "pdf" whatever it reads as.
func FromPDFText(name string, data []byte, t *pdftext.Text) (*Document, error) {
	return fromPDFText(name, sha256.Sum256(data), t, false)
}

// fromPDFText is FromPDFText with the file's SHA-256 sum; spend says
// that t is the caller's no more (see readPDFDocument). Articles that
// print no language get the one their text is written in, as text input
// does (see guessLanguages).
func fromPDFText(name string, sum [sha256.Size]byte, t *pdftext.Text, spend bool) (*Document, error) {
	doc, err := readPDFDocument(name, sum, t, spend)
	if err == nil {
		guessLanguages(doc.Articles)
	}
	return doc, err
}

// readPDFDocument reads the articles of extracted PDF text: an archive
// export, a compilation or a page of several stories, or one clipping.
// With spend set, it lets go of the pages' lines (Page.Lines) once it has
// their text and what the rules need of their layout, before it builds
// the clipping's article: the lines of a long document take more memory
// than its article (72 bytes each besides its characters); meanwhile the
// garbage collector works to a lower target (holdGC). An export's
// articles are built each from its own pages, which are let go of as it
// is read (see exportArticles), so the heap shrinks as they go: they are
// built at the default target, and the memory is not handed back to the
// system at the end (the runtime's scavenger returns it in time). The
// lower target ran the collector six times over a 59-page export of 55
// articles, which left one core to the articles: without it and the
// final collection, 5-6% less wall time (medians of 30 runs) for the
// same peak (23.8-23.9 MiB, medians of 7). In a batch, the hold of a
// long clipping converted beside an export lowers the target for both,
// as the target is the process's.
func readPDFDocument(name string, sum [sha256.Size]byte, t *pdftext.Text, spend bool) (*Document, error) {
	doc := &Document{Source: Source{File: name, Format: "pdf", SHA256: hex.EncodeToString(sum[:])}}
	for _, w := range t.Warnings {
		doc.Warnings = append(doc.Warnings, Warning{Page: w.Page, Msg: w.Msg})
	}
	if parts := splitExport(t); parts != nil {
		if spend {
			t.Pages = nil // parts hold them now, and let each go once read
		}
		doc.Articles = exportArticles(parts)
		return doc, nil
	}
	if spend {
		defer holdGC(pdfTextBytes(t))()
	}
	if arts := readManyArticles(t); arts != nil {
		doc.Articles = arts
		return doc, nil
	}
	paras := t.Paragraphs()
	lines, web := paraLines(t, paras)
	lead, turned := displayLead(t), turnedRemovals(t.Pages)
	var layout textLayout
	if lead >= 1 {
		layout = readTextLayout(t, paras)
	}
	if spend {
		for i := range t.Pages {
			t.Pages[i].Lines = nil
		}
	}
	switch {
	case lead >= 1:
		a := readClipping(lines, lead >= 2)
		settlePDFArticle(a, layout)
		if a.Headline != "" || len(a.Body) > 0 {
			doc.Articles = append(doc.Articles, a)
		}
	default:
		readLayouts(doc, lines, false)
	}
	if len(doc.Articles) == 0 {
		return nil, &Error{File: name, Err: ErrNoTextLayer}
	}
	if a := doc.Articles[0]; a.Publication == "" {
		a.Publication = printedSite(t, a.Headline)
	}
	var removed []Removal
	for _, h := range t.RunningHeads {
		removed = append(removed, Removal{Kind: RemovedRunningHead, Text: h})
	}
	removed = append(append(removed, turned...), web...)
	doc.Articles[0].Removed = append(removed, doc.Articles[0].Removed...)
	return doc, nil
}

// pdfLines writes t's paragraphs as lines (a blank line after each)
// without captions and web furniture, typeset hyphens marked (none in a
// browser's print: see isBrowserPrint), and returns what it removed.
func pdfLines(t *pdftext.Text) ([]string, []Removal) {
	return paraLines(t, t.Paragraphs())
}

// paraLines is pdfLines with t's paragraphs read already (t.Paragraphs();
// they are not changed).
func paraLines(t *pdftext.Text, all []pdftext.Paragraph) ([]string, []Removal) {
	paras, removed := dropCaptions(all, t.BodySize())
	lines := paragraphLines(paras)
	if !isBrowserPrint(t) {
		lines = markTypesetBreaks(lines)
	}
	lines, web := cleanWebPrint(lines)
	return splitBylineDates(lines), append(removed, web...)
}

// captionSize is the largest type of a caption, in parts of the body
// type size, and captionWords its fewest words.
const (
	captionSize  = 0.8
	captionWords = 6
)

// dropCaptions removes the paragraphs set in type smaller than
// captionSize times the body's, of at least captionWords words: a
// picture's caption ("Two harbour boats, including the one above, were
// sold on Monday. PHOTO: A. SMITH" in 6 pt under 8 pt text), or that ends
// with a photo credit ("... FOTO: HENDRIK SCHMIDT/DPA"). A byline in small
// type (a line that opens like one) stays.
func dropCaptions(paras []pdftext.Paragraph, body float64) ([]pdftext.Paragraph, []Removal) {
	kept := make([]pdftext.Paragraph, 0, len(paras))
	var removed []Removal
	for _, p := range paras {
		small, colon := true, false
		for _, l := range p {
			small = small && l.Size < captionSize*body
			colon = colon || strings.IndexByte(l.Text, ':') >= 0
		}
		// Words are counted in small type only; a credit needs a colon.
		if small && paraWords(p) >= captionWords && !bylineLead.MatchString(p[0].Text) || colon && isCaptionText(paraText(p)) {
			removed = append(removed, Removal{Kind: RemovedCaption, Text: paraText(p)})
			continue
		}
		kept = append(kept, p)
	}
	return kept, removed
}

// paraWords counts the words of p's lines.
func paraWords(p pdftext.Paragraph) int {
	n := 0
	for _, l := range p {
		n += len(strings.Fields(l.Text))
	}
	return n
}

// paraText joins the texts of p's lines with spaces.
func paraText(p pdftext.Paragraph) string {
	text := make([]string, len(p))
	for i, l := range p {
		text[i] = l.Text
	}
	return strings.Join(text, " ")
}

// paragraphLines writes paragraphs as lines, each paragraph followed by a
// blank line.
func paragraphLines(paras []pdftext.Paragraph) []string {
	n := len(paras)
	for _, p := range paras {
		n += len(p)
	}
	out := make([]string, 0, n) // one allocation: a long document's lines are many
	for _, p := range paras {
		for _, l := range p {
			out = append(out, l.Text)
		}
		out = append(out, "")
	}
	return out
}

// displayLead counts the groups of display type (larger than the body, or
// bold) that open the text, up to 3: one is a headline, two are a masthead
// and a headline ("Beijing Review" in 30 pt over a 24 pt headline). Up to
// two opening lines in capitals no larger than the body are kickers, not
// display groups ("DEAL OF THE WEEK" over a 20 pt headline).
func displayLead(t *pdftext.Text) int {
	body := t.BodySize()
	n, kickers := 0, 0
	var prev *pdftext.Line
	for _, p := range t.Pages {
		for i := range p.Lines {
			l := p.Lines[i]
			if n == 0 && isBreadcrumb(l.Text) {
				continue // removed by cleanWebPrint
			}
			if n == 0 && kickers < 2 && l.Size <= 1.1*body && isKicker(l.Text) {
				kickers++
				continue
			}
			display := l.Size > 1.15*body || l.Bold && l.Size >= body
			if !display || n == 3 {
				return n
			}
			if prev == nil || prev.StyleDiffers(l) {
				n++
			}
			prev = &p.Lines[i]
		}
	}
	return n
}

// markTypesetBreaks turns the hyphen ending a line of typeset text into a
// soft hyphen (which the normalizer always joins) unless the article shows
// a compound: the hyphenated form elsewhere, or both halves as words of
// their own. Typesetters hyphenate words at syllables far more often than
// lines happen to end at a compound's hyphen:
//
//	No-/vember    -> November        (unless "No" and "vember" occur alone)
//	win-/win      -> win-win         ("win-win" occurs elsewhere)
func markTypesetBreaks(lines []string) []string {
	v := vocabulary{}
	for i := 0; i+1 < len(lines); i++ {
		v.want(lines[i], lines[i+1])
	}
	if len(v) == 0 {
		return lines
	}
	c := v.counter()
	for _, l := range lines {
		c.addLine(l)
	}
	for i := 0; i+1 < len(lines); i++ {
		l, next := lines[i], lines[i+1]
		if !endsWithLetterHyphen(l) || next == "" {
			continue
		}
		head := strings.ToLower(lastWord(l[:len(l)-1]))
		tail := strings.ToLower(firstWord(next))
		if head == "" || tail == "" || !unicode.IsLower([]rune(firstWord(next))[0]) {
			continue
		}
		// The tail itself opens the next line: it must occur once more.
		if v.has(head+"-"+tail) && !v.has(head+tail) || v.has(head) && v.count(tail) >= 2 && !v.has(head+tail) {
			continue
		}
		lines[i] = l[:len(l)-1] + "\u00ad"
	}
	return lines
}
