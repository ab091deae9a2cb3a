package convert

import "testing"

func TestParseDateline(t *testing.T) {
	for _, tc := range []struct{ in, place, date string }{
		{"BEIJING - The conference opened.", "BEIJING", ""},
		{"PORTHAVEN, 14 March — Fishermen said.", "PORTHAVEN, 14 March", ""},
		{"WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON", ""},
		{"April 17, 2015 -- Imagine being sick.", "", "2015-04-17"},
		{"The mill works on a principle: tides.", "", ""},
		{"Mr Okafor said - and meant it - that", "", ""},
	} {
		place, date, _ := parseDateline(tc.in)
		if place != tc.place || date.ISO() != tc.date {
			t.Errorf("parseDateline(%q) = %q, %q; want %q, %q", tc.in, place, date.ISO(), tc.place, tc.date)
		}
	}
}
