package pdfchild

// The parent's side: children kept between files, one per concurrent
// caller (a batch worker), each file under its own time limit.

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newsclip/internal/pdfchild/spawn"
	"newsclip/internal/pdftext"
)

// Limits of one child's life: after maxFiles files, or once it holds more
// than maxHeld bytes of memory from the system after a file, it is ended
// and the next file gets a fresh child, so that one large or hostile file
// cannot weigh on the files after it.
const (
	maxFiles = 1000
	maxHeld  = 256 << 20
)

// maxWallFactor caps the wall-clock time of a file at this many times its
// time limit, however little CPU its child got.
const maxWallFactor = 4

// A child is one running extraction process, serving one file at a time.
type child struct {
	proc       *os.Process
	early      bool // started before its first file was known (spawn.Take)
	stdin      io.WriteCloser
	stdout     *os.File      // closed by wait
	out        *bufio.Reader // frames from stdout
	buf        []byte        // the last frame's payload, reused
	stderr     *tailWriter
	stderrDone chan struct{} // closed once its stderr is all in stderr
	files      int           // files served
	// first is the file the child reads unasked before any request
	// (spawn.Child.First); "" once its reply is read.
	first   string
	started time.Time // when it was started (spawn.Child.Started)
}

// idle holds the children between files; a caller takes one (or starts
// one) per file and gives it back, so there are never more children than
// concurrent callers.
var idle struct {
	sync.Mutex
	children []*child
	released []*child // ending: their stdin is closed (Release)
}

// Extract reads data in a child process and returns what it extracted. A
// file that runs out of time fails with ErrTimeout, one that runs out of
// memory with ErrMemory, each saying which limit and how to raise it; a
// crash is ErrDamaged. Errors are *pdftext.Error with the page the child
// was reading. Where no child can be started at all (no executable path),
// the file is read in this process.
//
// name is the path data was read from, as the command line gave it ("" or
// "-" for none): the child started early for the PDF the command line
// names first has read and extracted that file by itself (see
// spawn.FirstPDF), and its text is taken when the child's bytes have the
// SHA-256 of data.
func Extract(name string, data []byte, s Settings) (*pdftext.Text, error) {
	return extract(name, data, s, false)
}

// ExtractLast is Extract for a run's last PDF: the child exits as soon as
// it has written the file's text, so that its exit overlaps the text's
// conversion instead of coming after it, and the other idle children are
// released (see Release). Close waits for them all.
func ExtractLast(name string, data []byte, s Settings) (*pdftext.Text, error) {
	return extract(name, data, s, true)
}

func extract(name string, data []byte, s Settings, last bool) (*pdftext.Text, error) {
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if t, err, ok := fromOwn(name, data, s, timeout); ok {
		return t, err
	}
	go warmReplyCodec()
	for {
		c, err := takeChild(name)
		if last {
			Release() // the idle children but this file's
		}
		if errors.Is(err, errNoExecutable) {
			return pdftext.Extract(data, pdftext.Options{Password: s.Password, Workers: s.Workers})
		}
		if err != nil {
			return nil, &pdftext.Error{Err: fmt.Errorf("%w: extraction crashed (%v)", pdftext.ErrDamaged, err)}
		}
		t, err, healthy := c.extract(&data, request{Password: s.Password, Last: last, Workers: s.Workers}, timeout)
		switch {
		case err == errNotRead: // waits for the file as a request
			idle.Lock()
			idle.children = append(idle.children, c)
			idle.Unlock()
		case healthy && last: // exiting by itself
			idle.Lock()
			idle.released = append(idle.released, c)
			idle.Unlock()
		case healthy:
			idle.Lock()
			idle.children = append(idle.children, c)
			idle.Unlock()
		default:
			c.end()
		}
		if err != errStale && err != errNotRead {
			return t, err
		}
		// A child that died while idle, or whose first file was not this
		// one: the file goes to a fresh child. One that could not read
		// its first file gets this one as a request.
	}
}

// errStale: a child kept from an earlier file, or started early, took no
// request (it died while idle, killed from outside); or a child started
// early gave no text of this file (see child.extract).
var errStale = errors.New("stale child")

// errNotRead: a child started early could not read its first file by
// itself (see serveFirst) and waits for requests.
var errNotRead = errors.New("first file not read")

// Close ends the idle children (each exits when its stdin closes), the
// child started early if nobody took it (see package spawn) and the
// released children, and waits for them; a later Extract starts new ones.
func Close() {
	idle.Lock()
	cs := append(idle.children, idle.released...)
	idle.children, idle.released = nil, nil
	idle.Unlock()
	if sc := spawn.Take(); sc != nil {
		sc.Stdin.Close()
		sc.Process.Kill()
		sc.Process.Wait()
		sc.Stdout.Close()
		sc.Stderr.Close()
	}
	for _, c := range cs {
		c.end()
	}
}

