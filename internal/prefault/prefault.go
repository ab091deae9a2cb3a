// Package prefault maps, at start-up, the pages every run of newsclip
// touches: the program's code and constants (its .text and .rodata
// sections, 7.7 MB) and the next 4 MiB of the Go heap, with one system
// call each (madvise MADV_POPULATE_READ and MADV_POPULATE_WRITE, Linux
// 5.14), instead of one page fault per page or per 16 pages as they are
// first touched.
//
// A page fault is cheap on bare metal (well under a microsecond) but traps
// to the hypervisor on many virtual machines: on the 2-core Firecracker
// guest the benchmarks run on, 10-16 µs a fault, while populating 4 MiB
// takes about 0.6 ms. There `newsclip --version` took 860 faults
// (`pdftotext -v`: 425) and a one-page PDF, parent and PDF child, 2,400;
// with this package, about 350 and 1,500, and 14% and 12% less wall time
// (bench/startup.sh, bench/pdf-speed.sh).
//
// The cost is resident memory: pages a run would not have touched count in
// its peak RSS, about 2-3 MiB more (the code's pages are shared with every
// other newsclip process through the page cache).
//
// Importing the package does the work; it has nothing to call. Both the
// command and the PDF child (the same program) import it through main.
// Off Linux, or built without cgo, it does nothing.
package prefault
