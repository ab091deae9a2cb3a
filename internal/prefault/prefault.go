// Package prefault maps, at start-up, pages that every run of newsclip
// touches: the program's code and constants (its .text and .rodata
// sections, 7.75 MiB) and what is left of the Go heap's first mapped
// chunk (up to 4 MiB), with madvise (MADV_POPULATE_READ and
// MADV_POPULATE_WRITE, Linux 5.14): a few system calls instead of one page
// fault per page, or per 16 pages of the program, as they are first
// touched.
//
// A page fault costs well under a microsecond on bare metal. On the 2-core
// Firecracker guest the benchmarks run on it costs 10-16 µs, a trap to the
// hypervisor, while populating 4 MiB takes 0.8-1.3 ms. There
// `newsclip --version` took 860 faults (`pdftotext -v`: 425) and a
// one-page PDF, parent and PDF child, 2,400; with this package, a median
// of about 360 (quartiles 350 and 520: the heap part depends on where the
// runtime starts its heap) and 1,430, and 12-19% less wall time (medians
// of 31-41 interleaved runs).
//
// The heap's part is advised for transparent huge pages first
// (MADV_HUGEPAGE): where the kernel gives them to memory that asks (the
// usual "madvise" setting, the guest's), each 2 MiB of it that nothing has
// touched yet comes as one huge page, one page table entry to set up and
// to tear down at exit instead of 512. That took 0.8-1.6 ms more off a
// one-page PDF and `newsclip --version` (medians of 61 interleaved runs),
// with the same peak RSS.
//
// The cost is resident memory: pages a run would not have touched count in
// its peak RSS, 1-3 MiB more (the code's pages are shared with every other
// newsclip process through the page cache).
//
// Importing the package does the work; it has nothing to call. Both the
// command and its PDF child (the same program) import it through main.
// Off Linux, built without cgo, or linked by Go's internal linker (which
// keeps no C constructors), the program's part does nothing.
package prefault
