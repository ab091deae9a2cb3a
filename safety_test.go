package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// clashFolder writes a folder of n small clippings whose names clash in
// pairs (story7.txt beside story7.text) and returns it.
func clashFolder(t *testing.T, n int) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in")
	for i := 0; i < n; i++ {
		ext := ".txt"
		if i%2 == 1 {
			ext = ".text"
		}
		sub := filepath.Join(in, fmt.Sprintf("d%d", i%3))
		os.MkdirAll(sub, 0o755)
		body := fmt.Sprintf("Story Number %d Filed\n\nThe desk filed story %d of the batch on Monday, and the editor approved it.\n", i, i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("story%d%s", i/2, ext)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return in
}

// tree maps each file under dir (the folder lock excepted) to the SHA-256
// of its content; temporary files show up under their own names.
func tree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".newsclip.lock" {
			return nil
		}
		data, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[rel] = sha256.Sum256(data)
		return nil
	})
	return m
}

func sameTree(t *testing.T, what string, got, want map[string][32]byte) {
	t.Helper()
	for k := range want {
		if _, ok := got[k]; !ok {
			t.Errorf("%s: %s missing", what, k)
		} else if got[k] != want[k] {
			t.Errorf("%s: %s differs", what, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: unexpected %s", what, k)
		}
	}
}

func newsclipCmd(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "NEWSCLIP_TEST_MAIN=1")
	return cmd
}

// TestJobsDoNotChangeOutput: -j 1 and -j 2 over a folder with clashing
// names give identical trees, every input with its own output.
func TestJobsDoNotChangeOutput(t *testing.T) {
	in := clashFolder(t, 40)
	dir := t.TempDir()
	var trees []map[string][32]byte
	for _, j := range []string{"1", "2"} {
		out := filepath.Join(dir, "out"+j)
		if msg, err := newsclipCmd("convert", "-q", "-j", j, "-o", out, in).CombinedOutput(); err != nil {
			t.Fatalf("-j %s: %v\n%s", j, err, msg)
		}
		trees = append(trees, tree(t, out))
	}
	if len(trees[0]) != 40 {
		t.Errorf("-j 1 wrote %d outputs for 40 inputs", len(trees[0]))
	}
	sameTree(t, "-j 2 against -j 1", trees[1], trees[0])
}

// TestConcurrentBatchesOneOutdir runs two batches into one OUTDIR at once,
// 20 times: both succeed, and the tree is complete, byte-identical to a
// single run's, with no temporary file left (neither run removes the
// other's live temporary files).
func TestConcurrentBatchesOneOutdir(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 40 process pairs")
	}
	in := clashFolder(t, 60)
	dir := t.TempDir()
	ref := filepath.Join(dir, "ref")
	if msg, err := newsclipCmd("convert", "-q", "-o", ref, in).CombinedOutput(); err != nil {
		t.Fatalf("single run: %v\n%s", err, msg)
	}
	want := tree(t, ref)
	for rep := 0; rep < 20; rep++ {
		out := filepath.Join(dir, fmt.Sprint("out", rep))
		var wg sync.WaitGroup
		errs := make([]error, 2)
		msgs := make([][]byte, 2)
		for k := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				msgs[k], errs[k] = newsclipCmd("convert", "-q", "-j", "2", "-o", out, in).CombinedOutput()
			}()
		}
		wg.Wait()
		for k := range 2 {
			if errs[k] != nil {
				t.Fatalf("run %d, batch %d: %v\n%s", rep, k, errs[k], msgs[k])
			}
		}
		sameTree(t, fmt.Sprint("run ", rep), tree(t, out), want)
	}
}

