package convert

import (
	"math/rand"
	"strings"
	"testing"
)

// lastNotPlain finds the byte the plain backward loop finds, from every
// end of random text of plain bytes, the bytes that are not plain, and
// the bytes next to its ranges ('#', '/', '>', '@', 0x7f, 0xE2's
// neighbours), so that every eight-byte word alignment is crossed.
func TestLastNotPlainMatchesLoop(t *testing.T) {
	pieces := []string{"a", "Z", " ", "ferry ", "harbour", ".", ",", "!", "?", "\"", "'", ")", "…", "é", "#", "/",
		">", "@", "\x7f", "\xe1", "\xe3", "-", "(", "0", "9", "\x00", "\x1f", "\x20\x20\x20\x20\x20\x20\x20\x20"}
	r := rand.New(rand.NewSource(81))
	found := 0
	for range 5000 {
		s := randomText(r, pieces, r.Intn(40))
		for end := 0; end <= len(s); end++ {
			want := end - 1
			for want >= 0 && plainByte[s[want]] {
				want--
			}
			if got := lastNotPlain(s, end); got != want {
				t.Fatalf("lastNotPlain(%q, %d) = %d, want %d", s, end, got, want)
			}
			if want >= 0 && end-want > 8 {
				found++
			}
		}
	}
	if found < 10000 {
		t.Errorf("%d searches crossed a plain word: too few to compare", found)
	}
}

// mayHoldNotPlain holds for every word with a byte that is not plain,
// wherever the byte stands among plain ones, and not for words of letters,
// digits and spaces, which it exists to skip.
func TestMayHoldNotPlain(t *testing.T) {
	r := rand.New(rand.NewSource(82))
	plain := "abcXYZ 0189:;<=>@[]^_`{|}~\x7f/#$%&*+-"
	word := func() []byte {
		w := make([]byte, 8)
		for i := range w {
			w[i] = plain[r.Intn(len(plain))]
		}
		return w
	}
	for b := range 256 {
		for pos := range 8 {
			for range 20 {
				w := word()
				w[pos] = byte(b)
				if got := mayHoldNotPlain(load64(w, 0)); !plainByte[b] && !got {
					t.Fatalf("mayHoldNotPlain(%q) = false, byte %#x is not plain", w, b)
				}
			}
		}
	}
	for range 1000 {
		w := []byte(randomText(r, []string{"a", "Z", " ", "7", "m"}, 8))
		if mayHoldNotPlain(load64(w, 0)) {
			t.Fatalf("mayHoldNotPlain(%q) = true for letters, digits and spaces", w)
		}
	}
}

// A tailSet never turns away a sentence end where a candidate shorter than
// the paragraph ends: on random keys (some of them shorter than eight bytes, as no real key of
// six words is, some sharing their last eight bytes, some holding NUL
// words), every end of every key that another key ends at is let through,
// and that key is found (wasFound) for the index.
func TestTailSetKeepsEveryCandidateEnd(t *testing.T) {
	r := rand.New(rand.NewSource(83))
	pieces := []string{"a ", "b ", "c", " ", "all winter long", "\x00\x00\x00\x00\x00\x00\x00\x00", "é", "x"}
	turned := 0
	for range 2000 {
		n := 1 + r.Intn(30)
		texts, keys := make([]bodyText, n), make([]string, n)
		for i := range keys {
			keys[i] = randomText(r, pieces, r.Intn(20))
			texts[i] = bodyText{text: keys[i] + " and twelve bytes", words: 6 + r.Intn(3)}
		}
		tails := newTailSet(texts, keys)
		ended := map[string]bool{} // the candidates that end somewhere
		for _, src := range keys {
			for e := 0; e <= len(src); e++ {
				ends := false
				for i, k := range keys {
					if isQuoteCandidate(texts[i], k) && len(k) < len(src) && strings.HasSuffix(src[:e], k) {
						ends, ended[k] = true, true
					}
				}
				got := tails.mayEndAt(src, e)
				if ends && !got {
					t.Fatalf("tailSet of %q turns away %q at %d", keys, src, e)
				}
				if !got {
					turned++
				}
			}
		}
		for k := range ended {
			if !tails.wasFound(k) {
				t.Fatalf("tailSet of %q: %q ends in another key, not found", keys, k)
			}
		}
	}
	if turned < 10000 {
		t.Errorf("%d ends turned away: the set lets everything through", turned)
	}
}

// findPullQuotes agrees with the rule, pair by pair, on articles long
// enough for its index (9 to 40 paragraphs) whose sentences mostly end
// alike, so that the tail set lets many ends through that end no
// candidate, among repeats of whole sentences and spans, in other case
// and quotes.
func TestFindPullQuotesIndexMatchesRule(t *testing.T) {
	words := strings.Fields("the ferry mayor said council would run")
	ends := []string{"all winter long", "all winter along", "in the spring", "all winter long, she said"}
	r := rand.New(rand.NewSource(84))
	var said []string // the sentences made, to repeat
	sentence := func() string {
		w := make([]string, 2+r.Intn(8))
		for i := range w {
			w[i] = words[r.Intn(len(words))]
		}
		s := strings.ToUpper(w[0][:1]) + strings.Join(w, " ")[1:] + " " + ends[r.Intn(len(ends))]
		switch r.Intn(4) {
		case 0:
			s = "“" + s + ",” she said."
		case 1:
			s += "!"
		default:
			s += "."
		}
		said = append(said, s)
		return s
	}
	marked := 0
	for round := 0; round < 200; round++ {
		said = said[:0]
		paras := randomParas(r, 9+r.Intn(32), 4, sentence)
		for range r.Intn(4) {
			q := randomSpan(r, paras)
			if r.Intn(2) == 0 {
				q = said[r.Intn(len(said))]
			}
			if r.Intn(3) == 0 {
				q = "\"" + strings.ToUpper(q) + "\""
			}
			paras = append(paras, q)
		}
		texts := bodyTextsOf(paras...)
		got, wants := findPullQuotes(texts), plainPullQuotes(texts)
		for i, want := range wants {
			if got[i] != want {
				t.Fatalf("round %d, paragraph %d %q: pull quote %v, want %v\narticle: %q", round, i, texts[i].text, got[i], want, paras)
			}
			if want {
				marked++
			}
		}
	}
	if marked < 50 {
		t.Errorf("%d pull quotes in 200 articles: too few to compare", marked)
	}
}
