// Package pdfchild runs PDF extraction in a child process of the same
// binary, so that no input can crash, hang or exhaust the memory of the
// parent (or of a whole batch): the parent kills the child after the time
// limit, and the child runs under a data-size limit.
//
// The protocol: the parent starts its own executable with the hidden first
// argument Command, writes the PDF bytes on its stdin and the password in
// the environment (never in argv); the child writes "page N" progress
// lines on stderr and one JSON reply on stdout: the extracted text, or an
// error with its kind (one of the pdftext sentinels), message and page.
// The parent maps the kind back, so errors.Is(err, pdftext.ErrEncrypted)
// holds across the process boundary.
package pdfchild

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"newsclip/internal/pdftext"
)

// Command is the hidden first argument that makes the binary a PDF
// extraction child (see Serve).
const Command = "__extract-pdf"

// MemoryLimit bounds the child's data segment, in bytes.
const MemoryLimit = 2 << 30

// DefaultTimeout is the time limit when Settings.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// passwordEnv carries the password to the child.
const passwordEnv = "NEWSCLIP_PDF_PASSWORD"

// Settings are the PDF options of a run (zero value: the empty password,
// DefaultTimeout).
type Settings struct {
	Password string
	Timeout  time.Duration // work limit for one PDF (see runLimited)
}

// reply is what the child writes on stdout.
type reply struct {
	Text  *pdftext.Text `json:"text,omitempty"`
	Kind  string        `json:"kind,omitempty"` // a name in kinds; "" for an untyped error
	Error string        `json:"error,omitempty"`
	Page  int           `json:"page,omitempty"`
}

// kinds names the typed errors that cross the process boundary.
var kinds = []struct {
	name string
	err  error
}{
	{"encrypted", pdftext.ErrEncrypted},
	{"no-text-layer", pdftext.ErrNoTextLayer},
	{"damaged", pdftext.ErrDamaged},
	{"unmappable", pdftext.ErrUnmappable},
	{"timeout", pdftext.ErrTimeout},
	{"memory", pdftext.ErrMemory},
}

// kindError is an error rebuilt from a reply: its message as the child
// wrote it, wrapping the sentinel of its kind.
type kindError struct {
	kind error
	msg  string
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.kind }

// extract is the one extraction both paths run: the child's, and this
// process's when no child can be started.
func extract(data []byte, password string, onPage func(int)) (*pdftext.Text, error) {
	return pdftext.Extract(data, pdftext.Options{Password: password, OnPage: onPage})
}

// newReply encodes the result of extract.
func newReply(t *pdftext.Text, err error) reply {
	if err == nil {
		return reply{Text: t}
	}
	r := reply{Error: err.Error()}
	var e *pdftext.Error
	if errors.As(err, &e) {
		r.Page, r.Error = e.Page, e.Err.Error()
	}
	for _, k := range kinds {
		if errors.Is(err, k.err) {
			r.Kind = k.name
			break
		}
	}
	return r
}

// result decodes a reply into what extract returned: the text, or a
// *pdftext.Error whose Err wraps the sentinel of the reply's kind.
func (r reply) result() (*pdftext.Text, error) {
	if r.Error == "" {
		if r.Text == nil {
			return nil, &pdftext.Error{Err: pdftext.ErrNoTextLayer}
		}
		return r.Text, nil
	}
	var err error = errors.New(r.Error)
	for _, k := range kinds {
		if k.name == r.Kind {
			err = &kindError{kind: k.err, msg: r.Error}
		}
	}
	return nil, &pdftext.Error{Page: r.Page, Err: err}
}

// Serve is the child's main: it reads the PDF on stdin and answers on
// stdout, reporting each page on stderr before reading it.
func Serve(stdin io.Reader, stdout, stderr io.Writer) int {
	limitData(MemoryLimit)
	debug.SetMemoryLimit(MemoryLimit / 2)
	data, err := io.ReadAll(stdin)
	var r reply
	if err != nil {
		r = reply{Error: err.Error()}
	} else {
		r = newReply(extract(data, os.Getenv(passwordEnv), func(n int) { fmt.Fprintf(stderr, "page %d\n", n) }))
	}
	if err := json.NewEncoder(stdout).Encode(&r); err != nil {
		return 1
	}
	return 0
}

