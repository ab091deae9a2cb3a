package convert

import "testing"

func TestParseDateline(t *testing.T) {
	dateline := func(in string) (string, string) { place, date, _ := parseDateline(in); return place, date.ISO() }
	rows2(t, "parseDateline", dateline, map[string]two[string, string]{
		"BEIJING - The conference opened.":         {"BEIJING", ""},
		"PORTHAVEN, 14 March — Fishermen said.":    {"PORTHAVEN, 14 March", ""},
		"WASHINGTON (Reuters) - The Senate voted.": {"WASHINGTON", ""},
		"April 17, 2015 -- Imagine being sick.":    {"", "2015-04-17"},
		"The mill works on a principle: tides.":    {"", ""},
		"Mr Okafor said - and meant it - that":     {"", ""},
	})
}
