package convert

// Headlines told by type size where the text reader's guesses, made from
// the words alone, go wrong.

import (
	"strings"

	"newsclip/internal/pdftext"
)

// A textLayout is what the rules that settle an article (see
// settlePDFArticle) need of the layout of the text it was read from:
// taken before the article is read, so that a long document's lines can
// be let go while its article is built (see readPDFDocument).
type textLayout struct {
	breaks map[string]bool // the line breaks that run on (runOnBreaks)
	sizes  []sizedText     // the lines' texts and type sizes, in order
}

// readTextLayout takes the layout of t, whose paragraphs (t.Paragraphs())
// are paras.
func readTextLayout(t *pdftext.Text, paras []pdftext.Paragraph) textLayout {
	return textLayout{breaks: runOnBreaks(paras), sizes: lineSizes(t)}
}

// settlePDFArticle applies the PDF rules that need the page's geometry to
// an article read from a text whose layout is l.
func settlePDFArticle(a *Article, l textLayout) {
	rejoinRunOns(a, l.breaks)
	demoteSmallHeadline(a, l.sizes)
}

// A sizedText is a line's text and type size, in points: 24 bytes of the
// 72 a pdftext.Line takes.
type sizedText struct {
	text string
	size float64
}

// lineSizes lists the texts and sizes of t's lines, page after page.
func lineSizes(t *pdftext.Text) []sizedText {
	out := make([]sizedText, 0, lineCount(t))
	for _, p := range t.Pages {
		for _, l := range p.Lines {
			out = append(out, sizedText{l.Text, l.Size})
		}
	}
	return out
}

// typeSize returns the size of the first of lines whose text opens s, in
// points; 0 when no line does.
func typeSize(lines []sizedText, s string) float64 {
	if s == "" {
		return 0
	}
	for _, l := range lines {
		if l.text != "" && strings.HasPrefix(s, l.text) {
			return l.size
		}
	}
	return 0
}

// kickerRatio is how much larger, at least, a kicker must be set than the
// headline under it to be the headline itself.
const kickerRatio = 1.2

// demoteSmallHeadline reads the article's kicker as its headline when it
// is set in larger type than the headline, and the headline as the
// standfirst (when there is none): a short headline over a longer
// subtitle is not a label over a headline.
//
//	Aussage eines Zeugen              26 pt  <- read as kicker: headline
//	Beim Prozess tritt der ... auf    12 pt  <- read as headline: standfirst
func demoteSmallHeadline(a *Article, lines []sizedText) {
	if a.Kicker == "" || a.Headline == "" || a.Subheadline != "" {
		return
	}
	k, h := typeSize(lines, a.Kicker), typeSize(lines, a.Headline)
	if h == 0 || k < kickerRatio*h {
		return
	}
	a.Kicker, a.Headline, a.Subheadline = "", a.Kicker, a.Headline
}

// Limits of liftDisplayHeadline: the headline's type is at least
// displayRatio times the largest type before it and the body's, with at
// least minLinesBefore lines before it.
const (
	displayRatio   = 1.5
	minLinesBefore = 3
)

// liftDisplayHeadline moves the headline of a newspaper page to the
// front of the page's lines when the page is read from its top and the
// headline stands lower, over the columns it heads (a box, a picture's
// caption or the first column run above it). The headline is the
// page's largest type, at least displayRatio times any type before it
// and the body's; its lines and the lines in display type right after it
// (a standfirst) go first, the rest keep their order. It changes nothing
// when fewer than minLinesBefore lines precede the headline: a kicker
// over a headline stays where it is.
func liftDisplayHeadline(p *pdftext.Page, body float64) {
	best := -1
	for i, l := range p.Lines {
		if best < 0 || l.Size > p.Lines[best].Size {
			best = i
		}
	}
	if best < minLinesBefore {
		return
	}
	size := p.Lines[best].Size
	for _, l := range p.Lines[:best] {
		if size < displayRatio*l.Size {
			return
		}
	}
	if size < displayRatio*body {
		return
	}
	end := best + 1
	for end < len(p.Lines) && (!p.Lines[end].StyleDiffers(p.Lines[best]) || p.Lines[end].Size > 1.15*body) {
		end++
	}
	lines := append(append(append([]pdftext.Line(nil), p.Lines[best:end]...), p.Lines[:best]...), p.Lines[end:]...)
	p.Lines = lines
}
