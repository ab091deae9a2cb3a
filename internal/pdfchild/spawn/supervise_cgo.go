//go:build linux && cgo

package spawn

/*
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

// The data-size limit of a supervised run, and the largest PDF it reads
// in its own process (MemoryLimit and MaxSupervised, held to these by
// TestSupervisedLimits).
#define NEWSCLIP_MEMORY_LIMIT (2LL << 30)
#define NEWSCLIP_MAX_SUPERVISED (64LL << 20)

// What the supervised process tells its supervisor, in memory both share:
// the page it reads (0 before the first) and whether it is extracting.
struct newsclipShared {
	volatile int32_t page;
	volatile int32_t extracting;
};

// newsclipSupervised is set in the process a supervisor watches (see
// newsclipSuperviseRun), and newsclipShared points at the memory it shares with it.
int newsclipSupervised;
struct newsclipShared *newsclipShared;

// newsclipRealStderr is, in the supervised process, a copy of the
// standard error it was started with (its descriptor 2 goes to the
// supervisor).
int newsclipRealStderr = -1;

// The flags of convert that take a value in the next argument (unless
// written "--name=value"), and those that take none (see
// TestSupervisedFlags, which holds them to the command's own).
static const char *const valueFlags[] = {"to", "t", "output", "o", "group-by", "jobs", "j", "report",
	"shard", "max-input", "password", "pdf-timeout"};
static const char *const boolFlags[] = {"quiet", "q", "bundle", "split", "resume"};
// Runs with these flags are not supervised: a batch or a bundle (a batch
// stops gracefully on a signal, and reports a crashed file as a row of its
// report), and a run given a password, which its early reading (with the
// empty password) cannot serve.
static const char *const unsupervisedFlags[] = {"bundle", "split", "resume", "report", "shard", "password"};

static int inList(const char *name, size_t n, const char *const *list, size_t count) {
	for (size_t i = 0; i < count; i++) {
		if (strlen(list[i]) == n && strncmp(name, list[i], n) == 0) {
			return 1;
		}
	}
	return 0;
}

// singlePDFArg returns the index of the one input of a convert command
// line whose only input is a file name ending in ".pdf" (any case), and 0
// for any other command line: more or fewer inputs, "-" (stdin), a flag
// it does not know, "--", or a name holding a control character (an
// error message quotes such a name; see convert.QuoteName).
static int singlePDFArg(int argc, char **argv) {
	if (argc < 3 || argv == NULL || strcmp(argv[1], "convert") != 0) {
		return 0;
	}
	int input = 0;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] == '-' && a[1] != 0) {
			const char *name = a + 1 + (a[1] == '-');
			if (*name == 0) {
				return 0; // "--"
			}
			const char *eq = strchr(name, '=');
			size_t n = eq ? (size_t)(eq - name) : strlen(name);
			if (inList(name, n, unsupervisedFlags, sizeof unsupervisedFlags / sizeof unsupervisedFlags[0])) {
				return 0;
			}
			if (inList(name, n, valueFlags, sizeof valueFlags / sizeof valueFlags[0])) {
				if (!eq && ++i >= argc) {
					return 0;
				}
				const char *value = eq ? eq + 1 : argv[i];
				struct stat st;
				int output = n == 1 && name[0] == 'o' || n == 6 && strncmp(name, "output", 6) == 0;
				if (output && stat(value, &st) == 0 && S_ISDIR(st.st_mode)) {
					return 0; // -o OUTDIR: a batch
				}
				continue;
			}
			if (!eq && inList(name, n, boolFlags, sizeof boolFlags / sizeof boolFlags[0])) {
				continue;
			}
			return 0;
		}
		if (input != 0) {
			return 0;
		}
		input = i;
	}
	if (input == 0) {
		return 0;
	}
	const unsigned char *s = (const unsigned char *)argv[input];
	size_t n = strlen((const char *)s);
	if (n <= 4 || s[n-4] != '.' || (s[n-3] | 0x20) != 'p' || (s[n-2] | 0x20) != 'd' || (s[n-1] | 0x20) != 'f') {
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] < 0x20 || s[i] == 0x7f || (s[i] == 0xc2 && i + 1 < n && s[i+1] >= 0x80 && s[i+1] < 0xa0)) {
			return 0;
		}
	}
	return input;
}

static pid_t supervisedPid;
static volatile sig_atomic_t signalled;

// forwarded reports whether the supervisor passes signal sig on: every
// signal it can catch, but those of job control (a stop from the
// terminal stops it with the rest of its process group), SIGCHLD (its
// own), SIGPIPE (ignored: it writes to a closed stream, no more) and the
// faults of its own code. The Go runtime ignores most of them (SIGUSR1,
// SIGALRM ...), so a run it watches does too; SIGINT, SIGTERM, SIGHUP and
// SIGQUIT stop it.
static int forwarded(int sig) {
	switch (sig) {
	case SIGKILL: case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU: case SIGCONT:
	case SIGCHLD: case SIGPIPE:
	case SIGSEGV: case SIGBUS: case SIGFPE: case SIGILL: case SIGTRAP: case SIGABRT: case SIGSYS:
		return 0;
	}
	return sig < SIGRTMIN || sig > SIGRTMAX;
}

// stopping reports whether sig stops a Go program that does not catch it.
static int stopping(int sig) { return sig == SIGINT || sig == SIGTERM || sig == SIGHUP || sig == SIGQUIT; }

// forward passes a signal sent to the supervisor with kill(2) on to the
// supervised process. One the terminal sent (Ctrl-C) reached the whole
// process group, the supervised process too: it is not sent twice. (One
// sent to the process group with kill(2) is: a run the supervisor watches
// converts one file, and stops at the first signal.)
static void forward(int sig, siginfo_t *info, void *ctx) {
	int saved = errno;
	if (stopping(sig)) {
		signalled = 1;
	}
	if (info->si_code == SI_USER || info->si_code == SI_QUEUE) {
		kill(supervisedPid, sig);
	}
	errno = saved;
}

static void writeAll(int fd, const char *b, size_t n) {
	while (n > 0) {
		ssize_t w = write(fd, b, n);
		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			return; // stderr closed: nothing more can be said
		}
		b += w;
		n -= (size_t)w;
	}
}

// The supervised process's file descriptor 2, held: the Go runtime's
// report of a crash, its GODEBUG traces, anything written there (newsclip
// writes its own messages to the real standard error, a copy of it the
// supervised process takes as os.Stderr: see Supervised). Past the
// buffer, what is held and what comes after pass through (passed).
static char held[64 << 10];
static size_t heldLen;
static int passed;

// What the lines of descriptor 2 showed, noted as they come (see note),
// held or passed: the first line that says what crashed, and whether one
// looked like a Go crash report's head, a signal's program counter line,
// or said the memory ran out.
static char what[512];
static int sawCrash, sawSignal, sawPC, sawMemory;

static int startsWith(const char *b, size_t n, const char *prefix) {
	size_t k = strlen(prefix);
	return n >= k && memcmp(b, prefix, k) == 0;
}

static void note(const char *b, size_t n) {
	int head = startsWith(b, n, "panic: ") || startsWith(b, n, "fatal error: ");
	int sig = startsWith(b, n, "SIG") && memchr(b, ':', n) != NULL;
	if ((head || sig) && what[0] == 0) {
		size_t k = 0;
		while (k < n && k < sizeof what - 1 && b[k] != '\n') {
			what[k] = b[k];
			k++;
		}
		what[k] = 0;
	}
	sawCrash |= head;
	sawSignal |= sig;
	sawPC |= startsWith(b, n, "PC=");
	sawMemory |= memmem(b, n, "out of memory", 13) != NULL || memmem(b, n, "cannot allocate memory", 22) != NULL;
}

static void hold(int out, const char *b, size_t n) {
	note(b, n);
	if (!passed && n > sizeof held - heldLen) {
		writeAll(out, held, heldLen);
		heldLen = 0;
		passed = 1;
	}
	if (passed) {
		writeAll(out, b, n);
		return;
	}
	memcpy(held + heldLen, b, n);
	heldLen += n;
}

// relay reads the supervised process's descriptor 2 from in to its end
// (the process has exited, or closed it) into held, but for lines of
// newsclip's own ("newsclip: ..."), which go to out as they come while
// nothing is held.
static void relay(int in, int out) {
	char buf[4096];
	char line[4096];
	size_t lineLen = 0;
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			break;
		}
		for (ssize_t i = 0; i < n; i++) {
			line[lineLen++] = buf[i];
			if (buf[i] != '\n' && lineLen < sizeof line) {
				continue;
			}
			if (heldLen == 0 && !passed && lineLen >= 10 && memcmp(line, "newsclip: ", 10) == 0) {
				writeAll(out, line, lineLen);
			} else {
				hold(out, line, lineLen);
			}
			lineLen = 0;
		}
	}
	hold(out, line, lineLen);
}

// crashed reports, for a process that exited with code, whether its
// descriptor 2 carried the Go runtime's report of a crash: a panic nobody
// recovered, a fatal error, or a signal it did not expect ("SIGSEGV:
// segmentation violation" over "PC=..."), all exit code 2.
static int crashed(int code) { return code == 2 && (sawCrash || sawSignal && sawPC); }

// reportCrash writes the one-line error of a crashed run to fd, as
// pdfchild words a child's crash (see child.crashed), and exits 1.
static void reportCrash(int fd, const char *name, const char *what) {
	char msg[8192];
	int page = newsclipShared->page;
	int extracting = newsclipShared->extracting;
	char where[32] = "";
	if (page > 0 && extracting) {
		snprintf(where, sizeof where, "page %d: ", page);
	}
	if (sawMemory) {
		snprintf(msg, sizeof msg, "newsclip: %s: %s%s exceeded the memory limit (%d MiB): the file is too large to read\n",
			name, where, extracting ? "extraction" : "the run", (int)(NEWSCLIP_MEMORY_LIMIT >> 20));
	} else if (extracting) {
		snprintf(msg, sizeof msg, "newsclip: %s: %sdamaged PDF: extraction crashed\n", name, where);
	} else {
		snprintf(msg, sizeof msg, "newsclip: %s: internal error: %s\n", name, what);
	}
	writeAll(fd, msg, strlen(msg));
	_exit(1);
}

// newsclipSuperviseRun makes a run that converts one PDF named on the command line
// run under a supervisor: it forks, and the new process goes on to be
// newsclip (it returns 1 there), reading the PDF in its own
// process (see pdfchild), while this one stays C, never starting the Go
// runtime, and waits for it. It passes the process's standard error
// through, and its exit status, but for a crash: a fatal error of the Go
// runtime (out of memory under the data limit, a stack overflow) or a
// panic nobody recovered, which end a Go program with a stack dump, are
// reported as one line that names the file and the page, as a crash of an
// extraction child is. A signal sent to it with kill(2) goes on to the
// process it watches. It returns 0, and changes nothing, where it cannot
// start.
int newsclipSuperviseRun(int argc, char **argv) {
	int input = singlePDFArg(argc, argv);
	struct stat st;
	if (input == 0 || stat(argv[input], &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > NEWSCLIP_MAX_SUPERVISED) {
		return 0;
	}
	struct newsclipShared *shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED) {
		return 0;
	}
	int p[2];
	if (pipe2(p, O_CLOEXEC) != 0) {
		munmap(shared, sizeof *shared);
		return 0;
	}
	int realErr = fcntl(2, F_DUPFD_CLOEXEC, 3);
	if (p[0] < 3 || p[1] < 3 || realErr < 0) { // a standard stream was closed
		close(p[0]);
		close(p[1]);
		if (realErr >= 0) {
			close(realErr);
		}
		munmap(shared, sizeof *shared);
		return 0;
	}
	// The forwarded signals wait until the supervisor's handlers are in
	// place; one ignored SIGCHLD (inherited) would leave nothing to wait for.
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &dfl, NULL);
	sigset_t passed, saved;
	sigemptyset(&passed);
	for (int sig = 1; sig < NSIG; sig++) {
		if (forwarded(sig)) {
			sigaddset(&passed, sig);
		}
	}
	sigprocmask(SIG_BLOCK, &passed, &saved);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		sigprocmask(SIG_SETMASK, &saved, NULL);
		close(p[0]);
		close(p[1]);
		close(realErr);
		munmap(shared, sizeof *shared);
		return 0;
	}
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &saved, NULL);
		if (dup2(p[1], 2) < 0) {
			_exit(127);
		}
		fcntl(2, F_SETFD, FD_CLOEXEC); // no program it starts keeps the supervisor waiting
		close(p[0]);
		close(p[1]);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent) {
			_exit(1); // the supervisor died before the line above
		}
		newsclipShared = shared;
		newsclipRealStderr = realErr;
		newsclipSupervised = 1;
		return 1;
	}
	close(p[1]);
	newsclipShared = shared;
	supervisedPid = pid;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = forward;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigfillset(&sa.sa_mask);
	sigset_t open = saved;
	for (int sig = 1; sig < NSIG; sig++) {
		if (forwarded(sig)) {
			sigaction(sig, &sa, NULL);
			sigdelset(&open, sig);
		}
	}
	signal(SIGPIPE, SIG_IGN);
	sigprocmask(SIG_SETMASK, &open, NULL);
	relay(p[0], realErr);
	close(p[0]);
	// Reaped, its pid may be another process's: nothing more is forwarded.
	sigprocmask(SIG_BLOCK, &passed, NULL);
	int status;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			writeAll(realErr, held, heldLen);
			_exit(1);
		}
	}
	if (WIFEXITED(status)) {
		int code = WEXITSTATUS(status);
		if (!signalled && crashed(code)) {
			reportCrash(realErr, argv[input], what[0] ? what : "crashed");
		}
		writeAll(realErr, held, heldLen);
		_exit(code);
	}
	writeAll(realErr, held, heldLen);
	int sig = WTERMSIG(status);
	if (!signalled && !stopping(sig) && sig != SIGPIPE) {
		char what[64];
		snprintf(what, sizeof what, "killed by signal %d", sig);
		reportCrash(realErr, argv[input], what);
	}
	// Die of the same signal, as the shell expects of a program it stopped.
	signal(sig, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

static int singlePDFForTest(int argc, char **argv) { return singlePDFArg(argc, argv); }
*/
import "C"

