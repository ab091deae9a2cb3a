package convert

import (
	"reflect"
	"strings"
	"testing"
)

// TestCutField: which lines are fields, and what cutField makes of them
// ("kind=value", "" for no field).
func TestCutField(t *testing.T) {
	kinds := map[string]string{"SECTION": "section", "LENGTH": "other"}
	kindOf := func(label string) (string, bool) { k, ok := kinds[label]; return k, ok }
	for line, want := range map[string]string{
		"SECTION: NEWS; Pg. 3":          "section= NEWS; Pg. 3",
		"  LENGTH:\t355 words  ":        "other=\t355 words",
		"SECTION:\u00a0NEWS":            "section=\u00a0NEWS",
		"SECTION:":                      "section=", // the value follows on the next line
		"URL:http://example.org":        "",         // no space after the colon
		"SECTION:NEWS":                  "",
		"A: one-letter label":           "",
		strings.Repeat("X", 31) + ": v": "", // a label over 30 bytes
		"MAYOR: we will":                "", // not a label kindOf knows
		"no colon at all":               "",
	} {
		kind, value, ok := cutField(line, kindOf)
		got := ""
		if ok {
			got = kind + "=" + value
		} else if kind != "" || value != "" {
			t.Errorf("cutField(%q) = %q, %q, false; want both empty", line, kind, value)
		}
		if got != want {
			t.Errorf("cutField(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestFieldLabelColumns: the classic export and Nexis Uni name some
// fields differently; each layout reads only its own column.
func TestFieldLabelColumns(t *testing.T) {
	tests := []struct {
		labels      map[string]string
		label, kind string // kind "" for a label the layout does not know
	}{
		{lexisFields, "AUTOR", "byline"},
		{lexisFields, "LOAD-DATE", "other"},
		{lexisFields, "HEADLINE", "headline"},
		{lexisFields, "load-date", ""},
		{nexisFields, "load-date", "loaddate"},
		{nexisFields, "country", "other"},
		{nexisFields, "headline", ""},
		{nexisFields, "", ""},
	}
	for _, tt := range tests {
		if got := tt.labels[tt.label]; got != tt.kind {
			t.Errorf("label %q: kind %q, want %q", tt.label, got, tt.kind)
		}
	}
}

// TestApplyField: what a sequence of fields sets through a layout's rules
// and commonFieldRules, and how each field's text is recorded as removed.
func TestApplyField(t *testing.T) {
	type field struct{ kind, value string }
	tests := []struct {
		name    string
		rules   fieldRules
		fields  []field
		want    Article
		removed []string // the kinds of the removals, in order
	}{
		{"lexis: first edition and highlight, last dateline, section with page",
			lexisFieldRules,
			[]field{{"edition", "Final"}, {"edition", "Late"}, {"dateline", "OSLO"}, {"dateline", "BERGEN"},
				{"highlight", "Deck one"}, {"highlight", "Deck two"}, {"section", "NEWS; Pg. 3"}, {"country", "Norway"}},
			Article{Edition: "Final", Dateline: "BERGEN", Subheadline: "Deck one", Section: "NEWS", Page: "3", Country: "Norway"},
			[]string{RemovedField, RemovedField, RemovedField, RemovedField, RemovedField, RemovedField, RemovedField, RemovedField}},
		{"lexis: first headline; a graphic is a removed caption, a length a removed field",
			lexisFieldRules,
			[]field{{"headline", "Ferry runs again"}, {"headline", "Other"}, {"graphic", "Photo of a ferry"}, {"other", "355 words"}},
			Article{Headline: "Ferry runs again"},
			[]string{RemovedField, RemovedField, RemovedCaption, RemovedField}},
		{"apa: first section and page, last edition",
			apaFieldRules,
			[]field{{"section", "Innenpolitik"}, {"section", "Wirtschaft"}, {"page", "7"}, {"page", "8"}, {"edition", "Abend"}, {"edition", "Wien"}},
			Article{Section: "Innenpolitik", Page: "7", Edition: "Wien"},
			[]string{RemovedField, RemovedField, RemovedField, RemovedField, RemovedField, RemovedField}},
		{"nexis: section split at the page, load date read as a date",
			nexisFieldRules,
			[]field{{"section", "POLITICS; Pg. A3; Version:2"}, {"loaddate", "May 5, 2020"}},
			Article{Section: "POLITICS", Page: "A3", LoadDate: Date{Year: 2020, Month: 5, Day: 5, Raw: "May 5, 2020"}},
			[]string{RemovedField, RemovedField}},
	}
	for _, tt := range tests {
		a := &Article{}
		for _, f := range tt.fields {
			a.applyField(tt.rules, f.kind, f.value, f.kind+": "+f.value)
		}
		var kinds []string
		for _, r := range a.Removed {
			kinds = append(kinds, r.Kind)
		}
		a.Removed = nil
		if !reflect.DeepEqual(*a, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, *a, tt.want)
		}
		if !reflect.DeepEqual(kinds, tt.removed) {
			t.Errorf("%s: removed %q, want %q", tt.name, kinds, tt.removed)
		}
	}
}

// TestApplyFieldBylineAndLanguage: a byline field becomes authors (Nexis
// Uni's first cleaned of notes) and is removed as a byline; a language
// field becomes a tag, or a warning when unknown.
func TestApplyFieldBylineAndLanguage(t *testing.T) {
	a := &Article{}
	a.applyField(lexisFieldRules, "byline", "Jane Doe", "BYLINE: Jane Doe")
	a.applyField(nexisFieldRules, "byline", "Ida Berg in Oslo", "Byline: Ida Berg in Oslo")
	var names []string
	for _, p := range a.Authors {
		names = append(names, p.Name)
	}
	if want := []string{"Jane Doe", "Ida Berg"}; !reflect.DeepEqual(names, want) {
		t.Errorf("authors %q, want %q", names, want)
	}
	if len(a.Removed) != 2 || a.Removed[0].Kind != RemovedByline || a.Removed[1].Kind != RemovedByline {
		t.Errorf("removed %+v, want two bylines", a.Removed)
	}
	a.applyField(lexisFieldRules, "language", "ENGLISH", "LANGUAGE: ENGLISH")
	if a.Language != "en" || len(a.Warnings) != 0 {
		t.Errorf("LANGUAGE: ENGLISH: language %q, warnings %v; want en and none", a.Language, a.Warnings)
	}
	a.applyField(lexisFieldRules, "language", "KLINGON", "LANGUAGE: KLINGON")
	if a.Language != "" || len(a.Warnings) != 1 {
		t.Errorf("an unknown language: language %q, warnings %v; want none and a warning", a.Language, a.Warnings)
	}
}
