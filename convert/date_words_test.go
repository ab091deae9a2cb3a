package convert

import (
	"math/rand"
	"testing"
)

// dateWords says of every word what dateNoise and monthNames say, and
// nothing of a word neither holds.
func TestDateWordsAgreeWithTables(t *testing.T) {
	words := []string{"", "x", "harbour", "marzo.", "Mar", "MARCH", "mar ", "5", "2021"}
	for w := range dateNoise {
		words = append(words, w)
	}
	for w := range monthNames {
		words = append(words, w, w+"x", w[1:])
	}
	for _, w := range words {
		if got, want := dateWords[w], (dateWord{noise: dateNoise[w], month: monthNames[w]}); got != want {
			t.Errorf("dateWords[%q] = %+v, the tables say %+v", w, got, want)
		}
	}
}

// Short lines, where readDateFields does not look for stamp words
// (minStampedDate), read as the long way reads them: the rows of
// parseDate's rule file and random lines of years, days, months and stamp
// words around minStampedDate bytes long, with runes whose lower case is
// shorter or longer in bytes.
func TestShortDatesReadAsTheLongWay(t *testing.T) {
	inputs := ruleInputs(t, "parseDate")
	pieces := []string{"2021", "2021 ", "1999", "5 ", "12", "Mar", "MAI", "Updated", " updated", "| updated", "modified",
		"Last", "mis à jour", "MIS À JOUR", "Aktualisiert", " ", " ", ", ", "İ", "Ⱥ", "\u212a", "am", "10:30"}
	r := rand.New(rand.NewSource(19))
	n := 0
	sameOnRandom[dateRead]{name: "readDateForm", plain: "reading it the long way",
		fast: dateReadOf(func(s string) (Date, bool) { return readDateForm(s, true) }),
		slow: dateReadOf(func(s string) (Date, bool) { return readDateForm(s, false) }),
		hit:  dateRead.found, least: 1000}.check(t, len(inputs)+30000, func() string {
		if n++; n <= len(inputs) {
			return inputs[n-1]
		}
		s := randomText(r, pieces, 1+r.Intn(6))
		return s[:min(len(s), minStampedDate-4+r.Intn(16))]
	})
}
