package suggest

import "testing"

func TestClosest(t *testing.T) {
	names := []string{"to", "output", "jobs", "report", "resume", "markdown", "jsonl"}
	rows := []struct{ typed, want string }{
		{"too", "to"},        // one insertion
		{"ouptut", "output"}, // a swap is two edits
		{"repotr", "report"}, // two edits in six letters
		{"resum", "resume"},  // one deletion
		{"markdwon", "markdown"},
		{"jsnol", "jsonl"},
		{"x", ""},           // one letter: any distance is half of it
		{"colour", ""},      // nothing near
		{"reprt", "report"}, // nearer to report than to resume
	}
	for _, r := range rows {
		if got := Closest(names, r.typed); got != r.want {
			t.Errorf("Closest(%q) = %q, want %q", r.typed, got, r.want)
		}
	}
}

func TestDistance(t *testing.T) {
	rows := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"to", "to", 0}, {"ab", "ba", 2},
	}
	for _, r := range rows {
		if got := distance(r.a, r.b); got != r.want || distance(r.b, r.a) != r.want {
			t.Errorf("distance(%q, %q) = %d, want %d both ways", r.a, r.b, got, r.want)
		}
	}
}
