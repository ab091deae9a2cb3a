package pdftext

// Opening a file: repairs of what pdftotext accepts and the PDF library
// does not, a rebuilt cross-reference table, and encryption.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/ledongthuc/pdf"
)

var objMarkerRE = lazyRegexp(`(?m)(?:^|[\r\n\s])(\d{1,7})\s+(\d{1,5})\s+obj\b`)

// repairPDF makes bytes the library accepts out of what pdftotext accepts:
// junk before "%PDF" is dropped, a 2.0 (or odd) header becomes 1.7, and
// bytes after the last "%%EOF" are cut.
func repairPDF(data []byte) []byte {
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i > 0 {
		data = data[i:]
	}
	out := data
	if len(out) >= 9 && !(out[5] == '1' && out[6] == '.' && out[7] >= '0' && out[7] <= '7' && (out[8] == '\n' || out[8] == '\r')) {
		// Rewrite the header line as %PDF-1.7 of the same length when it fits.
		end := bytes.IndexAny(out, "\r\n")
		if end >= 8 {
			fixed := make([]byte, len(out))
			copy(fixed, out)
			copy(fixed, "%PDF-1.7")
			for i := 8; i < end; i++ {
				fixed[i] = ' '
			}
			fixed[8] = '\n'
			out = fixed
		}
	}
	if i := bytes.LastIndex(out, []byte("%%EOF")); i >= 0 && i+5 < len(out) {
		out = out[:i+5]
	}
	return out
}

// rebuildXref appends a fresh cross-reference table to a PDF whose own is
// damaged, found by scanning for "N G obj" markers, with a trailer taken from
// the file's last trailer (or naming the catalog when there is none).
func rebuildXref(data []byte) ([]byte, error) {
	type entry struct {
		off int
		gen int
	}
	objs := map[int]entry{}
	maxNum := 0
	for _, m := range objMarkerRE().FindAllSubmatchIndex(data, -1) {
		num, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		objs[num] = entry{m[2], gen} // later definitions win, as in an update
		maxNum = max(maxNum, num)
	}
	if len(objs) == 0 || maxNum > 5_000_000 {
		return nil, fmt.Errorf("%w: no objects found", ErrDamaged)
	}
	trailer := lastTrailerDict(data)
	if trailer == "" {
		root := catalogObject(data, objs)
		if root < 0 {
			return nil, fmt.Errorf("%w: no catalog found", ErrDamaged)
		}
		trailer = fmt.Sprintf("<< /Root %d 0 R >>", root)
	}
	trailer = sizeRE().ReplaceAllString(trailer, "")
	trailer = strings.TrimSuffix(strings.TrimSpace(trailer), ">>") + fmt.Sprintf(" /Size %d >>", maxNum+1)
	var b bytes.Buffer
	b.Write(data)
	b.WriteString("\n")
	xrefAt := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n", maxNum+1)
	for n := 0; n <= maxNum; n++ {
		if e, ok := objs[n]; ok {
			fmt.Fprintf(&b, "%010d %05d n\r\n", e.off, e.gen)
		} else {
			b.WriteString("0000000000 65535 f\r\n")
		}
	}
	fmt.Fprintf(&b, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer, xrefAt)
	return b.Bytes(), nil
}

var sizeRE = lazyRegexp(`/Size\s+\d+`)
var prevRE = lazyRegexp(`/(?:Prev|XRefStm)\s+\d+`)

// lastTrailerDict returns the dictionary of the file's last "trailer", or "".
func lastTrailerDict(data []byte) string {
	i := bytes.LastIndex(data, []byte("trailer"))
	if i < 0 {
		return ""
	}
	d := balancedDict(data[i+7:])
	return prevRE().ReplaceAllString(d, "")
}