import (
	"os"
	"sync/atomic"
	"unsafe"
)

// init makes os.Stderr the standard error the run was started with, in a
// supervised process, whose descriptor 2 goes to its supervisor: the Go
// runtime's reports (of a crash) go there, newsclip's messages straight
// to the terminal or file, in order with its output.
func init() {
	if Supervised() && C.newsclipRealStderr >= 0 {
		fd2 = os.Stderr
		os.Stderr = os.NewFile(uintptr(C.newsclipRealStderr), "/dev/stderr")
	}
}

// fd2 keeps the *os.File of descriptor 2 that os.Stderr was: no longer
// referenced, its finalizer would close the descriptor, and the next file
// opened would take the Go runtime's reports.
var fd2 *os.File

// Progress returns what the process told its supervisor: the page read
// (see SetPage) and whether it is extracting (SetExtracting); 0 and false
// when it is not supervised.
func Progress() (page int, extracting bool) {
	s := C.newsclipShared
	if s == nil || !Supervised() {
		return 0, false
	}
	return int(atomic.LoadInt32((*int32)(unsafe.Pointer(&s.page)))), atomic.LoadInt32((*int32)(unsafe.Pointer(&s.extracting))) != 0
}

// Supervised reports whether this process runs under a supervisor (see
// newsclipSuperviseRun in this file), which reports a crash of it as one line:
// it may then read its PDF in its own process.
func Supervised() bool { return C.newsclipSupervised != 0 }

