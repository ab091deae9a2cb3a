package convert

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// isClock and isOrdinalDay match what clockRE and ordinalDayR match, on
// every string of up to six characters from an alphabet of their parts,
// and on random longer ones.
func TestClockAndOrdinalMatchersAgreeWithRegexps(t *testing.T) {
	alphabet := []string{"0", "1", "9", ":", ".", "h", "s", "t", "n", "d", "r", "e", "x", "H", " ", "٣"}
	var inputs []string
	var build func(prefix string, n int)
	build = func(prefix string, n int) {
		inputs = append(inputs, prefix)
		if n == 0 {
			return
		}
		for _, a := range alphabet {
			build(prefix+a, n-1)
		}
	}
	build("", 5)
	r := rand.New(rand.NewSource(5))
	for range 20000 {
		var b strings.Builder
		for range 6 + r.Intn(6) {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		inputs = append(inputs, b.String(), "1"+b.String(), "12:"+b.String())
	}
	clocks, days := 0, 0
	for _, s := range inputs {
		if got, want := isClock(s), clockRE.MatchString(s); got != want {
			t.Errorf("isClock(%q) = %v, clockRE matches: %v", s, got, want)
		} else if got {
			clocks++
		}
		if got, want := isOrdinalDay(s), ordinalDayR.MatchString(s); got != want {
			t.Errorf("isOrdinalDay(%q) = %v, ordinalDayR matches: %v", s, got, want)
		} else if got {
			days++
		}
	}
	if clocks < 100 || days < 50 {
		t.Errorf("%d clock times and %d days among the inputs: too few to compare", clocks, days)
	}
}

// The facts about lower case that the cheap date tests rest on, for every
// rune: only ' ' lower-cases to ' ' (mayHoldStampWord), and only an ASCII
// digit, '-', '.' or '/' lower-cases to one of them (readPrintedField reads
// numeric dates as printed).
func TestLowerCaseFactsOfDateTests(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		l := unicode.ToLower(r)
		if l == ' ' && r != ' ' {
			t.Errorf("%U lower-cases to a space", r)
		}
		if strings.ContainsRune("0123456789-./", l) && l != r {
			t.Errorf("%U lower-cases to %q", r, l)
		}
	}
}

// mayHoldStampWord never turns away a line where readDateForm's search
// finds a stamp word: in the lower case of the line, or in its ASCII-only
// lower case when lower-casing changes the length. The lines mix stamp
// words in every case with runes whose lower case is shorter ("İ", "K",
// the kelvin sign) or longer ("Ⱥ") in bytes, and "À", which only the full
// lower case turns into the "à" of " mis à jour".
func TestStampWordTestFindsEveryStamp(t *testing.T) {
	words := []string{"Updated", "UPDATED", "updated", "Last", "LAST", "modified", "MODİFİED", "Aktualisiert",
		"AKTUALİSİERT", "mis", "MIS", "à", "À", "jour", "JOUR", "Actualizado", "bijgewerkt", "|", "| updated",
		"İ", "K", "Ⱥ", "ȺȺ", "5", "2021", "March", "·", ",", "\t", "x", "upd", "ated"}
	r := rand.New(rand.NewSource(17))
	found := 0
	for range 50000 {
		w := make([]string, 1+r.Intn(7))
		for i := range w {
			w[i] = words[r.Intn(len(words))]
		}
		seps := []string{" ", "", " ", "  "}
		var b strings.Builder
		for i, x := range w {
			if i > 0 {
				b.WriteString(seps[r.Intn(len(seps))])
			}
			b.WriteString(x)
		}
		s := b.String()
		lower := strings.ToLower(s)
		stamps := lower
		if len(lower) != len(s) {
			stamps = asciiLower(s)
		}
		for _, sw := range stampWords {
			if strings.Index(stamps, sw) > 0 {
				found++
				if !mayHoldStampWord(s) {
					t.Fatalf("mayHoldStampWord(%q) = false; %q holds %q", s, stamps, sw)
				}
			}
		}
	}
	if found < 1000 {
		t.Errorf("%d stamp words found: too few to test", found)
	}
}

