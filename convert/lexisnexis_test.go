package convert

import "testing"

func TestIsDocMarker(t *testing.T) {
	for in, want := range map[string]bool{
		"                1 of 12 DOCUMENTS": true,
		"1 of 1 DOCUMENT":                   true,
		"1 von 2 DOKUMENTEN":                true,
		"3 von 3 Dokumenten":                true,
		"2 sur 5 DOCUMENTS":                 true,
		"4 van 9 DOCUMENTEN":                true,
		"1 de 4 DOCUMENTOS":                 true,
		"Dokument 3 von 12":                 true,
		"Document 2 de 5":                   true,
		"Documents 2 de 5 pages":            false,
		"12 documents were filed":           false,
		"Page 1 of 12":                      false,
	} {
		if got := isDocMarker(in); got != want {
			t.Errorf("isDocMarker(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestLexisField(t *testing.T) {
	for _, tc := range []struct {
		in, kind, value string
		ok              bool
	}{
		{"SECTION: CITY; Pg. 4", "section", "CITY; Pg. 4", true},
		{"RUBRIK: Lokales; S. 3", "section", "Lokales; S. 3", true},
		{"Byline: Ruth Okafor", "byline", "Ruth Okafor", true},
		{"AUTEUR:\tJean Roe", "byline", "Jean Roe", true},
		{"KOP: Veerdienst blijft varen", "headline", "Veerdienst blijft varen", true},
		{"LOAD-DATE: June 8, 2024", "other", "June 8, 2024", true},
		{"BODY:", "body", "", true},
		{"URL:https://example.org", "", "", false}, // no space after the colon
		{"NOTE TO THE HARBOUR: a sentence", "", "", false},
		{"Section Eight: not a label", "", "", false},
		{"The mayor: no comment", "", "", false},
	} {
		kind, value, ok := lexisField(tc.in)
		if kind != tc.kind || value != tc.value || ok != tc.ok {
			t.Errorf("lexisField(%q) = %q, %q, %v; want %q, %q, %v", tc.in, kind, value, ok, tc.kind, tc.value, tc.ok)
		}
	}
}

func TestDocMarkerCounts(t *testing.T) {
	for in, want := range map[string][2]int{
		"  3 of 12 DOCUMENTS": {3, 12},
		"Dokument 4 von 9":    {4, 9},
		"Document 2 de 5":     {2, 5},
	} {
		n, of, ok := docMarkerCounts(in)
		if !ok || n != want[0] || of != want[1] {
			t.Errorf("docMarkerCounts(%q) = %d, %d, %v; want %v", in, n, of, ok, want)
		}
	}
}
