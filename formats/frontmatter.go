package formats

import (
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// appendFrontMatter appends fm as YAML, byte for byte what yaml.v3's
// Marshal writes for it (keys in field order, empty ones left out, lists
// indented by four spaces), without reflection: the common values, text
// that starts with a letter, are written plain or single-quoted here, and
// any other value (a number, a date, "yes", a line break, a control
// character, an empty credit name) sends the whole block to yaml.v3.
// TestFrontMatterMatchesYAML compares the two on random hostile values.
func appendFrontMatter(dst []byte, fm *frontMatter) ([]byte, error) {
	start := len(dst)
	ok := true
	scalar := func(key, v string) {
		if v == "" || !ok {
			return
		}
		dst = append(dst, key...)
		dst = append(dst, ": "...)
		dst, ok = appendYAMLScalar(dst, v)
		dst = append(dst, '\n')
	}
	list := func(key string, vs []string) {
		if len(vs) == 0 || !ok {
			return
		}
		dst = append(dst, key...)
		dst = append(dst, ":\n"...)
		for _, v := range vs {
			dst = append(dst, "    - "...)
			if dst, ok = appendYAMLScalar(dst, v); !ok {
				return
			}
			dst = append(dst, '\n')
		}
	}
	scalar("title", fm.Title)
	scalar("subtitle", fm.Subtitle)
	scalar("kicker", fm.Kicker)
	list("author", fm.Author)
	scalar("date", fm.Date)
	scalar("lang", fm.Lang)
	scalar("publisher", fm.Publisher)
	scalar("source", fm.Source)
	scalar("source_id", fm.SourceID)
	scalar("load_date", fm.LoadDate)
	scalar("section", fm.Section)
	scalar("page", fm.Page)
	scalar("edition", fm.Edition)
	scalar("dateline", fm.Dateline)
	scalar("country", fm.Country)
	if len(fm.Credits) > 0 && ok {
		dst = append(dst, "credits:\n"...)
		for _, c := range fm.Credits {
			dst = append(dst, "    - name: "...)
			if dst, ok = appendYAMLScalar(dst, c.Name); !ok {
				break
			}
			dst = append(dst, "\n      role: "...)
			if dst, ok = appendYAMLScalar(dst, c.Role); !ok {
				break
			}
			dst = append(dst, '\n')
		}
	}
	list("contacts", fm.Contacts)
	list("pullquotes", fm.PullQuotes)
	if ok {
		return dst, nil
	}
	y, err := yaml.Marshal(fm.detached())
	return append(dst[:start], y...), err
}

// detached returns a copy of fm that shares no memory with it at the first
// level (every string cloned, every list copied): yaml.Marshal keeps what
// it is given off the caller's stack, where fm and the room of its lists
// and dates live (see frontMatterRoom). Escape analysis follows fields
// together, so one string header copied as is would move the room to the
// heap for every article.
func (fm *frontMatter) detached() *frontMatter {
	c := strings.Clone
	return &frontMatter{
		Title: c(fm.Title), Subtitle: c(fm.Subtitle), Kicker: c(fm.Kicker), Date: c(fm.Date),
		Lang: c(fm.Lang), Publisher: c(fm.Publisher), Source: c(fm.Source), SourceID: c(fm.SourceID),
		LoadDate: c(fm.LoadDate), Section: c(fm.Section), Page: c(fm.Page), Edition: c(fm.Edition),
		Dateline: c(fm.Dateline), Country: c(fm.Country),
		Author: slices.Clone(fm.Author), Credits: slices.Clone(fm.Credits),
		Contacts: slices.Clone(fm.Contacts), PullQuotes: slices.Clone(fm.PullQuotes),
	}
}

// appendYAMLScalar appends s as a block-context YAML scalar the way
// yaml.v3 writes it, for the values seen in articles: a number or an ISO
// date double-quoted ("3", "2026-12-01"); text that starts with a letter,
// digits and a word ("1 of 2"), "/", "(" or a non-ASCII symbol written
// plain ("Norway", "it's", "a#b") unless a colon before a space or at the
// end, a space before "#", or a trailing space would change its meaning;
// then, as text that starts with a quote or another indicator, in single
// quotes with each ' doubled. It reports false, having appended nothing
// meaningful, for any value that is not all printable on one line or
// that YAML reads as something other than text in a form not named here
// ("yes", "1e3", "12:30"): those are left to yaml.v3.
func appendYAMLScalar(dst []byte, s string) ([]byte, bool) {
	var plain bool
	switch yamlStart(s) {
	case yamlNumber:
		dst = append(dst, '"')
		return append(append(dst, s...), '"'), true
	case yamlPlain:
		plain = s[len(s)-1] != ' ' && s[len(s)-1] != ':'
	case yamlQuoted:
		plain = false
	default:
		return dst, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c < 0x20 || c == 0x7f:
				return dst, false
			case c == ':' && i+1 < len(s) && s[i+1] == ' ', c == '#' && i > 0 && s[i-1] == ' ':
				plain = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !yamlPrintable(r) {
			return dst, false
		}
		i += n
	}
	if plain {
		return append(dst, s...), true
	}
	dst = append(dst, '\'')
	for {
		q := strings.IndexByte(s, '\'')
		if q < 0 {
			break
		}
		dst = append(dst, s[:q+1]...)
		dst = append(dst, '\'')
		s = s[q+1:]
	}
	dst = append(dst, s...)
	return append(dst, '\''), true
}

// How a scalar's start decides its style in yaml.v3 (see yamlStart).
const (
	yamlOther  = iota // left to yaml.v3
	yamlNumber        // digits or an ISO date: double-quoted
	yamlPlain         // plain unless an indicator inside forbids it
	yamlQuoted        // an indicator first: single-quoted
)

// yamlStart classifies s by its first characters: what YAML would read
// as a number, a date, a boolean or null must be quoted by the writer,
// and an indicator character ("'", "[", "&", "%" ...) cannot start a
// plain scalar. Starts it does not know ("-", "?", ":", ".", "+", "~",
// "<", digits without a following word) are yamlOther.
func yamlStart(s string) int {
	if s == "" {
		return yamlOther
	}
	c := s[0]
	switch {
	case c >= '0' && c <= '9':
		sp := strings.IndexByte(s, ' ')
		switch {
		case isDigits(s) || isISODate(s):
			return yamlNumber
		case sp > 0 && isDigits(s[:sp]):
			return yamlPlain // "1 of 2": no number or date has a space after digits
		}
		return yamlOther
	case strings.IndexByte("'\"[]{}#&*!|>%@`,", c) >= 0:
		return yamlQuoted
	case strings.IndexByte("/()$=;\\^_", c) >= 0:
		return yamlPlain
	case c < utf8.RuneSelf:
		if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') && !isYAMLKeyword(s) {
			return yamlPlain
		}
		return yamlOther
	}
	if r, _ := utf8.DecodeRuneInString(s); yamlPrintable(r) && r != 0xa0 {
		return yamlPlain
	}
	return yamlOther
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isISODate reports whether s is a valid calendar date written
// YYYY-MM-DD, which YAML reads as a timestamp: what time.Parse with
// "2006-01-02" takes (any year 0000-9999, month 01-12, a day of that
// month, 29 February in leap years), told from the digits without it.
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !isDigits(s[:4]) || !isDigits(s[5:7]) || !isDigits(s[8:]) {
		return false
	}
	year := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year)
}