// Extract runs a child process on data and returns what it extracted. A
// child that runs out of time fails with ErrTimeout, one that runs out of
// memory with ErrMemory, each saying which limit and how to raise it; a
// crash is ErrDamaged. Errors are *pdftext.Error with the page the child
// was reading.
func Extract(data []byte, s Settings) (*pdftext.Text, error) {
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	exe, err := os.Executable()
	if err != nil {
		return extract(data, s.Password, nil)
	}
	cmd := exec.Command(exe, Command)
	cmd.Stdin = bytes.NewReader(data)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Env = append(os.Environ(), passwordEnv+"="+s.Password)
	timedOut, err := runLimited(cmd, timeout)
	page := lastPage(errb.String())
	if timedOut {
		msg := fmt.Sprintf("no result within %s: raise --pdf-timeout", timeout)
		return nil, &pdftext.Error{Page: page, Err: &kindError{pdftext.ErrTimeout, msg}}
	}
	var r reply
	if jerr := json.Unmarshal(out.Bytes(), &r); err != nil || jerr != nil {
		if outOfMemory(errb.String()) {
			msg := fmt.Sprintf("extraction exceeded the memory limit (%d MiB): the file is too large to read", MemoryLimit>>20)
			return nil, &pdftext.Error{Page: page, Err: &kindError{pdftext.ErrMemory, msg}}
		}
		return nil, &pdftext.Error{Page: page, Err: fmt.Errorf("%w: extraction crashed", pdftext.ErrDamaged)}
	}
	return r.result()
}

// maxWallFactor caps the wall-clock time of a child at this many times
// its time limit, however little CPU it got.
const maxWallFactor = 4

// runLimited runs cmd and kills it when it has worked for timeout: its
// CPU time where the system reports it (Linux), so that a machine busy
// with other work does not fail a healthy file, but never longer than
// maxWallFactor times timeout of wall-clock time; elsewhere, wall-clock
// time. It reports whether the child was killed.
func runLimited(cmd *exec.Cmd, timeout time.Duration) (killed bool, err error) {
	if err := cmd.Start(); err != nil {
		return false, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	start := time.Now()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			return false, err
		case <-tick.C:
			wall := time.Since(start)
			cpu, ok := cpuTime(cmd.Process.Pid)
			if !ok {
				cpu = wall
			}
			if cpu >= timeout || wall >= maxWallFactor*timeout {
				cmd.Process.Kill()
				<-done
				return true, nil
			}
		}
	}
}

// cpuTime reads the user and system CPU time of process pid from
// /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).
func cpuTime(pid int) (time.Duration, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	i := bytes.LastIndexByte(b, ')') // the command name may hold spaces
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond, true
}

// outOfMemory reports whether a child's stderr shows that the Go runtime
// could not allocate memory.
func outOfMemory(stderr string) bool {
	return strings.Contains(stderr, "out of memory") || strings.Contains(stderr, "cannot allocate memory")
}

// lastPage reads the last "page N" progress line a child wrote, or 0.
func lastPage(stderr string) int {
	n := 0
	for _, l := range strings.Split(stderr, "\n") {
		var p int
		if _, err := fmt.Sscanf(l, "page %d", &p); err == nil {
			n = p
		}
	}
	return n
}

// Timeout is the value of a --pdf-timeout flag (a flag.Value): a positive
// duration such as 30s or 2m.
type Timeout struct{ D time.Duration }

// Set parses a duration, refusing bare numbers, zero and negative values
// with a message that shows the expected form.
func (t *Timeout) Set(s string) error {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return fmt.Errorf("want a duration such as 30s or 2m, not %q", s)
	case d <= 0:
		return fmt.Errorf("want a positive duration such as 30s, not %s", s)
	}
	t.D = d
	return nil
}

func (t *Timeout) String() string { return t.D.String() }
