package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsclip/internal/batch"
)

// lexisExport makes a LexisNexis-style export of n documents, about 1 KB
// each, numbered by seed so that no two files are the same.
func lexisExport(seed, n int) []byte {
	var b bytes.Buffer
	b.WriteString("Download Request: Selected Items\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "                               %d of %d DOCUMENTS\n\n", i, n)
		fmt.Fprintf(&b, "                              The Northern Ledger\n\n                             March %d, 2021\n\n", i%28+1)
		fmt.Fprintf(&b, "Council story number %d of file %d\n\nBYLINE: MARY MCDONALD\n\nLENGTH: 150 words\n\n", i, seed)
		for p := 0; p < 4; p++ {
			b.WriteString("The city council voted on Monday night to approve the tram line that\nhas divided the city for ten years. The vote was close, nine to seven,\nand the public gallery was full of residents from both sides.\n\n")
		}
		b.WriteString("LOAD-DATE: March 3, 2021\n\nLANGUAGE: ENGLISH\n\n")
	}
	return b.Bytes()
}

// outputs lists the visible files under dir, and counts hidden ones.
func outputs(t *testing.T, dir string) (visible []string, hidden int) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".newsclip.lock" {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			hidden++
		} else {
			visible = append(visible, p)
		}
		return nil
	})
	return visible, hidden
}

// TestBatchKilledThenResumed kills a batch with SIGKILL midway: no output
// may be partial (every visible output parses as complete JSON), and
// --resume finishes the work, skipping what was done.
func TestBatchKilledThenResumed(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: makes 300 inputs of 100 KB")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	const n = 300
	for i := 0; i < n; i++ {
		sub := filepath.Join(in, fmt.Sprintf("d%d", i%7))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("export%03d.txt", i)), lexisExport(i, 100), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(os.Args[0], "convert", "-q", "--to", "json", "-j", "2", "-o", out, in)
	cmd.Env = append(os.Environ(), "NEWSCLIP_TEST_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if v, _ := outputs(t, out); len(v) >= 3 || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Kill() // SIGKILL
	cmd.Wait()

	done, hidden := outputs(t, out)
	if len(done) == 0 || len(done) >= n {
		t.Fatalf("kill was not midway: %d of %d outputs", len(done), n)
	}
	t.Logf("killed after %d of %d outputs (%d temporary files left)", len(done), n, hidden)
	for _, p := range done {
		data, _ := os.ReadFile(p)
		var arts []json.RawMessage
		if err := json.Unmarshal(data, &arts); err != nil || len(arts) != 100 {
			t.Errorf("%s: partial output (%d bytes): %v", p, len(data), err)
		}
	}

	report := filepath.Join(dir, "report.jsonl")
	resume := exec.Command(os.Args[0], "convert", "-q", "--to", "json", "--resume", "--report", report, "-o", out, in)
	resume.Env = cmd.Env
	if msg, err := resume.CombinedOutput(); err != nil {
		t.Fatalf("resume: %v\n%s", err, msg)
	}
	all, hidden := outputs(t, out)
	if len(all) != n || hidden != 0 {
		t.Errorf("after resume: %d outputs, %d temporary files; want %d and 0", len(all), hidden, n)
	}
	f, _ := os.Open(report)
	defer f.Close()
	skipped, ok := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r batch.Result
		json.Unmarshal(sc.Bytes(), &r)
		switch r.Status {
		case "skipped":
			skipped++
		case "ok":
			ok++
		}
	}
	if skipped < len(done) || skipped+ok != n {
		t.Errorf("report: %d skipped, %d ok; want at least %d skipped and %d in all", skipped, ok, len(done), n)
	}
}
