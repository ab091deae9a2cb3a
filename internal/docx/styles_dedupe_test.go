package docx

import "testing"

// TestStyleInheritance: bold, numbering and heading level come from the
// nearest style in the basedOn chain that sets them; an explicit "off"
// stops the search; a loop ends after maxStyleDepth styles.
func TestStyleInheritance(t *testing.T) {
	ss := styleSheet{
		"Base":     {name: "Normal", bold: 1, list: 1},
		"Plain":    {name: "Plain", basedOn: "Base", bold: -1, list: -1},
		"Child":    {name: "Child", basedOn: "Base"},
		"Kop":      {name: "Kop", basedOn: "Heading2"},
		"Heading2": {name: "heading 2"},
		"Outline":  {name: "heading 2", outline: 4},
		"LoopA":    {name: "a", basedOn: "LoopB"},
		"LoopB":    {name: "b", basedOn: "LoopA"},
	}
	tests := []struct {
		id         string
		bold, list bool
		heading    int
	}{
		{"Base", true, true, 0},
		{"Child", true, true, 0},   // inherited from Base
		{"Plain", false, false, 0}, // explicitly off
		{"Kop", false, false, 2},   // its parent's name
		{"Outline", false, false, 4},
		{"LoopA", false, false, 0},
	}
	for _, tt := range tests {
		s := ss[tt.id]
		if got := ss.bold(s); got != tt.bold {
			t.Errorf("%s: bold %v, want %v", tt.id, got, tt.bold)
		}
		if got := ss.list(s); got != tt.list {
			t.Errorf("%s: list %v, want %v", tt.id, got, tt.list)
		}
		if got := ss.heading(s); got != tt.heading {
			t.Errorf("%s: heading %d, want %d", tt.id, got, tt.heading)
		}
	}
}
