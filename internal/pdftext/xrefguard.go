package pdftext

import (
	"regexp"
	"strconv"
)

// maxXrefObjects bounds the object numbers a cross-reference table may
// claim before the file is read through a rebuilt table instead.
const maxXrefObjects = 10_000_000

// xrefSubsectionRE matches the header of a cross-reference subsection
// ("0 14", its first object number and count) right after the keyword
// xref or after the last entry of another subsection.
var xrefSubsectionRE = regexp.MustCompile(`(?:xref|\d{10} \d{5} [nf])\s+(\d{1,12}) (\d{1,12})[ \t]*\r?\n`)

// xrefClaims returns the highest object number plus one that the classic
// cross-reference tables of data claim: a damaged "99999990 14" makes the
// PDF library build a table of a hundred million entries.
func xrefClaims(data []byte) int64 {
	var most int64
	for _, m := range xrefSubsectionRE.FindAllSubmatch(data, -1) {
		start, _ := strconv.ParseInt(string(m[1]), 10, 64)
		n, _ := strconv.ParseInt(string(m[2]), 10, 64)
		most = max(most, start+n)
	}
	return most
}
