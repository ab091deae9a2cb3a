package spawn

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"newsclip/internal/testutil"
)

// TestMappedFile reads the name of the file mapped at an address from
// lines as /proc/self/maps writes them.
func TestMappedFile(t *testing.T) {
	maps := `00400000-00401000 r--p 00000000 fd:01 1234                               /usr/bin/newsclip
00401000-00b00000 r-xp 00001000 fd:01 1234                               /usr/bin/newsclip
00c00000-00c21000 rw-p 00000000 00:00 0                                  [heap]
7f0000000000-7f0000001000 r-xp 00000000 fd:01 99                         /home/ann/my tools/newsclip (deleted)
7f0000002000-7f0000003000 rw-p 00000000 00:00 0 
`
	testutil.Rows(t, "mappedFile", func(addr uintptr) string { return mappedFile(maps, addr) }, map[uintptr]string{
		0x400000:       "/usr/bin/newsclip", // a mapping's first byte
		0x500000:       "/usr/bin/newsclip",
		0xaffff:        "", // below every mapping
		0xb00000:       "", // a mapping's end is not in it
		0xc00010:       "", // [heap]: not a file
		0x7f0000000800: "/home/ann/my tools/newsclip (deleted)",
		0x7f0000002000: "", // anonymous, no name
	})
}

// TestOtherFile: the program's file is another than os.Executable's only
// under another name; a file deleted since it started is the same file
// (/proc/self/maps names it with " (deleted)", os.Executable without).
func TestOtherFile(t *testing.T) {
	type in struct{ exe, mapped string }
	testutil.Rows(t, "otherFile", func(r in) string { return otherFile(r.exe, r.mapped) }, map[in]string{
		{"/usr/bin/newsclip", "/usr/bin/newsclip"}:                                         "",
		{"/usr/bin/newsclip", "/usr/bin/newsclip (deleted)"}:                               "",
		{"/usr/bin/newsclip", ""}:                                                          "",
		{"/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/home/ann/newsclip"}:           "/home/ann/newsclip",
		{"/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/home/ann/newsclip (deleted)"}: "/home/ann/newsclip",
	})
}

// TestSelfIsExecutable: a program started as itself runs its children as
// itself, with no argument before theirs.
func TestSelfIsExecutable(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	if cmd, err := Self(); err != nil || !slices.Equal(cmd, []string{exe}) {
		t.Errorf("Self() = %q, %v; want [%q]", cmd, err, exe)
	}
}

// TestChildThroughInterpreter: a program started through its ELF
// interpreter (`ld.so ./newsclip convert page.pdf`), where /proc/self/exe
// names the interpreter, starts its child the same way, and the child
// answers on its streams. The C constructor leaves it to Go's Early (it
// would run the interpreter with the child's arguments).
func TestChildThroughInterpreter(t *testing.T) {
	loader, err := testutil.Interpreter(os.Args[0])
	if err != nil || loader == "" {
		t.Skipf("no interpreter to start this program through (%v)", err)
	}
	real, err := filepath.EvalSymlinks(loader)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(loader, os.Args[0], "convert", "page.pdf")
	cmd.Env = append(os.Environ(), "SPAWN_TEST_REPORT=exe", "GORACE=atexit_sleep_ms=0")
	out, err := cmd.Output()
	// The child runs the interpreter too: a copy without execute
	// permission could not be run as itself.
	want := "child; before the runtime: false ; streams wired: true\nchild's program: " + real + " <nil>"
	if got := strings.TrimSpace(string(out)); err != nil || got != want {
		t.Errorf("%s %s convert page.pdf: %q (%v), want %q", loader, os.Args[0], got, err, want)
	}
}
