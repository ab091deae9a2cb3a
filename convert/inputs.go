package convert

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// An inputFormat is one kind of file newsclip reads. Formats are recognised
// by their bytes, never by the file name; the extensions only tell a folder
// walk which files to pick up. Adding a reader is one package for the
// format (it knows nothing of newspapers), one file here in convert that
// turns its output into articles, and one row in inputFormats.
type inputFormat struct {
	name  string                                            // "pdf", "docx", ...
	exts  []string                                          // lower-case file name endings a folder walk converts
	sniff func(data []byte) bool                            // cheap; sees the whole input
	read  func(name string, data []byte) (*Document, error) // errors are *Error naming the file
}

// inputFormats is tried in order; text accepts everything and comes last.
// Between the sniffed formats and text, refusedFormats turns away files we
// know we cannot read.
var inputFormats = []inputFormat{
	{"pdf", []string{".pdf"}, IsPDF, convertPDF},
	{"rtf", []string{".rtf"}, IsRTF, convertRTF},
	{"docx", []string{".docx"}, isDOCX, convertDOCX},
	{"html", []string{".html", ".htm"}, IsHTML, convertHTML},
	{"text", []string{".txt", ".text"}, func([]byte) bool { return true }, convertText},
}

// supportedNames lists the formats for error messages.
const supportedNames = "text, PDF, DOCX, RTF, HTML"

// SupportedNames lists the formats newsclip reads, for messages: "text, PDF".
func SupportedNames() string { return supportedNames }

// InputExtensions reports whether a folder walk converts files whose name
// ends in ext (compared case-insensitively, with its dot: ".txt").
func InputExtensions(ext string) bool {
	ext = strings.ToLower(ext)
	for _, f := range inputFormats {
		for _, e := range f.exts {
			if e == ext {
				return true
			}
		}
	}
	return false
}

// ErrUnsupported is the error for a file in a format newsclip does not read.
var ErrUnsupported = errors.New("not a supported input")

// A refusedFormat is a kind of file that is refused by name rather than
// read as text: "FILE: XLSX spreadsheet is not a supported input". Its
// file opens with one of magic, and check (when set) tells it apart from
// the other formats of that magic; check takes no file that does not open
// with its magic, which is there for the cheap test (refusedLeads).
type refusedFormat struct {
	name  string
	magic []string
	check func(data []byte) bool
}

// Magic numbers of the zip container: any zip (whose directory
// zipEntries reads), and one that opens with a local file header.
var (
	zipMagic      = []string{"PK"}
	zipLocalMagic = []string{"PK\x03\x04"}
)

// refusedFormats holds common binary formats people drop into a folder of
// clippings. Office documents and EPUBs are zip files told apart by their
// entries; the rest by magic numbers.
var refusedFormats = []refusedFormat{
	{"XLSX spreadsheet", zipMagic, zipHolds("xl/workbook.xml")},
	{"PPTX presentation", zipMagic, zipHolds("ppt/presentation.xml")},
	{"ODT document", zipLocalMagic, zipMimetype("application/vnd.oasis.opendocument.text")},
	{"OpenDocument file", zipLocalMagic, zipMimetype("application/vnd.oasis.opendocument.")},
	{"EPUB book", zipLocalMagic, zipMimetype("application/epub+zip")},
	{"ZIP archive", []string{"PK\x03\x04", "PK\x05\x06"}, nil},
	{"legacy Word/Excel (OLE2) file", []string{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"}, nil},
	{"PNG image", []string{"\x89PNG\r\n\x1a\n"}, nil},
	{"JPEG image", []string{"\xFF\xD8\xFF"}, nil},
	{"GIF image", []string{"GIF87a", "GIF89a"}, nil},
	{"TIFF image", []string{"II*\x00", "MM\x00*"}, nil},
	{"WebP image", []string{"RIFF"}, func(d []byte) bool { return len(d) >= 12 && string(d[:4]) == "RIFF" && string(d[8:12]) == "WEBP" }},
	{"gzip archive", []string{"\x1f\x8b"}, nil},
	{"7-Zip archive", []string{"7z\xBC\xAF\x27\x1C"}, nil},
	{"RAR archive", []string{"Rar!\x1A\x07"}, nil},
	{"bzip2 archive", []string{"BZh"}, nil},
	{"xz archive", []string{"\xFD7zXZ\x00"}, nil},
}

// refusedLeads marks the first bytes of the magic numbers of
// refusedFormats: data opening with another byte is none of them.
var refusedLeads = func() (t [256]bool) {
	for _, f := range refusedFormats {
		for _, m := range f.magic {
			t[m[0]] = true
		}
	}
	return t
}()

// Convert reads one input, named name in errors, into a Document. The
// format is sniffed from the bytes (inputFormats). It fails when the input
// holds no text (ErrEmpty), is not text (ErrBinary), is in a format newsclip
// does not read (ErrUnsupported), or when a format's reader finds it
// damaged; the error is an *Error naming the file and, when known, the line
// or page.
//
// Convert never changes data, but the Document's text may share its
// memory (an input in UTF-8 with "\n" line ends is not copied, unless data
// has much spare capacity): the caller must not change data while the
// Document, or any string taken from it, is in use, and the Document keeps
// data's memory alive.
func Convert(name string, data []byte) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &Error{File: name, Err: fmt.Errorf("internal error: %v", panicValue(r))}
		}
	}()
	last := len(inputFormats) - 1
	for _, f := range inputFormats[:last] {
		if f.sniff(data) {
			return f.read(name, data)
		}
	}
	if damagedZip(data) {
		return nil, &Error{File: name, Err: ErrDamagedZip}
	}
	if what := RefusedFormat(data); what != "" {
		return nil, &Error{File: name, Err: fmt.Errorf("%s is %w (newsclip reads: %s)", what, ErrUnsupported, supportedNames)}
	}
	return inputFormats[last].read(name, data)
}

