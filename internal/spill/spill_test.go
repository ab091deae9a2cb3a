package spill

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestStoreMatchesMemory appends random pieces to Stores with small
// memory limits, so that they move to a file part way, and checks every
// read against the same bytes kept in memory: random ReadAts, reads in
// order (the window), reads across the move, reads after more appends,
// and WriteTo.
func TestStoreMatchesMemory(t *testing.T) {
	for _, limit := range []int{-1, 1, 100, 5000, 200 << 10} {
		rng := rand.New(rand.NewPCG(uint64(limit+2), 7))
		dir := t.TempDir()
		s := &Store{Dir: dir, MemLimit: limit}
		var want []byte
		check := func() {
			t.Helper()
			for range 50 {
				off := rng.Int64N(int64(len(want)) + 1)
				n := rng.IntN(3*blockSize/2 + 1)
				p := make([]byte, n)
				got, err := s.ReadAt(p, off)
				wantN := min(n, len(want)-int(off))
				if got != wantN || !bytes.Equal(p[:got], want[off:int(off)+wantN]) {
					t.Fatalf("limit %d: ReadAt(%d bytes, %d) of %d = %d bytes, not the ones appended", limit, n, off, len(want), got)
				}
				if (got < n) != (err == io.EOF) {
					t.Fatalf("limit %d: ReadAt short by %d, err %v", limit, n-got, err)
				}
			}
		}
		for i := range 300 {
			piece := make([]byte, rng.IntN(4000))
			for j := range piece {
				piece[j] = byte(rng.IntN(256))
			}
			var off int64
			var err error
			if i%2 == 0 {
				off, err = s.Append(piece)
			} else {
				off, err = s.AppendString(string(piece))
			}
			if err != nil || off != int64(len(want)) {
				t.Fatalf("limit %d: Append at %d, err %v; want offset %d", limit, off, err, len(want))
			}
			want = append(want, piece...)
			if i%37 == 0 {
				check()
			}
		}
		check()
		// Reading forward in small steps, as a table of contents does.
		for off := 0; off < len(want); off += 1000 {
			p := make([]byte, min(700, len(want)-off))
			if _, err := s.ReadAt(p, int64(off)); err != nil || !bytes.Equal(p, want[off:off+len(p)]) {
				t.Fatalf("limit %d: forward read at %d: %v", limit, off, err)
			}
		}
		var out bytes.Buffer
		if n, err := s.WriteTo(&out); err != nil || n != int64(len(want)) || !bytes.Equal(out.Bytes(), want) {
			t.Fatalf("limit %d: WriteTo wrote %d bytes (err %v), want the %d appended", limit, n, err, len(want))
		}
		if s.Len() != int64(len(want)) {
			t.Fatalf("limit %d: Len %d, want %d", limit, s.Len(), len(want))
		}
		inFile := s.f != nil
		if want := limit > 0 && limit < len(want); inFile != want {
			t.Errorf("limit %d: in a file %v, want %v", limit, inFile, want)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Append([]byte("x")); err == nil {
			t.Errorf("limit %d: Append after Close succeeded", limit)
		}
		if _, err := s.ReadAt(make([]byte, 1), 0); err == nil {
			t.Errorf("limit %d: ReadAt after Close succeeded", limit)
		}
	}
}

// TestStoreLeavesNoFile: the temporary file is gone from its folder while
// the Store still reads it (Unix), and after Close everywhere.
func TestStoreLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	s := &Store{Dir: dir, MemLimit: 10}
	data := bytes.Repeat([]byte("0123456789"), 1000)
	if _, err := s.Append(data); err != nil {
		t.Fatal(err)
	}
	if s.f == nil {
		t.Fatal("no file past the memory limit")
	}
	if runtime.GOOS != "windows" && s.name != "" {
		t.Errorf("the file %s was not unlinked once open", s.name)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 && s.name == "" {
		t.Errorf("the file is unlinked but %s still lists %d entries", dir, len(ents))
	}
	if OpenFiles() != 1 {
		t.Errorf("OpenFiles() = %d with one file open", OpenFiles())
	}
	p := make([]byte, 10)
	if _, err := s.ReadAt(p, 9990); err != nil || string(p) != "0123456789" {
		t.Fatalf("ReadAt of the unlinked file: %q, %v", p, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("after Close %s holds %d entries", dir, len(ents))
	}
	if OpenFiles() != 0 {
		t.Errorf("OpenFiles() = %d after Close", OpenFiles())
	}
}

// TestStoreWithoutFolder: when no temporary file can be made, the Store
// keeps working in memory.
func TestStoreWithoutFolder(t *testing.T) {
	s := &Store{Dir: filepath.Join(t.TempDir(), "missing"), MemLimit: 10}
	data := bytes.Repeat([]byte("ab"), 100)
	if _, err := s.Append(data); err != nil {
		t.Fatalf("Append without a folder for the file: %v", err)
	}
	var out bytes.Buffer
	if _, err := s.WriteTo(&out); err != nil || !bytes.Equal(out.Bytes(), data) {
		t.Fatalf("WriteTo: %v, %d bytes", err, out.Len())
	}
	if s.f != nil {
		t.Error("a file was made in a missing folder")
	}
}

// TestStoreMemoryBounded: appending 8 MB to a Store with the default limit
// raises the heap by about the limit and the buffers, not by the bytes.
func TestStoreMemoryBounded(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	defer s.Close()
	piece := bytes.Repeat([]byte("x"), 1000)
	before := heapNow()
	for range 8000 {
		if _, err := s.Append(piece); err != nil {
			t.Fatal(err)
		}
	}
	if grew := int64(heapNow()) - int64(before); grew > 2*DefaultMemLimit {
		t.Errorf("the heap grew %d KiB for 8,000 KB appended; want at most %d KiB", grew>>10, 2*DefaultMemLimit>>10)
	}
}

// heapNow is the live heap after a collection, in bytes.
func heapNow() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
