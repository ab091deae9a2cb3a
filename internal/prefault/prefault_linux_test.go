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

// residentAtStart is how many of the first heap chunk's pages were
// resident when TestMain began, before the tests allocate anything.
var residentAtStart, chunkPages int

func TestMain(m *testing.M) {
	start := uintptr(unsafe.Pointer(first)) &^ (heapChunk - 1)
	residentAtStart, chunkPages = resident(start, heapChunk)
	os.Exit(m.Run())
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

// TestHeapChunkPopulated: the heap chunk holding the package's first
// allocation is mapped whole before anything else runs. Without the
// populate call, the test binary's start-up touches only some of its 1,024
// pages.
func TestHeapChunkPopulated(t *testing.T) {
	if heapPopulated == 0 {
		t.Skip("the kernel refused MADV_POPULATE_WRITE (Linux before 5.14)")
	}
	if residentAtStart != chunkPages {
		t.Fatalf("%d of the first heap chunk's %d pages resident at start, want all", residentAtStart, chunkPages)
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
