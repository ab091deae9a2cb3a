package convert

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// The cheap tests before the date regexps never turn away a string a
// regexp matches: startsWithYear before isoDateRE and cjkDateRE, mayBeClock
// before clockRE, mayBeOrdinal before ordinalDayR (whose day leadingNumber
// reads), mayBeNumericDate before dashedRE, dottedRE and slashedRE (and
// so numericDate's length and digit test before all three). The
// strings are dates and times of every form, and random strings of their
// characters.
func TestDatePrechecksAgreeWithRegexps(t *testing.T) {
	inputs := []string{"2021-03-01", "2021-03", "2019-02-15T10:30:00Z", "2016年3月9日", "2016 年 3 月",
		"2016年3月9日（水）10:30", "11.01.2010", "26/02/2015", "10:30", "9h30", "10.30.15", "3rd", "21st",
		"1er", "5", "March", "am", "", " 2021-03-01", "x2021", "01-26-2010", "1-2-2010", "1.2.2010", "01.2.2010"}
	r := rand.New(rand.NewSource(13))
	alphabet := []string{"0", "1", "2", "9", "-", ".", "/", ":", "h", "T", "Z", "+", " ", "年", "月", "日", "（", "）", "st", "e", "x"}
	for range 20000 {
		var b strings.Builder
		for range r.Intn(14) {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	matched := 0
	for _, s := range inputs {
		for _, re := range []*lazyRegexp{isoDateRE, cjkDateRE} {
			if re.MatchString(s) {
				matched++
				if !startsWithYear(s) {
					t.Errorf("startsWithYear(%q) = false, a date regexp matches", s)
				}
			}
		}
		for _, c := range []struct {
			re   *lazyRegexp
			test func(string) bool
		}{
			{clockRE, mayBeClock}, {ordinalDayR, mayBeOrdinal},
			{dashedRE, func(s string) bool { return mayBeNumericDate(s, '-') }},
			{dottedRE, func(s string) bool { return mayBeNumericDate(s, '.') }},
			{slashedRE, func(s string) bool { return mayBeNumericDate(s, '/') }},
		} {
			if c.re.MatchString(s) {
				matched++
				if !c.test(s) {
					t.Errorf("the cheap test of %s turns away %q, which it matches", c.re.re(), s)
				}
			}
		}
		// numericDate's own length and digit test before the three.
		if dashedRE.MatchString(s) || dottedRE.MatchString(s) {
			if _, _, _, ok := numericDate(s); !ok {
				t.Errorf("numericDate(%q) turns away a date its regexps match", s)
			}
		}
		if m := ordinalDayR.FindStringSubmatch(s); m != nil {
			if day, _ := strconv.Atoi(m[1]); leadingNumber(s) != day {
				t.Errorf("leadingNumber(%q) = %d, ordinalDayR reads %q", s, leadingNumber(s), m[1])
			}
		}
	}
	if matched < 100 {
		t.Errorf("the regexps matched %d strings: too few to test the pre-checks", matched)
	}
}

// parseDateForm, which turns a line away when its first word cannot start
// a date, reads every line as reading all its words does (the function as
// it was before that test), on dates of every form, stamps and random
// lines of date words and others, with letters whose lower case is shorter
// ("İ") or longer ("Ⱥ") in bytes.
func TestParseDateFormFirstWordTest(t *testing.T) {
	full := func(s string) (Date, bool) { return readDateForm(s, false) }
	words := []string{"The", "Harbour", "March", "MAR", "5,", "5th", "2021", "11.01.2010", "2/26/2015", "10:30", "AM", "ET",
		"Updated", "updated", "Monday,", "on", "by", "|", "·", ",", " ", "\t", "2021-03-05", "Mär", "İ", "\xff", "ȺȺȺȺȺȺȺȺȺȺ", "5"}
	r := rand.New(rand.NewSource(59))
	sameOnRandom[dateRead]{name: "parseDateForm", plain: "reading every word", fast: dateReadOf(parseDateForm),
		slow: dateReadOf(full), hit: dateRead.found, least: 1000}.check(t, 30000, func() string {
		return randomWords(r, words, r.Intn(8), " ")
	})
}
