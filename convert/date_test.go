package convert

import "testing"

func TestIsImpossibleDate(t *testing.T) {
	for in, want := range map[string]bool{
		"31 April 2021":    true,
		"30. Februar 2022": true,
		"2021-06-31":       true,
		"30 April 2021":    false, // a real date
		"Harbour news":     false, // no date at all
		"April 2021":       false,
	} {
		if got := isImpossibleDate(in); got != want {
			t.Errorf("isImpossibleDate(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestImpossibleHeaderDate(t *testing.T) {
	doc, err := Convert("in.txt", []byte("Harbour Gazette\n\nFerry keeps running\n\n31 April 2021\n\nThe ferry will keep running all winter, the trust said.\n\nNobody objected.\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := doc.Articles[0]
	if !a.Date.IsZero() || a.Date.Raw != "31 April 2021" || len(a.Warnings) == 0 {
		t.Errorf("date %+v, warnings %v; want no date, raw kept, a warning", a.Date, a.Warnings)
	}
}
