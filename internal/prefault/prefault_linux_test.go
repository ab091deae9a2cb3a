//go:build linux && cgo

package prefault

import (
	"debug/elf"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"newsclip/internal/testutil"
)

// residentAtStart and aheadPages: how many of the pages init populated
// were resident when TestMain began, before the tests allocated anything,
// and how many there are. init's call covers the page holding first up
// to heapAhead bytes, the end of the runtime's chunk (4 MiB, aligned) or
// the end of the mapping, whichever comes first; the runtime may map the
// next chunk after init, so the chunk's end is taken from the address.
var residentAtStart, aheadPages int

func TestMain(m *testing.M) {
	page := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(first)) &^ (page - 1)
	end := min(start+heapAhead, (start|(runtimeChunk-1))+1)
	ms, err := mappings()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, m := range ms {
		if m.start <= start && start < m.end {
			end = min(end, m.end)
		}
	}
	residentAtStart, aheadPages = resident(start, end-start)
	os.Exit(m.Run())
}

// runtimeChunk is the Go runtime's heap chunk (pallocChunkBytes).
const runtimeChunk = 4 << 20

// resident counts the resident pages of [start, start+n) with mincore(2);
// for anonymous memory a page is resident once it is mapped.
func resident(start, n uintptr) (in, pages int) {
	page := uintptr(os.Getpagesize())
	vec := make([]byte, (n+page-1)/page)
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, start, n, uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		return -1, len(vec)
	}
	for _, v := range vec {
		in += int(v & 1)
	}
	return in, len(vec)
}

// TestHeapPopulated: the heap from the package's first allocation on is
// mapped before anything else runs. Without the populate call, the test
// binary's start-up touches only some of those pages.
func TestHeapPopulated(t *testing.T) {
	if !heapPopulated {
		t.Skip("the kernel does not know MADV_POPULATE_WRITE (Linux before 5.14)")
	}
	if residentAtStart != aheadPages {
		t.Fatalf("%d of the %d heap pages from the first allocation on resident at start, want all", residentAtStart, aheadPages)
	}
}

// TestHugeRange: the huge page advice covers the whole huge pages from
// the first allocation on, within its heap chunk, and nothing below it or
// past the chunk (the runtime's reserved space, or no mapping at all).
func TestHugeRange(t *testing.T) {
	const mib = 1 << 20
	const chunk = 0x7f0000000000 // a heap chunk's start (4 MiB-aligned)
	for _, tc := range []struct {
		start, n, lo, hi uintptr
	}{
		{chunk, 4 * mib, chunk, chunk + 4*mib},                        // the whole chunk
		{chunk + 4096, 4 * mib, chunk + 2*mib, chunk + 4*mib},         // not the huge page the start is in
		{chunk + 2*mib, 4 * mib, chunk + 2*mib, chunk + 4*mib},        // not past the chunk's end
		{chunk + 2*mib + 4096, 4 * mib, chunk + 4*mib, chunk + 4*mib}, // no whole huge page left
		{chunk, mib, chunk, chunk},                                    // n less than a huge page
		{chunk + 4096, 2 * mib, chunk + 2*mib, chunk + 2*mib},         // nor a whole one in [start, start+n)
	} {
		if lo, hi := hugeRangeOf(tc.start, tc.n); lo != tc.lo || hi != tc.hi {
			t.Errorf("hugeRange(%#x, %#x) = [%#x, %#x), want [%#x, %#x)", tc.start, tc.n, lo, hi, tc.lo, tc.hi)
		}
	}
}

// TestHeapHugePages: populateWrite advises its range's whole huge pages
// for transparent huge pages before populating it (smaps shows the "hg"
// flag on them), so that where the kernel gives huge pages only to memory
// that asks ("madvise", the usual setting) they come as huge pages. It is
// tried on a chunk-aligned mapping of the test's own, starting a page in,
// as the heap's first allocation does. It also reports init's own call.
func TestHeapHugePages(t *testing.T) {
	if !heapPopulated {
		t.Skip("the kernel does not know MADV_POPULATE_WRITE (Linux before 5.14)")
	}
	res, lo, hi := hugeAdvice()
	t.Logf("init: advice %d for [%#x, %#x)", res, lo, hi)
	if res == -1 {
		t.Fatal("init did not ask for huge pages")
	}
	const chunk = 4 << 20
	mem, err := syscall.Mmap(-1, 0, 3*chunk, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	base := (uintptr(unsafe.Pointer(&mem[0])) + chunk - 1) &^ (chunk - 1)
	populateWriteOf(base+4096, chunk)
	switch res, lo, hi = hugeAdvice(); {
	case res > 0:
		t.Skipf("the kernel refused MADV_HUGEPAGE: %v", syscall.Errno(res))
	case res != 0 || lo != base+2<<20 || hi != base+chunk:
		t.Fatalf("advice %d for [%#x, %#x), want 0 for [%#x, %#x)", res, lo, hi, base+2<<20, base+chunk)
	}
	flags := smapsFlags(t, lo)
	if !slices.Contains(flags, "hg") {
		t.Errorf("the advised mapping at %#x has flags %v, want hg (MADV_HUGEPAGE)", lo, flags)
	}
	if below := smapsFlags(t, base); slices.Contains(below, "hg") {
		t.Errorf("the huge page below the start (%#x) is advised too: flags %v", base, below)
	}
}

// smapsFlags returns the VmFlags of the mapping that holds addr.
func smapsFlags(t *testing.T, addr uintptr) []string {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if lo, hi, ok := strings.Cut(f[0], "-"); ok && len(f) >= 5 {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			e, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && uintptr(a) <= addr && addr < uintptr(e)
			continue
		}
		if in && f[0] == "VmFlags:" {
			return f[1:]
		}
	}
	t.Fatalf("no mapping in /proc/self/smaps holds %#x", addr)
	return nil
}

