//go:build linux && cgo

package spawn

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"newsclip/internal/testutil"
)

// noRaceExitSleep spares each process the race detector's second of
// sleep at exit (under -race), for the tests that start this binary.
const noRaceExitSleep = "GORACE=atexit_sleep_ms=0"

// TestFirstPDFInC: the C constructor reads a command line as FirstPDF
// does.
func TestFirstPDFInC(t *testing.T) {
	for _, tc := range firstPDFRows {
		if got := firstPDFInC(tc.args); got != tc.want {
			t.Errorf("the constructor's FirstPDF(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// TestConstructorStartsChild: a process whose command line names a PDF
// has its child started by the C constructor, before the Go runtime, and
// hands it over at initialisation like one started there; other command
// lines start none.
func TestConstructorStartsChild(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"convert", "page.pdf"}, "child; before the runtime: true ; streams wired: true"},
		{[]string{"convert", "-o", "out.md", "Scan.PDF"}, "child; before the runtime: true ; streams wired: true"},
		{[]string{"convert", "page.txt"}, "no child"},
		{[]string{"formats"}, "no child"},
	} {
		cmd := exec.Command(os.Args[0], tc.args...)
		cmd.Env = append(os.Environ(), "SPAWN_TEST_REPORT=1", noRaceExitSleep)
		out, err := cmd.Output()
		if got := strings.TrimSpace(string(out)); err != nil || got != tc.want {
			t.Errorf("%q: %q (%v), want %q", tc.args, got, err, tc.want)
		}
	}
}

// TestConstructedChildDiesWithParent: the child the C constructor starts
// is killed with its parent, as one from Start is (sys_linux.go), rather
// than left to run to its file's time limit.
func TestConstructedChildDiesWithParent(t *testing.T) {
	parent := exec.Command(os.Args[0], "convert", "page.pdf")
	parent.Env = append(os.Environ(), "SPAWN_TEST_HOLD=1", noRaceExitSleep)
	testutil.ChildDiesWithParent(t, parent)
}
