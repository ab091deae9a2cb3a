package pdftext

import (
	"bytes"
	"strconv"
	"strings"
)

// maxXrefObjects bounds the object numbers a cross-reference table may
// claim before the file is read through a rebuilt table instead.
const maxXrefObjects = 10_000_000

// maxXrefLines bounds the lines of one cross-reference table read.
const maxXrefLines = 20_000_000

// xrefClaims returns the highest object number plus one that the classic
// cross-reference tables the PDF library reads in data claim, from their
// subsection headers ("0 14": the first object number and the count): a
// damaged "99999990 14" makes the library build a table of a hundred
// million entries. Those tables are the one the file's last startxref
// points at and those their trailers' /Prev entries point at in turn (see
// tableChain); where that chain cannot be followed, every table that an
// "xref" keyword of the file starts counts (see scanClaims).
func xrefClaims(data []byte) int64 {
	tables, ok := tableChain(data)
	if !ok {
		return scanClaims(data)
	}
	var most int64
	for _, at := range tables {
		n, _ := tableClaims(data[at+len("xref"):])
		most = max(most, n)
	}
	return most
}

// maxChain bounds the tables tableChain follows.
const maxChain = 1000

// tableChain returns the offsets of the "xref" keywords of the classic
// tables the library reads, as it finds them: from the offset after the
// last "startxref" of the file's end, then each trailer's /Prev; ok is
// false where the chain leads elsewhere than to a table or a
// cross-reference stream (which ends it, as the library reads no classic
// table after one), or loops. Unlike scanClaims it reads only the tables
// and the file's end: a scan of every byte, the first read of a file just
// loaded, took a millisecond of a 440 KB print's start.
func tableChain(data []byte) (tables []int, ok bool) {
	end := bytes.TrimRight(data, "\r\n\t ")
	if !bytes.HasSuffix(end, []byte("%%EOF")) {
		return nil, false
	}
	tail := end[max(0, len(end)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil, false
	}
	at, ok := intToken(tail, i+len("startxref"))
	seen := map[int64]bool{}
	for ok {
		if at <= 0 || at >= int64(len(data)) || seen[at] || len(seen) == maxChain {
			return nil, false
		}
		seen[at] = true
		k := skipSpace(data, int(at))
		if _, obj := intToken(data, k); obj {
			return tables, true // a cross-reference stream
		}
		if string(data[k:regularEnd(data, k)]) != "xref" {
			return nil, false
		}
		tables = append(tables, k)
		_, rest := tableClaims(data[k+len("xref"):])
		j := len(data) - len(rest)
		if !nextKeyword(data, &j, "trailer") {
			return nil, false
		}
		d := balancedDict(data[j:])
		p := strings.Index(d, "/Prev")
		if p < 0 {
			return tables, true
		}
		at, ok = intToken([]byte(d), p+len("/Prev"))
	}
	return nil, false
}

// scanClaims is xrefClaims over every table an "xref" keyword of data
// starts.
func scanClaims(data []byte) int64 {
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
		n, _ := tableClaims(data[at:])
		most = max(most, n)
	}
}

// tableClaims reads the lines of one cross-reference table, after its
// keyword, up to the first line that is neither a subsection header nor
// an entry, and returns the highest first number plus count it claims,
// and data from that line on.
func tableClaims(data []byte) (most int64, rest []byte) {
	for n := 0; n < maxXrefLines && len(data) > 0; n++ {
		line, next := nextLine(data)
		f := bytes.Fields(line)
		switch {
		case len(f) == 0 && n == 0:
			data = next
			continue // the end of the keyword's line
		case len(f) == 3 && len(f[0]) == 10:
			data = next
			continue // an entry
		case len(f) != 2:
			return most, data
		}
		start, err1 := strconv.ParseInt(string(f[0]), 10, 64)
		count, err2 := strconv.ParseInt(string(f[1]), 10, 64)
		if err1 != nil || err2 != nil {
			return most, data
		}
		most = max(most, start+count)
		data = next
	}
	return most, data
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
