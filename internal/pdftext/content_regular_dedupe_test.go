package pdftext

import (
	"strings"
	"testing"
)

// TestReadNamesAndKeywords: a name or keyword runs to the next delimiter
// or space; "#xx" in a name is one byte, in a keyword two plain bytes.
func TestReadNamesAndKeywords(t *testing.T) {
	b := newContentReader(strings.NewReader("/F#201/Im1 Tj\ttrue[ab#20c]"))
	var got []string
	for tok := b.readToken(); !tok.eof; tok = b.readToken() {
		if tok.kw != nil {
			got = append(got, "kw:"+string(tok.kw))
		} else {
			got = append(got, "op:"+string(tok.op.b))
		}
	}
	// "true" is an operand (a boolean, no bytes), "ab#20c" an unknown keyword
	want := "op:F 1|op:Im1|kw:Tj|op:|kw:[|kw:ab#20c|kw:]"
	if strings.Join(got, "|") != want {
		t.Errorf("tokens %q, want %q", strings.Join(got, "|"), want)
	}
}
