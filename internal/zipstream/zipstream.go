// Package zipstream writes a zip archive entry by entry in memory that
// does not grow with the number of entries.
//
// archive/zip.Writer keeps a header for every entry until Close writes the
// central directory: some 200 bytes an entry, 20 MB for an EPUB of 100,000
// articles. A Writer writes each entry's central directory record into a
// spill.Store as soon as the entry is done, and copies the records out at
// Close. For the entries it makes (a file name, Store or Deflate, an
// MS-DOS time) its bytes are archive/zip's for CreateHeader with the same
// FileHeader fields, zip64 records included; TestSameBytesAsArchiveZip
// holds it to that.
package zipstream

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"newsclip/internal/spill"
)

// Record sizes and signatures of the zip format (APPNOTE.TXT 4.3).
const (
	localHeaderLen  = 30
	dirRecordLen    = 46
	descriptorLen   = 16 // signature, CRC-32, two 32-bit sizes
	descriptor64Len = 24 // signature, CRC-32, two 64-bit sizes
	zip64ExtraLen   = 28 // id, size, three 64-bit values
	dir64EndLen     = 56
	dir64LocatorLen = 20
	dirEndLen       = 22

	localHeaderSig = 0x04034b50
	dirRecordSig   = 0x02014b50
	descriptorSig  = 0x08074b50
	dir64EndSig    = 0x06064b50
	dir64LocSig    = 0x07064b50
	dirEndSig      = 0x06054b50
	zip64ExtraID   = 0x0001

	version20 = 20 // version needed: deflate, data descriptors
	version45 = 45 // version needed: zip64

	flagDescriptor = 0x8   // sizes and CRC-32 follow the data
	flagUTF8       = 0x800 // the name is UTF-8

	max16 = 1<<16 - 1
	max32 = 1<<32 - 1
)

// flateLevel is archive/zip's deflate level.
const flateLevel = 5

// A Writer writes a zip archive to an io.Writer. Create starts an entry,
// which ends at the next Create or at Close. The zero value is not usable:
// make one with NewWriter.
type Writer struct {
	w       countWriter // over bw
	bw      *bufio.Writer
	dir     spill.Store // the central directory records of ended entries
	entries int64
	cur     *entry // the entry being written, or nil
	fw      *flate.Writer
	crc     hash.Hash32
	rec     []byte // a central directory record, reused
	err     error  // sticky: the first error
	closed  bool
}

// An entry is the one entry being written.
type entry struct {
	name     string
	method   uint16
	flags    uint16
	date     uint16 // MS-DOS date
	time     uint16 // MS-DOS time
	offset   uint64 // of the local header
	raw      int64  // uncompressed bytes
	comp     countWriter
	compress io.Writer // comp itself (Store) or the flate writer over it
	z        *Writer
}

// NewWriter starts an archive on w. The central directory is kept in a
// spill.Store under os.TempDir() past 1 MiB (spill.DefaultMemLimit).
func NewWriter(w io.Writer) *Writer {
	bw := bufio.NewWriterSize(w, 32<<10)
	return &Writer{w: countWriter{w: bw}, bw: bw, crc: crc32.NewIEEE()}
}

// SetSpill sets the folder of the directory's temporary file ("" is
// os.TempDir()) and how many bytes of records stay in memory before it is
// made (spill.Store's Dir and MemLimit). It must be called before the
// first Create.
func (z *Writer) SetSpill(dir string, memLimit int) { z.dir.Dir, z.dir.MemLimit = dir, memLimit }