// daysIn returns the days of month (1-12) of year in the Gregorian
// calendar, as package time counts them.
func daysIn(month, year int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return monthDays[month-1]
}

// monthDays are the days of each month of a year that is no leap year.
var monthDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// yamlPrintable reports whether the non-ASCII rune r is written as itself
// inside a plain or single-quoted scalar: not a C1 control (NEL among
// them), a line or paragraph separator, the byte order mark, a
// non-character, an invalid byte, or beyond the Basic Multilingual Plane
// (emoji): yaml.v3 escapes those in double quotes.
func yamlPrintable(r rune) bool {
	switch {
	case r == utf8.RuneError, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff:
		return false
	case r >= 0xd800 && r < 0xe000, r == 0xfffe, r == 0xffff, r > 0xffff:
		return false
	}
	return true
}

// isYAMLKeyword reports whether s, in any letter case, is a word some
// YAML reader takes for a boolean or null ("yes", "Off", "N", "null"):
// yaml.v3 double-quotes those.
func isYAMLKeyword(s string) bool {
	if len(s) > 5 {
		return false
	}
	var buf [5]byte // ASCII lowered here: strings.ToLower allocates
	low := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return isYAMLKeywordLower(strings.ToLower(s))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return isYAMLKeywordLower(string(low))
}

// isYAMLKeywordLower is isYAMLKeyword for s in lower case.
func isYAMLKeywordLower(s string) bool {
	switch s {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return true
	}
	return false
}
