//go:build linux && cgo

package prefault

/*
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
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

// What populateImage did, for the tests: whether it ran (a program linked
// by Go's internal linker has no constructors), whether the kernel knows
// MADV_POPULATE_READ (Linux 5.14), and the ranges it populated with the
// outcome of each call.
int newsclipImageRan, newsclipPopulateKnown, newsclipImageRanges;
uintptr_t newsclipImageRange[4][2];
int newsclipImageOK[4];

// program stores the program's load address (0 unless it is built as a
// position-independent executable) and where its first segment, which
// holds its ELF header, is mapped: dl_iterate_phdr reports the program
// first.
struct program {
	uintptr_t bias;
	const ElfW(Ehdr) *header;
};

static int findProgram(struct dl_phdr_info *info, size_t size, void *data) {
	struct program *p = data;
	p->bias = info->dlpi_addr;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type == PT_LOAD && ph->p_offset == 0 && ph->p_filesz >= sizeof(ElfW(Ehdr))) {
			p->header = (const ElfW(Ehdr) *)(info->dlpi_addr + ph->p_vaddr);
		}
	}
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
// and populates the sections named in populated. The file must be the
// program: its ELF header must be the one mapped in memory (a program run
// as `ld.so ./newsclip` has the loader there). It runs before the Go
// runtime starts, after the constructor that starts the early PDF child
// (spawn's startEarly, priority 101), so that child's start is not
// delayed by it. Any failure leaves the pages to fault in as before.
__attribute__((constructor(102))) static void populateImage(void) {
	newsclipImageRan = 1;
	struct program prog = {0, NULL};
	dl_iterate_phdr(findProgram, &prog);
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	if (prog.header == NULL || madvise((void *)((uintptr_t)prog.header & ~(page - 1)), 0, MADV_POPULATE_READ) != 0) {
		return;
	}
	newsclipPopulateKnown = 1;
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		return;
	}
	ElfW(Ehdr) eh;
	ElfW(Shdr) sh[128];
	char names[2048];
	if (pread(fd, &eh, sizeof eh, 0) != sizeof eh || memcmp(&eh, prog.header, sizeof eh) != 0 ||
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
	for (int i = 0; i < eh.e_shnum && newsclipImageRanges < 4; i++) {
		if (sh[i].sh_name >= m || !(sh[i].sh_flags & SHF_ALLOC) || (sh[i].sh_flags & SHF_WRITE) || sh[i].sh_size == 0) {
			continue;
		}
		for (size_t k = 0; k < sizeof populated / sizeof populated[0]; k++) {
			if (strcmp(names + sh[i].sh_name, populated[k]) != 0) {
				continue;
			}
			uintptr_t start = (prog.bias + sh[i].sh_addr) & ~(page - 1);
			uintptr_t end = prog.bias + sh[i].sh_addr + sh[i].sh_size;
			int r = newsclipImageRanges++;
			newsclipImageRange[r][0] = start;
			newsclipImageRange[r][1] = end;
			newsclipImageOK[r] = madvise((void *)start, end - start, MADV_POPULATE_READ) == 0;
		}
	}
}

// HUGE_PAGE is the size of a transparent huge page on amd64 and arm64
// with 4 KiB pages: a page table's worth of pages, mapped by one entry.
// HEAP_CHUNK is the Go runtime's heap chunk (pallocChunkBytes), the unit
// in which it maps its heap, aligned to its size.
#define HUGE_PAGE ((uintptr_t)2 << 20)
#define HEAP_CHUNK ((uintptr_t)4 << 20)

// hugeRange gives the part of [start, start+n) that populateWrite advises
// for huge pages: the whole huge pages from start on that lie within
// start's heap chunk. Those below start in its huge page are left out:
// the runtime has touched some (a huge page cannot come there at the
// populate) and the rest it never will (the random padding before the
// heap's first allocation). *lo == *hi when there are none.
static void hugeRange(uintptr_t start, uintptr_t n, uintptr_t *lo, uintptr_t *hi) {
	uintptr_t chunkEnd = (start | (HEAP_CHUNK - 1)) + 1;
	uintptr_t end = start + n < chunkEnd ? start + n : chunkEnd;
	*lo = (start + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	*hi = end & ~(HUGE_PAGE - 1);
	if (*hi < *lo) {
		*hi = *lo;
	}
}

// What the huge page advice did, for the tests: -1 before populateWrite,
// -2 when its range held no whole huge page, 0 when the kernel took the
// advice for [newsclipHugeLo, newsclipHugeHi), an errno when it refused it.
int newsclipHugeAdvice = -1;
uintptr_t newsclipHugeLo, newsclipHugeHi;

// populateWrite populates [p, p+n), p rounded down to a page, up to the
// first page that is not mapped for writing (the heap's reserved space is
// mapped PROT_NONE: EINVAL there, ENOMEM at a hole), and reports whether
// the kernel knows MADV_POPULATE_WRITE (Linux 5.14): a call of length 0
// fails only on an advice it does not know. It first asks for huge pages
// (MADV_HUGEPAGE) for the whole huge pages of the range within its heap
// chunk (hugeRange): where transparent huge pages are enabled for the
// memory that asks (the "madvise" setting, common, and the guest's), each
// comes as one huge page, zeroed at once, instead of 512 pages each with
// its own page table entry to set up now and to tear down at exit. The Go
// runtime maps later chunks of its heap anew, without the advice, so only
// this first chunk is concerned; its start being random, about half the
// runs have a whole huge page there.
static int populateWrite(uintptr_t p, uintptr_t n) {
	uintptr_t start = p & ~((uintptr_t)sysconf(_SC_PAGESIZE) - 1);
	if (madvise((void *)start, 0, MADV_POPULATE_WRITE) != 0) {
		return 0;
	}
	hugeRange(start, n, &newsclipHugeLo, &newsclipHugeHi);
	if (newsclipHugeLo == newsclipHugeHi) {
		newsclipHugeAdvice = -2;
	} else {
		// Refused without transparent huge pages: small pages then.
		newsclipHugeAdvice = madvise((void *)newsclipHugeLo, newsclipHugeHi - newsclipHugeLo, MADV_HUGEPAGE) == 0 ? 0 : errno;
	}
	madvise((void *)start, n, MADV_POPULATE_WRITE);
	return 1;
}

*/
import "C"

