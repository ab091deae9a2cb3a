package pdfchild

// The frames a child writes: a kind byte, the payload's length (an
// unsigned varint) and the payload. Pages, most of what crosses, go in a
// compact binary form; encoding/json spent more time on a 500-page
// document's pages (reflection, floats printed and parsed) than the
// parent took to lay out its articles. Floats cross as their IEEE bits,
// so a page arrives exactly as it was laid out.

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"newsclip/internal/pdftext"
)

// Kinds of frame.
const (
	frameReading = 'r' // the next page to come (pdftext.Options.OnPage): its number
	framePage    = 'p' // a page laid out: encodePage
	frameEnd     = 'e' // the file's last frame: a reply as JSON
	frameDigest  = 'd' // the SHA-256 of a file the child read unasked (serveFirst)
)

// maxFrame bounds a frame's payload, in bytes: a longer one is a broken
// stream, not a page.
const maxFrame = 256 << 20

// errFrame: the frame stream is broken.
var errFrame = errors.New("malformed frame")

// writeFrame writes one frame.
func writeFrame(w *bufio.Writer, kind byte, payload []byte) error {
	var n [binary.MaxVarintLen64 + 1]byte
	n[0] = kind
	k := binary.PutUvarint(n[1:], uint64(len(payload)))
	if _, err := w.Write(n[:1+k]); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// readFrame reads one frame; its payload is valid until the next call
// with the same buffer (buf is reused when large enough).
func readFrame(r *bufio.Reader, buf []byte) (kind byte, payload []byte, err error) {
	kind, err = r.ReadByte()
	if err != nil {
		return 0, nil, err
	}
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return 0, nil, noEOF(err)
	}
	if n > maxFrame {
		return 0, nil, fmt.Errorf("%w: %d bytes", errFrame, n)
	}
	if uint64(cap(buf)) < n {
		buf = make([]byte, n)
	}
	payload = buf[:n]
	if _, err := io.ReadFull(r, payload); err != nil {
		return 0, nil, noEOF(err)
	}
	return kind, payload, nil
}

// noEOF turns an end of stream inside a frame into ErrUnexpectedEOF.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// errNotFinite: a page holds a coordinate that is NaN or infinite, which
// JSON (the earlier form of these frames) could not carry: such a file
// still ends its child as it did then.
var errNotFinite = errors.New("pdf child: a page coordinate is not a finite number")

// appendPage appends the binary form of p to b: its numbers, then its
// three line lists (nil and empty told apart), then its unmapped
// collection. Strings cross as encoding/json would carry them (each byte
// of invalid UTF-8 becomes U+FFFD).
func appendPage(b []byte, p *pdftext.Page) ([]byte, error) {
	b = binary.AppendVarint(b, int64(p.Number))
	b = appendFloat(b, p.Bottom)
	b = appendFloat(b, p.Top)
	b = binary.AppendVarint(b, int64(p.Glyphs))
	b = binary.AppendVarint(b, int64(p.Images))
	finite := isFinite(p.Bottom) && isFinite(p.Top)
	for _, lines := range [][]pdftext.Line{p.Lines, p.Heads, p.Turned} {
		if lines == nil {
			b = append(b, 0)
			continue
		}
		b = binary.AppendUvarint(b, uint64(len(lines))+1)
		for i := range lines {
			l := &lines[i]
			b = appendString(b, l.Text)
			for _, f := range [...]float64{l.X0, l.X1, l.Y, l.Size, l.BlockX0, l.BlockX1} {
				b = appendFloat(b, f)
				finite = finite && isFinite(f)
			}
			b = append(b, boolBit(l.Bold, 1)|boolBit(l.BlockStart, 2))
		}
	}
	if !finite {
		return b, errNotFinite
	}
	return appendString(b, p.Unmapped), nil
}

func isFinite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func boolBit(v bool, bit byte) byte {
	if v {
		return bit
	}
	return 0
}

func appendFloat(b []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
}

