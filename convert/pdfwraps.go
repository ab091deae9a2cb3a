package convert

// Paragraph breaks the text reader guesses from line lengths, undone where
// the PDF's geometry shows a line running on: justified type fills every
// line, whatever its character count.

import (
	"strings"

	"newsclip/internal/pdftext"
)

// joinKeyWords is how many words of each side of a line break make the
// key of runOnBreaks.
const joinKeyWords = 2

// runOnBreaks returns the line breaks inside the paragraphs of t where a
// line runs on: it fills its block (ends within half an em of the block's
// right edge) and the next line is in the same block. Each is keyed by
// the last joinKeyWords words of the line and the first joinKeyWords
// words of the next (which must have more, so that a hyphenated word
// cannot change them), joined by "\x00".
func runOnBreaks(paras []pdftext.Paragraph) map[string]bool {
	out := map[string]bool{}
	for _, p := range paras {
		for i := 0; i+1 < len(p); i++ {
			l, next := p[i], p[i+1]
			if next.BlockStart || l.X1 < l.BlockX1-0.5*l.Size {
				continue
			}
			head, tail := strings.Fields(l.Text), strings.Fields(next.Text)
			if len(head) < joinKeyWords || len(tail) <= joinKeyWords {
				continue
			}
			out[breakKey(head[len(head)-joinKeyWords:], tail[:joinKeyWords])] = true
		}
	}
	return out
}

func breakKey(head, tail []string) string {
	return strings.Join(head, " ") + "\x00" + strings.Join(tail, " ")
}

// rejoinRunOns joins two consecutive body paragraphs of a when the break
// between them is one of breaks (see runOnBreaks): the text reader split
// a justified paragraph after a line that ends a sentence and looks
// short in characters, but on the page that line fills the column:
//
//	Sprecher. Allerdings nicht mehr immer.    <- full width, justified
//	Als Folge der Demos ...                   -> one paragraph
func rejoinRunOns(a *Article, breaks map[string]bool) {
	if len(breaks) == 0 {
		return
	}
	for i := 0; i+1 < len(a.Body); i++ {
		p, ok1 := a.Body[i].(*Paragraph)
		q, ok2 := a.Body[i+1].(*Paragraph)
		if !ok1 || !ok2 {
			continue
		}
		head, tail := strings.Fields(p.Content), strings.Fields(q.Content)
		if len(head) < joinKeyWords || len(tail) < joinKeyWords || !breaks[breakKey(head[len(head)-joinKeyWords:], tail[:joinKeyWords])] {
			continue
		}
		p.Content += " " + q.Content
		a.Body = append(a.Body[:i+1], a.Body[i+2:]...)
		i--
	}
}
