//go:build linux && cgo

package spawn

/*
#define _GNU_SOURCE
#include <fcntl.h>
#include <link.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <unistd.h>

// The child started by startEarly, and the parent's ends of its standard
// streams (stdin's write end, stdout's and stderr's read ends); pid 0 when
// none was started.
int newsclipEarlyPid;
int newsclipEarlyFds[3] = {-1, -1, -1};

int newsclipSuperviseRun(int argc, char **argv); // supervise_cgo.go

static char lowerASCII(char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

// pathFlag is pathFlag (spawn.go): a is "-" or "--" and one of pathFlags.
static int pathFlag(const char *a) {
	static const char *const flags[] = {"o", "output", "report", "password"};
	const char *name = a + 1;
	if (*name == '-') {
		name++;
	}
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		if (strcmp(name, flags[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

// firstPDFArg is FirstPDF (spawn.go) over a C argument vector: the index
// of the argument it returns, or 0 for none.
static int firstPDFArg(int argc, char **argv) {
	if (argc < 3 || argv == NULL || strcmp(argv[1], "convert") != 0) {
		return 0;
	}
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		size_t n = strlen(a);
		if (n > 1 && a[0] == '-') {
			if (pathFlag(a)) {
				i++; // its value
			}
			continue;
		}
		if (n > 4 && a[n-4] == '.' && lowerASCII(a[n-3]) == 'p' && lowerASCII(a[n-2]) == 'd' && lowerASCII(a[n-1]) == 'f') {
			return i;
		}
	}
	return 0;
}

// hasInterp records whether the program, the first object
// dl_iterate_phdr reports, names an ELF interpreter (PT_INTERP).
static int hasInterp(struct dl_phdr_info *info, size_t size, void *data) {
	for (int i = 0; i < info->dlpi_phnum; i++) {
		if (info->dlpi_phdr[i].p_type == PT_INTERP) {
			*(int *)data = 1;
		}
	}
	return 1; // the program only
}

// interpreted reports whether this program was started through its ELF
// interpreter (`ld.so ./newsclip convert page.pdf`): the kernel ran the
// interpreter as the program, so /proc/self/exe names the interpreter,
// and loaded none for it (AT_BASE, its address, is 0), though the program
// names one. Self (spawn.go) starts such a program's children.
static int interpreted(void) {
	int interp = 0;
	if (getauxval(AT_BASE) == 0) {
		dl_iterate_phdr(hasInterp, &interp);
	}
	return interp;
}

static void closeAll(int p[3][2]) {
	for (int i = 0; i < 3; i++) {
		for (int j = 0; j < 2; j++) {
			if (p[i][j] >= 0) {
				close(p[i][j]);
			}
		}
	}
}

// startEarly runs before the Go runtime starts (glibc calls an ELF
// constructor with the program's arguments): when they name a PDF, it
// starts this program as an extraction child on three pipes, as Early
// does (the child reads that PDF first), and leaves it to Take. It gives up quietly wherever Start would
// do better: a C library other than glibc (musl passes a constructor no
// arguments), a descriptor among 0-2 (a parent run with one of them
// closed), a failed call. Only one thread runs here, so forking is safe.
// Its priority (101, the first a program may use) puts it before the
// other constructors (prefault's), which would delay the child's start.
__attribute__((constructor(101))) static void startEarly(int argc, char **argv, char **envp) {
#ifndef __GLIBC__
	return;
#endif
	if (newsclipSuperviseRun(argc, argv)) {
		return; // this process reads its PDF itself (supervise_cgo.go)
	}
	int first = firstPDFArg(argc, argv);
	if (first == 0 || interpreted()) {
		return;
	}
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || n >= (ssize_t)sizeof exe - 1) {
		return;
	}
	exe[n] = 0;
	int p[3][2] = {{-1, -1}, {-1, -1}, {-1, -1}};
	for (int i = 0; i < 3; i++) {
		if (pipe2(p[i], O_CLOEXEC) != 0 || p[i][0] < 3 || p[i][1] < 3) {
			closeAll(p);
			return;
		}
	}
	fcntl(p[0][1], F_SETPIPE_SZ, 1 << 20); // as Start's (growPipe, sys_linux.go)
	pid_t parent = getpid();
	char *args[] = {exe, "__extract-pdf", argv[first], NULL};
	// vfork, not fork: the child borrows this process's memory until its
	// execve instead of copying its page tables, and this process, stopped
	// meanwhile, is spared the copy-on-write faults that would follow
	// (about 1% of a one-page PDF's wall time here). The child changes
	// nothing this process reads afterwards: it makes system calls (whose
	// lazy binding writes the shared .got.plt, as this process's own first
	// calls would; a failing call sets errno, which is not read after) and
	// execs or exits.
	pid_t pid = vfork();
	if (pid == 0) {
		if (dup2(p[0][0], 0) < 0 || dup2(p[1][1], 1) < 0 || dup2(p[2][1], 2) < 0) {
			_exit(127);
		}
		prctl(PR_SET_PDEATHSIG, SIGKILL); // as sysAttr (sys_linux.go)
		if (getppid() != parent) {
			_exit(1); // the parent died before the line above
		}
		execve(exe, args, envp);
		_exit(127);
	}
	int ends[3] = {p[0][1], p[1][0], p[2][0]};
	close(p[0][0]);
	close(p[1][1]);
	close(p[2][1]);
	if (pid < 0) {
		for (int i = 0; i < 3; i++) {
			close(ends[i]);
		}
		return;
	}
	for (int i = 0; i < 3; i++) {
		fcntl(ends[i], F_SETFL, fcntl(ends[i], F_GETFL) | O_NONBLOCK); // as os.Pipe's: pollable
		newsclipEarlyFds[i] = ends[i];
	}
	newsclipEarlyPid = pid;
}

static int firstPDFForTest(int argc, char **argv) { return firstPDFArg(argc, argv); }
*/
import "C"

import (
	"os"
	"time"
)

// constructed returns the child that the C constructor startEarly started
// before the Go runtime did, or nil: the runtime's own start (some 1.5 ms,
// the dynamic loader's included) and the packages initialised before this
// one no longer come before the child's start.
func constructed() *Child {
	pid := int(C.newsclipEarlyPid)
	if pid <= 0 {
		return nil
	}
	p, err := os.FindProcess(pid)
	if err != nil { // not on Linux, where FindProcess always finds
		return nil
	}
	return &Child{
		Process: p,
		Stdin:   os.NewFile(uintptr(C.newsclipEarlyFds[0]), "|0"),
		Stdout:  os.NewFile(uintptr(C.newsclipEarlyFds[1]), "|1"),
		Stderr:  os.NewFile(uintptr(C.newsclipEarlyFds[2]), "|2"),
		First:   FirstPDF(os.Args), // the constructor's pick (TestFirstPDFInC)
		Started: time.Now(),        // a little after it was
	}
}

// startedBeforeRuntime reports whether the C constructor started a child.
func startedBeforeRuntime() bool { return C.newsclipEarlyPid > 0 }

// firstPDFInC is the constructor's FirstPDF, for its test.
func firstPDFInC(args []string) string {
	return pickArg(args, func(argc C.int, argv **C.char) C.int { return C.firstPDFForTest(argc, argv) })
}
