package pdftext

import (
	"bytes"
	"strconv"
)

// maxXrefObjects bounds the object numbers a cross-reference table may
// claim before the file is read through a rebuilt table instead.
const maxXrefObjects = 10_000_000

// maxXrefLines bounds the lines of one cross-reference table read.
const maxXrefLines = 20_000_000

// xrefClaims returns the highest object number plus one that the classic
// cross-reference tables of data claim, from their subsection headers
// ("0 14": the first object number and the count): a damaged "99999990
// 14" makes the PDF library build a table of a hundred million entries.
func xrefClaims(data []byte) int64 {
	var most int64
	for at := 0; ; {
		i := bytes.Index(data[at:], []byte("xref"))
		if i < 0 {
			return most
		}
		at += i + len("xref")
		if at-len("xref") >= 5 && string(data[at-len("startxref"):at]) == "startxref" {
			continue
		}
		most = max(most, tableClaims(data[at:]))
	}
}

// tableClaims reads the lines of one cross-reference table, after its
// keyword, up to the first line that is neither a subsection header nor
// an entry, and returns the highest first number plus count it claims.
func tableClaims(data []byte) int64 {
	var most int64
	for n := 0; n < maxXrefLines && len(data) > 0; n++ {
		var line []byte
		line, data = nextLine(data)
		f := bytes.Fields(line)
		switch {
		case len(f) == 0 && n == 0:
			continue // the end of the keyword's line
		case len(f) == 3 && len(f[0]) == 10:
			continue // an entry
		case len(f) != 2:
			return most
		}
		start, err1 := strconv.ParseInt(string(f[0]), 10, 64)
		count, err2 := strconv.ParseInt(string(f[1]), 10, 64)
		if err1 != nil || err2 != nil {
			return most
		}
		most = max(most, start+count)
	}
	return most
}

// nextLine splits data after its first line end (CR, LF or CRLF).
func nextLine(data []byte) (line, rest []byte) {
	i := bytes.IndexAny(data, "\r\n")
	if i < 0 {
		return data, nil
	}
	j := i + 1
	if data[i] == '\r' && j < len(data) && data[j] == '\n' {
		j++
	}
	return data[:i], data[j:]
}
