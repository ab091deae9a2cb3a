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