// Release lets the idle children go without waiting for them: it closes
// their stdin, and each exits as soon as it reads the end. A run that has
// read its last PDF calls it, so that the children's exits overlap the
// work left; Close waits for them. A later Extract starts new ones.
func Release() {
	idle.Lock()
	defer idle.Unlock()
	for _, c := range idle.children {
		c.stdin.Close()
	}
	idle.released = append(idle.released, idle.children...)
	idle.children = nil
}

var errNoExecutable = errors.New("no executable")

// takeChild returns the child started early for name (see
// spawn.TakeFor), which has read it already, else an idle child, else a
// new one.
func takeChild(name string) (*child, error) {
	sc := spawn.TakeFor(name)
	early := sc != nil
	if !early {
		idle.Lock()
		if n := len(idle.children); n > 0 {
			c := idle.children[n-1]
			idle.children = idle.children[:n-1]
			idle.Unlock()
			return c, nil
		}
		idle.Unlock()
	}
	if sc == nil {
		cmd, err := spawn.Self()
		if err != nil {
			return nil, errNoExecutable
		}
		if sc, err = spawn.Start(cmd); err != nil {
			return nil, err
		}
	}
	c := &child{
		proc:       sc.Process,
		early:      early,
		stdin:      sc.Stdin,
		stdout:     sc.Stdout,
		out:        bufio.NewReaderSize(sc.Stdout, 64<<10),
		stderr:     &tailWriter{max: 4096},
		stderrDone: make(chan struct{}),
		first:      sc.First,
		started:    sc.Started,
	}
	go func() {
		io.Copy(c.stderr, sc.Stderr)
		sc.Stderr.Close()
		close(c.stderrDone)
	}()
	return c, nil
}

// wait waits for the child to exit and for the last of its stderr, and
// closes its stdout.
func (c *child) wait() {
	c.proc.Wait()
	<-c.stderrDone
	c.stdout.Close()
}

// end closes the child's stdin, which ends it when it is idle, kills it
// otherwise, and waits for it.
func (c *child) end() {
	c.stdin.Close()
	c.proc.Kill()
	c.wait()
}

// outcome is what the frame reader got for one file.
type outcome struct {
	t        *pdftext.Text
	err      error // from the reply
	r        *reply
	bad      error // a broken stream: the child died
	mismatch bool  // the child read other bytes than the caller's (frameDigest)
}

// extract sends one file to the child and reads its frames until the
// file's end, killing the child when the file has had timeout of its CPU
// time (where the system reports it: Linux), or maxWallFactor times that
// of wall-clock time. healthy says whether the child can serve another
// file. Once the child has the file, *data is set to nil: the caller
// need not hold a large file while the child reads it (only a child that
// took no request, errStale, needs it again).
//
// A child started early for its first file (c.first) is sent nothing: its
// frames are that file's, taken once its digest frame shows the bytes it
// read are data. Until then, an end with no digest (a file it could not
// read) is errNotRead, and another digest, a crash or the time limit are
// errStale: the caller sends data to a child as a request. A password
// makes the early reading (with the empty one) of no use: errStale.
func (c *child) extract(data *[]byte, req request, timeout time.Duration) (t *pdftext.Text, err error, healthy bool) {
	first := c.first != ""
	c.first = ""
	if first && req.Password != "" {
		c.proc.Kill()
		return nil, errStale, false
	}
	var want []byte
	if first && len(*data) <= maxFirst { // a larger file it does not read
		sum := sha256.Sum256(*data)
		want = sum[:]
	}
	var reading atomic.Int64
	var verified atomic.Bool
	onVerified := func() {
		if req.Last {
			c.stdin.Close() // no request follows: it exits after this file
		}
	}
	done := make(chan outcome, 1)
	start, cpu0 := time.Now(), c.cpu()
	if first { // it has worked on the file since it started
		start, cpu0 = c.started, 0
	}
	go func() { done <- c.readFile(&reading, want, &verified, onVerified) }()
	if !first {
		if err := c.send(*data, req); err != nil {
			c.proc.Kill()
			<-done
			if (c.files > 0 || c.early) && reading.Load() == 0 {
				return nil, errStale, false
			}
			return nil, c.crashed(int(reading.Load())), false
		}
		*data = nil
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case o := <-done:
			if first && !verified.Load() {
				if o.bad == nil && !o.mismatch {
					return nil, errNotRead, true
				}
				c.proc.Kill()
				return nil, errStale, false
			}
			if first {
				// Done unwatched (the caller was busy with other inputs),
				// but maybe past the limit, which holds as without an
				// early child: well past it, the file fails; just past
				// it (the child's own start counts), a fresh child reads
				// the file again under the limit. Where CPU time cannot
				// be read, the wall-clock time since the child started
				// says nothing of how long the file took (the caller may
				// have been slow to ask): the file is taken.
				now := c.cpu()
				if now >= timeout+firstMargin {
					c.proc.Kill()
					return nil, timedOut(timeout, int(reading.Load())), false
				}
				if now >= timeout {
					c.proc.Kill()
					return nil, errStale, false
				}
			}
			c.files++
			if o.bad != nil {
				return nil, c.crashed(int(reading.Load())), false
			}
			return o.t, o.err, c.files < maxFiles && o.r.Heap < maxHeld
		case <-tick.C:
			wall := time.Since(start)
			cpu, now := wall, c.cpu()
			if cpu0 >= 0 && now >= 0 {
				cpu = now - cpu0
			}
			if cpu >= timeout || wall >= maxWallFactor*timeout {
				c.proc.Kill()
				<-done
				if first && !verified.Load() {
					return nil, errStale, false
				}
				return nil, timedOut(timeout, int(reading.Load())), false
			}
		}
	}
}

