package spawn

import (
	"fmt"
	"io"
	"os"
	"testing"
	"time"
)

// TestMain makes the test binary its own extraction child (it reads its
// stdin to the end), and with SPAWN_TEST_REPORT=1 reports on stdout what
// its initialisation started (see TestConstructorStartsChild). With
// SPAWN_TEST_HOLD=1 it prints the process id of the child the C
// constructor started (or fails) and waits to be killed, and the child
// sleeps a minute first
// (TestConstructedChildDiesWithParent).
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == Command {
		fmt.Println("stdout")             // each stream says which it is,
		fmt.Fprintln(os.Stderr, "stderr") // for report to check the wiring
		if os.Getenv("SPAWN_TEST_HOLD") == "1" {
			time.Sleep(time.Minute) // a child busy with a long file
		}
		io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}
	if os.Getenv("SPAWN_TEST_HOLD") == "1" {
		if c := Take(); c == nil || !startedBeforeRuntime() {
			fmt.Println("no child started before the runtime")
			os.Exit(1)
		} else {
			fmt.Println(c.Process.Pid)
		}
		io.Copy(io.Discard, os.Stdin) // until killed: the test holds stdin open
		os.Exit(0)
	}
	if os.Getenv("SPAWN_TEST_REPORT") == "1" {
		os.Exit(report())
	}
	os.Exit(m.Run())
}

// report says whether a child was started at initialisation and by whom,
// and whether its stdout and stderr reach this process as Stdout and
// Stderr; then it ends the child through its stdin, as an idle child
// ends, and waits for it.
func report() int {
	c := Take()
	if c == nil {
		fmt.Println("no child")
		return 0
	}
	line := func(f *os.File) string {
		b := make([]byte, 7)
		n, _ := io.ReadFull(f, b)
		return string(b[:n])
	}
	wired := line(c.Stdout) == "stdout\n" && line(c.Stderr) == "stderr\n"
	fmt.Println("child; before the runtime:", startedBeforeRuntime(), "; streams wired:", wired)
	c.Stdin.Close()
	st, err := c.Process.Wait()
	if err != nil || !st.Success() {
		fmt.Println("child ended badly:", st, err)
		return 1
	}
	return 0
}

// namesPDFRows: a convert command line with an argument named *.pdf in
// any case starts a child early; other commands and names do not.
var namesPDFRows = []struct {
	args []string
	want bool
}{
	{[]string{"newsclip", "convert", "page.pdf"}, true},
	{[]string{"newsclip", "convert", "-o", "page.md", "Scan.PDF"}, true},
	{[]string{"newsclip", "convert", "a.txt", "b.Pdf"}, true},
	{[]string{"newsclip", "convert", "archive/pages.pdf"}, true},
	{[]string{"newsclip", "convert", "a.txt"}, false},
	{[]string{"newsclip", "convert", ".pdf"}, false},     // a name that is all suffix
	{[]string{"newsclip", "convert", "pdf"}, false},      // no dot
	{[]string{"newsclip", "convert", "a.pdfx"}, false},   // another suffix
	{[]string{"newsclip", "convert", "folder/"}, false},  // a folder: its workers start their own
	{[]string{"newsclip", "convert", "-"}, false},        // stdin
	{[]string{"newsclip", "--help", "page.pdf"}, false},  // not convert
	{[]string{"newsclip", Command, "page.pdf"}, false},   // a child itself
	{[]string{"newsclip", "formats", "page.pdf"}, false}, // another command
	{[]string{"newsclip", "convert"}, false},
	{[]string{"newsclip"}, false},
	{nil, false},
}

func TestNamesPDF(t *testing.T) {
	for _, tc := range namesPDFRows {
		if got := namesPDF(tc.args); got != tc.want {
			t.Errorf("namesPDF(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
