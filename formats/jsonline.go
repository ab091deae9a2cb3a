package formats

import (
	"strconv"
	"unicode/utf8"
)

// appendArticle appends a as one line of compact JSON, byte for byte what
// encoding/json writes for it with HTML escaping off (a test holds the two
// together), without reflection: JSON Lines is the batch format, and
// encoding/json was a tenth of the conversion time.
func appendArticle(b []byte, a *Article) []byte {
	b = append(b, `{"version":`...)
	b = strconv.AppendInt(b, int64(a.Version), 10)
	b = append(b, `,"source":{"file":`...)
	b = appendJSONString(b, a.Source.File)
	b = append(b, `,"format":`...)
	b = appendJSONString(b, a.Source.Format)
	b = append(b, `,"index":`...)
	b = strconv.AppendInt(b, int64(a.Source.Index), 10)
	b = append(b, `,"sha256":`...)
	b = appendJSONString(b, a.Source.SHA256)
	b = append(b, '}')
	for _, f := range []struct {
		name string
		v    *string
	}{
		{"publication", a.Publication}, {"kicker", a.Kicker}, {"headline", a.Headline},
		{"subheadline", a.Subheadline}, {"section", a.Section}, {"page", a.Page},
		{"edition", a.Edition}, {"date", a.Date}, {"date_raw", a.DateRaw},
		{"dateline", a.Dateline}, {"language", a.Language}, {"country", a.Country},
	} {
		b = append(b, ',', '"')
		b = append(b, f.name...)
		b = append(b, '"', ':')
		b = appendNullable(b, f.v)
	}
	b = append(b, `,"authors":[`...)
	for i, p := range a.Authors {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = appendNullable(b, p.Name)
		b = append(b, `,"title":`...)
		b = appendNullable(b, p.Title)
		b = append(b, `,"agency":`...)
		b = appendNullable(b, p.Agency)
		b = append(b, `,"raw":`...)
		b = appendJSONString(b, p.Raw)
		b = append(b, '}')
	}
	b = append(b, `],"credits":[`...)
	for i, c := range a.Credits {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = appendJSONString(b, c.Name)
		b = append(b, `,"role":`...)
		b = appendJSONString(b, c.Role)
		b = append(b, `,"raw":`...)
		b = appendJSONString(b, c.Raw)
		b = append(b, '}')
	}
	b = append(b, `],"contacts":`...)
	b = appendStrings(b, a.Contacts)
	b = append(b, `,"body":[`...)
	for i, blk := range a.Body {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"type":`...)
		b = appendJSONString(b, blk.Type)
		b = append(b, `,"text":`...)
		b = appendJSONString(b, blk.Text)
		b = append(b, '}')
	}
	b = append(b, `],"pullquotes":`...)
	b = appendStrings(b, a.PullQuotes)
	b = append(b, `,"removed":[`...)
	for i, r := range a.Removed {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"kind":`...)
		b = appendJSONString(b, r.Kind)
		b = append(b, `,"text":`...)
		b = appendJSONString(b, r.Text)
		b = append(b, '}')
	}
	b = append(b, `],"warnings":`...)
	b = appendStrings(b, a.Warnings)
	b = append(b, `,"word_count":`...)
	b = strconv.AppendInt(b, int64(a.WordCount), 10)
	return append(b, '}', '\n')
}

func appendNullable(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendJSONString(b, *s)
}

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string the way encoding/json does
// without HTML escaping: quotes and backslashes escaped, control characters
// as \n, \r, \t, \b, \f or \u00XX, invalid UTF-8 as \ufffd, and U+2028 and
// U+2029 escaped for JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
