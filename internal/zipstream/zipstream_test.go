package zipstream

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// A testEntry is one entry written both ways.
type testEntry struct {
	name   string
	method uint16
	t      time.Time
	chunks [][]byte
}

// archiveZip writes entries with archive/zip, as newsclip's EPUB writer
// did before this package: a FileHeader with the name, the method and
// the MS-DOS time only.
func archiveZip(t *testing.T, entries []testEntry, offset int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.SetOffset(offset)
	writeEntries(t, entries, func(e testEntry) (io.Writer, error) {
		h := &zip.FileHeader{Name: e.name, Method: e.method}
		//lint:ignore SA1019 the legacy MS-DOS time adds no extra field
		h.ModifiedDate, h.ModifiedTime = msDOSTime(e.t)
		return zw.CreateHeader(h)
	})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ours writes entries with a Writer that starts counting at offset.
func ours(t *testing.T, entries []testEntry, offset int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := NewWriter(&buf)
	zw.w.n = offset
	zw.SetSpill(t.TempDir(), 0)
	writeEntries(t, entries, func(e testEntry) (io.Writer, error) { return zw.Create(e.name, e.method, e.t) })
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := zw.dir.Append(nil); err == nil {
		t.Error("the directory's store is still open after Close")
	}
	return buf.Bytes()
}

// writeEntries starts each entry with create and writes its chunks.
func writeEntries(t *testing.T, entries []testEntry, create func(testEntry) (io.Writer, error)) {
	t.Helper()
	for _, e := range entries {
		f, err := create(e)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range e.chunks {
			if _, err := f.Write(c); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// randomEntries makes n entries: names plain, UTF-8, with a backslash or
// with a byte that is not UTF-8; stored or deflated; empty, small or
// large, random or repetitive data written in chunks; times before 1980,
// at odd seconds and late in the century.
func randomEntries(rng *rand.Rand, n int) []testEntry {
	names := []string{"a%05d.xhtml", "EPUB/xhtml/a%05d.xhtml", "Zeitung/Ausgabe-%d-Ü.xhtml", "dir\\%d.txt", "bad-\xff-%d", "tilde~%d", "日本%d"}
	times := []time.Time{
		time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC),
		time.Date(2099, 12, 31, 13, 7, 3, 0, time.FixedZone("X", 3600)),
	}
	var es []testEntry
	for i := range n {
		e := testEntry{name: fmt.Sprintf(names[rng.IntN(len(names))], i), method: zip.Deflate, t: times[rng.IntN(len(times))]}
		if rng.IntN(3) == 0 {
			e.method = zip.Store
		}
		size := []int{0, 1, 100, 5000, 200 << 10}[rng.IntN(5)]
		data := make([]byte, size)
		for j := range data {
			if rng.IntN(2) == 0 {
				data[j] = byte(rng.IntN(256))
			} else {
				data[j] = "the quick brown fox "[j%20]
			}
		}
		for len(data) > 0 {
			c := min(len(data), 1+rng.IntN(70000))
			e.chunks = append(e.chunks, data[:c])
			data = data[c:]
		}
		es = append(es, e)
	}
	return es
}

// TestSameBytesAsArchiveZip: for the entries it makes, a Writer writes
// archive/zip's bytes, and archive/zip reads them back.
func TestSameBytesAsArchiveZip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 30 {
		es := randomEntries(rng, round%7)
		want, got := archiveZip(t, es, 0), ours(t, es, 0)
		if !bytes.Equal(got, want) {
			t.Fatalf("round %d (%d entries): %d bytes, archive/zip wrote %d; first difference at %d",
				round, len(es), len(got), len(want), firstDiff(got, want))
		}
		r, err := zip.NewReader(bytes.NewReader(got), int64(len(got)))
		if err != nil {
			t.Fatalf("round %d: archive/zip cannot read it: %v", round, err)
		}
		for i, f := range r.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil || !bytes.Equal(data, bytes.Join(es[i].chunks, nil)) {
				t.Fatalf("round %d: entry %q reads back wrong (%v)", round, f.Name, err)
			}
		}
	}
}

// TestManyEntries: from 65,535 entries on the end records are zip64 ones,
// as archive/zip writes them, and the directory has gone through a file.
func TestManyEntries(t *testing.T) {
	if testing.Short() {
		t.Skip("65,535 entries")
	}
	for _, n := range []int{65534, 65535} {
		es := make([]testEntry, n)
		for i := range es {
			es[i] = testEntry{name: fmt.Sprintf("EPUB/xhtml/a%05d.xhtml", i), method: zip.Store,
				t: time.Date(2021, 5, 4, 0, 0, 0, 0, time.UTC), chunks: [][]byte{{byte(i)}}}
		}
		want, got := archiveZip(t, es, 0), ours(t, es, 0)
		if !bytes.Equal(got, want) {
			t.Fatalf("%d entries: %d bytes, archive/zip wrote %d; first difference at %d", n, len(got), len(want), firstDiff(got, want))
		}
		r, err := zip.NewReader(bytes.NewReader(got), int64(len(got)))
		if err != nil || len(r.File) != len(es) {
			t.Fatalf("%d entries: archive/zip reads %v entries (%v)", n, len(r.File), err)
		}
	}
}

// TestLargeOffsets: entries and a directory at or past 4 GiB get zip64
// fields as archive/zip gives them. The archives are not written out:
// both writers start counting at an offset (archive/zip's SetOffset).
func TestLargeOffsets(t *testing.T) {
	es := []testEntry{
		{name: "a.txt", method: zip.Store, chunks: [][]byte{[]byte("hello")}},
		{name: "b.txt", method: zip.Deflate, chunks: [][]byte{[]byte("hello hello hello")}},
	}
	// The entries' length, from the end record's directory offset: the
	// directory of an archive from max32 - entries starts at max32.
	plain := ours(t, es, 0)
	entries := int64(binary.LittleEndian.Uint32(plain[len(plain)-6:]))
	for _, start := range []int64{max32 - 100, max32 - entries - 1, max32 - entries, max32 - 1, max32, 5 << 30} {
		want, got := archiveZip(t, es, start), ours(t, es, start)
		if !bytes.Equal(got, want) {
			t.Errorf("from %d: %d bytes, archive/zip wrote %d; first difference at %d", start, len(got), len(want), firstDiff(got, want))
		}
	}
}

// TestMSDOSTimes: entry times read back as MS-DOS times give them: UTC,
// even seconds, 1980 at the earliest.
func TestMSDOSTimes(t *testing.T) {
	cases := []struct{ in, want time.Time }{
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(1979, 12, 31, 23, 59, 59, 0, time.UTC), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC), time.Date(2024, 2, 29, 23, 59, 58, 0, time.UTC)},
		{time.Date(2030, 6, 1, 1, 30, 0, 0, time.FixedZone("UTC+2", 2*3600)), time.Date(2030, 5, 31, 23, 30, 0, 0, time.UTC)},
	}
	var es []testEntry
	for i, c := range cases {
		es = append(es, testEntry{name: fmt.Sprint(i), method: zip.Store, t: c.in})
	}
	b := ours(t, es, 0)
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range r.File {
		if got := f.Modified; !got.Equal(cases[i].want) {
			t.Errorf("%v reads back as %v, want %v", cases[i].in, got, cases[i].want)
		}
	}
}