// parseDateForm reads every line as reading it the long way does (all of
// it lower-cased and split, the regexps tried on every field), on random
// lines of date words as printed, in capitals, with stamps, clock times,
// ordinals, fields longer than maxLowerField and non-ASCII letters.
func TestParseDateFormCheapAgreesWithFull(t *testing.T) {
	words := []string{"The", "MAR", "Mar.", "mär", "MÄRZ", "Août", "DÉC.", "10H30", "10h30", "9:30", "1ST", "1st",
		"21.", "3e", "1er", "2021", "1999,", "11.01.2010", "26/02/2015", "01-26-2010", "Updated", "LAST UPDATED",
		"mis à jour", "MIS À JOUR", "am", "P.M.", "GMT", "Monday,", "MONTAG", "·", "|", "—", "x", "Harbour",
		"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "Kelvin", "İ", "Ⱥ", "on", "at", "2021-03-05"}
	r := rand.New(rand.NewSource(71))
	sameOnRandom[dateRead]{name: "readDateForm", plain: "reading it the long way",
		fast: dateReadOf(func(s string) (Date, bool) { return readDateForm(s, true) }),
		slow: dateReadOf(func(s string) (Date, bool) { return readDateForm(s, false) }),
		hit:  dateRead.found, least: 1000}.check(t, 50000, func() string {
		return randomWords(r, words, 1+r.Intn(7), []string{" ", ", ", "\t", " "}[r.Intn(4)])
	})
}

// readWord looks a field up in dateNoise and monthNames only when it does
// not open with a digit: no word of theirs does.
func TestDateWordsOpenWithoutDigit(t *testing.T) {
	for w := range dateNoise {
		if startsWithDigit(w) {
			t.Errorf("dateNoise word %q opens with a digit", w)
		}
	}
	for w := range monthNames {
		if startsWithDigit(w) {
			t.Errorf("month name %q opens with a digit", w)
		}
	}
}

// FuzzFastRulesAgree checks the fast forms of the header and decoding
// rules against the rules they stand for, on any input: parseDateForm
// against reading the line the long way, languageTag against
// strings.ToLower, singleSpaced against Fields and Join, the clock and day
// matchers against their regexps, the wire-slug test against the regexp,
// the stamp-word test against strings.Index, and textOf, firstBinaryByte
// and scanText against their plain rules.
func FuzzFastRulesAgree(f *testing.F) {
	for _, s := range []string{"10 Mar 2021", "Montag, 11. Januar 2010", "April 28, 2019 at 6:01 am Updated April 29, 2019",
		"URGENT: Port closed", "ENGLISH; ENGLISCH", "10H30", "1ST", "a\r\nb\rc", "x\x00y", "  two  spaces ", "MIS À JOUR 2021"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gd, gok := readDateForm(s, true)
		if wd, wok := readDateForm(s, false); gd != wd || gok != wok {
			t.Errorf("readDateForm(%q) = %+v, %v; the long way %+v, %v", s, gd, gok, wd, wok)
		}
		if got, want := languageTag(s), languageTagPlain(s); got != want {
			t.Errorf("languageTag(%q) = %q, want %q", s, got, want)
		}
		if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("singleSpaced(%q) = %q, want %q", s, got, want)
		}
		if isClock(s) != clockRE.MatchString(s) || isOrdinalDay(s) != ordinalDayR.MatchString(s) {
			t.Errorf("%q: isClock %v, isOrdinalDay %v disagree with their regexps", s, isClock(s), isOrdinalDay(s))
		}
		if m := wirePrefixRE.FindStringSubmatch(s); m != nil && wirePrefixes[strings.TrimSpace(m[1])] && !mayOpenWithWireSlug(s) {
			t.Errorf("mayOpenWithWireSlug(%q) = false, wirePrefixRE takes %q", s, m[1])
		}
		stamps := strings.ToLower(s)
		if len(stamps) != len(s) {
			stamps = asciiLower(s)
		}
		for _, w := range stampWords {
			if strings.Index(stamps, w) > 0 && !mayHoldStampWord(s) {
				t.Errorf("mayHoldStampWord(%q) = false; it holds %q", s, w)
			}
		}
		if got, want := textOf([]byte(s)), normalizeNewlines(s); got != want {
			t.Errorf("textOf(%q) = %q, want %q", s, got, want)
		}
		want := strings.IndexFunc(s, func(r rune) bool { return r < 0x20 && isBinaryByte(byte(r)) })
		if got := firstBinaryByte([]byte(s)); got != want {
			t.Errorf("firstBinaryByte(%q) = %d, want %d", s, got, want)
		}
		if bin, valid := scanText([]byte(s)); bin != want || want < 0 && valid != utf8.ValidString(s) {
			t.Errorf("scanText(%q) = %d, %v; want %d, %v", s, bin, valid, want, utf8.ValidString(s))
		}
	})
}

// dateRead is what a date rule gives: the date and whether it read one.
type dateRead struct {
	Date Date
	OK   bool
}

func (d dateRead) found() bool { return d.OK }

// dateReadOf gives a date rule's two results as one value.
func dateReadOf(f func(string) (Date, bool)) func(string) dateRead {
	return func(s string) dateRead {
		d, ok := f(s)
		return dateRead{d, ok}
	}
}

// randomWords joins n words picked by r from words with sep.
func randomWords(r *rand.Rand, words []string, n int, sep string) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.Intn(len(words))]
	}
	return strings.Join(w, sep)
}

// hasYearDigits, which looks at every fourth byte, finds a run of four
// digits wherever reading every byte does: random texts of digits,
// letters, separators and runes of several bytes, runs at every offset.
func TestHasYearDigitsAgrees(t *testing.T) {
	plain := func(s string) bool {
		run := 0
		for i := 0; i < len(s); i++ {
			if run = run + 1; s[i] < '0' || s[i] > '9' {
				run = 0
			}
			if run == 4 {
				return true
			}
		}
		return false
	}
	pieces := []string{"1", "2", "0", "9", "20", "a", " ", ".", "-", "年", "٣"}
	r := rand.New(rand.NewSource(61))
	sameOnRandom[bool]{name: "hasYearDigits", plain: "every byte", fast: hasYearDigits, slow: plain,
		hit: func(ok bool) bool { return ok }, least: 3000}.check(t, 30000, func() string {
		return randomText(r, pieces, r.Intn(14))
	})
}
