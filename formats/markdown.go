package formats

import (
	"bufio"
	"io"
	"strings"
	"unsafe"

	"newsclip/convert"
)

// frontMatter is the YAML metadata block of one article, with the keys
// pandoc, Hugo and Jekyll read (title, subtitle, author, date, lang,
// publisher) and newsclip's own.
type frontMatter struct {
	Title      string       `yaml:"title,omitempty"`
	Subtitle   string       `yaml:"subtitle,omitempty"`
	Kicker     string       `yaml:"kicker,omitempty"`
	Author     []string     `yaml:"author,omitempty"`
	Date       string       `yaml:"date,omitempty"`
	Lang       string       `yaml:"lang,omitempty"`
	Publisher  string       `yaml:"publisher,omitempty"`
	Source     string       `yaml:"source,omitempty"`
	SourceID   string       `yaml:"source_id,omitempty"` // the database's document id
	LoadDate   string       `yaml:"load_date,omitempty"`
	Section    string       `yaml:"section,omitempty"`
	Page       string       `yaml:"page,omitempty"`
	Edition    string       `yaml:"edition,omitempty"`
	Dateline   string       `yaml:"dateline,omitempty"`
	Country    string       `yaml:"country,omitempty"`
	Credits    []creditYAML `yaml:"credits,omitempty"`
	Contacts   []string     `yaml:"contacts,omitempty"`
	PullQuotes []string     `yaml:"pullquotes,omitempty"`
}

type creditYAML struct {
	Name string `yaml:"name"`
	Role string `yaml:"role"`
}

// frontMatterRoom is the room of one article's frontMatter on the
// writer's stack: its first authors and credits, and its two dates' ISO
// digits (date and load date).
type frontMatterRoom struct {
	authors [4]string
	credits [2]creditYAML
	dates   [2][16]byte
}

