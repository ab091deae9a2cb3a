package formats

import (
	"bufio"
	"io"
	"regexp"
	"strings"

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
	e := EscapeMarkdown
	fm := frontMatter{
		Title: e(a.Headline), Subtitle: e(a.Subheadline), Kicker: e(a.Kicker), Date: a.Date.ISO(),
		Lang: a.Language, Publisher: e(a.Publication), Source: d.Source.File, Section: e(a.Section),
		Page: a.Page, Edition: e(a.Edition), Dateline: e(a.Dateline), Country: e(a.Country),
		Contacts: a.Contacts, SourceID: a.VendorID, LoadDate: a.LoadDate.ISO(),
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
	y, err := appendFrontMatter(append(make([]byte, 0, 512), "---\n"...), &fm)
	if err != nil {
		return err
	}
	w.Write(y)
	w.WriteString("---\n")
	for _, b := range a.Body {
		w.WriteString("\n")
		switch b := b.(type) {
		case *convert.Heading:
			w.WriteString("## " + EscapeMarkdown(b.Content))
		case *convert.Quote:
			w.WriteString("> " + EscapeMarkdown(b.Content))
		case *convert.ListItem:
			w.WriteString("- " + EscapeMarkdown(b.Content))
		case *convert.Paragraph:
			w.WriteString(EscapeMarkdown(b.Content))
		default:
			w.WriteString(EscapeMarkdown(b.Text()))
		}
		w.WriteString("\n")
	}
	return nil
}

// inlineEscaper escapes the characters that start inline markup in
// CommonMark or pandoc's Markdown: emphasis, code, links, HTML, math,
// citations, sub- and superscript.
var inlineEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `$`, `\$`, `@`, `\@`, `~`, `\~`, `^`, `\^`, `|`, `\|`,
)

var entityRE = regexp.MustCompile(`&([A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);`)
var orderedMarkerRE = regexp.MustCompile(`^(\d{1,9})([.)])(\s|$)`)

// EscapeMarkdown makes one line of text safe as a Markdown paragraph: it
// escapes inline markup, entity references ("&amp;" stays literal), and a
// start that would open a block: "# ", "> ", "- 30 -", "+", "=", "1998. The
// year ...", ": ", "%".
func EscapeMarkdown(s string) string {
	s = inlineEscaper.Replace(s)
	if strings.IndexByte(s, '&') >= 0 {
		s = entityRE.ReplaceAllString(s, `\&$1;`)
	}
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		if m := orderedMarkerRE.FindStringSubmatchIndex(s); m != nil {
			s = s[:m[3]] + `\` + s[m[4]:]
		}
	}
	if s != "" && strings.ContainsRune("#-+=:%", rune(s[0])) {
		s = `\` + s
	}
	return s
}
