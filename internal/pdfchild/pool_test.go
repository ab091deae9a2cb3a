package pdfchild

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"syscall"
	"testing"
	"time"

	"newsclip/internal/pdfchild/spawn"
	"newsclip/internal/pdfgen"
	"newsclip/internal/pdftext"
	"newsclip/internal/testutil"
)

// idlePIDs lists the process ids of the idle children.
func idlePIDs() []int {
	idle.Lock()
	defer idle.Unlock()
	var pids []int
	for _, c := range idle.children {
		pids = append(pids, c.proc.Pid)
	}
	return pids
}

// onePage is a PDF of one line of text.
func onePage(text string) []byte {
	return pdfgen.Build([][]pdfgen.Run{{{X: 72, Y: 700, Size: 12, Text: text}}})
}

// TestChildServesManyFiles: files read one after another go to the same
// child process, each with its own text.
func TestChildServesManyFiles(t *testing.T) {
	Close()
	defer Close()
	var pid int
	for i, text := range []string{"First clipping", "Second clipping", "Third clipping"} {
		got, err := Extract("", onePage(text), Settings{})
		if err != nil || got.Pages[0].Lines[0].Text != text {
			t.Fatalf("file %d: got %+v, %v", i, got, err)
		}
		pids := idlePIDs()
		if len(pids) != 1 || i > 0 && pids[0] != pid {
			t.Fatalf("file %d: idle children %v, want the one child %d", i, pids, pid)
		}
		pid = pids[0]
	}
}

