package pdfgen

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
)

//go:embed clips.txtar
var clipsData []byte

// clipsOf returns the articles of the named section of clips.txtar (see its
// header for the format). It panics on a section that is missing or
// malformed: the file is part of this package.
func clipsOf(section string) []clip {
	for _, f := range txtar.Parse(clipsData).Files {
		if f.Name != section {
			continue
		}
		var out []clip
		for _, block := range strings.Split(strings.TrimSpace(string(f.Data)), "\n\n") {
			lines := strings.Split(block, "\n")
			fields := strings.Split(lines[0], "|")
			if len(fields) != 5 || len(lines) < 2 {
				panic(fmt.Sprintf("pdfgen: clips.txtar section %s: bad article %q", section, lines[0]))
			}
			for i := range fields {
				fields[i] = strings.TrimSpace(fields[i])
			}
			out = append(out, clip{headline: fields[0], paper: fields[1], date: fields[2], page: fields[3], byline: fields[4], body: lines[1:]})
		}
		return out
	}
	panic("pdfgen: clips.txtar has no section " + section)
}
