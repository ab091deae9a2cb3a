package convert

import "strings"

// reportingPhrases are the ways a byline field names where its reporter
// files from, place and verb around the name, per language:
//
//	Aus Chicago berichtet DAVID VERHOFF       from, place, verb, name
//	Anna Berg berichtet aus Kairo             name, verb, from, place
//	Jane Doe reports from Kyiv                name, verb, from, place
//	Desde Bruselas informa Ana Ruiz           from, place, verb, name
//	De Rome, Jean Roe rapporte                (not covered: verb last)
//
// from and verb are lower case; a phrase matches either order.
var reportingPhrases = []struct{ from, verb string }{
	{"aus", "berichtet"},
	{"aus", "berichten"},
	{"from", "reports"},
	{"from", "reporting"},
	{"desde", "informa"},
	{"da", "riferisce"},
	{"vanuit", "bericht"},
}

// Limits of a reporting phrase: the place is at most maxReportPlaceWords
// words ("New York", "Rio de Janeiro"), the name at most
// maxReportNameWords.
const (
	maxReportPlaceWords = 4
	maxReportNameWords  = 6
)

// reportsFrom splits a byline field that says where its reporter files
// from into the names and the place: "Aus Chicago berichtet DAVID
// VERHOFF" -> "DAVID VERHOFF", "Chicago". ok is false when s is no such
// phrase (the place and the name must each start with a capital).
func reportsFrom(s string) (names, place string, ok bool) {
	if !mayReportFrom(s) {
		return "", "", false // no verb: spare the split
	}
	w := strings.Fields(s)
	for _, p := range reportingPhrases {
		for i := 1; i+1 < len(w); i++ {
			if !strings.EqualFold(w[i], p.verb) {
				continue
			}
			if strings.EqualFold(w[0], p.from) && i-1 <= maxReportPlaceWords && len(w)-i-1 <= maxReportNameWords {
				place, names = strings.Join(w[1:i], " "), strings.Join(w[i+1:], " ")
			} else if i+2 < len(w) && strings.EqualFold(w[i+1], p.from) && i <= maxReportNameWords && len(w)-i-2 <= maxReportPlaceWords {
				names, place = strings.Join(w[:i], " "), strings.Join(w[i+2:], " ")
			} else {
				continue
			}
			place = strings.TrimRight(place, ",:")
			if startsUpper(place) && startsUpper(names) {
				return names, place, true
			}
		}
	}
	return "", "", false
}

// mayReportFrom is a cheap test before reportsFrom's split: s holds the
// verb of a reporting phrase in some ASCII case, or a byte outside ASCII
// (where a rune such as "ſ" may fold onto a verb's letter, it says yes).
func mayReportFrom(s string) bool {
	if !isASCII(s) {
		return true
	}
	for _, p := range reportingPhrases {
		if containsFoldASCII(s, p.verb) {
			return true
		}
	}
	return false
}
