package main

import (
	"os"
	"strings"
	"testing"
)

// TestCheckOutDir: -o for a batch must name a folder, existing or not;
// a file, or a new name with an output's ending, is refused.
func TestCheckOutDir(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("notes.txt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for out, want := range map[string]string{
		".":          "",
		"out":        "",
		"out.backup": "",
		"notes.txt":  "-o notes.txt is a file",
		"all.md":     "-o all.md looks like a file, but a folder input writes a folder of outputs: give -o OUTDIR",
		"all.EPUB":   "or --bundle to put every article into one EPUB",
	} {
		err := checkOutDir(out)
		switch {
		case want == "" && err != nil:
			t.Errorf("checkOutDir(%q) = %v, want nil", out, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("checkOutDir(%q) = %v, want an error with %q", out, err, want)
		}
	}
}
