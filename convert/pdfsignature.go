package convert

import (
	"strings"
	"unicode"
)

// deskSignatureRE splits a closing paragraph into its text, up to a
// sentence's end, and the desk signature after it: one to four codes of
// two to five letters joined by slashes ("SZ", "SZ/dpa/zaa", "AFP").
var deskSignatureRE = lazyRE(`^(?:(.*[.!?“”"])\s+)?(\p{L}{2,5}(?:/\p{L}{2,5}){0,3})$`)

// dropDeskSignature removes the desk signature that closes an article,
// as German papers sign agency copy and desk pieces: the paper's or an
// agency's letters, perhaps with the editor's initials, as the last
// paragraph or after the last sentence. The first code is in capitals or
// an agency's name, so that a closing word of prose stays. It is
// recorded as a byline; nobody is named.
//
//	... wurden fünf Personen festgenommen. SZ/dpa/zaa  -> signature cut
//	SZ                                                  -> block removed
//	... sagte der Sprecher. Danke                       -> kept
func dropDeskSignature(a *Article) {
	if len(a.Body) == 0 {
		return
	}
	last, ok := a.Body[len(a.Body)-1].(*Paragraph)
	if !ok {
		return
	}
	m := deskSignatureRE.FindStringSubmatch(strings.TrimSpace(last.Content))
	if m == nil {
		return
	}
	first, _, _ := strings.Cut(m[2], "/")
	if !isAllCaps(first) && agencyName(first) == "" || !strings.ContainsFunc(first, unicode.IsLetter) {
		return
	}
	a.remove(RemovedByline, m[2])
	if last.Content = m[1]; m[1] == "" {
		a.Body = a.Body[:len(a.Body)-1]
	}
}
