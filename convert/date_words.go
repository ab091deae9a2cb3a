package convert

// A dateWord is what the date tables say of a word: whether dateNoise
// holds it, and the month monthNames gives it (0 for none).
type dateWord struct {
	noise bool
	month int
}

// dateWords holds every word of dateNoise and monthNames with what both
// say of it, so that readWord looks a word up once instead of in each.
var dateWords = func() map[string]dateWord {
	words := make(map[string]dateWord, len(dateNoise)+len(monthNames))
	for w := range dateNoise {
		words[w] = dateWord{noise: true, month: monthNames[w]}
	}
	for w, m := range monthNames {
		words[w] = dateWord{noise: dateNoise[w], month: m}
	}
	return words
}()

// minStampedDate is the length in bytes of the shortest line in which a
// stamp word can follow a date: the date before the stamp holds a year,
// four digits (hasYearDigits), and the shortest of stampWords follows it.
// readDateFields looks for stamps only in lines this long. It is a
// shortcut, not a rule of its own: a shorter line cannot hold both the
// four digits (hasYearDigits) and a stamp word (mayHoldStampWord), which
// the search needs anyway, so skipping it changes no result.
var minStampedDate = func() int {
	n := len(stampWords[0])
	for _, w := range stampWords {
		n = min(n, len(w))
	}
	return 4 + n
}()
