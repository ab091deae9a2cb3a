package convert

import (
	"slices"
	"testing"
)

func TestLiftLateByline(t *testing.T) {
	a := &Article{Headline: "Record catch", Body: []Block{
		&Paragraph{"A long standfirst that the header reader took for body text, set over seven lines in the margin."},
		&Heading{"Von Anna Schmidt"},
		&Paragraph{"The catch was the largest in years."},
	}}
	liftLateByline(a)
	if len(a.Authors) != 1 || a.Authors[0].Name != "Anna Schmidt" || a.Subheadline == "" || len(a.Body) != 1 {
		t.Errorf("authors %+v subheadline %q body %d", a.Authors, a.Subheadline, len(a.Body))
	}
	b := &Article{Authors: []Person{{Name: "Bo Ma"}}, Body: []Block{&Paragraph{"By Anna Schmidt"}}}
	if liftLateByline(b); len(b.Authors) != 1 || len(b.Body) != 1 {
		t.Errorf("an article with authors changed: %+v", b)
	}
}

func TestLiftSignature(t *testing.T) {
	for _, tc := range []struct {
		last, author, rest string
	}{
		{"Also, dringend deeskalieren bitte. Iris Mayer", "Iris Mayer", "Also, dringend deeskalieren bitte."},
		{"The mill will open in May. Anna-Lena Schmidt", "Anna-Lena Schmidt", "The mill will open in May."},
		{"The mill will open in May, said Anna Schmidt.", "", "The mill will open in May, said Anna Schmidt."},
		{"It was, they said, Harbour Master Office", "", "It was, they said, Harbour Master Office"},
	} {
		a := &Article{Body: []Block{&Paragraph{tc.last}}}
		liftSignature(a)
		got := ""
		if len(a.Authors) > 0 {
			got = a.Authors[0].Name
		}
		if got != tc.author || a.Body[0].Text() != tc.rest {
			t.Errorf("%q: author %q, text %q", tc.last, got, a.Body[0].Text())
		}
	}
}

func TestJoinBrokenBylines(t *testing.T) {
	got := joinBrokenBylines([]string{"Von Markus Balser und Christoph", "", "Koopmann", "", "Die Wortwahl ist bemerkenswert.", ""})
	if want := []string{"Von Markus Balser und Christoph Koopmann", "", "Die Wortwahl ist bemerkenswert.", ""}; !slices.Equal(got, want) {
		t.Errorf("got %q", got)
	}
	keep := []string{"Von Markus Balser", "", "Koopmann", ""} // no first name left hanging
	if got := joinBrokenBylines(slices.Clone(keep)); !slices.Equal(got, keep) {
		t.Errorf("got %q", got)
	}
}

func TestIsCaptionText(t *testing.T) {
	rows(t, "isCaptionText", isCaptionText, map[string]bool{
		"Beamte waren am Samstag im Einsatz. FOTO: HENDRIK SCHMIDT/DPA": true,
		"The harbour at dawn. (Photo: Jane Doe/AP)":                     true,
		"The photo: a harbour at dawn, taken on Monday morning.":        false,
		"Fotos zeigen den Hafen.":                                       false,
	})
}

func TestSplitBylineDates(t *testing.T) {
	got := splitBylineDates([]string{"Record catch", "", "BY ANNA SCHMIDT OCT. 3, 2013, 7:30 A.M.", "", "By Tuesday, 3 October 2013 the boats were in.", ""})
	want := []string{"Record catch", "", "BY ANNA SCHMIDT", "", "OCT. 3, 2013, 7:30 A.M.", "", "By Tuesday, 3 October 2013 the boats were in.", ""}
	if !slices.Equal(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestPromoteHeadline(t *testing.T) {
	for _, tc := range []struct {
		headline, sub, first string
		kicker, want         string
	}{
		{"Podcast Harbour Talk", "", "Record catch: what it means for the bay", "Podcast Harbour Talk", "Record catch: what it means for the bay"},
		{"Harbour news", "Record catch in the bay", "", "Harbour news", "Record catch in the bay"},
		{"Record catch in the bay", "", "The catch was the largest in years.", "", "Record catch in the bay"},                      // a sentence follows
		{"Record catch in the bay this spring and more", "", "Why it matters", "", "Record catch in the bay this spring and more"}, // too long for a label
	} {
		a := &Article{Headline: tc.headline, Subheadline: tc.sub, Body: []Block{&Paragraph{"The catch was large."}}}
		if tc.first != "" {
			a.Body = append([]Block{&Paragraph{tc.first}}, a.Body...)
		}
		promoteHeadline(a)
		if a.Kicker != tc.kicker || a.Headline != tc.want {
			t.Errorf("%q: kicker %q headline %q", tc.headline, a.Kicker, a.Headline)
		}
	}
}