// balancedDict returns the "<< ... >>" at the start of b (after spaces).
func balancedDict(b []byte) string {
	s := bytes.TrimLeft(b, " \t\r\n")
	if !bytes.HasPrefix(s, []byte("<<")) {
		return ""
	}
	depth := 0
	for i := 0; i+1 < len(s) && i < 1<<16; i++ {
		switch {
		case s[i] == '<' && s[i+1] == '<':
			depth++
			i++
		case s[i] == '>' && s[i+1] == '>':
			depth--
			i++
			if depth == 0 {
				return string(s[:i+1])
			}
		}
	}
	return ""
}

var catalogRE = lazyRegexp(`/Type\s*/Catalog\b`)

func catalogObject[E any](data []byte, objs map[int]E) int {
	loc := catalogRE().FindIndex(data)
	if loc == nil {
		return -1
	}
	best, bestAt := -1, -1
	for _, m := range objMarkerRE().FindAllSubmatchIndex(data[:loc[0]], -1) {
		if m[0] > bestAt {
			bestAt = m[0]
			best, _ = strconv.Atoi(string(data[m[2]:m[3]]))
		}
	}
	return best
}

// errTruncated says why a file without its end marker could not be read.
var errTruncated = errors.New("the file ends before its end marker (%%EOF): truncated copy?")

