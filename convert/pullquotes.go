package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pullQuoteKey normalizes a paragraph for the pull-quote comparison, in one
// pass: typographic quotes and dashes folded to ASCII, lower case, single
// spaces, no surrounding quote marks or final punctuation.
func pullQuoteKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r, isSpace := foldKeyRune(r)
		if isSpace {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return strings.Trim(b.String(), quoteKeyTrim)
}

// foldKeyRune folds a rune above ASCII for a pull-quote key: typographic
// quotes and dashes to ASCII (’ to ', ” to ", — to -), other
// runes to lower case. isSpace reports a white-space rune (a no-break
// space, an em space), which keys hold as one ASCII space.
func foldKeyRune(r rune) (folded rune, isSpace bool) {
	switch r {
	case '‘', '’':
		return '\'', false
	case '“', '”':
		return '"', false
	case '–', '—':
		return '-', false
	}
	if unicode.IsSpace(r) {
		return r, true
	}
	return unicode.ToLower(r), false
}

// isPullQuoteOf reports whether candidate repeats the end of a sentence (or
// a run of sentences) of the longer paragraph source, as pull quotes do:
//
//	source:    "... daily lives. If towns work together ... future storms."
//	candidate: "If towns work together ... future storms"
//	source:    "The mayor said the festival would stay on the water for good."
//	candidate: "The festival would stay on the water for good"
//
// The repeat must end where a sentence (or a quotation) of source ends, and
// start where one starts, or at any word when it is long (see
// minMidSentenceWords), so a paragraph that merely begins like another
// ("Lorem ipsum ... fringilla." against "Lorem ipsum ... fringilla ligula,
// ...") is not one.
func isPullQuoteOf(key, source string) bool {
	if len(source) <= len(key) {
		return false
	}
	for off := 0; ; {
		i := strings.Index(source[off:], key)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(key)
		start := sentenceStartAt(source, i) || minMidSentenceWords <= strings.Count(key, " ")+1 && wordStartAt(source, i)
		if start && sentenceEndAt(source, end) {
			return true
		}
		off = i + 1
	}
}

// minMidSentenceWords is the length from which a repeat that starts inside a
// sentence counts as a pull quote. Shorter ones are as likely to be
// crossheads that echo the text ("Information from sites on the open Web"),
// and stay in the body.
const minMidSentenceWords = 11

func sentenceStartAt(s string, i int) bool {
	j := i
	for j > 0 && strings.ContainsRune("\"'(", rune(s[j-1])) {
		j--
	}
	if j == 0 {
		return true
	}
	if s[j-1] != ' ' {
		return false
	}
	prev := strings.TrimRight(s[:j], " \"'")
	r, _ := utf8.DecodeLastRuneInString(prev)
	return strings.ContainsRune(".!?…:;", r)
}

func wordStartAt(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func sentenceEndAt(s string, end int) bool {
	rest := strings.TrimLeft(s[end:], "\"')")
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if strings.ContainsRune(".!?…", r) {
		return true
	}
	// A quotation ends with a comma inside or outside its closing mark:
	// "... again," said    "... again", said
	quoted := rest != s[end:]
	return r == ',' && (quoted || strings.HasPrefix(rest, ",\"") || strings.HasPrefix(rest, ",'"))
}

// isPullQuoteCandidate: pull quotes are one or two sentences, 6 to 80 words.
func isPullQuoteCandidate(key string) bool {
	n := strings.Count(key, " ") + 1
	return n >= 6 && n <= 80
}
