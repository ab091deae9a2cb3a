package convert

// Paragraph breaks the text reader guesses from line lengths, undone where
// the PDF's geometry shows a line running on: justified type fills every
// line, whatever its character count.

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	var headBuf [joinKeyWords]string
	var tailBuf [joinKeyWords + 1]string
	for _, p := range paras {
		for i := 0; i+1 < len(p); i++ {
			l, next := p[i], p[i+1]
			if next.BlockStart || l.X1 < l.BlockX1-0.5*l.Size {
				continue
			}
			head, tail := lastFieldsIn(headBuf[:], l.Text), firstFieldsIn(tailBuf[:0], next.Text, joinKeyWords+1)
			if len(head) < joinKeyWords || len(tail) <= joinKeyWords {
				continue
			}
			out[breakKey(head[len(head)-joinKeyWords:], tail[:joinKeyWords])] = true
		}
	}
	return out
}

// breakKey joins the words of head and of tail by spaces and the two by
// "\x00", in one string built at its full length.
func breakKey(head, tail []string) string {
	n := len(head) + len(tail) // separators, one spare
	for _, w := range head {
		n += len(w)
	}
	for _, w := range tail {
		n += len(w)
	}
	var b strings.Builder
	b.Grow(n)
	for i, w := range head {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte(0)
	for i, w := range tail {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
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
		head, tail := lastFields(p.Content, joinKeyWords), firstFields(q.Content, joinKeyWords)
		if len(head) < joinKeyWords || len(tail) < joinKeyWords || !breaks[breakKey(head[len(head)-joinKeyWords:], tail[:joinKeyWords])] {
			continue
		}
		p.Content += " " + q.Content
		a.Body = append(a.Body[:i+1], a.Body[i+2:]...)
		i--
	}
}

// firstFields returns the first n words of s as strings.Fields splits it
// (all of them when s has fewer), without splitting the rest of s.
func firstFields(s string, n int) []string { return firstFieldsIn(nil, s, n) }

// firstFieldsIn is firstFields writing the words into buf's storage
// (growing it when they do not fit): a caller that reads every line of a
// long document passes the same small array each time.
func firstFieldsIn(buf []string, s string, n int) []string {
	out := buf[:0]
	start := -1 // where the current word starts, or -1 between words
	for i := 0; i < len(s) && len(out) < n; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if start >= 0 {
				out, start = append(out, s[start:i]), -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 && len(out) < n {
		out = append(out, s[start:])
	}
	return out
}

// lastFields returns the last n words of s as strings.Fields splits it
// (all of them when s has fewer), in their order, reading s from its end.
func lastFields(s string, n int) []string { return lastFieldsIn(make([]string, n), s) }

// lastFieldsIn is lastFields for n = len(buf), writing the words into
// buf's storage.
func lastFieldsIn(buf []string, s string) []string {
	out := buf
	k := len(out) // out[k:] holds the words found
	end := -1     // where the current word ends, or -1 between words
	i := len(s)
	for i > 0 && k > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			if end >= 0 {
				k--
				out[k], end = s[i:end], -1
			}
		} else if end < 0 {
			end = i
		}
		i -= size
	}
	if end >= 0 && k > 0 {
		k--
		out[k] = s[:end]
	}
	return out[k:]
}
