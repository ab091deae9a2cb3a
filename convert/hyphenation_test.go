package convert

import "testing"

func TestJoinLinesDehyphenates(t *testing.T) {
	vocab := vocabulary{"information": 1, "price-determining": 1}
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"the infor-", "mation office"}, "the information office"},
		{[]string{"a price-", "determining factor"}, "a price-determining factor"},
		{[]string{"the devel-", "opment plan"}, "the development plan"},
		{[]string{"a compet-", "itive price"}, "a competitive price"},
		{[]string{"a harbour-", "facing room"}, "a harbour-facing room"},
		{[]string{"a self-", "owned home"}, "a self-owned home"},
		{[]string{"slow devel-", "ment of"}, "slow develment of"},
		{[]string{"a well-", "known face"}, "a well-known face"},
		{[]string{"ends here", "and goes on"}, "ends here and goes on"},
		{[]string{"pre-", "War years"}, "pre-War years"},
		{[]string{"soft\u00ad", "hyphen"}, "softhyphen"},
	} {
		if got := joinLines(tc.lines, vocab); got != tc.want {
			t.Errorf("joinLines(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}
