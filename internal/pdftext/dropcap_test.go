package pdftext

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"
)

// capBeside returns three 8 pt lines starting at x (baselines 700, 690,
// 680) and a cap of 34 pt to their left whose baseline is the third's.
func capBeside(cap string, x float64) []word {
	return []word{
		{x0: x - 22, x1: x - 2, y: 680, size: 34, text: cap},
		{x0: x, x1: x + 30, y: 700, size: 8, text: "er"},
		{x0: x + 33, x1: x + 50, y: 700, size: 8, text: "in"},
		{x0: x, x1: x + 40, y: 690, size: 8, text: "diesen"},
		{x0: x, x1: x + 40, y: 680, size: 8, text: "Tagen"},
	}
}

func texts(ws []word) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.text)
	}
	return out
}

// TestJoinDropCaps: a capital in type 2.5 times the block's, with lines
// to its right, joins the first word of the topmost of them, and the
// lines below it start at the cap's edge; anything else stays a word.
func TestJoinDropCaps(t *testing.T) {
	two := append(capBeside("W", 100), capBeside("D", 300)...)
	for _, c := range []struct {
		name string
		in   []word
		want []string
	}{
		{"one cap", capBeside("W", 100), []string{"Wer", "in", "diesen", "Tagen"}},
		{"two caps", two, []string{"Wer", "in", "diesen", "Tagen", "Der", "in", "diesen", "Tagen"}},
		{"lower case", capBeside("w", 100), []string{"w", "er", "in", "diesen", "Tagen"}},
		{"two letters", capBeside("WE", 100), []string{"WE", "er", "in", "diesen", "Tagen"}},
		{"nothing beside", capBeside("W", 100)[:1], []string{"W"}},
		{"no words", nil, nil},
	} {
		in := append([]word(nil), c.in...)
		got := joinDropCaps(in)
		if !reflect.DeepEqual(texts(got), c.want) {
			t.Errorf("%s: %q, want %q", c.name, texts(got), c.want)
		}
	}
	got := joinDropCaps(capBeside("W", 100))
	if got[0].x0 != 78 || got[2].x0 != 78 || got[3].x0 != 78 || got[1].x0 != 133 {
		t.Errorf("starts %v %v %v %v, want the cap's 78 for the three lines' first words and 133", got[0].x0, got[1].x0, got[2].x0, got[3].x0)
	}
}

// joinDropCapsPlain is joinDropCaps as it was, removing each cap as it
// was joined: the reference the one-pass removal must match.
func joinDropCapsPlain(r []word) []word {
	size := medianSize(r)
	for i := 0; i < len(r); i++ {
		c := r[i]
		first, n := utf8.DecodeRuneInString(c.text)
		if n == 0 || n != len(c.text) || !unicode.IsUpper(first) || c.size < dropCapRatio*size {
			continue
		}
		best := -1
		for j, w := range r {
			beside := w.x0 >= c.x1-0.5 && w.x0 <= c.x1+2*size && w.y >= c.y-0.5 && w.y <= c.top()
			if j != i && beside && (best < 0 || w.y > r[best].y || w.y == r[best].y && w.x0 < r[best].x0) {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		alignBesideCap(r, r[best], c)
		r[best].text = c.text + r[best].text
		r[best].x0 = c.x0
		r = append(r[:i:i], r[i+1:]...)
		i--
	}
	return r
}

// TestJoinDropCapsAsPlain: on random columns with caps set beside their
// lines, beside each other, on one baseline with a word, and alone, the
// one-pass removal gives what removing each cap at once gave.
func TestJoinDropCapsAsPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	caps := []string{"W", "D", "Ä", "x", "Wo", ""}
	joinedSome := 0
	for range 3000 {
		r := randomRegion(rng)
		for range rng.IntN(6) {
			var at word
			if len(r) > 0 {
				at = r[rng.IntN(len(r))]
			}
			size := at.size * (1 + rng.Float64()*4)
			w := word{x1: at.x0 - rng.Float64()*4, y: at.y - rng.Float64()*3*at.size, size: size, text: caps[rng.IntN(len(caps))]}
			if rng.IntN(5) == 0 { // a second cap at the first one's right
				w.x1 = at.x0 + rng.Float64()
			}
			w.x0 = w.x1 - size*0.7
			r = slicesInsert(r, rng.IntN(len(r)+1), w)
		}
		a, b := append([]word(nil), r...), append([]word(nil), r...)
		want, got := joinDropCapsPlain(a), joinDropCaps(b)
		if len(want) < len(r) {
			joinedSome++
		}
		if fmt.Sprint(got) != fmt.Sprint(want) { // NaN as NaN
			t.Fatalf("on %v:\n got %v\nwant %v", r, got, want)
		}
	}
	if joinedSome < 300 {
		t.Errorf("caps joined on %d of 3000 pages; the test needs more", joinedSome)
	}
}

func slicesInsert(r []word, i int, w word) []word {
	r = append(r, word{})
	copy(r[i+1:], r[i:])
	r[i] = w
	return r
}
