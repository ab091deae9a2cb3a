package convert

import "testing"

func TestReportsFrom(t *testing.T) {
	rows := []struct{ in, names, place string }{
		{"Aus Chicago berichtet DAVID VERHOFF", "DAVID VERHOFF", "Chicago"},
		{"Aus New York berichten Anna Berg und Jan Roth", "Anna Berg und Jan Roth", "New York"},
		{"Anna Berg berichtet aus Kairo", "Anna Berg", "Kairo"},
		{"Jane Doe reports from Kyiv", "Jane Doe", "Kyiv"},
		{"Desde Bruselas informa Ana Ruiz", "Ana Ruiz", "Bruselas"},
		{"Aus Rio de Janeiro berichtet Lena Voss", "Lena Voss", "Rio de Janeiro"},
		// Not reporting phrases.
		{"DAVID VERHOFF", "", ""},
		{"aus der Redaktion berichtet unser Team", "", ""}, // no capital place
		{"Jane Doe reports", "", ""},
		{"From the archive reports of the council in the years before", "", ""},
		{"Aus Chicago berichtet", "", ""},
	}
	for _, r := range rows {
		names, place, ok := reportsFrom(r.in)
		if ok != (r.names != "") || names != r.names || place != r.place {
			t.Errorf("reportsFrom(%q) = %q, %q, %v; want %q, %q", r.in, names, place, ok, r.names, r.place)
		}
	}
}

// A byline field that says where its reporter files from gives the
// reporter as author and the place as dateline.
func TestApplyBylineReportsFrom(t *testing.T) {
	var a Article
	a.applyByline("Aus Chicago berichtet DAVID VERHOFF", true)
	if len(a.Authors) != 1 || a.Authors[0].Name != "David Verhoff" || a.Dateline != "Chicago" {
		t.Errorf("authors %+v, dateline %q; want David Verhoff from Chicago", a.Authors, a.Dateline)
	}
}
