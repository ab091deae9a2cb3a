package formats

import "testing"

// TestForFile: the format of a file name, by its ending in any case.
func TestForFile(t *testing.T) {
	for name, want := range map[string]string{
		"out/all.EPUB": "epub", "day.md": "md", "a.b/list.jsonl": "jsonl", "x.json": "json",
		"notes": "", "notes.txt": "", "out.md/": "", ".epub.bak": "",
	} {
		f, ok := ForFile(name)
		if ok != (want != "") || f.Name != want {
			t.Errorf("ForFile(%q) = %q, %v; want %q", name, f.Name, ok, want)
		}
	}
}
