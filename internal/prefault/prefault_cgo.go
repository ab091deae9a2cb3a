//go:build linux && cgo

package prefault

/*
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

// Bytes of the program's code and constants populateImage mapped (0 on a
// kernel without MADV_POPULATE_READ, which refuses it with EINVAL), and
// the size of those sections.
static long newsclipImagePopulated, newsclipImageSize;

// loadBias stores the program's load address (0 unless it is built as a
// position-independent executable): dl_iterate_phdr reports the program
// first.
static int loadBias(struct dl_phdr_info *info, size_t size, void *data) {
	*(uintptr_t *)data = info->dlpi_addr;
	return 1;
}

// populated are the sections populateImage maps: the code and the
// constants (strings, type data, tables such as Unicode's and the
// encodings'). The rest of the read-only segment, the function tables
// (.gopclntab, 4.6 of its 6.3 MB), is read only for stack traces and the
// collector's stack scans, a few pages a run: mapping it would add to the
// resident memory and save no time (measured).
static const char *const populated[] = {".text", ".rodata"};

// populateImage reads the program's section headers from /proc/self/exe
// and populates the sections named in populated. It runs before the Go
// runtime starts, after the constructor that starts the early PDF child
// (spawn's startEarly, priority 101), so that child's start is not
// delayed by it. Any failure leaves the pages to fault in as before.
__attribute__((constructor(102))) static void populateImage(void) {
	uintptr_t bias = 0;
	dl_iterate_phdr(loadBias, &bias);
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		return;
	}
	ElfW(Ehdr) eh;
	ElfW(Shdr) sh[128];
	char names[2048];
	if (pread(fd, &eh, sizeof eh, 0) != sizeof eh || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
		eh.e_shentsize != sizeof sh[0] || eh.e_shnum == 0 || eh.e_shnum > 128 || eh.e_shstrndx >= eh.e_shnum) {
		close(fd);
		return;
	}
	size_t n = eh.e_shnum * sizeof sh[0];
	if (pread(fd, sh, n, eh.e_shoff) != (ssize_t)n) {
		close(fd);
		return;
	}
	size_t m = sh[eh.e_shstrndx].sh_size < sizeof names ? sh[eh.e_shstrndx].sh_size : sizeof names;
	ssize_t got = pread(fd, names, m, sh[eh.e_shstrndx].sh_offset);
	close(fd);
	if (got != (ssize_t)m || m == 0) {
		return;
	}
	names[m - 1] = 0;
	for (int i = 0; i < eh.e_shnum; i++) {
		if (sh[i].sh_name >= m || !(sh[i].sh_flags & SHF_ALLOC) || (sh[i].sh_flags & SHF_WRITE) || sh[i].sh_size == 0) {
			continue;
		}
		for (size_t k = 0; k < sizeof populated / sizeof populated[0]; k++) {
			if (strcmp(names + sh[i].sh_name, populated[k]) != 0) {
				continue;
			}
			uintptr_t start = (bias + sh[i].sh_addr) & ~(uintptr_t)4095;
			uintptr_t end = bias + sh[i].sh_addr + sh[i].sh_size;
			newsclipImageSize += end - start;
			if (madvise((void *)start, end - start, MADV_POPULATE_READ) == 0) {
				newsclipImagePopulated += end - start;
			}
		}
	}
}

static int populateWrite(uintptr_t start, uintptr_t n) {
	return madvise((void *)start, n, MADV_POPULATE_WRITE);
}

static long imagePopulated(void) { return newsclipImagePopulated; }
static long imageSize(void) { return newsclipImageSize; }
*/
import "C"

import "unsafe"

// heapChunk is the unit in which the Go runtime (1.21 to 1.26 at least)
// maps its heap: pallocChunkBytes, 4 MiB, aligned to its size. The first
// chunk holds everything a small run allocates before its first garbage
// collection (the initial heap goal is 4 MiB).
const heapChunk = 4 << 20

// first is the first object this package allocates: the chunk holding it
// is the heap's first.
var first *[16]byte

// heapPopulated is how many bytes of the heap init mapped: heapChunk, or 0
// when the kernel refused.
var heapPopulated int

// init populates the heap chunk holding its first allocation. Its pages
// are about to be touched anyway by the package initialisations that
// follow (1.2 MB of allocations, spread over size classes) and the run.
// A kernel refusal (no MADV_POPULATE_WRITE before Linux 5.14, or a runtime
// whose chunk is not mapped whole) leaves the page faults to happen as
// before.
func init() {
	first = new([16]byte)
	start := uintptr(unsafe.Pointer(first)) &^ (heapChunk - 1)
	if C.populateWrite(C.uintptr_t(start), heapChunk) == 0 {
		heapPopulated = heapChunk
	}
}

func imagePopulated() (populated, size int) {
	return int(C.imagePopulated()), int(C.imageSize())
}
