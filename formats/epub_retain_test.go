package formats

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"newsclip/convert"
)

// TestEPUBWriterKeepsNoInput: what a bundle keeps of each article until
// Close (its title, its names, its group) does not keep the article's
// text with it. A headline is a substring of its input's text, so keeping
// it as it is would keep every input whole: memory would grow with the
// inputs' bytes, not with the few that the navigation needs.
func TestEPUBWriterKeepsNoInput(t *testing.T) {
	const docs, textBytes = 400, 64 << 10
	ew := NewEPUBWriter(io.Discard, EPUBOptions{})
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	for i := range docs {
		// One input's text, every field a view of it, as convert makes them.
		text := fmt.Sprintf("Headline %d\nBy Jane Roe %d\nThe Courier %d\nen\n", i, i, i) + strings.Repeat("x", textBytes)
		line := strings.Split(text, "\n")
		d := &convert.Document{
			Source: convert.Source{File: fmt.Sprintf("clip%d.txt", i), SHA256: "00"},
			Articles: []*convert.Article{{
				Headline:    line[0],
				Authors:     []convert.Person{{Name: line[1][3:]}},
				Credits:     []convert.Credit{{Name: line[1][3:], Role: "photographer"}},
				Publication: line[2],
				Language:    line[3],
				Body:        []convert.Block{&convert.Paragraph{Content: line[4][:100]}},
			}},
		}
		if err := ew.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if grew := heap() - before; grew > docs*textBytes/8 {
		t.Errorf("the heap grew %d KiB over %d articles of %d KiB of text: the book keeps its inputs", grew>>10, docs, textBytes>>10)
	}
	if err := ew.Close(); err != nil {
		t.Fatal(err)
	}
}
