package convert

import "testing"

// TestOpensWithMarker: a credit phrase opens a line in any case, and a
// phrase ending in a letter only as a whole word.
func TestOpensWithMarker(t *testing.T) {
	for _, tt := range []struct {
		s, phrase string
		want      bool
	}{
		{"By Ann Lee", "by", true},
		{"BY ANN LEE", "by", true},
		{"by", "by", true},           // the phrase is the whole line
		{"Byline: Ann", "by", false}, // runs on into a letter
		{"by2 Ann", "by", false},     // into a digit
		{"by-Ann", "by", true},       // punctuation ends the word
		{"Photo: Ann Lee", "photo:", true},
		{"Photo:Ann", "photo:", true}, // a phrase ending in punctuation may run on
		{"Phot", "photo:", false},     // shorter than the phrase
		{"Byé", "by", false},          // a non-ASCII letter
	} {
		if got := opensWithMarker(tt.s, tt.phrase); got != tt.want {
			t.Errorf("opensWithMarker(%q, %q) = %v, want %v", tt.s, tt.phrase, got, tt.want)
		}
	}
}
