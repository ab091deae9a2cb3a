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
	// lift gives the author liftSignature takes from a last paragraph and
	// the text left in it.
	lift := func(last string) (string, string) {
		a := &Article{Body: []Block{&Paragraph{last}}}
		liftSignature(a)
		author := ""
		if len(a.Authors) > 0 {
			author = a.Authors[0].Name
		}
		return author, a.Body[0].Text()
	}
	rows2(t, "liftSignature", lift, map[string]two[string, string]{
		"Also, dringend deeskalieren bitte. Iris Mayer": {"Iris Mayer", "Also, dringend deeskalieren bitte."},
		"The mill will open in May. Anna-Lena Schmidt":  {"Anna-Lena Schmidt", "The mill will open in May."},
		"The mill will open in May, said Anna Schmidt.": {"", "The mill will open in May, said Anna Schmidt."},
		"It was, they said, Harbour Master Office":      {"", "It was, they said, Harbour Master Office"},
	})
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
	// promote gives the kicker and headline after promoteHeadline of an
	// article with {headline, subheadline, first paragraph}.
	promote := func(in [3]string) (string, string) {
		a := &Article{Headline: in[0], Subheadline: in[1], Body: []Block{&Paragraph{"The catch was large."}}}
		if in[2] != "" {
			a.Body = append([]Block{&Paragraph{in[2]}}, a.Body...)
		}
		promoteHeadline(a)
		return a.Kicker, a.Headline
	}
	rows2(t, "promoteHeadline", promote, map[[3]string]two[string, string]{
		{"Podcast Harbour Talk", "", "Record catch: what it means for the bay"}: {"Podcast Harbour Talk", "Record catch: what it means for the bay"},
		{"Harbour news", "Record catch in the bay", ""}:                         {"Harbour news", "Record catch in the bay"},
		{"Record catch in the bay", "", "The catch was the largest in years."}:  {"", "Record catch in the bay"},                      // a sentence follows
		{"Record catch in the bay this spring and more", "", "Why it matters"}:  {"", "Record catch in the bay this spring and more"}, // too long for a label
	})
}
