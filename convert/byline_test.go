package convert

import (
	"testing"
)

// leadOf is stripBylineLead with the rest blanked when there is no lead,
// so that a row reads: the name after the lead and whether there was one.
func leadOf(in string) (string, bool) {
	rest, ok := stripBylineLead(in)
	if !ok {
		rest = ""
	}
	return rest, ok
}

// parsed is parseByline's people as names() lists them and its date, ISO.
func parsed(line, publication string) ([]string, string) {
	people, date := parseByline(line, publication)
	return names(people), date.ISO()
}

// bylineTail is stripBylineTail's name and date, ISO.
func bylineTail(in string) (string, string) {
	name, date := stripBylineTail(in)
	return name, date.ISO()
}

// roleNotesOf is roleNotes with the credits as "role:name".
func roleNotesOf(in string) (string, []string) {
	rest, credits := roleNotes(in)
	return rest, creditStrings(credits)
}

// bylineField gives the authors' names that a byline field names.
func bylineField(in string) []string {
	a := &Article{}
	a.applyByline(in, true)
	var got []string
	for _, p := range a.Authors {
		got = append(got, p.Name)
	}
	return got
}

// A byline's lead is found however the export spaced it and whatever
// rune (?i) folds into it: two spaces or a tab inside "Written by", a long
// s in "ſtory by" (the regexp's reading, which once a cheap test before it
// turned away).
func TestBylineLeadSpacings(t *testing.T) {
	rows(t, "bylineField", bylineField, map[string][]string{
		"Written  by Jane Doe": {"Jane Doe"},
		"Written\tby Jane Doe": {"Jane Doe"},
		"Posted  by Ann Lee":   {"Ann Lee"},
		"ſtory by Jane Doe":    {"Jane Doe"},
		"Written by Jane Doe":  {"Jane Doe"},
	})
}

// names lists each person as "name | title @ agency", the parts there are.
func names(ps []Person) []string {
	var out []string
	for _, p := range ps {
		s := p.Name
		if p.Title != "" {
			s += " | " + p.Title
		}
		if p.Agency != "" {
			s += " @ " + p.Agency
		}
		out = append(out, s)
	}
	return out
}

// The cheap test must pass every byline the separator splits.
func TestAuthorJoinPrecheckAgrees(t *testing.T) {
	for _, w := range strongJoins {
		for _, in := range []string{"Ann Lee " + w + " Bo Ma", "ANN LEE " + w + " BO MA", "Ann Lee; Bo Ma"} {
			if len(authorSeparator.Split(in, -1)) > 1 && !mayJoinAuthors(in) {
				t.Errorf("%q: the separator splits but the cheap test refuses", in)
			}
		}
	}
}
