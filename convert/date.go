package convert

import (
	"strconv"
	"strings"
)

// monthNames maps month names and abbreviations in English, German, French,
// Dutch, Spanish and Italian (lower case, without a trailing period) to
// 1-12.
var monthNames = func() map[string]int {
	monthNames := map[string]int{}
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
	dateNoise := map[string]bool{}
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

// readDateForm is parseDateForm; with cheap false it leaves out the two
// cheap tests that turn a line away early (a year first for the regexps, a
// first word that can start a date), which must not change any result: the
// tests read lines both ways.
func readDateForm(s string, cheap bool) (Date, bool) {
	raw := strings.TrimSpace(s)
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
	if first := firstDateField(raw); cheap && first != "" && !startsWithYear(raw) {
		if _, ok := dateOfFields([]string{strings.ToLower(first)}); !ok {
			// Not a word of a date: neither is the line, nor its part
			// before a stamp word (which starts with this word too, and
			// without a year, so the regexps do not take it either).
			return Date{Raw: raw}, false
		}
	}
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
	fields := strings.FieldsFunc(lower, func(r rune) bool {
		return r == ' ' || r == ',' || r == '\t'
	})
	d, ok := dateOfFields(fields)
	d.Raw = raw
	return d, ok && d.valid()
}

// firstDateField returns the first of the fields parseDateForm splits s
// into (at spaces, commas and tabs), or "".
func firstDateField(s string) string {
	isSep := func(c byte) bool { return c == ' ' || c == ',' || c == '\t' }
	i := 0
	for i < len(s) && isSep(s[i]) {
		i++
	}
	j := i
	for j < len(s) && !isSep(s[j]) {
		j++
	}
	return s[i:j]
}

// hasYearDigits is a cheap test before the regexps and the lower-casing of
// parseDateForm: s holds a run of at least four ASCII digits, as every year
// that Date.valid accepts (minYear to maxYear) is printed: "2019",
// "11.01.2010", "2016年3月9日". "March 5" and "10:30" have none.
func hasYearDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			run = 0
			continue
		}
		if run++; run == 4 {
			return true
		}
	}
	return false
}

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
// skipping the words of dateNoise and clock times.
func dateOfFields(fields []string) (Date, bool) {
	var d Date
	for _, f := range fields {
		if day, month, year, ok := numericDate(f); ok && d.Year == 0 {
			d.Day, d.Month, d.Year = day, month, year
			continue
		}
		f = strings.TrimRight(f, ".:")
		switch {
		case f == "" || f == "-" || f == "|" || f == "—" || f == "•" || f == "·" || f == "–":
		case dateNoise[f] || mayBeClock(f) && clockRE.MatchString(f):
		case monthNames[f] != 0 && d.Month == 0:
			d.Month = monthNames[f]
		case len(f) == 4 && isDigits(f) && d.Year == 0:
			d.Year, _ = strconv.Atoi(f)
		case d.Day == 0 && mayBeOrdinal(f) && ordinalDayR.MatchString(f):
			d.Day = leadingNumber(f) // ordinalDayR's first group: the one or two digits
		default:
			return Date{}, false
		}
	}
	return d, true
}

// numericDate reads "11.01.2010" and "11-01-2010" (day first, as
// European papers and clipping services print them; "01-26-2010" only
// month first) and "26/02/2015" or "2/26/2015" (whichever order leaves a
// month of at most 12; both possible is ambiguous and no date).
func numericDate(f string) (day, month, year int, ok bool) {
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
