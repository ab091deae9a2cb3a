package pdftext

// Streams read with reused inflaters. The PDF library's Value.Reader
// makes a new zlib reader for every Flate stream: some 40 KB of window and
// tables, allocated and cleared, plus a bufio.Reader, for each content
// stream and ToUnicode map; a browser's print reads a dozen or two, and
// a child process that never collects pays for each in fresh pages.
// openStream reads such a stream from the document's bytes through an
// inflater from a pool, and gives every other stream to the library.
//
// The library keeps the document's bytes and a stream's offset in
// unexported fields; streamSpan reads them by reflection, as refOf reads
// references (see objcache.go). Should a newer library store them
// differently, streamSpan finds nothing and every stream goes to the
// library (TestStreamSpan fails first).

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"reflect"
	"sync"

	"github.com/ledongthuc/pdf"
)

// pdfBytes is the io.ReaderAt newPDFReader gives the library: the file's
// bytes, kept where streamSpan finds them, and what is read after them
// (see unpackObjectStreams).
type pdfBytes struct {
	data  []byte // the file: every stream a page reads lies here
	extra []byte // read after data: objects and their cross-reference stream
}

func newPDFBytes(data []byte) *pdfBytes { return &pdfBytes{data: data} }

// size is the number of bytes ReadAt reads.
func (p *pdfBytes) size() int64 { return int64(len(p.data)) + int64(len(p.extra)) }

// ReadAt reads data followed by extra, as bytes.Reader's ReadAt reads
// one slice.
func (p *pdfBytes) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("pdftext: negative offset")
	}
	n := 0
	for n < len(b) {
		at := off + int64(n)
		var src []byte
		switch d := int64(len(p.data)); {
		case at < d:
			src = p.data[at:]
		case at-d < int64(len(p.extra)):
			src = p.extra[at-d:]
		default:
			return n, io.EOF
		}
		n += copy(b[n:], src)
	}
	return n, nil
}

// The fields streamSpan reads, found once: pdf.Value's reader (r) and
// parsed object (data), pdf.Reader's file (f) and decryption key (key),
// and a stream's offset; -1 when the library has no such field.
var (
	valueReader   = fieldIndex(reflect.TypeFor[pdf.Value](), "r", reflect.Pointer)
	readerFile    = fieldIndex(reflect.TypeFor[pdf.Reader](), "f", reflect.Interface)
	readerKey     = fieldIndex(reflect.TypeFor[pdf.Reader](), "key", reflect.Slice)
	pdfBytesData  = fieldIndex(reflect.TypeFor[pdfBytes](), "data", reflect.Slice)
	pdfBytesExtra = fieldIndex(reflect.TypeFor[pdfBytes](), "extra", reflect.Slice)
)

// fieldIndex returns the index of t's field name when it is of kind k,
// else -1.
func fieldIndex(t reflect.Type, name string, k reflect.Kind) int {
	if f, ok := t.FieldByName(name); ok && len(f.Index) == 1 && f.Type.Kind() == k {
		return f.Index[0]
	}
	return -1
}

// streamSpan returns the bytes of the document the stream v sits in and
// the offset of its data, when v is a stream of an unencrypted document
// opened by newPDFReader; ok is false otherwise.
func streamSpan(v pdf.Value) (doc []byte, offset int64, ok bool) {
	if valueReader < 0 || valueData < 0 || readerFile < 0 || readerKey < 0 || pdfBytesData < 0 || v.Kind() != pdf.Stream {
		return nil, 0, false
	}
	rv := reflect.ValueOf(v)
	r := rv.Field(valueReader)
	if r.IsNil() {
		return nil, 0, false
	}
	r = r.Elem()
	if r.Field(readerKey).Len() > 0 {
		return nil, 0, false // encrypted: the library decrypts
	}
	f := r.Field(readerFile)
	if f.IsNil() || f.Elem().Type() != reflect.TypeFor[*pdfBytes]() || f.Elem().IsNil() {
		return nil, 0, false
	}
	strm := rv.Field(valueData).Elem()
	if strm.Kind() != reflect.Struct {
		return nil, 0, false
	}
	off := strm.FieldByName("offset")
	if off.Kind() != reflect.Int64 {
		return nil, 0, false
	}
	return f.Elem().Elem().Field(pdfBytesData).Bytes(), off.Int(), true
}

