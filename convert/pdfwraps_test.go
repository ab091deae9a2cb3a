package convert

import (
	"slices"
	"strings"
	"testing"

	"newsclip/internal/pdftext"
)

func TestRunOnBreaks(t *testing.T) {
	full := func(s string, start bool) pdftext.Line {
		return pdftext.Line{Text: s, X0: 10, X1: 200, BlockX0: 10, BlockX1: 200, Size: 8, BlockStart: start}
	}
	short := pdftext.Line{Text: "and it was over.", X0: 10, X1: 120, BlockX0: 10, BlockX1: 200, Size: 8}
	for _, c := range []struct {
		name string
		para pdftext.Paragraph
		key  string // "" when no break runs on
	}{
		{"full line, same block", pdftext.Paragraph{full("the clerk said. Not any more.", true), full("After the demos the hall closed", false)}, "any more.\x00After the"},
		{"short line", pdftext.Paragraph{short, full("After the demos the hall closed", false)}, ""},
		{"next line starts a block", pdftext.Paragraph{full("the clerk said. Not any more.", true), full("After the demos the hall closed", true)}, ""},
		{"next line too short for a key", pdftext.Paragraph{full("the clerk said. Not any more.", true), full("After it-", false)}, ""},
	} {
		got := runOnBreaks([]pdftext.Paragraph{c.para})
		if c.key == "" && len(got) != 0 || c.key != "" && (len(got) != 1 || !got[c.key]) {
			t.Errorf("%s: runOnBreaks = %v, want key %q", c.name, got, c.key)
		}
	}
}

// TestRunOnBreaksAllocations: reading the breaks of a long paragraph of
// full lines allocates for the breaks it keeps (their keys, the map),
// not for every line it reads.
func TestRunOnBreaksAllocations(t *testing.T) {
	var para pdftext.Paragraph
	for range 200 {
		para = append(para, pdftext.Line{Text: "the clerk", X0: 10, X1: 200, BlockX0: 10, BlockX1: 200, Size: 8})
	}
	paras := []pdftext.Paragraph{para}
	if got := runOnBreaks(paras); len(got) != 0 {
		t.Fatalf("runOnBreaks = %v, want none (each next line is too short for a key)", got)
	}
	if n := testing.AllocsPerRun(10, func() { runOnBreaks(paras) }); n > 1 {
		t.Errorf("runOnBreaks allocated %v times for 200 lines and no break", n)
	}
}

func TestRejoinRunOns(t *testing.T) {
	breaks := map[string]bool{"any more.\x00After the": true}
	a := &Article{Body: []Block{
		&Paragraph{Content: "The clerk said. Not any more."},
		&Paragraph{Content: "After the demos the hall closed."},
		&Paragraph{Content: "After the vote it opened."},
	}}
	rejoinRunOns(a, breaks)
	if len(a.Body) != 2 || a.Body[0].Text() != "The clerk said. Not any more. After the demos the hall closed." {
		t.Errorf("body %q", []string{a.Body[0].Text(), a.Body[len(a.Body)-1].Text()})
	}
	b := &Article{Body: []Block{&Heading{Content: "Not any more."}, &Paragraph{Content: "After the demos the hall closed."}}}
	if rejoinRunOns(b, breaks); len(b.Body) != 2 {
		t.Errorf("a heading was joined to the paragraph after it")
	}
}

// TestEdgeFieldsAgree checks firstFields and lastFields against
// strings.Fields on random lines of words, ASCII and Unicode spaces and
// broken UTF-8.
func TestEdgeFieldsAgree(t *testing.T) {
	pieces := []string{"Als", "Folge", "é", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u2003", "\u3000", "\xc2", "\xa0", "\xe2\x80", "\x80", ".", "-"}
	forRandomLines(pieces, 3, 10, func(s string) {
		all := strings.Fields(s)
		for n := 1; n <= 3; n++ {
			if got, want := firstFields(s, n), all[:min(n, len(all))]; !slices.Equal(got, want) {
				t.Fatalf("firstFields(%q, %d) = %q, strings.Fields starts %q", s, n, got, want)
			}
			if got, want := lastFields(s, n), all[max(0, len(all)-n):]; !slices.Equal(got, want) {
				t.Fatalf("lastFields(%q, %d) = %q, strings.Fields ends %q", s, n, got, want)
			}
		}
	})
}