// firstMargin is the CPU time past the limit from which a first file its
// early child finished unwatched fails without a second reading: more
// than the child's own start and the file's hashing take.
const firstMargin = 100 * time.Millisecond

// timedOut is the error of a file that had no result within timeout,
// read up to page.
func timedOut(timeout time.Duration, page int) error {
	msg := fmt.Sprintf("no result within %s: raise --pdf-timeout", timeout)
	return &pdftext.Error{Page: page, Err: &kindError{pdftext.ErrTimeout, msg}}
}

// send writes one request: its line, then the PDF.
func (c *child) send(data []byte, req request) error {
	req.Size = len(data)
	line, err := json.Marshal(req)
	if err != nil {
		return err
	}
	if _, err := c.stdin.Write(append(line, '\n')); err != nil {
		return err
	}
	_, err = c.stdin.Write(data)
	return err
}

// maxKeptBuffer bounds the frame buffer a child keeps between frames, in
// bytes: a larger one (a huge page) is left to the garbage collector.
const maxKeptBuffer = 1 << 20

// readFile reads one file's frames: progress into reading, pages, and
// the reply that ends them. For a file the child read unasked, want is
// the caller's digest of it: a digest frame equal to it sets verified and
// calls onVerified; another ends the file as a mismatch.
func (c *child) readFile(reading *atomic.Int64, want []byte, verified *atomic.Bool, onVerified func()) outcome {
	var pages []pdftext.Page
	var dec pageDecoder
	for {
		kind, payload, err := readFrame(c.out, c.buf)
		if err != nil {
			return outcome{bad: err}
		}
		if cap(payload) <= maxKeptBuffer {
			c.buf = payload[:0]
		}
		switch kind {
		case frameReading:
			n, k := binary.Uvarint(payload)
			if k <= 0 {
				return outcome{bad: errFrame}
			}
			reading.Store(int64(n))
		case framePage:
			p, err := dec.page(payload)
			if err != nil {
				return outcome{bad: err}
			}
			pages = append(pages, p)
		case frameDigest:
			if want == nil {
				return outcome{bad: errFrame}
			}
			if !bytes.Equal(payload, want) {
				return outcome{mismatch: true}
			}
			verified.Store(true)
			onVerified()
		case frameEnd:
			var r reply
			if err := json.Unmarshal(payload, &r); err != nil {
				return outcome{bad: err}
			}
			t, err := r.result()
			if err == nil {
				t.Pages = pages
				t.Finish()
			}
			return outcome{t: t, err: err, r: &r}
		default:
			return outcome{bad: errFrame}
		}
	}
}

// crashed waits for a child whose output broke off and names why: the
// memory limit (the Go runtime says so on stderr) or a crash, on page,
// the next page the child was to send. When the child reads several pages
// at once (pdftext.Options.Workers), the one it crashed on may be a few
// pages later; a page that hangs is named exactly, as the pages after it
// wait for it.
func (c *child) crashed(page int) error {
	c.proc.Kill()
	c.wait()
	if outOfMemory(c.stderr.String()) {
		msg := fmt.Sprintf("extraction exceeded the memory limit (%d MiB): the file is too large to read", MemoryLimit>>20)
		return &pdftext.Error{Page: page, Err: &kindError{pdftext.ErrMemory, msg}}
	}
	return &pdftext.Error{Page: page, Err: fmt.Errorf("%w: extraction crashed", pdftext.ErrDamaged)}
}

// cpu is the child's CPU time so far, or -1 where it cannot be read.
func (c *child) cpu() time.Duration {
	d, ok := cpuTime(c.proc.Pid)
	if !ok {
		return -1
	}
	return d
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

// tailWriter keeps the last max bytes written to it (a child's stderr).
type tailWriter struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (w *tailWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b = append(w.b, p...)
	if over := len(w.b) - w.max; over > 0 {
		w.b = append(w.b[:0], w.b[over:]...)
	}
	return len(p), nil
}

func (w *tailWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return string(w.b)
}
