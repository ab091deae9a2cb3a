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
#define HUGE_PAGE (2u << 20)

// populateWrite populates [p, p+n), p rounded down to a page, up to the
// first page that is not mapped for writing (the heap's reserved space is
// mapped PROT_NONE: EINVAL there, ENOMEM at a hole), and reports whether
// the kernel knows MADV_POPULATE_WRITE (Linux 5.14): a call of length 0
// fails only on an advice it does not know. It first asks for huge pages
// there (MADV_HUGEPAGE, from the huge page holding p): where transparent
// huge pages are enabled for the memory that asks (the "madvise" setting,
// common, and the guest's), each 2 MiB of the range that nothing has
// touched yet comes as one huge page, zeroed at once, instead of 512
// pages each with its own page table entry to set up now and to tear down
// at exit. The Go runtime maps later chunks of its heap anew, without the
// advice, so only this first chunk is concerned.
int newsclipHugeAdvice = -1; // what the MADV_HUGEPAGE call gave: 0, an errno, or -1 before it
static int populateWrite(uintptr_t p, uintptr_t n) {
	uintptr_t start = p & ~((uintptr_t)sysconf(_SC_PAGESIZE) - 1);
	if (madvise((void *)start, 0, MADV_POPULATE_WRITE) != 0) {
		return 0;
	}
	uintptr_t huge = start & ~((uintptr_t)HUGE_PAGE - 1);
	// Refused without transparent huge pages: small pages then.
	newsclipHugeAdvice = madvise((void *)huge, start + n - huge, MADV_HUGEPAGE) == 0 ? 0 : errno;
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

// hugeAdvice returns what init's call for huge pages gave: 0 when the
// kernel took it, an errno when it refused it, -1 when it was not made.
func hugeAdvice() int { return int(C.newsclipHugeAdvice) }

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
