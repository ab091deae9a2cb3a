package convert

import "testing"

func TestSplitWrapped(t *testing.T) {
	p := para{lines: []string{
		"WESTBAY - A winter storm closed the coastal road on Sunday and cut",
		"power to homes, the authority said.",
		"Crews expected to reopen the road by Tuesday, weather permitting, but",
		"warned of more rain.",
		"- 30 -",
	}}
	got := splitWrapped(p)
	if len(got) != 2 || got[0].lines[1] != "power to homes, the authority said." || got[1].bullet {
		t.Errorf("splitWrapped = %+v", got)
	}
	list := para{lines: []string{"- one item", "- another item"}}
	if got := splitWrapped(list); len(got) != 2 || !got[0].bullet || !got[1].bullet {
		t.Errorf("bullets: %+v", got)
	}
}

// Paragraphs share one backing array; growing one must not overwrite the
// next, and blank lines (spaces, tabs, NBSP) end a paragraph.
func TestSplitParasSeparate(t *testing.T) {
	ps := splitParas([]string{"Rain fell.", "It kept on.  ", " \u00a0", "", "Then sun.", "\t", "End."}, 3)
	if len(ps) != 3 || ps[0].line != 3 || ps[1].line != 7 || ps[2].line != 9 {
		t.Fatalf("splitParas = %+v, want 3 paragraphs at lines 3, 7, 9", ps)
	}
	if ps[0].lines[1] != "It kept on." {
		t.Errorf("trailing spaces kept: %q", ps[0].lines[1])
	}
	_ = append(ps[0].lines, "Extra.")
	if ps[1].lines[0] != "Then sun." {
		t.Errorf("append to the first paragraph overwrote the second: %q", ps[1].lines[0])
	}
}
