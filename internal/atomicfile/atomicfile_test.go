package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"newsclip/internal/testutil"
)

func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var tmps []string
	for _, e := range entries {
		if _, ok := TempTarget(e.Name()); ok {
			tmps = append(tmps, e.Name())
		}
	}
	return tmps
}

// noTemps fails the test if dir holds temporary files.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	if tmps := tempFiles(t, dir); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

// createReport creates report.jsonl in a new folder: the folder, the
// report's path and its File.
func createReport(t *testing.T) (dir, path string, w *File) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "report.jsonl")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	return dir, path, w
}

func TestWriteFailureKeepsTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.md")
	os.WriteFile(path, []byte("old"), 0o644)
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		w.Write([]byte("half a fi"))
		return boom
	})
	if err == nil || err.Error() != path+": boom" {
		t.Fatalf("Write error = %v, want %q", err, path+": boom")
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("target = %q after a failed write, want it untouched", data)
	}
	noTemps(t, dir)
	if err := Write(path, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new" {
		t.Errorf("target = %q, want new", data)
	}
}

func TestFileFailedWriteIsNotCommitted(t *testing.T) {
	dir, path, w := createReport(t)
	w.Write([]byte("line 1\n"))
	w.f.Close() // the disk goes away: every later write fails
	if _, err := w.Write([]byte("line 2\n")); err == nil {
		t.Fatal("write to a closed file succeeded")
	}
	if err := w.Commit(); err == nil {
		t.Fatal("Commit succeeded after a failed write")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("report renamed into place after a failed write (stat: %v)", err)
	}
	noTemps(t, dir)
}

func TestTempTarget(t *testing.T) {
	type target struct {
		name string
		ok   bool
	}
	testutil.Rows(t, "TempTarget", func(name string) target { got, ok := TempTarget(name); return target{got, ok} }, map[string]target{
		".story.md.newsclip-123.tmp":    {"story.md", true},
		".a.b.newsclip-x.newsclip-.tmp": {"a.b.newsclip-x", true},
		"story.md":                      {},
		".story.md.tmp":                 {},
		".newsclip-1.tmp":               {},
	})
}

func TestAbandonRemovesLiveTemps(t *testing.T) {
	dir := t.TempDir()
	w, err := Create(filepath.Join(dir, "r.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.f.Close()
	if len(tempFiles(t, dir)) != 1 {
		t.Fatal("no temporary file while writing")
	}
	Abandon()
	if tmps := tempFiles(t, dir); len(tmps) > 0 {
		t.Errorf("Abandon left %v", tmps)
	}
}

func TestRemoveStaleOnlyOwnTargets(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".a.md.newsclip-1.tmp", ".b.md.newsclip-2.tmp", "a.md"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	RemoveStale([]string{filepath.Join(dir, "a.md")})
	if got := tempFiles(t, dir); len(got) != 1 || got[0] != ".b.md.newsclip-2.tmp" {
		t.Errorf("after RemoveStale: temps %v, want only b's", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.md")); err != nil {
		t.Error("RemoveStale removed a target")
	}
}

func TestLockDirAloneOnlyFirst(t *testing.T) {
	dir := t.TempDir()
	called := 0
	alone, err := LockDir(dir, func() { called++ })
	if err != nil || !alone || called != 1 {
		t.Fatalf("first LockDir = %v, %v (whileAlone called %d times); want alone, called once", alone, err, called)
	}
	// flock locks belong to open file descriptions: a second open in the
	// same process behaves as another process would.
	alone, err = LockDir(dir, func() { called++ })
	if err != nil || alone || called != 1 {
		t.Fatalf("second LockDir = %v, %v (whileAlone called %d times); want not alone and not called while the first holds it", alone, err, called)
	}
}

// A target that is a folder is refused (by rename itself, which Write no
// longer checks beforehand): the folder is untouched and no temporary file
// is left; a normal target gets mode 0644 and no temporary file either.
func TestWriteOverFolderFails(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "story.md")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	err := Write(sub, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	if err == nil {
		t.Fatal("Write over a folder succeeded")
	}
	if fi, err := os.Stat(sub); err != nil || !fi.IsDir() {
		t.Errorf("the folder is gone: %v", err)
	}
	ok := filepath.Join(dir, "ok.md")
	if err := Write(ok, func(w io.Writer) error { _, err := io.WriteString(w, "text"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(ok); err != nil {
		t.Error(err)
	} else if fi.Mode().Perm() != 0o644 {
		t.Errorf("ok.md has mode %v, want 0644", fi.Mode().Perm())
	}
	noTemps(t, dir)
}

func TestAbandonKeepsMarkedFiles(t *testing.T) {
	dir, path, w := createReport(t)
	defer w.f.Close()
	w.KeepOnAbandon()
	w.Write([]byte("{\"path\":\"a.txt\"}\n"))
	Abandon()
	if data, err := os.ReadFile(path); err != nil || string(data) != "{\"path\":\"a.txt\"}\n" {
		t.Errorf("after Abandon: %q, %v; want the lines written so far in place", data, err)
	}
	noTemps(t, dir)
}
