package pdfgen

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
)

//go:embed clips.txtar
var clipsData []byte

// articlesIn returns the articles of the named section of clips.txtar
// (see its header for the format): each one's header fields, split at "|"
// and trimmed, and its paragraphs. It panics on a section that is missing
// or an article whose header has not n fields: the file is part of this
// package.
func articlesIn(section string, n int) (heads [][]string, bodies [][]string) {
	for _, f := range txtar.Parse(clipsData).Files {
		if f.Name != section {
			continue
		}
		for _, block := range strings.Split(strings.TrimSpace(string(f.Data)), "\n\n") {
			lines := strings.Split(block, "\n")
			fields := strings.Split(lines[0], "|")
			if len(fields) != n || len(lines) < 2 {
				panic(fmt.Sprintf("pdfgen: clips.txtar section %s: bad article %q", section, lines[0]))
			}
			for i := range fields {
				fields[i] = strings.TrimSpace(fields[i])
			}
			heads, bodies = append(heads, fields), append(bodies, lines[1:])
		}
		return heads, bodies
	}
	panic("pdfgen: clips.txtar has no section " + section)
}

// clipsOf returns the compilation articles of a section of clips.txtar:
// "headline | paper | date | page | byline", then the paragraphs.
func clipsOf(section string) []clip {
	heads, bodies := articlesIn(section, 5)
	out := make([]clip, len(heads))
	for i, h := range heads {
		out[i] = clip{headline: h[0], paper: h[1], date: h[2], page: h[3], byline: h[4], body: bodies[i]}
	}
	return out
}

// storiesOf returns the page stories of section "story NAME" of
// clips.txtar: "headline | headline size in points | byline", then the
// paragraphs.
func storiesOf(name string) []story {
	heads, bodies := articlesIn("story "+name, 3)
	out := make([]story, len(heads))
	for i, h := range heads {
		size, err := strconv.ParseFloat(h[1], 64)
		if err != nil {
			panic("pdfgen: clips.txtar story " + name + ": bad size " + h[1])
		}
		out[i] = story{headline: h[0], size: size, byline: h[2], body: bodies[i]}
	}
	return out
}