// openPDF opens data with the library, repairing what it can: header,
// trailing bytes, and a damaged cross-reference table. doc holds what
// checkReadable read of r, for the pages to share.
func openPDF(data []byte, password string) (r *pdf.Reader, doc *docCache, warns []string, err error) {
	fixed := repairPDF(data)
	// Only a change beyond trailing white space is worth a warning.
	if !bytes.Equal(bytes.TrimRight(fixed, " \t\r\n"), bytes.TrimRight(data, " \t\r\n")) {
		warns = append(warns, "repaired the file's header or trailing bytes")
	}
	if sz := trailerSize(fixed); sz > 10_000_000 {
		return nil, nil, warns, fmt.Errorf("%w: cross-reference table claims %d objects", ErrDamaged, sz)
	}
	if n := xrefClaims(fixed); n > maxXrefObjects {
		// A damaged subsection header: read through a rebuilt table.
		rebuilt, err := rebuildXref(fixed)
		if err != nil {
			return nil, nil, warns, fmt.Errorf("%w: cross-reference table claims %d objects", ErrDamaged, n)
		}
		fixed = rebuilt
		warns = append(warns, "rebuilt the damaged cross-reference table")
	}
	if r = openUnpacked(fixed); r == nil {
		var refused error
		if r, err, refused = openLibrary(fixed, password); refused != nil {
			return nil, nil, warns, refused
		}
	}
	if err == nil {
		if doc, e := checkReadable(r); e == nil {
			return r, doc, warns, nil
		}
		// The page tree is damaged: try the rebuilt table below.
	}
	if err != nil && isEncryptionError(err) {
		return nil, nil, warns, encryptionError(fixed, err, password)
	}
	if err == nil {
		err = fmt.Errorf("unreadable page tree")
	}
	if !bytes.Contains(fixed, []byte("%%EOF")) {
		err = errTruncated
	}
	rebuilt, rerr := rebuildXref(fixed)
	if rerr != nil {
		return nil, nil, warns, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	r, err2 := newPDFReader(rebuilt, password)
	if err2 != nil {
		if isEncryptionError(err2) {
			return nil, nil, warns, encryptionError(fixed, err2, password)
		}
		return nil, nil, warns, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	doc, e := checkReadable(r)
	if e != nil {
		if err == errTruncated {
			e = fmt.Errorf("%w: %v", ErrDamaged, errTruncated)
		}
		return nil, nil, warns, e
	}
	warns = append(warns, "rebuilt the damaged cross-reference table")
	return r, doc, warns, nil
}

// openLibrary opens data with the library, as openPDF did before
// openUnpacked: with an empty /ID when the file lacks one, and with its
// object streams unpacked (see unpacked). err is the library's; refused
// is set for a file it opened but newsclip refuses (40-bit RC4).
func openLibrary(data []byte, password string) (r *pdf.Reader, err, refused error) {
	r, err = newPDFReader(data, password)
	if err != nil && strings.Contains(err.Error(), "missing ID") {
		// An encrypted file without /ID: derive the key with an empty one.
		if patched := addEmptyID(data); patched != nil {
			r, err = newPDFReader(patched, password)
		}
	}
	if err == nil && isEncrypted(r) {
		if v, _ := encryptionVersion(data); v == "1" {
			// See the BUG note in doc.go: 40-bit RC4 opens but decrypts
			// to garbage.
			return nil, nil, fmt.Errorf("%w with RC4 40-bit (V1): not supported (the PDF library derives its object keys wrongly); decrypt it first, e.g. qpdf --decrypt", ErrEncrypted)
		}
	}
	if err == nil && !isEncrypted(r) {
		r = unpacked(data, r)
	}
	return r, err, nil
}

// checkReadable touches the page tree and the first page's content, which
// panic or fail on some damage. It returns the cache of r's objects that
// the pages then share, holding the page tree's top and first page and
// what it read of that page's content (see firstRead).
func checkReadable(r *pdf.Reader) (doc *docCache, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("%w: %v", ErrDamaged, p)
		}
	}()
	doc = newDocCache()
	if numPage(r, doc.objs) == 0 {
		return nil, fmt.Errorf("%w: no pages", ErrDamaged)
	}
	pg := firstPage(r, doc.objs)
	c := pg.Key("Contents")
	if c.Kind() == pdf.Stream {
		rd := openStream(c)
		buf := make([]byte, 512)
		n, err := rd.Read(buf)
		if err != nil && err != io.EOF {
			rd.Close()
			return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		doc.first = newFirstRead(pg, buf[:n], rd)
	}
	return doc, nil
}

// numPage is r.NumPage(), the page tree's top read through c and kept.
func numPage(r *pdf.Reader, c *objCache) int {
	return int(c.key(pageTree(r, c), "Count").Int64())
}

// pageTree is the catalog's Pages entry, read through c and kept.
func pageTree(r *pdf.Reader, c *objCache) pdf.Value {
	return c.keepKey(c.keepKey(r.Trailer(), "Root"), "Pages")
}

// firstPage is r.Page(1) read through c, keeping the nodes it passes: the
// library's walk down the Pages nodes, counting pages off by each kid's
// Count (whatever its sign) and each kid of type Page, to the page after
// none are left; null when there is none.
func firstPage(r *pdf.Reader, c *objCache) pdf.Value {
	num := 0 // pages still to pass
	node := pageTree(r, c)
	for c.key(node, "Type").Name() == "Pages" {
		if int(c.key(node, "Count").Int64()) < num {
			return pdf.Value{}
		}
		kids, down := c.keepKey(node, "Kids"), false
		for i := 0; i < kids.Len() && !down; i++ {
			kid := c.index(kids, i, true)
			switch c.key(kid, "Type").Name() {
			case "Pages":
				if n := int(c.key(kid, "Count").Int64()); num < n {
					node, down = kid, true
				} else {
					num -= n
				}
			case "Page":
				if num == 0 {
					return kid
				}
				num--
			}
		}
		if !down {
			break
		}
	}
	return pdf.Value{}
}

func newPDFReader(data []byte, password string) (r *pdf.Reader, err error) {
	return openBytes(newPDFBytes(data), password)
}

// openBytes opens f with the library, asking for password if it must.
func openBytes(f *pdfBytes, password string) (r *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("%v", p)
		}
	}()
	tried := false
	return pdf.NewReaderEncrypted(f, f.size(), func() string {
		if tried || password == "" {
			return ""
		}
		tried = true
		return password
	})
}

