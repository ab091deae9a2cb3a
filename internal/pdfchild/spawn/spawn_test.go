package spawn

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestMain makes the test binary its own extraction child (it reads its
// stdin to the end), and with SPAWN_TEST_REPORT=1 reports on stdout what
// its initialisation started (see TestConstructorStartsChild); with
// SPAWN_TEST_REPORT=exe, also the file the child runs
// (TestChildThroughInterpreter). With
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
	if r := os.Getenv("SPAWN_TEST_REPORT"); r == "1" || r == "exe" {
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
	if os.Getenv("SPAWN_TEST_REPORT") == "exe" {
		exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", c.Process.Pid))
		fmt.Println("child's program:", exe, err)
	}
	c.Stdin.Close()
	st, err := c.Process.Wait()
	if err != nil || !st.Success() {
		fmt.Println("child ended badly:", st, err)
		return 1
	}
	return 0
}

// firstPDFRows: a convert command line with an argument named *.pdf in
// any case starts a child early, which reads the first such argument;
// other commands and names start none.
var firstPDFRows = []struct {
	args []string
	want string
}{
	{[]string{"newsclip", "convert", "page.pdf"}, "page.pdf"},
	{[]string{"newsclip", "convert", "-o", "page.md", "Scan.PDF"}, "Scan.PDF"},
	{[]string{"newsclip", "convert", "a.txt", "b.Pdf"}, "b.Pdf"},
	{[]string{"newsclip", "convert", "archive/pages.pdf", "b.pdf"}, "archive/pages.pdf"},
	{[]string{"newsclip", "convert", "-o", "out.pdf", "in.pdf"}, "in.pdf"},            // -o's value
	{[]string{"newsclip", "convert", "--output", "x.pdf", "-q", "a.PDF"}, "a.PDF"},    // --output's
	{[]string{"newsclip", "convert", "--report", "r.pdf", "--password", "p.pdf"}, ""}, // values only
	{[]string{"newsclip", "convert", "--report=r.pdf", "a.pdf"}, "a.pdf"},             // a flag with its value
	{[]string{"newsclip", "convert", "-q", "a.pdf"}, "a.pdf"},                         // a flag without one
	{[]string{"newsclip", "convert", "--to", "json", "-", "b.pdf"}, "b.pdf"},          // stdin, then a PDF
	{[]string{"newsclip", "convert", "-o"}, ""},                                       // a flag at the end
	{[]string{"newsclip", "convert", "a.txt"}, ""},
	{[]string{"newsclip", "convert", ".pdf"}, ""},     // a name that is all suffix
	{[]string{"newsclip", "convert", "pdf"}, ""},      // no dot
	{[]string{"newsclip", "convert", "a.pdfx"}, ""},   // another suffix
	{[]string{"newsclip", "convert", "folder/"}, ""},  // a folder: its workers start their own
	{[]string{"newsclip", "convert", "-"}, ""},        // stdin
	{[]string{"newsclip", "--help", "page.pdf"}, ""},  // not convert
	{[]string{"newsclip", Command, "page.pdf"}, ""},   // a child itself
	{[]string{"newsclip", "formats", "page.pdf"}, ""}, // another command
	{[]string{"newsclip", "convert"}, ""},
	{[]string{"newsclip"}, ""},
	{nil, ""},
}

func TestFirstPDF(t *testing.T) {
	for _, tc := range firstPDFRows {
		if got := FirstPDF(tc.args); got != tc.want {
			t.Errorf("FirstPDF(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// TestTakeForMatchesTheFirstFile: the child started early goes only to
// the caller of the file it reads first, named as on the command line or
// by another path to the same file; other files' callers get none and
// leave it in place.
func TestTakeForMatchesTheFirstFile(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "page.pdf")
	os.WriteFile(first, []byte("%PDF-1.4\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "other.pdf"), []byte("%PDF-1.4\n"), 0o644)
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink("page.pdf", link); err != nil {
		t.Skip(err)
	}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{first, true},
		{dir + "/./page.pdf", true}, // the same file by another path
		{link, true},                // and through a symlink
		{filepath.Join(dir, "other.pdf"), false},
		{"-", false},
		{"", false},
	} {
		c := Early([]string{"newsclip", "convert", first})
		if c == nil || c.First != first {
			t.Fatalf("Early started %+v, want a child reading %s", c, first)
		}
		got := TakeFor(tc.name)
		if (got != nil) != tc.want {
			t.Errorf("TakeFor(%q) = %v, want a child: %v", tc.name, got, tc.want)
		}
		if left := Take(); (left == nil) != tc.want {
			t.Errorf("TakeFor(%q) left the child: %v, want %v", tc.name, left != nil, !tc.want)
		}
		c.Stdin.Close()
		c.Process.Wait()
	}
}