// TestSignalStopsRead: SIGINT or SIGTERM while newsclip waits on its input
// (stdin left open, as at a terminal) stops it at once with 130 or 143
// (or by the signal's own action, which a shell reports with the same
// status, when it comes before the watch is armed), and the output file
// named by -o is never created.
func TestSignalStopsRead(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.md")
			cmd := newsclipCmd("convert", "-o", out)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			stdin.Write([]byte("A Headline That Never Ends\n\nThe first line arrives"))
			waitReading(t, cmd.Process.Pid)
			cmd.Process.Signal(tc.sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 10 s after %v", tc.sig)
			}
			// The signals are caught once a goroutine has armed the
			// watch (interrupt.Watch), which can come after the read has
			// started: until then the signal's own action ends the
			// process, which a shell reports with the same status.
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tc.code && !killedBy(ee, tc.sig) {
				t.Fatalf("exit: %v, want status %d; stderr: %s", err, tc.code, stderr.String())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

// killedBy reports whether the process that ended with ee was ended by
// the signal sig.
func killedBy(ee *exec.ExitError, sig syscall.Signal) bool {
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == sig
}

// waitReading waits until process pid is blocked reading its stdin (Linux:
// a thread in read(0, ...) per /proc/PID/task/*/syscall), so that a signal
// sent next arrives while newsclip reads, after its handlers are set up;
// elsewhere it waits a fixed second.
func waitReading(t *testing.T, pid int) {
	t.Helper()
	nr := map[string]string{"amd64": "0", "arm64": "63"}[runtime.GOARCH]
	if nr == "" {
		time.Sleep(time.Second)
		return
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/syscall", pid))
		if err != nil || len(tasks) == 0 {
			time.Sleep(time.Second)
			return
		}
		for _, task := range tasks {
			data, _ := os.ReadFile(task)
			if f := strings.Fields(string(data)); len(f) > 1 && f[0] == nr && f[1] == "0x0" {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("process %d never blocked reading stdin", pid)
}

// TestInterruptedBatchKeepsReport: a batch stopped by SIGINT exits 130 and
// leaves its report in place, every line a complete JSON object, whether
// it finished the file in hand within its grace period or not.
func TestInterruptedBatchKeepsReport(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: a 40 MB input")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	big := bytes.Repeat([]byte("The harbour wall was repaired on Monday after the storms of the winter.\n"), 550_000)
	os.WriteFile(filepath.Join(in, "a-big.txt"), append([]byte("Harbour Wall Repaired\n\n"), big...), 0o644)
	for i := range 50 {
		os.WriteFile(filepath.Join(in, fmt.Sprintf("b%02d.txt", i)), []byte("Tram Line Approved\n\nThe council approved the tram line on Monday.\n"), 0o644)
	}
	report := filepath.Join(dir, "report.jsonl")
	cmd := newsclipCmd("convert", "-q", "-j", "1", "--report", report, "-o", filepath.Join(dir, "out"), in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The batch has begun (signals are watched from the start of a run)
	// once it holds its output folder's lock; the big file is then in hand.
	lock := filepath.Join(dir, "out", ".newsclip.lock")
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(lock); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the batch did not start within 30 s")
		}
	}
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		if err == nil {
			t.Skip("the batch finished before the signal")
		}
		t.Fatalf("exit: %v, want 130; stderr:\n%s", err, stderr.Bytes())
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("no report after an interruption: %v", err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" {
			continue
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Errorf("report line %d is not complete JSON: %q", i+1, line)
		}
	}
}

// TestOutputIsStdinFile: -o naming stdin (/dev/stdin) while "-" is read
// from a file is refused, and the file is left as it was: written
// through, it would have been emptied.
func TestOutputIsStdinFile(t *testing.T) {
	if _, err := os.Stat("/dev/stdin"); err != nil {
		t.Skip("no /dev/stdin")
	}
	in := filepath.Join(t.TempDir(), "clip.txt")
	const clip = "Harbour Wall Repaired\n\nWorkers finished the wall on Monday.\n"
	os.WriteFile(in, []byte(clip), 0o644)
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmd := newsclipCmd("convert", "-o", "/dev/stdin", "-")
	cmd.Stdin = f
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), "is the input") {
		t.Errorf("exit %v, output %q; want the usage error (2) naming the input", err, out)
	}
	if b, _ := os.ReadFile(in); string(b) != clip {
		t.Errorf("stdin's file now holds %q", b)
	}
}