// appendString appends s, its length first, each byte of invalid UTF-8
// replaced by U+FFFD as encoding/json does.
func appendString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		var v []byte
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				v = utf8.AppendRune(v, utf8.RuneError)
			} else {
				v = append(v, s[i:i+size]...)
			}
			i += size
		}
		s = string(v)
	}
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// A pageDecoder reads the binary form of a page, remembering the first
// error: past it, every read returns zero values.
type pageDecoder struct {
	b   []byte
	err error
	// all is the whole payload, and texts where each string read lies in
	// it, to be copied out together (own).
	all      []byte
	texts    []textAt
	block    strings.Builder // own's, a field so that it is not one more allocation
	unmapped string
}

// A textAt is where one string of a page lies in its payload, and the
// field it goes to.
type textAt struct {
	to      *string
	at, at1 int // the string is all[at:at1]
}

// decodePage reads a page written by appendPage; it fails on any other
// bytes, never allocating more than their length allows. The page's
// strings share one allocation: a 1,496-page document's 44,454 lines took
// 1.75 MB of the parent's heap in strings of their own, mostly of a few
// dozen bytes each, rounded up to the allocator's size classes.
func decodePage(b []byte) (pdftext.Page, error) {
	var d pageDecoder
	return d.page(b)
}

// page is decodePage reusing d's buffers, which are done with when it
// returns.
func (d *pageDecoder) page(b []byte) (pdftext.Page, error) {
	d.b, d.err, d.all, d.texts = b, nil, b, d.texts[:0]
	var p pdftext.Page
	p.Number = int(d.varint())
	p.Bottom, p.Top = d.float(), d.float()
	p.Glyphs, p.Images = int(d.varint()), int(d.varint())
	p.Lines, p.Heads, p.Turned = d.lines(), d.lines(), d.lines()
	d.string(&d.unmapped) // not p's field: p would be moved to the heap
	if d.err == nil && len(d.b) > 0 {
		d.err = errFrame // trailing bytes
	}
	if d.err != nil {
		clear(d.texts)
		return pdftext.Page{}, d.err
	}
	d.own()
	p.Unmapped, d.unmapped = d.unmapped, ""
	return p, nil
}

// own copies the strings read into one allocation and points their
// fields at it: until then they are empty.
func (d *pageDecoder) own() {
	n := 0
	for _, t := range d.texts {
		n += t.at1 - t.at
	}
	sb := &d.block
	sb.Reset()
	sb.Grow(n)
	for _, t := range d.texts {
		sb.Write(d.all[t.at:t.at1])
	}
	all, at := sb.String(), 0
	sb.Reset()
	for _, t := range d.texts {
		next := at + t.at1 - t.at
		*t.to = all[at:next]
		at = next
	}
	clear(d.texts) // they point into the page, which is the caller's now
}

// minLine is the fewest bytes a line takes in binary form.
const minLine = 1 + 6*8 + 1

// lines reads a line list: nil, or its count plus one and the lines.
func (d *pageDecoder) lines() []pdftext.Line {
	n := d.uvarint()
	if n == 0 {
		return nil
	}
	n--
	if n > uint64(len(d.b)/minLine) {
		d.fail()
		return nil
	}
	out := make([]pdftext.Line, n)
	d.texts = slices.Grow(d.texts, int(n))
	for i := range out {
		l := &out[i]
		d.string(&l.Text)
		l.X0, l.X1, l.Y, l.Size, l.BlockX0, l.BlockX1 = d.float(), d.float(), d.float(), d.float(), d.float(), d.float()
		flags := d.byte()
		l.Bold, l.BlockStart = flags&1 != 0, flags&2 != 0
	}
	return out
}

func (d *pageDecoder) fail() {
	if d.err == nil {
		d.err = errFrame
	}
	d.b = nil
}

// varint reads a signed varint as binary.AppendVarint writes it: the
// unsigned varint of the zig-zag form.
func (d *pageDecoder) varint() int64 {
	ux := d.uvarint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

func (d *pageDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *pageDecoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return f
}

func (d *pageDecoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// string reads a string that own will put in *to.
func (d *pageDecoder) string(to *string) {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return
	}
	if n > 0 {
		at := len(d.all) - len(d.b)
		d.texts = append(d.texts, textAt{to, at, at + int(n)})
	}
	d.b = d.b[n:]
}