import "unsafe"

// heapAhead is the most init populates: a run allocates about this much
// before its first garbage collection (the initial heap goal is 4 MiB),
// 1.2 MB of it in the package initialisations that follow this one.
const heapAhead = 4 << 20

// first is the first object this package allocates. The heap grows up
// from there: the runtime hands out the free pages of lowest address
// first, and those below it are taken by what the runtime and the
// packages initialised earlier allocated.
var first *[16]byte

// heapPopulated reports whether the kernel knows the populate call.
var heapPopulated bool

// init populates the heap from the page holding its first allocation to
// the end of what the runtime has mapped, heapAhead bytes at most. The
// runtime maps its heap a 4 MiB chunk at a time as it grows, and Go 1.26
// starts it at a random page of the first chunk: the populated part is
// what is left of that chunk, about half of it on average (2.3 MiB over
// 300 runs). Later chunks fault in as before; so does everything on a
// kernel without MADV_POPULATE_WRITE (before Linux 5.14).
func init() {
	first = new([16]byte)
	heapPopulated = C.populateWrite(C.uintptr_t(uintptr(unsafe.Pointer(first))), heapAhead) != 0
}

// hugeAdvice returns what the last populateWrite's call for huge pages
// gave (see newsclipHugeAdvice) and the range it advised.
func hugeAdvice() (result int, lo, hi uintptr) {
	return int(C.newsclipHugeAdvice), uintptr(C.newsclipHugeLo), uintptr(C.newsclipHugeHi)
}

// hugeRangeOf is hugeRange, for the tests.
func hugeRangeOf(start, n uintptr) (lo, hi uintptr) {
	var l, h C.uintptr_t
	C.hugeRange(C.uintptr_t(start), C.uintptr_t(n), &l, &h)
	return uintptr(l), uintptr(h)
}

// populateWriteOf is populateWrite, for the tests: whether the kernel
// knows MADV_POPULATE_WRITE.
func populateWriteOf(p, n uintptr) bool { return C.populateWrite(C.uintptr_t(p), C.uintptr_t(n)) != 0 }

// imageRange is a range populateImage populated, and whether the kernel
// took the call.
type imageRange struct {
	start, end uintptr
	ok         bool
}

// imageReport returns what populateImage did: whether it ran, whether the
// kernel knows MADV_POPULATE_READ, and the ranges.
func imageReport() (ran, known bool, ranges []imageRange) {
	for i := range int(C.newsclipImageRanges) {
		r := C.newsclipImageRange[i]
		ranges = append(ranges, imageRange{uintptr(r[0]), uintptr(r[1]), C.newsclipImageOK[i] != 0})
	}
	return C.newsclipImageRan != 0, C.newsclipPopulateKnown != 0, ranges
}
