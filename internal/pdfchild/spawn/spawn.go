// Package spawn starts PDF extraction children (see package pdfchild), and
// starts the first one early, before the rest of the program has
// initialised, when the command line names a PDF.
//
// A Go process of this size takes some 6 ms to start, about half of it
// package initialisation, and a PDF run pays for two starts: its own and
// its child's. The child's start should run on the second core alongside
// the parent's instead of after it, and begin as early as it can:
//
//   - On Linux with cgo (a C compiler at build time, glibc at run time), a
//     C constructor starts the child before the Go runtime does, as soon
//     as the C library is loaded (early_cgo.go); init hands it over. The
//     child's own exec then comes some 1.5-2 ms after the program's here.
//   - Otherwise init starts it. This package imports only os, sync,
//     syscall and time (not even strings, which other packages' order
//     would hold back; time comes before os), so it is initialised among
//     the first, about 20th of 130; the
//     child's exec comes some 3-4 ms after the program's here.
//
// pdfchild takes that child for the first file (Take) and starts the
// others with Start.
//
// A run that converts one PDF alone starts no child there (on Linux with
// cgo and glibc): the C constructor forks a supervisor instead (see
// supervise_cgo.go and Supervised), and the run reads its PDF itself.
//
// The guess is cheap and may be wrong either way. A child nobody takes is
// ended with the others when the run ends (pdfchild.Close), and it ends by
// itself when the parent dies: its stdin closes, and on Linux the kernel
// kills it.
package spawn

import (
	"os"
	"slices"
	"sync"
	"time"
)

// Command is the hidden first argument that makes the binary a PDF
// extraction child (pdfchild.Serve).
const Command = "__extract-pdf"

// MemoryLimit bounds the data segment of an extraction child, and of a
// supervised run (see Supervised), in bytes.
const MemoryLimit = 2 << 30

// MaxSupervised is the largest PDF, in bytes, that a run converting it
// alone reads in its own process under a supervisor (see Supervised).
const MaxSupervised = 64 << 20

// A Child is a started extraction process and the parent's ends of its
// standard streams.
type Child struct {
	Process *os.Process
	Stdin   *os.File // write end
	Stdout  *os.File // read end
	Stderr  *os.File // read end
	// First is the PDF the child reads and extracts before its first
	// request, as the command line names it (see FirstPDF); "" for none.
	First string
	// Started is when the child was started (for one the C constructor
	// started, when this process's initialisation took it over).
	Started time.Time
}

// Start starts cmd, a program and the arguments that come before a
// child's own (see Self), as an extraction child, with the environment and
// working directory of this process; on Linux, it dies with this process
// (see sysAttr).
func Start(cmd []string) (*Child, error) { return start(cmd, "") }

// Self returns the command that runs this program again, for Start: its
// file, os.Executable. A program started through its ELF interpreter
// (`/lib64/ld-linux-x86-64.so.2 ./newsclip convert page.pdf`, the way to
// run a copy without execute permission) has the interpreter there; the
// command is then the interpreter and the program's file, so that the
// child starts as the program did (see interpreted). It is worked out
// once; its result is shared: callers must not change it.
var Self = sync.OnceValues(func() ([]string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	if prog := interpreted(exe); prog != "" {
		return []string{exe, prog}, nil
	}
	return []string{exe}, nil
})

// start is Start for a child that reads first (a path) before its first
// request; "" for none.
func start(cmd []string, first string) (*Child, error) {
	var ends [6]*os.File // read and write ends of stdin, stdout, stderr
	closeAll := func() {
		for _, f := range ends {
			if f != nil {
				f.Close()
			}
		}
	}
	for i := 0; i < len(ends); i += 2 {
		r, w, err := os.Pipe()
		if err != nil {
			closeAll()
			return nil, err
		}
		ends[i], ends[i+1] = r, w
	}
	growPipe(ends[0])
	args := append(slices.Clip(cmd), Command)
	if first != "" {
		args = append(args, first)
	}
	p, err := startProcess(cmd[0], args, []*os.File{ends[0], ends[3], ends[5]})
	// The child's ends are its own now (or nobody's).
	ends[0].Close()
	ends[3].Close()
	ends[5].Close()
	if err != nil {
		ends[1].Close()
		ends[2].Close()
		ends[4].Close()
		return nil, err
	}
	return &Child{Process: p, Stdin: ends[1], Stdout: ends[2], Stderr: ends[4], First: first, Started: time.Now()}, nil
}