// iso returns d.ISO() written in the room's date i (or, for the rare date
// longer than the room, in a new array append made): a view valid while
// the room is; "" for no date.
func (r *frontMatterRoom) iso(i int, d convert.Date) string {
	b := d.AppendISO(r.dates[i][:0])
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// WriteMarkdown writes every article of docs as Markdown: a YAML front
// matter block, then the body. Articles are separated by a thematic break
// ("* * *", which no YAML reader takes for a front matter fence). The
// headline is only in the front matter (title), never repeated in the body.
func WriteMarkdown(w io.Writer, docs []*convert.Document) error {
	bw := getBuffer(w)
	defer putBuffer(bw)
	n := 0
	for _, d := range docs {
		for _, a := range d.Articles {
			if n > 0 {
				bw.WriteString("\n* * *\n\n")
			}
			if err := writeArticleMarkdown(bw, d, a); err != nil {
				return err
			}
			n++
		}
	}
	return bw.Flush()
}

func writeArticleMarkdown(w *bufio.Writer, d *convert.Document, a *convert.Article) error {
	// pandoc reads front matter values as Markdown: text is escaped like the
	// body; machine values (date, lang, source, page, contacts) are not.
	// fm and its room stay on the stack (appendFrontMatter keeps neither).
	var room frontMatterRoom
	e := EscapeMarkdown
	fm := frontMatter{
		Title: e(a.Headline), Subtitle: e(a.Subheadline), Kicker: e(a.Kicker), Date: room.iso(0, a.Date),
		Lang: a.Language, Publisher: e(a.Publication), Source: d.Source.File, Section: e(a.Section),
		Page: a.Page, Edition: e(a.Edition), Dateline: e(a.Dateline), Country: e(a.Country),
		Contacts: a.Contacts, SourceID: a.VendorID, LoadDate: room.iso(1, a.LoadDate),
		Author: room.authors[:0], Credits: room.credits[:0],
	}
	for _, q := range a.PullQuotes {
		fm.PullQuotes = append(fm.PullQuotes, e(q))
	}
	for _, p := range a.Authors {
		if p.Name != "" {
			fm.Author = append(fm.Author, e(p.Name))
		} else if p.Agency != "" {
			fm.Author = append(fm.Author, e(p.Agency))
		}
	}
	for _, c := range a.Credits {
		fm.Credits = append(fm.Credits, creditYAML{e(c.Name), c.Role})
	}
	// The front matter and each block that fits are appended to the
	// writer's free buffer (AvailableBuffer), which Write then takes
	// without a copy. A block that may not fit (escaping can double it) is
	// written in pieces, so that a huge one is never copied whole.
	y, err := appendFrontMatter(append(w.AvailableBuffer(), "---\n"...), &fm)
	if err != nil {
		return err
	}
	w.Write(append(y, "---\n"...))
	for _, b := range a.Body {
		mark, text := markdownBlock(b)
		if len("\n")+len(mark)+2*len(text)+len("\n") <= w.Available() {
			dst := append(append(w.AvailableBuffer(), '\n'), mark...)
			w.Write(append(appendMarkdownEscaped(dst, text), '\n'))
			continue
		}
		w.WriteString("\n" + mark)
		writeMarkdownEscaped(w, text)
		w.WriteByte('\n')
	}
	return nil
}

// markdownBlock returns the mark that opens body block b in Markdown ("## "
// a heading, "> " a quote, "- " a list item, none a paragraph) and its
// text, to be escaped.
func markdownBlock(b convert.Block) (mark, text string) {
	switch b := b.(type) {
	case *convert.Heading:
		return "## ", b.Content
	case *convert.Quote:
		return "> ", b.Content
	case *convert.ListItem:
		return "- ", b.Content
	case *convert.Paragraph:
		return "", b.Content
	}
	return "", b.Text()
}

// markdownSpecial marks the bytes markdownEscapeAt must look at:
// '&', which may open an entity reference, and the characters that start
// inline markup in CommonMark or pandoc's Markdown (emphasis, code, links,
// HTML, math, citations, sub- and superscript), each escaped with a
// backslash.
var markdownSpecial = func() (t [256]uint8) {
	for _, c := range "\\`*_[]<>$@~^|&" {
		t[c] = 1
	}
	return t
}()

// markdownBlockStarts are the first characters that would open a block
// ("# ", "> " is inline-escaped already, "- 30 -", "+", "=", ": ", "%"):
// a line starting with one gets a backslash.
const markdownBlockStarts = "#-+=:%"

// EscapeMarkdown makes one line of text safe as a Markdown paragraph: it
// escapes inline markup, entity references ("&amp;" stays literal), and a
// start that would open a block: "# ", "> ", "- 30 -", "+", "=", "1998. The
// year ...", ": ", "%".
func EscapeMarkdown(s string) string {
	if !needsMarkdownEscape(s) {
		return s
	}
	return string(appendMarkdownEscaped(nil, s))
}

// needsMarkdownEscape reports whether EscapeMarkdown would change s.
func needsMarkdownEscape(s string) bool { return markdownEscapeAt(s, 0) < len(s) }

// appendMarkdownEscaped appends EscapeMarkdown(s) to dst in one pass.
func appendMarkdownEscaped(dst []byte, s string) []byte {
	start := 0 // s[start:i] is pending, to be copied as is
	for i := markdownEscapeAt(s, 0); i < len(s); i = markdownEscapeAt(s, i+1) {
		dst = append(append(dst, s[start:i]...), '\\')
		start = i
	}
	return append(dst, s[start:]...)
}

// writeMarkdownEscaped writes EscapeMarkdown(s) to w, piece by piece.
func writeMarkdownEscaped(w *bufio.Writer, s string) {
	start := 0
	for i := markdownEscapeAt(s, 0); i < len(s); i = markdownEscapeAt(s, i+1) {
		w.WriteString(s[start:i])
		w.WriteByte('\\')
		start = i
	}
	w.WriteString(s[start:])
}

// markdownEscapeAt returns the index of the first byte of s at or after i
// before which EscapeMarkdown puts a backslash, or len(s). Every escape is
// a backslash before a byte: before the first when it would open a block
// (markdownBlockStarts), before the '.' or ')' of an ordered list marker
// ("1998\. The year"), before an inline markup character, and before the
// '&' of an entity reference ("\&amp;").
func markdownEscapeAt(s string, i int) int {
	if i == 0 && s != "" {
		if strings.IndexByte(markdownBlockStarts, s[0]) >= 0 {
			return 0
		}
		if n := orderedMarker(s); n > 0 {
			return n // the digits before it need no escape
		}
	}
	for i = nextMarkdownSpecial(s, i); i < len(s); i = nextMarkdownSpecial(s, i+1) {
		if s[i] != '&' || entityLen(s[i:]) > 0 {
			return i
		}
	}
	return len(s)
}

// nextMarkdownSpecial returns the index of the first byte of s at or
// after i that markdownSpecial marks, or len(s). It looks up eight bytes a
// step and tests them with one branch.
func nextMarkdownSpecial(s string, i int) int {
	t := &markdownSpecial
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8] // one bounds check for the eight bytes
		if t[w[0]]|t[w[1]]|t[w[2]]|t[w[3]]|t[w[4]]|t[w[5]]|t[w[6]]|t[w[7]] != 0 {
			break
		}
	}
	for i < len(s) && t[s[i]] == 0 {
		i++
	}
	return i
}

// orderedMarker returns the length of the digits that open s when they
// read as an ordered list marker: one to nine digits, then '.' or ')',
// then white space or the end ("1998. The", "2) two"); else 0.
func orderedMarker(s string) int {
	n := 0
	for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 9 || n == len(s) || s[n] != '.' && s[n] != ')' {
		return 0
	}
	if n+1 < len(s) && strings.IndexByte(" \t\n\f\r", s[n+1]) < 0 {
		return 0
	}
	return n
}

// entityLen returns the length of the entity reference that opens s
// ("&amp;", "&#38;", "&#x26;"), or 0.
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	i := 1
	switch {
	case isASCIILetter(s[1]):
		for i++; i < len(s) && (isASCIILetter(s[i]) || isASCIIDigit(s[i])); i++ {
		}
	case s[1] == '#' && (s[2] == 'x' || s[2] == 'X'):
		j := 3
		for j < len(s) && (isASCIIDigit(s[j]) || strings.IndexByte("abcdefABCDEF", s[j]) >= 0) {
			j++
		}
		if j == 3 {
			return 0
		}
		i = j
	case s[1] == '#':
		for i++; i < len(s) && isASCIIDigit(s[i]); i++ {
		}
		if i == 2 {
			return 0
		}
	default:
		return 0
	}
	if i < len(s) && s[i] == ';' {
		return i + 1
	}
	return 0
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }
