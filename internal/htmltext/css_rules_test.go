package htmltext

import (
	"math/rand"
	"regexp"
	"testing"
)

// TestClassRulesMatchRegexp compares classRules with the regular
// expression it stands for on random stylesheets of selectors, braces,
// declarations, comments and stray bytes.
func TestClassRulesMatchRegexp(t *testing.T) {
	re := regexp.MustCompile(`([a-zA-Z0-9_.,\s-]+)\{([^{}]*)\}`)
	pieces := []string{".c0", "p.lead", ", ", " ", "\t", "\n", "\v", "\f", "\r", "{", "}", "text-align: center;", "a:b",
		"#id", "*", ">", "@media", "é", "/*", "*/", "_x-1", "{}", "  {"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 50000; i++ {
		css := randomText(r, pieces, 14)
		var got [][2]string
		classRules(css, func(s, d string) { got = append(got, [2]string{s, d}) })
		var want [][2]string
		for _, m := range re.FindAllStringSubmatch(css, -1) {
			want = append(want, [2]string{m[1], m[2]})
		}
		if len(got) != len(want) {
			t.Fatalf("classRules(%q) = %q, want %q", css, got, want)
		}
		for j := range got {
			if got[j] != want[j] {
				t.Fatalf("classRules(%q) = %q, want %q", css, got, want)
			}
		}
	}
}