// addEmptyID inserts "/ID [<> <>]" into the last trailer dictionary.
func addEmptyID(data []byte) []byte {
	i := bytes.LastIndex(data, []byte("trailer"))
	if i < 0 {
		return nil
	}
	j := bytes.Index(data[i:], []byte("<<"))
	if j < 0 {
		return nil
	}
	at := i + j + 2
	out := make([]byte, 0, len(data)+16)
	out = append(out, data[:at]...)
	out = append(out, " /ID [<> <>] "...)
	return append(out, data[at:]...)
}

// trailerSize is the number of the first "/Size" entry in the last 4 KB of
// data (its first 12 digits), 0 when there is none: what the library
// takes for the size of its table.
func trailerSize(data []byte) int64 {
	tail := data[max(0, len(data)-4096):]
	for {
		i := bytes.Index(tail, []byte("/Size"))
		if i < 0 {
			return 0
		}
		tail = tail[i+len("/Size"):]
		j := 0
		for j < len(tail) && isRegexpSpace(tail[j]) {
			j++
		}
		k := j
		for k < len(tail) && k-j < 12 && '0' <= tail[k] && tail[k] <= '9' {
			k++
		}
		if j > 0 && k > j {
			n, _ := strconv.ParseInt(string(tail[j:k]), 10, 64)
			return n
		}
	}
}

// isRegexpSpace reports whether c is white space as \s is in Go's regexps.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isEncryptionError(err error) bool {
	s := err.Error()
	return errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(s, "encrypt") || strings.Contains(s, "password")
}

var encryptVRE = lazyRegexp(`/V\s+(\d)`)
var encryptRRE = lazyRegexp(`/R\s+(\d)`)

// isEncrypted reports whether the trailer the library read (the file's
// last, found from its end) names an encryption dictionary, as the
// library decides whether to decrypt; searching the bytes for "/Encrypt"
// instead took two passes over a file without a "trailer" keyword (one
// with a cross-reference stream).
func isEncrypted(r *pdf.Reader) bool {
	return !r.Trailer().Key("Encrypt").IsNull()
}

// encryptionVersion reads the V and R entries of the encryption
// dictionary ("" when absent): the standard handler's name is found, and V
// and R near it tell the algorithm.
func encryptionVersion(data []byte) (v, r string) {
	i := bytes.LastIndex(data, []byte("/Standard"))
	if i < 0 {
		return "", ""
	}
	seg := data[max(0, i-400):]
	seg = seg[:min(len(seg), 800)]
	if m := encryptVRE().FindSubmatch(seg); m != nil {
		v = string(m[1])
	}
	if m := encryptRRE().FindSubmatch(seg); m != nil {
		r = string(m[1])
	}
	return v, r
}

// encryptionError names the algorithm of an encrypted file that could not
// be opened.
func encryptionError(data []byte, err error, password string) error {
	algo := "unknown algorithm"
	if v, r := encryptionVersion(data); v != "" || r != "" {
		switch {
		case v == "5" || r == "5" || r == "6":
			algo = "AES-256 (V5/R" + r + ")"
		case v == "4":
			algo = "RC4 or AES-128 (V4)"
		case v == "1" || v == "2":
			algo = "RC4 (V" + v + ")"
		}
	}
	if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "password") {
		if password == "" {
			return fmt.Errorf("%w with %s: a password is needed (--password)", ErrEncrypted, algo)
		}
		return fmt.Errorf("%w with %s: wrong password", ErrEncrypted, algo)
	}
	return fmt.Errorf("%w with %s: not supported (%v)", ErrEncrypted, algo, err)
}

// lazyRegexp compiles expr on first use: most runs need few of the
// package's expressions (the repairs' only for damaged files), and
// compiling them all at start-up cost every process that imports the
// package, a PDF child included, a quarter of a millisecond.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// Warm compiles the expressions that every document's Text.Finish uses
// (page numbers, a print's margins), for a caller with a core to spare
// while the first document is read: a run that reads one PDF otherwise
// compiles them between its last page and its text.
func Warm() {
	pageNumberRE()
	printMarginRE()
}