// failAfter fails every write once n bytes have gone through.
type failAfter struct{ n int }

var errFull = errors.New("disk full")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteErrorSticks: once the destination fails, every later call
// returns its error; none panics.
func TestWriteErrorSticks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	noise := make([]byte, 30000) // does not compress
	for i := range noise {
		noise[i] = byte(rng.IntN(256))
	}
	for _, limit := range []int{0, 10, 40000, 100000} {
		zw := NewWriter(&failAfter{n: limit})
		var first error
		for i := 0; i < 20 && first == nil; i++ {
			f, err := zw.Create(fmt.Sprintf("f%d", i), zip.Deflate, time.Time{})
			if err == nil {
				_, err = f.Write(noise)
			}
			first = err
		}
		if first == nil {
			first = zw.Close()
		}
		if !errors.Is(first, errFull) {
			t.Fatalf("limit %d: first error %v, want the destination's", limit, first)
		}
		if _, err := zw.Create("again", zip.Store, time.Time{}); !errors.Is(err, errFull) {
			t.Errorf("limit %d: Create after the error: %v", limit, err)
		}
		if err := zw.Close(); !errors.Is(err, errFull) {
			t.Errorf("limit %d: Close after the error: %v", limit, err)
		}
	}
}

// TestUnknownMethod: a method other than Store and Deflate is refused.
func TestUnknownMethod(t *testing.T) {
	zw := NewWriter(io.Discard)
	if _, err := zw.Create("x", 99, time.Time{}); !errors.Is(err, zip.ErrAlgorithm) {
		t.Errorf("method 99: %v, want zip.ErrAlgorithm", err)
	}
}

// TestFolderNameRefused: a name ending in '/' (a folder, which
// archive/zip writes in another form) is refused.
func TestFolderNameRefused(t *testing.T) {
	zw := NewWriter(io.Discard)
	if _, err := zw.Create("EPUB/", zip.Deflate, time.Time{}); err == nil {
		t.Error("a folder name was taken")
	}
}

// TestWriteToEndedEntry: an entry's writer refuses bytes once the next
// entry has started.
func TestWriteToEndedEntry(t *testing.T) {
	zw := NewWriter(io.Discard)
	f, err := zw.Create("a", zip.Deflate, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Create("b", zip.Deflate, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("late")); err == nil {
		t.Error("a write to an ended entry succeeded")
	}
}

// TestMemoryFlat: 200,000 entries raise the heap by about the spill's
// memory limit, not by a header an entry as archive/zip keeps.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("200,000 entries")
	}
	zw := NewWriter(io.Discard)
	zw.SetSpill(t.TempDir(), 0)
	add := func(from, to int) {
		for i := from; i < to; i++ {
			f, err := zw.Create(fmt.Sprintf("EPUB/xhtml/a%06d.xhtml", i), zip.Store, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(f, "<p>text</p>")
		}
	}
	add(0, 1000)
	before := heapNow()
	add(1000, 200000)
	grew := int64(heapNow()) - int64(before)
	t.Logf("the heap grew %d KiB over 199,000 entries", grew>>10)
	if grew > 3<<20 {
		t.Errorf("the heap grew %d KiB over 199,000 entries: %d bytes an entry", grew>>10, grew/199000)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

func heapNow() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
