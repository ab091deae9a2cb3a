package batch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// outDirs makes folders inside the output folder and refuses, every time
// it is asked, one that a symlink leads out of it.
func TestOutDirsRefusesLinkOut(t *testing.T) {
	tmp := t.TempDir()
	root := filepath.Join(tmp, "out")
	if err := os.MkdirAll(filepath.Join(tmp, "elsewhere"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../elsewhere", filepath.Join(root, "a")); err != nil {
		t.Skip(err)
	}
	d := &outDirs{root: root}
	for range 2 {
		if err := d.make(filepath.Join(root, "b", "c")); err != nil {
			t.Errorf("plain folder: %v", err)
		}
		err := d.make(filepath.Join(root, "a", "x"))
		if err == nil || !strings.Contains(err.Error(), "leads outside") {
			t.Errorf("folder through a link out: %v, want leads outside", err)
		}
	}
	if fi, err := os.Stat(filepath.Join(root, "b", "c")); err != nil || !fi.IsDir() {
		t.Errorf("b/c not made: %v", err)
	}
}