// TestImagePopulated: the constructor populated exactly the program's
// .text and .rodata, found here with debug/elf and the load address in
// /proc/self/maps, and the kernel took each call.
func TestImagePopulated(t *testing.T) {
	ran, known, ranges := imageReport()
	if !ran {
		t.Fatal("the C constructor did not run (a program linked with -linkmode=internal has none)")
	}
	if !known {
		t.Skip("the kernel does not know MADV_POPULATE_READ (Linux before 5.14)")
	}
	exe, f := openSelf(t)
	if os.Getenv(pieChild) != "" && f.Type != elf.ET_DYN {
		t.Fatalf("%s is %v, not a position-independent executable", exe, f.Type)
	}
	bias := loadBias(t, exe, f)
	var want []imageRange
	for _, name := range []string{".text", ".rodata"} {
		s := f.Section(name)
		if s == nil {
			t.Fatalf("%s has no %s section", exe, name)
		}
		start := bias + uintptr(s.Addr)
		want = append(want, imageRange{start &^ uintptr(os.Getpagesize()-1), start + uintptr(s.Size), true})
	}
	if !reflect.DeepEqual(ranges, want) {
		t.Errorf("populated %+v, want %+v (bias %#x)", ranges, want, bias)
	}
}

// pieChild and loaderChild mark the runs of this package's tests that
// TestImagePopulatedPIE and TestImageNotLoader start.
const (
	pieChild    = "NEWSCLIP_PREFAULT_PIE"
	loaderChild = "NEWSCLIP_PREFAULT_LOADER"
)

// TestImagePopulatedPIE runs TestImagePopulated in a position-independent
// build of this package's tests, where the sections are mapped at the load
// address plus their addresses in the file.
func TestImagePopulatedPIE(t *testing.T) {
	if os.Getenv(pieChild) != "" {
		t.Skip("this is the PIE build")
	}
	if testing.Short() {
		t.Skip("builds the package's tests again (-short)")
	}
	if _, known, _ := imageReport(); !known {
		t.Skip("the kernel does not know MADV_POPULATE_READ (Linux before 5.14)")
	}
	if strings.Contains(os.Getenv("GOFLAGS"), "-race") {
		t.Skip("-buildmode=pie does not go with -race")
	}
	_, src, _, _ := runtime.Caller(0)
	if _, err := os.Stat(src); err != nil {
		t.Skip("the package's sources are not here:", err)
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	cmd := exec.Command(gobin, "test", "-buildmode=pie", "-count=1", "-run", "^TestImagePopulated$", "-v", ".")
	cmd.Dir = filepath.Dir(src)
	cmd.Env = append(os.Environ(), pieChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestImagePopulated ") {
		t.Fatalf("go test -buildmode=pie: %v\n%s", err, out)
	}
}

// TestImageNotLoader: a program run through the dynamic loader
// (`ld-linux-x86-64.so.2 ./newsclip`) has the loader as /proc/self/exe,
// whose sections are not the program's: nothing is populated.
func TestImageNotLoader(t *testing.T) {
	ran, known, ranges := imageReport()
	if os.Getenv(loaderChild) != "" {
		if !ran || !known || len(ranges) != 0 {
			t.Fatalf("through the loader: ran %v, kernel knows the call %v, populated %+v; want nothing populated", ran, known, ranges)
		}
		return
	}
	if !known {
		t.Skip("the kernel does not know MADV_POPULATE_READ (Linux before 5.14)")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	loader, err := testutil.Interpreter(exe)
	if err != nil {
		t.Fatal(err)
	}
	if loader == "" {
		t.Skip("a static program: no loader")
	}
	cmd := exec.Command(loader, exe, "-test.run", "^TestImageNotLoader$", "-test.v")
	cmd.Env = append(os.Environ(), loaderChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestImageNotLoader ") {
		t.Fatalf("%s %s: %v\n%s", loader, exe, err, out)
	}
}

// openSelf opens this test program's file as ELF.
func openSelf(t *testing.T) (string, *elf.File) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	f, err := elf.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return exe, f
}

// loadBias returns where the program is loaded relative to its addresses
// in the file: 0 for a fixed-address executable, else the start of its
// mapping of file offset 0 less its first segment's page.
func loadBias(t *testing.T, exe string, f *elf.File) uintptr {
	if f.Type == elf.ET_EXEC {
		return 0
	}
	first := ^uint64(0)
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Vaddr < first {
			first = p.Vaddr
		}
	}
	ms, err := mappings()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.path == exe && m.offset == 0 {
			return m.start - uintptr(first&^4095)
		}
	}
	t.Fatalf("no mapping of %s at offset 0", exe)
	return 0
}

// mapping is a line of /proc/self/maps.
type mapping struct {
	start, end uintptr
	offset     uint64
	path       string
}

// mappings reads /proc/self/maps.
func mappings() ([]mapping, error) {
	b, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return nil, err
	}
	var ms []mapping
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		// 00400000-00a12000 r-xp 00002000 fe:00 9978031   /tmp/newsclip
		f := strings.Fields(line)
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok || len(f) < 5 {
			return nil, fmt.Errorf("/proc/self/maps: odd line %q", line)
		}
		a, err1 := strconv.ParseUint(lo, 16, 64)
		e, err2 := strconv.ParseUint(hi, 16, 64)
		off, err3 := strconv.ParseUint(f[2], 16, 64)
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("/proc/self/maps: %q: %v", line, err)
		}
		m := mapping{start: uintptr(a), end: uintptr(e), offset: off}
		if len(f) >= 6 {
			m.path = f[5]
		}
		ms = append(ms, m)
	}
	return ms, nil
}
