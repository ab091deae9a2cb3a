package spawn

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// sysAttr makes the child die with its parent: Linux sends it SIGKILL when
// the thread that started it ends, which for Go's threads is when the
// process ends (the runtime ends a thread only under a goroutine locked to
// it, which this program has none of). A parent killed or stopped by a
// signal while its child reads a long file does not leave the child
// running to the file's time limit; an idle child needs none of this, as
// its stdin closes.
func sysAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// fSetPipeSize is Linux's F_SETPIPE_SZ, which package syscall lacks.
const fSetPipeSize = 1031

// pipeSize is the buffer the child's stdin pipe asks for, in bytes: a
// PDF of up to this size goes in with one write, where the default 64 KiB
// pipe takes a wake-up of each side per 64 KiB (some 0.3 ms of a 300 KB
// file's start). Linux grants up to /proc/sys/fs/pipe-max-size (1 MiB by
// default) and a failure leaves the default.
const pipeSize = 1 << 20

// growPipe asks for a pipeSize buffer for the pipe of r, a read end.
func growPipe(r *os.File) {
	syscall.Syscall(syscall.SYS_FCNTL, r.Fd(), fSetPipeSize, pipeSize)
}

// atBase is the auxiliary vector's AT_BASE: the address the kernel loaded
// a program's ELF interpreter at.
const atBase = 7

// interpreted returns the file this program was loaded from when that is
// not exe (os.Executable, /proc/self/exe), and "" when it is. A program
// started through its interpreter (`ld.so ./newsclip ...`) is loaded by
// the interpreter, which the kernel ran as the program: /proc/self/exe
// names it, and AT_BASE is 0, as for a program without an interpreter
// (built static). Only then are the mappings read (/proc/self/maps), for
// the file whose mapping holds this function's code. A file deleted since
// it was started (replaced by an upgrade, say) is named there with
// " (deleted)" after it, and by os.Executable without: the two names are
// compared without it.
func interpreted(exe string) string {
	if base, ok := auxv(atBase); !ok || base != 0 {
		return ""
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return ""
	}
	return otherFile(exe, mappedFile(string(maps), reflect.ValueOf(interpreted).Pointer()))
}

// otherFile returns mapped, the name of the file mapped as this program's
// code, when it is not the file exe, and "" when it is or is unknown ("").
func otherFile(exe, mapped string) string {
	if mapped = strings.TrimSuffix(mapped, " (deleted)"); mapped != exe {
		return mapped
	}
	return ""
}

// auxv returns the value of the auxiliary vector's entry for tag.
func auxv(tag uintptr) (uintptr, bool) {
	vec, err := unix.Auxv()
	if err != nil {
		return 0, false
	}
	for _, kv := range vec {
		if kv[0] == tag {
			return kv[1], true
		}
	}
	return 0, false
}

// mappedFile returns the absolute name of the file mapped at addr in maps
// (the text of /proc/self/maps: "start-end perms offset dev inode name"
// lines, addresses in hexadecimal), or "".
func mappedFile(maps string, addr uintptr) string {
	for line := range strings.Lines(maps) {
		span, rest, _ := strings.Cut(line, " ")
		lo, hi, ok := strings.Cut(span, "-")
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if !ok || err1 != nil || err2 != nil || uint64(addr) < start || uint64(addr) >= end {
			continue
		}
		// perms, offset, dev and inode, then the name (which may hold spaces)
		for range 4 {
			_, rest, _ = strings.Cut(strings.TrimLeft(rest, " "), " ")
		}
		if name := strings.TrimSpace(rest); strings.HasPrefix(name, "/") {
			return name
		}
		return ""
	}
	return ""
}