// Create starts an entry named name, compressed with method (zip.Store or
// zip.Deflate), dated modified to the two seconds (MS-DOS time, UTC; years
// before 1980 are written as 1980-01-01). The returned writer is valid
// until the next Create or Close.
func (z *Writer) Create(name string, method uint16, modified time.Time) (io.Writer, error) {
	if err := z.endEntry(); err != nil {
		return nil, err
	}
	if len(name) > max16 {
		return nil, z.fail(errors.New("zip: entry name too long"))
	}
	if strings.HasSuffix(name, "/") {
		// archive/zip writes these as folders, in another form.
		return nil, z.fail(fmt.Errorf("zip: %q names a folder; only files are written", name))
	}
	e := &entry{name: name, method: method, flags: flagDescriptor, offset: uint64(z.w.n), z: z}
	e.date, e.time = msDOSTime(modified)
	if valid, require := utf8Name(name); valid && require {
		e.flags |= flagUTF8
	}
	e.comp.w = &z.w
	switch method {
	case zip.Store:
		e.compress = &e.comp
	case zip.Deflate:
		if z.fw == nil {
			fw, err := flate.NewWriter(&e.comp, flateLevel)
			if err != nil {
				return nil, z.fail(err)
			}
			z.fw = fw
		} else {
			z.fw.Reset(&e.comp)
		}
		e.compress = z.fw
	default:
		return nil, z.fail(zip.ErrAlgorithm)
	}
	z.crc.Reset()
	var b [localHeaderLen]byte
	le := binary.LittleEndian
	le.PutUint32(b[0:], localHeaderSig)
	le.PutUint16(b[4:], version20)
	le.PutUint16(b[6:], e.flags)
	le.PutUint16(b[8:], e.method)
	le.PutUint16(b[10:], e.time)
	le.PutUint16(b[12:], e.date)
	// CRC-32 and sizes are zero here: the data descriptor gives them.
	le.PutUint16(b[26:], uint16(len(name)))
	if err := z.write(b[:], name); err != nil {
		return nil, err
	}
	z.cur = e
	return e, nil
}

// Write compresses p into the entry.
func (e *entry) Write(p []byte) (int, error) {
	z := e.z
	if z.cur != e || z.err != nil {
		if z.err != nil {
			return 0, z.err
		}
		return 0, errors.New("zip: write to an ended entry")
	}
	z.crc.Write(p)
	n, err := e.compress.Write(p)
	e.raw += int64(n)
	if err != nil {
		return n, z.fail(err)
	}
	return n, nil
}

// endEntry ends the entry being written: the rest of its compressed data,
// its data descriptor, and its central directory record into the spill.
func (z *Writer) endEntry() error {
	switch {
	case z.err != nil:
		return z.err
	case z.closed:
		return errors.New("zip: writer closed")
	case z.cur == nil:
		return nil
	}
	e := z.cur
	z.cur = nil
	if e.method == zip.Deflate {
		if err := z.fw.Close(); err != nil {
			return z.fail(err)
		}
	}
	crc, comp, raw := z.crc.Sum32(), uint64(e.comp.n), uint64(e.raw)
	zip64 := comp >= max32 || raw >= max32
	var d [descriptor64Len]byte
	le := binary.LittleEndian
	le.PutUint32(d[0:], descriptorSig)
	le.PutUint32(d[4:], crc)
	n := descriptorLen
	if zip64 {
		le.PutUint64(d[8:], comp)
		le.PutUint64(d[16:], raw)
		n = descriptor64Len
	} else {
		le.PutUint32(d[8:], uint32(comp))
		le.PutUint32(d[12:], uint32(raw))
	}
	if err := z.write(d[:n], ""); err != nil {
		return err
	}
	z.rec = dirRecord(z.rec[:0], e, crc, comp, raw)
	if _, err := z.dir.Append(z.rec); err != nil {
		return z.fail(err)
	}
	z.entries++
	return nil
}

// dirRecord appends to b the central directory record of e, as
// archive/zip writes it: past 4 GiB (sizes or offset) the 32-bit fields
// say 0xffffffff and a zip64 extra field holds all three values.
func dirRecord(b []byte, e *entry, crc uint32, comp, raw uint64) []byte {
	le := binary.LittleEndian
	zip64 := comp >= max32 || raw >= max32
	reader := uint16(version20)
	if zip64 {
		reader = version45
	}
	extra := 0
	if zip64 || e.offset >= max32 {
		extra = zip64ExtraLen
	}
	b = le.AppendUint32(b, dirRecordSig)
	b = le.AppendUint16(b, version20) // made by: MS-DOS, 2.0
	b = le.AppendUint16(b, reader)
	b = le.AppendUint16(b, e.flags)
	b = le.AppendUint16(b, e.method)
	b = le.AppendUint16(b, e.time)
	b = le.AppendUint16(b, e.date)
	b = le.AppendUint32(b, crc)
	if extra > 0 {
		b = le.AppendUint32(b, max32)
		b = le.AppendUint32(b, max32)
	} else {
		b = le.AppendUint32(b, uint32(comp))
		b = le.AppendUint32(b, uint32(raw))
	}
	b = le.AppendUint16(b, uint16(len(e.name)))
	b = le.AppendUint16(b, uint16(extra))
	b = le.AppendUint16(b, 0) // comment length
	b = le.AppendUint16(b, 0) // disk number
	b = le.AppendUint16(b, 0) // internal attributes
	b = le.AppendUint32(b, 0) // external attributes
	b = le.AppendUint32(b, uint32(min(e.offset, max32)))
	b = append(b, e.name...)
	if extra > 0 {
		b = le.AppendUint16(b, zip64ExtraID)
		b = le.AppendUint16(b, 24)
		b = le.AppendUint64(b, raw)
		b = le.AppendUint64(b, comp)
		b = le.AppendUint64(b, e.offset)
	}
	return b
}

