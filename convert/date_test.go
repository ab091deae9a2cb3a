package convert

import (
	"strings"
	"testing"
)

func TestImpossibleHeaderDate(t *testing.T) {
	a := firstArticle(t, "in.txt", []byte("Harbour Gazette\n\nFerry keeps running\n\n31 April 2021\n\nThe ferry will keep running all winter, the trust said.\n\nNobody objected.\n"))
	if !a.Date.IsZero() || a.Date.Raw != "31 April 2021" || len(a.Warnings) == 0 {
		t.Errorf("date %+v, warnings %v; want no date, raw kept, a warning", a.Date, a.Warnings)
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // ISO, "" for not a date
	}{
		{"January 11, 2010 Monday", "2010-01-11"},
		{"22 Dec 2016", "2016-12-22"},
		{"Montag, 11. Januar 2010", "2010-01-11"},
		{"11 janvier 2010", "2010-01-11"},
		{"March 2010", "2010-03"},
		{"2010-01-11", "2010-01-11"},
		{"11.01.2010", "2010-01-11"},
		{"Sept. 3, 2019 10:45 am EDT", "2019-09-03"},
		{"Published: March 3, 2021", "2021-03-03"},
		{"March 3", ""},         // no year: never completed from the clock
		{"Monday", ""},          // no date at all
		{"May the force", ""},   // a month word in prose
		{"Harbour Gazette", ""}, // a masthead
		{"14 March 1984 saw the last", ""},
		{"2010-13-01", ""},
		{"31 March 2021", "2021-03-31"},
		{"March 31, 2021", "2021-03-31"},
		{"31.12.2020", "2020-12-31"},
		{"29 February 2024", "2024-02-29"}, // a leap year
		{"29 February 2023", ""},
		{"31 April 2021", ""},
		{"2021-06-31", ""},
		{"29 February 1900", ""}, // not a leap year
		{"29 February 2000", "2000-02-29"},
		// Every order and language of the month and weekday tables.
		{"June 8, 2024, Saturday", "2024-06-08"},
		{"8. Juni 2024", "2024-06-08"},
		{"8 juni 2024 zaterdag", "2024-06-08"},
		{"sábado, 8 de junio del 2024", "2024-06-08"},
		{"samedi 8 juin 2024 à 14h30", "2024-06-08"},
		{"Sa., 08.06.2024", "2024-06-08"},
		{"Sat 8 Jun 2024 06.15 BST", "2024-06-08"},
		{"June 8, 2024: 9:05 PM ET", "2024-06-08"},
		{"2024年6月8日", "2024-06-08"},
		{"2024年6月8日（土） 9:05", "2024-06-08"},
		{"2024-06-08T09:05:00Z", "2024-06-08"},
		{"6/28/2024 9:05 AM PDT", "2024-06-28"},
		{"28/06/2024", "2024-06-28"},
		{"06/08/2024", ""}, // June 8 or 6 August: ambiguous
		// A publishing stamp: the first date is the publication date.
		{"June 8, 2024 at 6:01 am Updated June 9, 2024", "2024-06-08"},
		{"8 June 2024 at 6:01 am", "2024-06-08"},
		{"2024年2月30日", ""},
		{"31/06/2024", ""},
	} {
		d, ok := parseDate(tc.in)
		if got := d.ISO(); ok != (tc.want != "") || got != tc.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
		if ok && d.Raw != strings.TrimSpace(tc.in) {
			t.Errorf("parseDate(%q).Raw = %q", tc.in, d.Raw)
		}
	}
}

func TestHasYearDigits(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"4 June 1987", true},
		{"03.09.2021", true},
		{"1999年12月1日", true},
		{"Tuesday, 12 May", false},
		{"at 9:45 pm", false},
		{"1 2 3 4", false},
		{"no digits here", false},
	} {
		if got := hasYearDigits(tc.in); got != tc.want {
			t.Errorf("hasYearDigits(%q) = %v, want %v", tc.in, got, tc.want)
		}
		// The pre-check may only reject what parseDateForm rejects too.
		if !tc.want {
			if _, ok := parseDateForm(tc.in); ok {
				t.Errorf("parseDateForm(%q) accepted a date without a year", tc.in)
			}
		}
	}
}
