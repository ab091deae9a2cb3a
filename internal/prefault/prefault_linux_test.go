//go:build linux && cgo

package prefault

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// residentAtStart and aheadPages: how many of the pages init populated
// (from the one holding first, up to heapAhead bytes or the end of its
// mapping) were resident when TestMain began, before the tests allocated
// anything, and how many there are.
var residentAtStart, aheadPages int

func TestMain(m *testing.M) {
	page := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(first)) &^ (page - 1)
	end := start + heapAhead
	if e, ok := mappingEnd(start); ok && e < end {
		end = e
	}
	residentAtStart, aheadPages = resident(start, end-start)
	os.Exit(m.Run())
}

// mappingEnd returns the end of the mapping holding addr, from
// /proc/self/maps.
func mappingEnd(addr uintptr) (uintptr, bool) {
	b, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		lo, hi, ok := strings.Cut(strings.Fields(line + " x")[0], "-")
		if !ok {
			continue
		}
		a, err1 := strconv.ParseUint(lo, 16, 64)
		e, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 == nil && err2 == nil && uintptr(a) <= addr && addr < uintptr(e) {
			return uintptr(e), true
		}
	}
	return 0, false
}

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

// TestImagePopulated: every page of the program's code is mapped. The test
// binary's start-up alone would touch a small part of its 2-3 MB of code.
func TestImagePopulated(t *testing.T) {
	populated, size := imagePopulated()
	if size == 0 {
		t.Fatal("no read-only segment of the program found")
	}
	if populated == 0 {
		t.Skip("the kernel refused MADV_POPULATE_READ (Linux before 5.14)")
	}
	if populated != size {
		t.Errorf("populated %d of the read-only segments' %d bytes", populated, size)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	code := 0
	for _, m := range mappings(t) {
		if m.path != exe || m.perms != "r-xp" {
			continue
		}
		code++
		if m.rss != m.size {
			t.Errorf("code mapping %s: %d kB resident of %d kB", m.addr, m.rss, m.size)
		}
	}
	if code == 0 {
		t.Fatalf("no code mapping of %s in /proc/self/smaps", filepath.Base(exe))
	}
}

type mapping struct {
	addr, perms, path string
	size, rss         int // kB
}

// mappings reads /proc/self/smaps.
func mappings(t *testing.T) []mapping {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ms []mapping
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			m := mapping{addr: fields[0], perms: fields[1]}
			if len(fields) >= 6 {
				m.path = fields[5]
			}
			ms = append(ms, m)
		case len(ms) > 0 && len(fields) == 3 && fields[2] == "kB":
			n, _ := strconv.Atoi(fields[1])
			switch fields[0] {
			case "Size:":
				ms[len(ms)-1].size = n
			case "Rss:":
				ms[len(ms)-1].rss = n
			}
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return ms
}