// SetPage tells the supervisor the page being read (1-based), for the
// message of a crash.
func SetPage(n int) {
	if s := C.newsclipShared; s != nil && Supervised() {
		atomic.StoreInt32((*int32)(unsafe.Pointer(&s.page)), int32(n))
	}
}

// SetExtracting tells the supervisor whether a crash now is one of the
// PDF's extraction.
func SetExtracting(on bool) {
	if s := C.newsclipShared; s != nil && Supervised() {
		v := int32(0)
		if on {
			v = 1
		}
		atomic.StoreInt32((*int32)(unsafe.Pointer(&s.extracting)), v)
	}
}

// singlePDFInC is the supervisor's choice of a command line's one PDF
// input, for its test: the input, or "".
func singlePDFInC(args []string) string {
	return pickArg(args, func(argc C.int, argv **C.char) C.int { return C.singlePDFForTest(argc, argv) })
}

// pickArg calls pick, a C function that picks an argument by its index
// (0 for none), with args as a C argument vector, and returns the
// argument it picked, or "".
func pickArg(args []string, pick func(C.int, **C.char) C.int) string {
	argv := make([]*C.char, len(args)+1)
	for i, a := range args {
		argv[i] = C.CString(a)
		defer C.free(unsafe.Pointer(argv[i]))
	}
	var p **C.char
	if len(args) > 0 {
		p = &argv[0]
	}
	if i := int(pick(C.int(len(args)), p)); i > 0 {
		return args[i]
	}
	return ""
}

// cLimits returns the C side's NEWSCLIP_MEMORY_LIMIT and
// NEWSCLIP_MAX_SUPERVISED, for their test.
func cLimits() (memory, size int64) {
	return int64(C.NEWSCLIP_MEMORY_LIMIT), int64(C.NEWSCLIP_MAX_SUPERVISED)
}

// SupervisedInput returns the input a run with the command line args
// (os.Args) reads in its own process under a supervisor, and "" where it
// does not (see newsclipSuperviseRun): for tests, which hold the
// supervisor's flag table to the command's flags.
func SupervisedInput(args []string) string { return singlePDFInC(args) }