// RefusedFormat names the format of data when it is one newsclip refuses
// ("XLSX spreadsheet"), or returns "".
func RefusedFormat(data []byte) string {
	if len(data) == 0 || !refusedLeads[data[0]] {
		return ""
	}
	for _, f := range refusedFormats {
		if opensWithAny(data, f.magic) && (f.check == nil || f.check(data)) {
			return f.name
		}
	}
	return ""
}

// opensWithAny reports whether data opens with one of magic.
func opensWithAny(data []byte, magic []string) bool {
	for _, m := range magic {
		if len(data) >= len(m) && string(data[:len(m)]) == m {
			return true
		}
	}
	return false
}

// ErrDamagedZip is the error for a file that opens like a zip container
// (a DOCX, an XLSX, an EPUB) but whose directory cannot be read.
var ErrDamagedZip = errors.New("damaged zip container (DOCX, XLSX, EPUB...): its directory cannot be read; is the file truncated?")

// damagedZip reports whether data starts as a zip archive (a local file
// header, "PK\x03\x04") whose central directory cannot be read: a DOCX
// cut short by a failed download, whose kind can no longer be told.
func damagedZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) && zipEntries(data) == nil
}

// zipEntries lists the names in a zip archive, or nil when data is not one.
func zipEntries(data []byte) []*zip.File {
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	return z.File
}

// zipHolds: a zip archive with an entry of this name.
func zipHolds(entry string) func([]byte) bool {
	return func(d []byte) bool {
		for _, f := range zipEntries(d) {
			if f.Name == entry {
				return true
			}
		}
		return false
	}
}

// zipMimetype: an OpenDocument or EPUB container, whose first entry is an
// uncompressed "mimetype" file holding this media type (or a prefix of it).
func zipMimetype(prefix string) func([]byte) bool {
	return func(d []byte) bool {
		const at = 30 + len("mimetype") // the local header, then the name
		if len(d) < at+len(prefix) || !bytes.HasPrefix(d, []byte("PK\x03\x04")) || string(d[30:at]) != "mimetype" {
			return false
		}
		return bytes.HasPrefix(d[at:], []byte(prefix))
	}
}

// ExtensionList lists the file name endings a folder walk converts, for
// help texts: ".txt .text .pdf".
func ExtensionList() string {
	var exts []string
	for _, f := range inputFormats {
		exts = append(exts, f.exts...)
	}
	return strings.Join(exts, " ")
}

// CheckHead decides on the first block of an input (at least 64 KiB when
// the input is that long) whether it can be one newsclip reads. It returns
// ErrBinary for a block holding control bytes that neither a sniffed format
// (PDF, a zip container) nor UTF-16 text explains, and ErrUnsupported for a
// format refusedFormats names by its magic number, so that the caller need
// not read the rest. A nil error promises nothing.
func CheckHead(head []byte) error {
	for _, f := range inputFormats[:len(inputFormats)-1] {
		if f.sniff(head) {
			return nil
		}
	}
	if bytes.HasPrefix(head, []byte("PK")) {
		return nil // a zip: its directory is at the end
	}
	if what := RefusedFormat(head); what != "" {
		return fmt.Errorf("%s is %w (newsclip reads: %s)", what, ErrUnsupported, supportedNames)
	}
	if _, _, err := decode(head); err != nil && errors.Is(err, ErrBinary) {
		var le *lineError
		if errors.As(err, &le) {
			return &Error{Line: le.line, Err: le.err}
		}
		return err
	}
	return nil
}