// inflaters holds zlib readers to reuse (a zlib.Resetter each).
var inflaters sync.Pool

// pooledInflater returns a zlib reader of raw from inflaters (or a new
// one), to be handed back with inflaters.Put; the error is zlib's for a
// bad header.
func pooledInflater(raw []byte) (io.ReadCloser, error) {
	if x, _ := inflaters.Get().(io.ReadCloser); x != nil {
		return x, x.(zlib.Resetter).Reset(bytes.NewReader(raw), nil)
	}
	return zlib.NewReader(bytes.NewReader(raw))
}

// A pooledStream is an inflated stream whose Close hands its inflater back.
type pooledStream struct{ zr io.ReadCloser }

func (s *pooledStream) Read(p []byte) (int, error) { return s.zr.Read(p) }

func (s *pooledStream) Close() error {
	if s.zr != nil {
		inflaters.Put(s.zr)
		s.zr = nil
	}
	return nil
}

// openStream is v.Reader(): the same bytes, then the same error, and the
// same panics in the same order, but for a stream whose /Length is wrong
// (see dataEnd), read up to its "endstream" when it has no filter or
// only FlateDecode without a predictor. A stream whose only filter is
// FlateDecode without a predictor, in a document streamSpan can read, is
// inflated from the document's bytes with a pooled inflater; Close hands
// it back, and nothing may be read after. Every other stream is the
// library's.
func openStream(v pdf.Value) io.ReadCloser {
	doc, off, ok := streamSpan(v)
	if !ok {
		return v.Reader()
	}
	// The library's order: Length, Filter, DecodeParms, the zlib header,
	// then the predictor.
	n := v.Key("Length").Int64()
	filter := v.Key("Filter")
	param := v.Key("DecodeParms")
	end, repaired := dataEnd(doc, off, n) // a wrong /Length: see streamlength.go
	if repaired && filter.Kind() == pdf.Null {
		return io.NopCloser(bytes.NewReader(doc[off:end]))
	}
	if !repaired && n <= 0 || filter.Kind() != pdf.Name || filter.Name() != "FlateDecode" || off < 0 {
		return v.Reader()
	}
	if !repaired { // what io.NewSectionReader(doc, off, n) reads
		end = int64(len(doc))
		if n < end-off {
			end = off + n
		}
	}
	var raw []byte
	if off < end {
		raw = doc[off:end]
	}
	zr, err := pooledInflater(raw)
	if err != nil {
		panic(err)
	}
	if param.Key("Predictor").Kind() != pdf.Null {
		inflaters.Put(zr)
		return v.Reader()
	}
	return &pooledStream{zr}
}

// A firstRead is what checkReadable read of the first page's content
// stream, kept so that the page's interpretation reads on from there
// instead of inflating the stream again from its start (a newspaper
// page's first 32 KB or so: flate fills its window before the first read
// returns). The stream's bytes come out the same either way, and so does
// an error after them.
type firstRead struct {
	ref  ref           // the Contents entry of the page checkReadable read
	head []byte        // what the first read gave
	rest io.ReadCloser // the stream, read on from there
}

// newFirstRead keeps head and rest, read from the stream that page's
// Contents entry refers to; it closes rest and returns nil when that
// entry is no reference (nothing could tell the same stream again).
func newFirstRead(page pdf.Value, head []byte, rest io.ReadCloser) *firstRead {
	r, ok := refOf(page, "Contents")
	if !ok {
		rest.Close()
		return nil
	}
	return &firstRead{r, head, rest}
}

// takeFirst returns the content stream of page read through d.first, and
// forgets it, when page's Contents entry is the reference it was read
// from (a reference resolves to the same stream every time); nil
// otherwise.
func (d *docCache) takeFirst(page pdf.Value) io.ReadCloser {
	fr := d.first
	if fr == nil {
		return nil
	}
	if r, ok := refOf(page, "Contents"); !ok || r != fr.ref {
		return nil
	}
	d.first = nil
	return &streams{Reader: io.MultiReader(bytes.NewReader(fr.head), fr.rest), closers: []io.Closer{fr.rest}}
}