// TestHostileFileSparesTheNext: a file that hangs is killed at its time
// limit with its child; the next file gets a fresh child and its text.
func TestHostileFileSparesTheNext(t *testing.T) {
	Close()
	defer Close()
	if _, err := Extract("", onePage("Before the hang"), Settings{}); err != nil {
		t.Fatal(err)
	}
	before := idlePIDs()
	_, err := Extract("", hangingPDF(), Settings{Timeout: time.Second})
	if !errors.Is(err, pdftext.ErrTimeout) {
		t.Fatalf("hanging file: err = %v, want ErrTimeout", err)
	}
	if n := len(idlePIDs()); n != 0 {
		t.Fatalf("the child that hung is still idle (%d idle)", n)
	}
	got, err := Extract("", onePage("After the hang"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "After the hang" {
		t.Fatalf("next file: got %+v, %v", got, err)
	}
	if after := idlePIDs(); len(after) != 1 || after[0] == before[0] {
		t.Errorf("next file served by %v, want a fresh child (was %v)", after, before)
	}
}

// TestConcurrentCallersOwnChildren: callers at the same time each get a
// child of their own, and the pool keeps no more children than callers.
func TestConcurrentCallersOwnChildren(t *testing.T) {
	Close()
	defer Close()
	texts := []string{"Worker one text", "Worker two text", "Worker three text"}
	errs := make(chan error, len(texts))
	for _, text := range texts {
		go func() {
			for range 3 {
				got, err := Extract("", onePage(text), Settings{})
				if err == nil && got.Pages[0].Lines[0].Text != text {
					err = errors.New("got " + got.Pages[0].Lines[0].Text + ", want " + text)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range texts {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if n := len(idlePIDs()); n < 1 || n > len(texts) {
		t.Errorf("%d idle children after %d concurrent callers", n, len(texts))
	}
}

// TestDeadIdleChildReplaced: a child killed from outside while it waits
// for the next file is replaced, and that file is read.
func TestDeadIdleChildReplaced(t *testing.T) {
	Close()
	defer Close()
	if _, err := Extract("", onePage("First clipping"), Settings{}); err != nil {
		t.Fatal(err)
	}
	idle.Lock()
	dead := idle.children[0]
	idle.Unlock()
	dead.proc.Kill()
	dead.wait()
	got, err := Extract("", onePage("Second clipping"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Second clipping" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if pids := idlePIDs(); len(pids) != 1 || pids[0] == dead.proc.Pid {
		t.Errorf("idle children %v, want one fresh child (the dead one was %d)", pids, dead.proc.Pid)
	}
}

// TestFileLetGoOnceSent: once the child has a file, the parent holds it
// no more (a long file is not kept in memory twice while it is read),
// and the text still comes back.
func TestFileLetGoOnceSent(t *testing.T) {
	Close()
	defer Close()
	c, err := takeChild("")
	if err != nil {
		t.Fatal(err)
	}
	defer c.end()
	data := onePage("Sent clipping")
	got, err, _ := c.extract(&data, request{}, DefaultTimeout)
	if err != nil || got.Pages[0].Lines[0].Text != "Sent clipping" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if data != nil {
		t.Errorf("the parent still holds the file's %d bytes", len(data))
	}
}

// earlyArgs is a command line that starts a child early (spawn.Early).
var earlyArgs = []string{"newsclip", "convert", "page.pdf"}

// TestEarlyChildServesFirstFile: the child started at initialisation
// serves the first file and is kept for the next.
func TestEarlyChildServesFirstFile(t *testing.T) {
	Close()
	defer Close()
	sc := spawn.Early(earlyArgs)
	if sc == nil {
		t.Fatal("no child started early")
	}
	got, err := Extract("page.pdf", onePage("Early clipping"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Early clipping" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if pids := idlePIDs(); len(pids) != 1 || pids[0] != sc.Process.Pid {
		t.Errorf("idle children %v, want the early child %d", pids, sc.Process.Pid)
	}
}

// TestCloseEndsUntakenEarlyChild: a child started early for a run that
// never reads a PDF (a usage error, say) is ended by Close.
func TestCloseEndsUntakenEarlyChild(t *testing.T) {
	Close()
	sc := spawn.Early(earlyArgs)
	if sc == nil {
		t.Fatal("no child started early")
	}
	Close()
	if spawn.Take() != nil {
		t.Error("Close left the early child to be taken")
	}
	if err := sc.Process.Signal(syscall.Signal(0)); err == nil {
		t.Errorf("child %d still runs after Close", sc.Process.Pid)
	}
}

// TestReleasedChildExitsByItself: after Release, an idle child exits on
// its own (stdin closed, exit code 0) while the caller goes on, and a
// later file gets a fresh child.
func TestReleasedChildExitsByItself(t *testing.T) {
	Close()
	defer Close()
	if _, err := Extract("", onePage("Last clipping"), Settings{}); err != nil {
		t.Fatal(err)
	}
	pids := idlePIDs()
	Release()
	if n := len(idlePIDs()); n != 0 {
		t.Fatalf("%d idle children after Release", n)
	}
	idle.Lock()
	released := idle.released
	idle.Unlock()
	if len(released) != 1 || released[0].proc.Pid != pids[0] {
		t.Fatalf("released %d children, want the one idle child %v", len(released), pids)
	}
	st, err := released[0].proc.Wait()
	if err != nil || !st.Success() {
		t.Fatalf("released child: %v, %v; want a clean exit of its own", st, err)
	}
	got, err := Extract("", onePage("Next clipping"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Next clipping" {
		t.Fatalf("after Release: got %+v, %v", got, err)
	}
	if now := idlePIDs(); len(now) != 1 || now[0] == pids[0] {
		t.Errorf("idle children %v after Release, want a fresh one (released %d)", now, pids[0])
	}
}

// TestLastFileChildExitsByItself: the child of a run's last file
// (ExtractLast) exits as soon as it has written the file, with no Release
// or Close from the caller, and the other idle children are released and
// exit too.
func TestLastFileChildExitsByItself(t *testing.T) {
	Close()
	defer Close()
	var kept []*child
	for range 2 {
		c, err := takeChild("")
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, c)
	}
	idle.Lock()
	idle.children = append(idle.children, kept...)
	idle.Unlock()
	got, err := ExtractLast("", onePage("Last clipping"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "Last clipping" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if n := len(idlePIDs()); n != 0 {
		t.Fatalf("%d idle children after the last file", n)
	}
	idle.Lock()
	released := idle.released
	idle.Unlock()
	if len(released) != 2 {
		t.Fatalf("released %d children, want both", len(released))
	}
	for _, c := range released {
		exitsByItself(t, c.proc)
	}
}

// exitsByItself fails the test unless process p exits cleanly within 10 s.
func exitsByItself(t *testing.T, p *os.Process) {
	t.Helper()
	exited := make(chan error, 1)
	go func() {
		st, err := p.Wait()
		if err == nil && !st.Success() {
			err = fmt.Errorf("exit status %v", st)
		}
		exited <- err
	}()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("child: %v; want a clean exit of its own", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the last file's child still runs 10 s after its text came back")
	}
}

// TestEndedChildLeavesNoDescriptor: ending a child closes every pipe end
// the parent holds, without waiting for the garbage collector.
func TestEndedChildLeavesNoDescriptor(t *testing.T) {
	fds := func() int {
		ents, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd")
		}
		return len(ents)
	}
	Close()
	defer Close()
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // no finalizers
	before := fds()
	const n = 10
	for range n {
		if _, err := Extract("", onePage("Clipping"), Settings{}); err != nil {
			t.Fatal(err)
		}
		Close()
	}
	if after := fds(); after > before {
		t.Errorf("%d descriptors open after %d children ended, %d before", after, n, before)
	}
}

// TestDeadEarlyChildReplaced: a child started early that dies before its
// first file (killed from outside while text inputs are read) is
// replaced, as an idle one is, and the file is read.
func TestDeadEarlyChildReplaced(t *testing.T) {
	Close()
	defer Close()
	sc := spawn.Early(earlyArgs)
	if sc == nil {
		t.Fatal("no child started early")
	}
	sc.Process.Kill()
	sc.Process.Wait()
	got, err := Extract("", onePage("After the early child died"), Settings{})
	if err != nil || got.Pages[0].Lines[0].Text != "After the early child died" {
		t.Fatalf("got %+v, %v; want the text from a fresh child", got, err)
	}
}

// busyParent is the hidden argument that makes the test binary a parent
// whose child is busy (serveBusyParent).
const busyParent = "busy-parent"

// serveBusyParent starts a child, sends it a file that takes it far
// longer than any test (hangingPDF), waits until it reads the file's first
// page, prints its process id and waits to be killed.
func serveBusyParent() int {
	cmd, err := spawn.Self()
	if err != nil {
		return 1
	}
	sc, err := spawn.Start(cmd)
	if err != nil {
		return 1
	}
	c := &child{proc: sc.Process, stdin: sc.Stdin}
	if c.send(hangingPDF(), request{}) != nil {
		return 1
	}
	// Past its first frame, the child writes nothing for a long while (a
	// write to a dead parent would end it anyway).
	if kind, _, err := readFrame(bufio.NewReader(sc.Stdout), nil); err != nil || kind != frameReading {
		return 1
	}
	fmt.Println(sc.Process.Pid)
	io.Copy(io.Discard, os.Stdin) // until killed: the test holds stdin open
	return 0
}

// TestChildDiesWithParent: a parent killed while its child reads a long
// file takes the child with it (Linux), rather than leaving it to run to
// the file's time limit.
func TestChildDiesWithParent(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the parent-death signal is Linux's")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	testutil.ChildDiesWithParent(t, exec.Command(exe, busyParent))
}
