package convert

import (
	"strings"
	"testing"
)

// The cheap tests must let through every byline their regexps match, for
// every word of the tables, in every case; and turn away bylines without one.
func TestBylineTailPrechecks(t *testing.T) {
	for _, w := range stampKeywords {
		for _, kw := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			for _, in := range []string{"Nora Quill " + kw + " 4 June 1987", "Nora Quill | " + kw + ": 9:45 pm", "Nora Quill, " + kw} {
				if !stampRE.MatchString(in) {
					t.Errorf("stampRE does not match %q", in)
				}
				if !mayHoldStamp(in) {
					t.Errorf("mayHoldStamp(%q) = false, stampRE matches", in)
				}
			}
		}
	}
	for _, o := range linkOpeners {
		for _, in := range []string{"Nora Quill (" + o + "quill.example)", "Nora Quill  (" + o + "nq) "} {
			if !linkTail.MatchString(in) {
				t.Errorf("linkTail does not match %q", in)
			}
			if !mayEndInLink(in) {
				t.Errorf("mayEndInLink(%q) = false, linkTail matches", in)
			}
		}
	}
	for _, in := range []string{"Nora Quill", "Nora Quill (Reuters)", "Nora Quill (left) (photo)", "Upd. Nora Quill"} {
		if mayHoldStamp(in) || stampRE.MatchString(in) {
			t.Errorf("%q: mayHoldStamp = %v, stampRE = %v, want both false", in, mayHoldStamp(in), stampRE.MatchString(in))
		}
		if mayEndInLink(in) || linkTail.MatchString(in) {
			t.Errorf("%q: mayEndInLink = %v, linkTail = %v, want both false", in, mayEndInLink(in), linkTail.MatchString(in))
		}
	}
	// A rune that (?i) folds onto an ASCII letter keeps the regexp in play.
	if in := "Nora Quill poſted 4 June 1987"; stampRE.MatchString(in) && !mayHoldStamp(in) {
		t.Errorf("mayHoldStamp(%q) = false, stampRE matches", in)
	}
}