// Close ends the last entry and writes the central directory and the end
// records (zip64 ones past 65,534 entries or 4 GiB). It releases the
// directory's store whatever happens, and does not close the underlying
// writer.
func (z *Writer) Close() (err error) {
	defer func() {
		if derr := z.dir.Close(); err == nil {
			err = derr // the directory's temporary file could not be removed
		}
	}()
	if err := z.endEntry(); err != nil {
		return err
	}
	z.closed = true
	start := uint64(z.w.n)
	if _, err := z.dir.WriteTo(&z.w); err != nil {
		return z.fail(err)
	}
	end := uint64(z.w.n)
	records, size, offset := uint64(z.entries), end-start, start
	le := binary.LittleEndian
	var b []byte
	if records >= max16 || size >= max32 || offset >= max32 {
		b = le.AppendUint32(b, dir64EndSig)
		b = le.AppendUint64(b, dir64EndLen-12) // the record's length after this field
		b = le.AppendUint16(b, version45)
		b = le.AppendUint16(b, version45)
		b = le.AppendUint32(b, 0) // this disk
		b = le.AppendUint32(b, 0) // the directory's disk
		b = le.AppendUint64(b, records)
		b = le.AppendUint64(b, records)
		b = le.AppendUint64(b, size)
		b = le.AppendUint64(b, offset)
		b = le.AppendUint32(b, dir64LocSig)
		b = le.AppendUint32(b, 0)   // the zip64 end record's disk
		b = le.AppendUint64(b, end) // the zip64 end record's offset
		b = le.AppendUint32(b, 1)   // disks
		records, size, offset = max16, max32, max32
	}
	b = le.AppendUint32(b, dirEndSig)
	b = le.AppendUint32(b, 0) // this disk, the directory's disk
	b = le.AppendUint16(b, uint16(records))
	b = le.AppendUint16(b, uint16(records))
	b = le.AppendUint32(b, uint32(size))
	b = le.AppendUint32(b, uint32(offset))
	b = le.AppendUint16(b, 0) // comment length
	if err := z.write(b, ""); err != nil {
		return err
	}
	if err := z.bw.Flush(); err != nil {
		return z.fail(err)
	}
	return nil
}

// Abort gives up the archive: its directory's store is released and
// every later call fails. After Close it does nothing.
func (z *Writer) Abort() { z.fail(errors.New("zip: archive abandoned")) }

// write writes b, then s, to the archive.
func (z *Writer) write(b []byte, s string) error {
	if _, err := z.w.Write(b); err != nil {
		return z.fail(err)
	}
	if s != "" {
		if _, err := io.WriteString(&z.w, s); err != nil {
			return z.fail(err)
		}
	}
	return nil
}

// fail records the first error, which every later call returns, and
// releases the directory's store: the archive can no longer be finished.
func (z *Writer) fail(err error) error {
	if z.err == nil {
		z.err = err
		z.dir.Close()
	}
	return z.err
}

// msDOSTime is t as an MS-DOS date and time (UTC, two-second steps), 1980
// at the earliest.
func msDOSTime(t time.Time) (date, tm uint16) {
	t = t.UTC()
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}

// utf8Name says whether name is valid UTF-8 and whether it needs the UTF-8
// flag: a rune outside the printable ASCII that most code pages share
// (0x20-0x7d but the backslash), as archive/zip decides.
func utf8Name(name string) (valid, require bool) {
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		i += size
		if r < 0x20 || r > 0x7d || r == 0x5c {
			if r == utf8.RuneError && size == 1 {
				return false, false
			}
			require = true
		}
	}
	return true, require
}

// A countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
