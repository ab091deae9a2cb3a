package convert

import (
	"fmt"
	"strings"
	"testing"
)

func TestImpossibleHeaderDate(t *testing.T) {
	a := firstArticle(t, "in.txt", []byte("Harbour Gazette\n\nFerry keeps running\n\n31 April 2021\n\nThe ferry will keep running all winter, the trust said.\n\nNobody objected.\n"))
	if !a.Date.IsZero() || a.Date.Raw != "31 April 2021" || len(a.Warnings) == 0 {
		t.Errorf("date %+v, warnings %v; want no date, raw kept, a warning", a.Date, a.Warnings)
	}
}

// parseDateOf gives parseDate's date as ISO, "" where it finds none, for
// its rule file. A date must keep the text it was read from, trimmed, as
// Raw: one that does not gives its ISO form and Raw, which no row wants;
// and an answer of no date with a date, or the other way round, gives a
// note that no row wants either.
func parseDateOf(s string) string {
	d, ok := parseDate(s)
	switch {
	case ok != (d.ISO() != ""):
		return fmt.Sprintf("%s but ok %v", d.ISO(), ok)
	case ok && d.Raw != strings.TrimSpace(s):
		return fmt.Sprintf("%s with Raw %q", d.ISO(), d.Raw)
	}
	return d.ISO()
}

// yearDigitsOf gives hasYearDigits' answer and whether parseDateForm
// agrees with the pre-check: a text the pre-check rejects (no year) must
// be rejected by parseDateForm too, so the second result is true unless
// parseDateForm accepts a text without a year.
func yearDigitsOf(s string) (year, agrees bool) {
	year = hasYearDigits(s)
	_, parsed := parseDateForm(s)
	return year, year || !parsed
}
