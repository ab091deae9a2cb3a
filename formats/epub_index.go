package formats

import (
	"bufio"
	"encoding/binary"
	"encoding/xml"
	"hash/fnv"
	"io"
	"slices"

	"newsclip/internal/spill"
)

// epubTitles holds the title of every article of a book until Close
// writes the navigation: the titles in a spill.Store (in memory up to
// 1 MiB, then in a temporary file), in memory only where each ends, 8
// bytes an article.
type epubTitles struct {
	store spill.Store
	ends  []int64 // ends[n-1]: the end of article n's title in store
	buf   []byte
	err   error // the first read error; sticky
}

// add keeps the title of the next article.
func (t *epubTitles) add(title string) error {
	if _, err := t.store.AppendString(title); err != nil {
		return err
	}
	t.ends = append(t.ends, t.store.Len())
	return nil
}

// count is the number of titles added.
func (t *epubTitles) count() int { return len(t.ends) }

// at returns the title of article n (1-based). A read error is kept in
// t.err, which the writer of the navigation returns; at then gives "".
func (t *epubTitles) at(n int32) string {
	if t.err != nil {
		return ""
	}
	start := int64(0)
	if n > 1 {
		start = t.ends[n-2]
	}
	size := int(t.ends[n-1] - start)
	t.buf = slices.Grow(t.buf[:0], size)[:size]
	if _, err := t.store.ReadAt(t.buf, start); err != nil {
		t.err = err
		return ""
	}
	return string(t.buf)
}

// epubSources is the list of the book's input file names (dc:source), in
// order of first appearance and each once, kept in a spill.Store as
// length-prefixed records. What stays in memory is a hash set of 8-byte
// keys: it grows with the distinct names, some 25 bytes a name.
type epubSources struct {
	store spill.Store
	// seen maps a name's FNV-1a hash to the offset of the first record
	// with that hash; a name is a duplicate when the record there is the
	// same name, or when it is in other (names whose hash was taken by a
	// different name).
	seen  map[uint64]int64
	other map[string]bool
	buf   []byte
}

// add appends name unless it was added before.
func (s *epubSources) add(name string) error {
	key := sourceHash(name)
	if s.seen == nil {
		s.seen = map[uint64]int64{}
	}
	if off, ok := s.seen[key]; ok {
		same, err := s.recordIs(off, name)
		if err != nil || same || s.other[name] {
			return err
		}
		if s.other == nil {
			s.other = map[string]bool{}
		}
		s.other[name] = true
		return s.append(name)
	}
	s.seen[key] = s.store.Len()
	return s.append(name)
}

// sourceHash is the key of a name in epubSources.seen: FNV-1a, 64 bits.
// Tests replace it with one that makes every name collide.
var sourceHash = func(name string) uint64 {
	h := fnv.New64a()
	io.WriteString(h, name)
	return h.Sum64()
}

// append writes name's record: its length as a uvarint, then its bytes.
func (s *epubSources) append(name string) error {
	s.buf = binary.AppendUvarint(s.buf[:0], uint64(len(name)))
	s.buf = append(s.buf, name...)
	_, err := s.store.Append(s.buf)
	return err
}

// recordIs says whether the record at off holds name.
func (s *epubSources) recordIs(off int64, name string) (bool, error) {
	var head [binary.MaxVarintLen64]byte
	n, err := s.store.ReadAt(head[:min(len(head), int(s.store.Len()-off))], off)
	if err != nil {
		return false, err
	}
	size, w := binary.Uvarint(head[:n])
	if w <= 0 || size != uint64(len(name)) {
		return false, nil
	}
	s.buf = slices.Grow(s.buf[:0], int(size))[:size]
	if _, err := s.store.ReadAt(s.buf, off+int64(w)); err != nil {
		return false, err
	}
	return string(s.buf) == name, nil
}

// MarshalXML writes one start element's name (dc:source) per name, in
// order: encoding/xml calls it for the Sources field of opfMetadata,
// which then reads as a list of names would.
func (s *epubSources) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	r := bufio.NewReader(io.NewSectionReader(&s.store, 0, s.store.Len()))
	var name []byte
	for {
		size, err := binary.ReadUvarint(r)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name = slices.Grow(name[:0], int(size))[:size]
		if _, err := io.ReadFull(r, name); err != nil {
			return err
		}
		if err := e.EncodeElement(string(name), start); err != nil {
			return err
		}
	}
}

// close releases the titles' store.
func (t *epubTitles) close() error { return t.store.Close() }

// close releases the names' store.
func (s *epubSources) close() error { return s.store.Close() }
