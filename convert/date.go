package convert

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// monthNames maps month names and abbreviations in English, German, French,
// Dutch, Spanish and Italian (lower case, without a trailing period) to
// 1-12.
var monthNames = func() map[string]int {
	monthNames := make(map[string]int, 81) // the names below, less repeats
	lists := [][]string{
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	}
	for _, l := range lists {
		for i, m := range l {
			monthNames[m] = i + 1
		}
	}
	for m, n := range map[string]int{"sept": 9, "okt": 10, "dez": 12, "mrz": 3, "mär": 3, "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12, "mei": 5, "mrt": 3, "ene": 1, "dic": 12} {
		monthNames[m] = n
	}
	return monthNames
}()

// dateNoise are the words a printed date may carry besides day, month and
// year: weekdays in the languages of monthNames, and time zones.
var dateNoise = func() map[string]bool {
	dateNoise := make(map[string]bool, 116) // the words below, less repeats
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		mon tue tues wed thu thur thurs fri sat sun
		montag dienstag mittwoch donnerstag freitag samstag sonntag
		lundi mardi mercredi jeudi vendredi samedi dimanche
		maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
		lunes martes miércoles jueves viernes sábado domingo
		lunedì martedì mercoledì giovedì venerdì sabato domenica
		mo di mi do fr sa so lun mer jeu ven sam dim mié jue vie sáb dom ma wo vr za zo
		am pm a.m p.m gmt utc bst est edt pst pdt cet cest et pt ct mt ist jst aest hkt sgt
		of de del du le the published updated posted last modified on at à um a las h uhr`) {
		dateNoise[w] = true
	}
	return dateNoise
}()

var (
	isoDateRE   = lazyRE(`^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$`)
	cjkDateRE   = lazyRE(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?\s*(?:[（(][^)）]{1,6}[)）])?\s*(?:\d{1,2}[:：]\d{2})?$`)
	dottedRE    = lazyRE(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	slashedRE   = lazyRE(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	dashedRE    = lazyRE(`^(\d{1,2})-(\d{1,2})-(\d{4})$`)
	clockRE     = lazyRE(`^\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?$`)
	ordinalDayR = lazyRE(`^(\d{1,2})(?:st|nd|rd|th|er|e)?$`)
)

// maxDateLen bounds a date line, in bytes.
const maxDateLen = 60

// stampWords open the second date of a publishing stamp, lower case:
// "April 28, 2019 at 6:01 am Updated April 29, 2019".
var stampWords = []string{" updated", " last updated", " modified", " aktualisiert", " mis à jour",
	" actualizado", " bijgewerkt", " | updated"}

// mayHoldStampWord is the cheap test before readDateForm looks for the
// stampWords: the lower case of s, rune by rune, holds one. Where
// strings.Index finds a stamp word in the lower case of s (or its ASCII-only
// lower case), so does this test: a stamp word's runes are those of
// consecutive runes of s lower-cased, and only ' ' lower-cases to ' ',
// with which every stamp word opens.
func mayHoldStampWord(s string) bool {
	for i := strings.IndexByte(s, ' '); i >= 0; {
		// Every stamp word's second rune is ASCII: stampSeconds.
		if next := lowerRuneAt(s, i+1); next >= 0 && next < utf8.RuneSelf && strings.IndexByte(stampSeconds, byte(next)) >= 0 {
			for _, w := range stampWords {
				if rune(w[1]) == next && hasLowerPrefix(s[i:], w) {
					return true
				}
			}
		}
		j := strings.IndexByte(s[i+1:], ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// lowerRuneAt returns the lower case of the rune at byte i of s, or -1 at
// the end of s.
func lowerRuneAt(s string, i int) rune {
	if i >= len(s) {
		return -1
	}
	if c := s[i]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.ToLower(r)
}

// hasLowerPrefix reports whether the runes of s, lower-cased one by one
// (unicode.ToLower), open with those of prefix.
func hasLowerPrefix(s, prefix string) bool {
	i := 0
	for _, p := range prefix {
		if i >= len(s) {
			return false
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.ToLower(r) != p {
			return false
		}
		i += size
	}
	return true
}

// stampSeconds holds the second byte of each of the stampWords.
var stampSeconds = func() string {
	var b []byte
	for _, w := range stampWords {
		b = append(b, w[1])
	}
	return string(b)
}()

// parseDate reads a line that is a date and nothing else:
//
//	January 11, 2010 Monday     -> 2010-01-11
//	22 Dec 2016                 -> 2016-12-22
//	Montag, 11. Januar 2010     -> 2010-01-11
//	15 de abril de 2003         -> 2003-04-15
//	2016年3月9日                  -> 2016-03-09
//	March 2010                  -> 2010-03
//	2010-01-11, 11.01.2010, 26/02/2015
//	April 28, 2019 at 6:01 am Updated April 29, 2019 -> 2019-04-28
//
// Weekdays, times and zones are allowed around it; any other word means the
// line is not a date. The year must be printed: a date is never completed
// from the clock. A day that does not exist in its month ("31 April") is
// no date (see isImpossibleDate); neither is a slashed date whose order is
// ambiguous ("02/03/2015").
func parseDate(s string) (Date, bool) {
	d, ok := parseDateForm(s)
	if !ok || !d.onCalendar() {
		return Date{}, false
	}
	return d, true
}

// isImpossibleDate reports whether s is printed as a date but names no day
// of the calendar: "31 April 2021", "29 February 2023". A header line like
// that keeps its raw text, gives no date, and a warning.
func isImpossibleDate(s string) bool {
	d, ok := parseDateForm(s)
	return ok && !d.onCalendar()
}

// parseDateForm reads a date as parseDate does, without checking that its
// day exists in its month.
func parseDateForm(s string) (Date, bool) { return readDateForm(s, true) }

// readDateForm is parseDateForm; with cheap false it reads every line the
// long way, as the function first did: all of it lower-cased, split into
// fields, the regexps tried on every line. With cheap true it turns lines
// away early and allocates little (a year first for the regexps, a first
// word that can start a date, a stamp word before looking for one, one
// field at a time), which must not change any result: the tests read lines
// both ways.
func readDateForm(s string, cheap bool) (Date, bool) {
	raw := trimSpace(s)
	if raw == "" || len(raw) > maxDateLen || !hasYearDigits(raw) {
		return Date{}, false // a date without a year is not one we take
	}
	if !cheap || startsWithYear(raw) { // the regexps both begin with a year
		for _, re := range []*lazyRegexp{isoDateRE, cjkDateRE} {
			if m := re.FindStringSubmatch(raw); m != nil {
				d := Date{Raw: raw}
				d.Year, _ = strconv.Atoi(m[1])
				d.Month, _ = strconv.Atoi(m[2])
				d.Day, _ = strconv.Atoi(m[3])
				return d, d.valid()
			}
		}
	}
	if !cheap {
		return readDateFields(raw, false, Date{}, 0)
	}
	var d Date
	from := 0 // the fields before from are read into d
	if i, j := dateFieldAt(raw, 0); i < j && !startsWithYear(raw) {
		if !d.readPrintedField(raw[i:j]) {
			// Not a word of a date: neither is the line, nor its part
			// before a stamp word (which starts with this word too, and
			// without a year, so the regexps do not take it either).
			return Date{Raw: raw}, false
		}
		from = j
	}
	return readDateFields(raw, true, d, from)
}

// readDateFields is the end of readDateForm, after the regexps: the date
// before a publishing stamp (stampWords), else the date of all the fields
// of raw. With cheap true it looks for the stamps only in a line of at
// least minStampedDate bytes where mayHoldStampWord finds one, and reads
// the fields one at a time, lower-casing only those that need it, up to
// the first that is not a word of a date; d holds the fields of raw before
// byte from, read already. With cheap false, d and from are not used.
func readDateFields(raw string, cheap bool, d Date, from int) (Date, bool) {
	if !cheap || len(raw) >= minStampedDate && mayHoldStampWord(raw) {
		lower := strings.ToLower(raw)
		stamps := lower // where to look for stampWords: offsets into raw
		if len(lower) != len(raw) {
			// Lower-casing changed byte offsets ("Ⱥ" takes a byte more, "İ" one
			// less): look in the ASCII-only lower case, which keeps them.
			stamps = asciiLower(raw)
		}
		for _, w := range stampWords {
			if i := strings.Index(stamps, w); i > 0 {
				if d, ok := readDateForm(raw[:i], cheap); ok {
					d.Raw = raw
					return d, true
				}
			}
		}
		if !cheap {
			fields := strings.FieldsFunc(lower, func(r rune) bool {
				return r == ' ' || r == ',' || r == '\t'
			})
			d, ok := dateOfFields(fields)
			d.Raw = raw
			return d, ok && d.valid()
		}
	}
	for i, j := dateFieldAt(raw, from); i < j; i, j = dateFieldAt(raw, j) {
		if !d.readPrintedField(raw[i:j]) {
			return Date{Raw: raw}, false
		}
	}
	d.Raw = raw
	return d, d.valid()
}

// dateFieldAt returns the bounds s[i:j] of the first field of s at or
// after byte k, fields being split at spaces, commas and tabs; i == j ==
// len(s) when there is none. The separators are ASCII, so splitting the
// bytes splits as strings.FieldsFunc does the runes.
func dateFieldAt(s string, k int) (i, j int) {
	isSep := func(c byte) bool { return c == ' ' || c == ',' || c == '\t' }
	i = k
	for i < len(s) && isSep(s[i]) {
		i++
	}
	j = i
	for j < len(s) && !isSep(s[j]) {
		j++
	}
	return i, j
}

// hasYearDigits is a cheap test before the regexps and the lower-casing of
// parseDateForm: s holds a run of at least four ASCII digits, as every year
// that Date.valid accepts (minYear to maxYear) is printed: "2019",
// "11.01.2010", "2016年3月9日". "March 5" and "10:30" have none.
//
// It looks at every fourth byte: a run of four digits holds one of them.
// Where that byte is a digit, it counts the digits before it back to the
// last byte looked at, and those after it.
func hasYearDigits(s string) bool {
	for i := 3; i < len(s); i += 4 {
		if !isDigitByte(s[i]) {
			continue
		}
		run := 1
		for k := i - 1; k > i-4 && isDigitByte(s[k]); k-- {
			run++
		}
		for k := i + 1; k < len(s) && run < 4 && isDigitByte(s[k]); k++ {
			run++
		}
		if run >= 4 {
			return true
		}
	}
	return false
}

// isDigitByte reports whether c is an ASCII digit.
func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// startsWithYear reports whether s opens with four ASCII digits, as every
// match of isoDateRE and cjkDateRE does: "2021-03-01", "2016年3月9日".
func startsWithYear(s string) bool { return len(s) >= 4 && isDigits(s[:4]) }

// startsWithDigit reports whether s opens with an ASCII digit, as every
// match of clockRE, ordinalDayR, dottedRE and slashedRE does.
func startsWithDigit(s string) bool { return s != "" && '0' <= s[0] && s[0] <= '9' }

// The cheap tests before the regexps of a date's fields, from the length
// and the separator every match has: a clock time is 4 to 8 bytes with a
// ':', '.' or 'h' ("9:30", "10.30.15"); an ordinal day at most 4 ("21st");
// a dotted or slashed date 8 to 10 with its separator ("1.2.2010").
func mayBeClock(f string) bool {
	return len(f) >= 4 && len(f) <= 8 && startsWithDigit(f) && strings.ContainsAny(f, ":.h")
}

func mayBeOrdinal(f string) bool { return len(f) <= 4 && startsWithDigit(f) }

func mayBeNumericDate(f string, sep byte) bool {
	return len(f) >= 8 && len(f) <= 10 && startsWithDigit(f) && strings.IndexByte(f, sep) > 0
}

// leadingNumber returns the number the ASCII digits that open s spell.
func leadingNumber(s string) int {
	n := 0
	for i := 0; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// dateOfFields reads day, month and year from the words of a date line,
// lower case, skipping the words of dateNoise and clock times.
func dateOfFields(fields []string) (Date, bool) {
	var d Date
	for _, f := range fields {
		if !d.readField(f) {
			return Date{}, false
		}
	}
	return d, true
}

// readField adds f, one field of a date line in lower case, to d: a
// numeric date, day, month or year, or a word of dateNoise, a clock time
// or a separator, which add nothing. It reports false when f is none of
// these, or names a part of the date d already holds (except a numeric
// date).
func (d *Date) readField(f string) bool {
	if day, month, year, ok := numericDate(f); ok && d.Year == 0 {
		d.Day, d.Month, d.Year = day, month, year
		return true
	}
	f = strings.TrimRight(f, ".:")
	return d.readWord(f, mayBeClock(f) && clockRE.MatchString(f), mayBeOrdinal(f) && ordinalDayR.MatchString(f))
}

// readPrintedField is readField of the lower case of f, a field as
// printed ("Mar", "11.", "2021"), without the regexps of clock times and
// ordinal days (isClock and isOrdinalDay match as they do) and, for a field
// of at most maxLowerField ASCII bytes, without allocating. A numeric date
// is read from f as printed: only ASCII digits, '-', '.' and '/' make one,
// and no other rune lower-cases to one of them, so f is one exactly when
// its lower case is, and then the same.
func (d *Date) readPrintedField(f string) bool {
	if day, month, year, ok := numericDate(f); ok && d.Year == 0 {
		d.Day, d.Month, d.Year = day, month, year
		return true
	}
	for len(f) > 0 && (f[len(f)-1] == '.' || f[len(f)-1] == ':') { // strings.TrimRight(f, ".:")
		f = f[:len(f)-1]
	}
	var buf [maxLowerField]byte
	w := f
	if !isLowerASCII(f) {
		if lower, ok := lowerASCIIInto(buf[:], f); ok {
			w = string(lower)
		} else {
			w = strings.ToLower(f)
		}
	}
	if !startsWithDigit(w) {
		return d.readWord(w, false, false) // clock times and ordinal days open with a digit
	}
	return d.readWord(w, isClock(w), isOrdinalDay(w))
}

// maxLowerField bounds the fields readPrintedField lower-cases on the
// stack, in bytes: the longest month name and date word is 10.
const maxLowerField = 24

// isLowerASCII reports whether s is ASCII without capital letters.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// readWord is the rest of readField, for a word f (lower case, trimmed of
// '.' and ':') that is no numeric date; clock and ordinal say whether it is
// a clock time (clockRE) and an ordinal day (ordinalDayR).
func (d *Date) readWord(f string, clock, ordinal bool) bool {
	// What dateNoise and monthNames say of f, by one look-up; no word of
	// theirs opens with a digit.
	var w dateWord
	if !startsWithDigit(f) {
		w = dateWords[f]
	}
	switch {
	case f == "" || f == "-" || f == "|" || f == "—" || f == "•" || f == "·" || f == "–":
	case w.noise || clock:
	case d.Month == 0 && w.month != 0:
		d.Month = w.month
	case len(f) == 4 && isDigits(f) && d.Year == 0:
		d.Year = leadingNumber(f) // strconv.Atoi(f): four ASCII digits
	case d.Day == 0 && ordinal:
		d.Day = leadingNumber(f) // ordinalDayR's first group: the one or two digits
	default:
		return false
	}
	return true
}

// isClock reports whether f is a clock time as clockRE matches one, without
// the regexp: one or two digits, ':', '.' or 'h', two digits, and perhaps
// ':' or '.' and two more ("9:30", "10h30", "10.30.15").
func isClock(f string) bool {
	n := leadingDigits(f)
	if n < 1 || n > 2 || n+3 > len(f) || !strings.ContainsRune(":.h", rune(f[n])) || leadingDigits(f[n+1:]) != 2 {
		return false
	}
	rest := f[n+3:]
	return rest == "" || len(rest) == 3 && (rest[0] == ':' || rest[0] == '.') && leadingDigits(rest[1:]) == 2
}

// isOrdinalDay reports whether f is a day as ordinalDayR matches one,
// without the regexp: one or two digits, perhaps with an ordinal suffix
// ("5", "21st", "1er", "3e").
func isOrdinalDay(f string) bool {
	n := leadingDigits(f)
	if n < 1 || n > 2 {
		return false
	}
	switch f[n:] {
	case "", "st", "nd", "rd", "th", "er", "e":
		return true
	}
	return false
}

// leadingDigits returns how many ASCII digits open s.
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}

// numericDate reads "11.01.2010" and "11-01-2010" (day first, as
// European papers and clipping services print them; "01-26-2010" only
// month first) and "26/02/2015" or "2/26/2015" (whichever order leaves a
// month of at most 12; both possible is ambiguous and no date).
func numericDate(f string) (day, month, year int, ok bool) {
	if len(f) < 8 || len(f) > 10 || !startsWithDigit(f) {
		return 0, 0, 0, false // what mayBeNumericDate asks for any separator
	}
	if mayBeNumericDate(f, '-') {
		if m := dashedRE.FindStringSubmatch(f); m != nil {
			day, _ = strconv.Atoi(m[1])
			month, _ = strconv.Atoi(m[2])
			year, _ = strconv.Atoi(m[3])
			if month > 12 && day <= 12 {
				day, month = month, day
			}
			return day, month, year, true
		}
	}
	if mayBeNumericDate(f, '.') {
		if m := dottedRE.FindStringSubmatch(f); m != nil {
			day, _ = strconv.Atoi(m[1])
			month, _ = strconv.Atoi(m[2])
			year, _ = strconv.Atoi(m[3])
			return day, month, year, true
		}
	}
	if !mayBeNumericDate(f, '/') {
		return 0, 0, 0, false
	}
	m := slashedRE.FindStringSubmatch(f)
	if m == nil {
		return 0, 0, 0, false
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	year, _ = strconv.Atoi(m[3])
	switch {
	case a > 12 && b <= 12:
		return a, b, year, true
	case b > 12 && a <= 12:
		return b, a, year, true
	case a == b:
		return a, b, year, true
	}
	return 0, 0, 0, false
}

// Years a clipping's date may name.
const (
	minYear = 1600
	maxYear = 2200
)

// valid reports whether d's fields are in range: a year of minYear to
// maxYear, a month of 0 (not printed) to 12, a day of 0 to 31, and no day
// without a month.
func (d Date) valid() bool {
	return d.Year >= minYear && d.Year <= maxYear && d.Month >= 0 && d.Month <= 12 &&
		d.Day >= 0 && d.Day <= 31 && !(d.Day > 0 && d.Month == 0)
}

// onCalendar reports whether d's day exists in its month and year
// (Gregorian leap years).
func (d Date) onCalendar() bool {
	return d.Day == 0 || d.Day <= daysIn(d.Month, d.Year)
}

// daysIn returns the number of days of month (1-12) in year.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