// early is the child started by init, until Take hands it over.
var early struct {
	sync.Mutex
	c *Child
}

func init() {
	if c := constructed(); c != nil {
		early.c = c
		return
	}
	if Supervised() {
		return // it reads its PDF itself (see pdfchild)
	}
	Early(os.Args)
}

// Early starts the child that Take hands over, when args (os.Args, at
// init) name a PDF (see FirstPDF), and returns it; the child reads that
// PDF before its first request. It starts none and returns nil when args
// do not, or when a child started earlier has not been taken.
func Early(args []string) *Child {
	first := FirstPDF(args)
	if first == "" {
		return nil
	}
	early.Lock()
	defer early.Unlock()
	if early.c != nil {
		return nil
	}
	cmd, err := Self()
	if err != nil {
		return nil
	}
	c, err := start(cmd, first)
	if err != nil {
		return nil
	}
	early.c = c
	return c
}

// Take returns the child started at initialisation, to one caller, once;
// nil to the others.
func Take() *Child {
	early.Lock()
	defer early.Unlock()
	c := early.c
	early.c = nil
	return c
}

// TakeFor is Take for a caller about to extract the file name: it returns
// the child started at initialisation only when that child reads name
// first (its First is name, or the same file), and nil otherwise, leaving
// the child to its own file's caller (or to Close).
func TakeFor(name string) *Child {
	early.Lock()
	defer early.Unlock()
	c := early.c
	if c == nil || !sameFile(c.First, name) {
		return nil
	}
	early.c = nil
	return c
}

// sameFile reports whether the paths a and b name one file: the same
// string, or the same device and inode.
func sameFile(a, b string) bool {
	if a == b {
		return a != ""
	}
	if a == "" || b == "" || b == "-" {
		return false
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// FirstPDF returns the first input of args (os.Args) whose name ends in
// ".pdf", in any case, when args are a convert command, and "" when there
// is none:
//
//	newsclip convert -o page.md page.pdf      page.pdf
//	newsclip convert --to json Scan.PDF b.pdf   Scan.PDF
//	newsclip convert -o out.pdf a.pdf          a.pdf
//
// Flags are passed over, with the value of those whose value may end in
// ".pdf" (see pathFlag). A PDF named otherwise (or read from stdin, or
// found in a folder) gets its child when it is read.
func FirstPDF(args []string) string {
	if len(args) < 3 || args[1] != "convert" {
		return ""
	}
	for i := 2; i < len(args); i++ {
		a := args[i]
		if len(a) > 1 && a[0] == '-' {
			if pathFlag(a) {
				i++ // its value
			}
			continue
		}
		if n := len(a); n > 4 && a[n-4] == '.' && lower(a[n-3]) == 'p' && lower(a[n-2]) == 'd' && lower(a[n-1]) == 'f' {
			return a
		}
	}
	return ""
}

// pathFlags are convert's flags whose value is a path or a password, any
// of which may end in ".pdf" without being an input. (The other flags'
// values, a format, a number, a size, a duration, never do.)
var pathFlags = []string{"o", "output", "report", "password"}

// pathFlag reports whether a, an argument starting with "-", is one of
// pathFlags with its value in the next argument ("-o x", "--report x";
// not "--report=x").
func pathFlag(a string) bool {
	name := a[1:]
	if len(name) > 0 && name[0] == '-' {
		name = name[1:]
	}
	for _, f := range pathFlags {
		if name == f {
			return true
		}
	}
	return false
}

// lower maps an ASCII capital letter to its small letter.
func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}
