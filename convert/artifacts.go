package convert

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// isPlaceholder recognises the marks e-paper sites leave where an image
// was, a line of only question marks and spaces:
//
//	 ??  ??
//	??
func isPlaceholder(s string) bool {
	if i := strings.IndexByte(s, '?'); i < 0 || !strings.Contains(s[i:], "??") { // trimming spaces keeps "??"
		return false
	}
	for _, r := range trimSpace(s) { // strings.Trim(s, "? \t\u00a0") == ""
		if r != '?' && r != ' ' && r != '\t' && r != '\u00a0' {
			return false
		}
	}
	return true
}

// isFooterName: a language or country name in the footer, letters and a
// few separators, starting with a letter, at most maxFooterName bytes.
// ASCII is told byte by byte by table (footerByte: its letters are A-Z and
// a-z), the rest from the first byte above ASCII rune by rune
// (footerNameRunes).
func isFooterName(s string) bool {
	if s == "" || len(s) > maxFooterName {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch footerByte[s[i]] {
		case footerLetter:
		case footerSeparator:
			if i == 0 {
				return false
			}
		case footerAbove:
			return footerNameRunes(s, i)
		default:
			return false
		}
	}
	return true
}

// footerByte sorts the bytes for isFooterName: an ASCII letter, a
// separator (" .'-"), a byte above ASCII, or another byte (footerOther).
var footerByte = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = footerAbove
		case 'a' <= c|0x20 && c|0x20 <= 'z':
			t[c] = footerLetter
		case c == ' ' || c == '.' || c == '\'' || c == '-':
			t[c] = footerSeparator
		}
	}
	return t
}()

const (
	footerOther = iota
	footerLetter
	footerSeparator
	footerAbove
)

// footerNameRunes is isFooterName's rule on the runes of s from byte
// offset k on: each is a letter, or after the first one of " .'-".
func footerNameRunes(s string, k int) bool {
	for i, r := range s[k:] {
		if !unicode.IsLetter(r) && (k+i == 0 || !strings.ContainsRune(" .'-", r)) {
			return false
		}
	}
	return true
}

// Footer limits, in bytes: a name in a footer line is at most
// maxFooterName long, a footer line (trimmed) maxFooterLine.
const (
	maxFooterName = 40
	maxFooterLine = len(footerFrom) + maxFooterName
)

// The openings of PressReader's two footer lines; footerFrom is the longer.
const (
	footerIn   = "Newspapers in "
	footerFrom = "Newspapers from "
)

// languageNames maps language names as printed (English, in the language
// itself, or upper case as LexisNexis prints them) to BCP 47 tags.
var languageNames = map[string]string{
	"english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr",
	"francais": "fr", "dutch": "nl", "nederlands": "nl", "spanish": "es", "español": "es",
	"espanol": "es", "italian": "it", "italiano": "it", "portuguese": "pt", "português": "pt",
	"chinese": "zh", "japanese": "ja", "korean": "ko", "russian": "ru", "arabic": "ar",
	"swedish": "sv", "danish": "da", "norwegian": "no", "finnish": "fi", "polish": "pl",
	"turkish": "tr", "greek": "el", "hebrew": "he", "hindi": "hi", "czech": "cs",
	"hungarian": "hu", "romanian": "ro", "englisch": "en", "anglais": "en", "engels": "en",
	"französisch": "fr", "allemand": "de", "duits": "de", "frans": "fr", "niederländisch": "nl",
	"néerlandais": "nl", "spanisch": "es", "espagnol": "es",
}

// languageTag returns the BCP 47 tag of a printed language name, or "".
// An ASCII name of at most maxASCIILanguage bytes is lower-cased on the
// stack.
func languageTag(name string) string {
	name = trimSpaceAnd(name, ".;,")
	var buf [maxASCIILanguage]byte
	if lower, ok := lowerASCIIInto(buf[:], name); ok {
		if tag, ok := languageNames[string(lower)]; ok {
			return tag
		}
		if i := bytes.IndexAny(lower, ";,( "); i > 0 {
			return languageTag(name[:i])
		}
		return ""
	}
	name = strings.ToLower(name)
	if tag, ok := languageNames[name]; ok {
		return tag
	}
	// "ENGLISH; ENGLISCH" and "English (UK)" name the first one.
	if i := strings.IndexAny(name, ";,( "); i > 0 {
		return languageTag(name[:i])
	}
	return ""
}

// maxASCIILanguage bounds the names languageTag lower-cases on the stack,
// in bytes.
const maxASCIILanguage = 32

// lowerASCIIInto writes the lower case of s into buf and returns it, as
// strings.ToLower would give it; ok is false, and nothing written, when s
// is not all ASCII or longer than buf.
func lowerASCIIInto(buf []byte, s string) (lower []byte, ok bool) {
	if len(s) > len(buf) || !isASCII(s) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}

// pressReaderFooter recognises the two lines PressReader appends to every
// clipping and returns what they tell:
//
//	Newspapers in English     -> language "en"
//	Newspapers from China     -> country "China"
func pressReaderFooter(s string) (language, country string, ok bool) {
	language, country, ok = footerNames(s)
	if language != "" {
		language = languageTag(language)
	}
	return language, country, ok
}

// footerNames is pressReaderFooter giving the language's name as printed
// ("English"), not its tag: for the tests that need only to know a footer
// line when they see one. Both openings start with 'N': a line that
// cannot open with it, trimmed (mayOpenTrimmedWith), is turned away
// before readFooterNames.
func footerNames(s string) (language, country string, ok bool) {
	if !mayOpenTrimmedWith(s, 'N') {
		return "", "", false
	}
	return readFooterNames(s)
}

// readFooterNames is footerNames without its cheap test.
func readFooterNames(s string) (language, country string, ok bool) {
	s = trimSpace(s)
	if lang, ok := strings.CutPrefix(s, footerIn); ok && isFooterName(lang) && !strings.Contains(lang, " ") {
		return lang, "", true
	}
	if country, ok := strings.CutPrefix(s, footerFrom); ok && isFooterName(country) {
		return "", country, true
	}
	return "", "", false
}

// continuedRE matches jump lines: "Continued on page 4", "See MARKETS, A6",
// "Fortsetzung auf Seite 3", "Suite page 5", "(continued from A1)".
var continuedRE = lazyRE(`(?i)^\(?\s*(?:continued (?:on|from) (?:page|p\.)?\s*\w+|cont(?:inued|'d)? on (?:page )?\w+|see [\p{Lu} ]+,? (?:page |p\. ?)?[A-Z]?\d+|fortsetzung (?:auf|von) seite \d+|suite (?:en )?page \d+|vervolg op pagina \d+)\s*\)?\.?$`)

// maxJumpLine bounds a jump line, in bytes.
const maxJumpLine = 60

// jumpWords are the words of continuedRE, lower case: each of its
// alternatives opens with one ("cont" for continued, cont'd).
var jumpWords = []string{"cont", "see ", "fortsetzung", "suite", "vervolg"}

// isContinuedLine recognises a jump line between pages of a printed story.
// Cheap tests come before the regexp: the line opens with a word of
// jumpWords (opensWithJumpWord), holds one (holdsJumpWord), and holds a
// space (each alternative of continuedRE has one after its first word,
// which (?i) matches only to itself).
func isContinuedLine(s string) bool {
	return len(s) < maxJumpLine && opensWithJumpWord(s) && holdsJumpWord(s) && strings.IndexByte(s, ' ') >= 0 &&
		continuedRE.MatchString(strings.TrimSpace(s))
}

// holdsJumpWord reports whether s holds a word of jumpWords in any ASCII
// case, or a long s ("ſee", which (?i) reads as "see"; no other rune
// outside ASCII folds to a letter of the words).
func holdsJumpWord(s string) bool {
	if strings.Contains(s, "ſ") {
		return true
	}
	for _, w := range jumpWords {
		if containsFoldASCII(s, w) {
			return true
		}
	}
	return false
}

// opensWithJumpWord reports whether s, trimmed, opens with a word of
// jumpWords in any ASCII case after what continuedRE allows before one (a
// parenthesis, then regexp \s spaces), or holds a byte outside ASCII where
// one would be ((?i) folds "ſ" onto s): it never says no where
// continuedRE matches the trimmed line.
func opensWithJumpWord(s string) bool {
	s = strings.TrimPrefix(trimSpace(s), "(")
	s = s[skipRESpace(s, 0):]
	if !isASCII(s[:min(len(s), longestJumpWord)]) {
		return true
	}
	for _, w := range jumpWords {
		if hasPrefixFoldASCII(s, w) {
			return true
		}
	}
	return false
}

// longestJumpWord is the length of the longest of jumpWords, in bytes.
var longestJumpWord = func() (n int) {
	for _, w := range jumpWords {
		n = max(n, len(w))
	}
	return n
}()

// copyrightRE matches copyright trailers: "Copyright 2010 Guardian
// Unlimited", "All Rights Reserved", "© 2017 The Times".
var copyrightRE = lazyRE(`(?i)^(?:copyright\b|\(c\)\s*\d{4}|©\s*\d{4}|all rights reserved\.?$)`)

// isCopyright recognises a copyright trailer line.
func isCopyright(s string) bool {
	return copyrightRE.MatchString(strings.TrimSpace(s))
}

// furnitureLines are the labels of buttons and prompts that a web page
// copied as text drags along, lower case, without closing punctuation.
var furnitureLines = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(`sign up for our newsletter|sign up for our newsletters|
		subscribe to our newsletter|subscribe|share|share this|share this article|share this story|
		share on facebook|share on twitter|share on linkedin|share on whatsapp|share on x|
		tweet|tweet this|email|e-mail|print|copy link|continue reading the main story|
		continue reading|advertisement|skip advertisement|read more|related articles|related stories|
		show comments|leave a comment|view comments|teilen|jetzt teilen|anzeige|werbung|
		newsletter abonnieren|zum newsletter anmelden|partager|publicité|compartir|publicidad|
		suscríbete|delen|advertentie`, "|") {
		m[strings.TrimSpace(l)] = true
	}
	return m
}()

// maxFurnitureLen bounds a furniture line, in bytes.
const maxFurnitureLen = 60

// isFurniture recognises a line of web furniture: a button or prompt from
// furnitureLines, a follow button, a comment count or a reading time:
//
//	SIGN UP FOR OUR NEWSLETTER    Share on Facebook    Tweet
//	Follow @tidewatch             12 Comments          4 min read
func isFurniture(s string) bool {
	s = trimSpace(s)
	return s != "" && len(s) <= maxFurnitureLen && furnitureOpenings.mayOpen(s) && isFurnitureLabel(s)
}

// isFurnitureLabel is isFurniture on a trimmed line of at most
// maxFurnitureLen bytes, without the cheap test furnitureOpenings. The
// line, its closing marks trimmed (trimFurnitureEnd), is lower-cased on
// the stack (appendToLower, as strings.ToLower would).
func isFurnitureLabel(s string) bool {
	var buf [3 * maxFurnitureLen]byte // lower-casing at most triples a line's bytes
	lower := appendToLower(buf[:0], trimFurnitureEnd(s))
	// A view of lower, which outlives every use of it: nothing keeps it.
	return isFurnitureLower(unsafe.String(unsafe.SliceData(lower), len(lower)))
}

// appendToLower appends strings.ToLower(s) to dst: ASCII byte by byte,
// other runes by unicode.ToLower, a byte that is no rune as U+FFFD (as
// strings.Map writes it).
func appendToLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// isFurnitureLower is isFurnitureLabel on the line lower-cased, without
// its closing marks: a label of furnitureLines, a follow button, a
// comment count or a reading time.
func isFurnitureLower(l string) bool {
	if furnitureLines[l] {
		return true
	}
	if h, ok := strings.CutPrefix(l, "follow @"); ok {
		return h != "" && !strings.Contains(h, " ")
	}
	n, rest, ok := strings.Cut(l, " ")
	return ok && isDigits(n) && (rest == "comments" || rest == "comment" ||
		rest == "min read" || rest == "minute read" || rest == "minutes read")
}

// furnitureEnd is what isFurnitureLabel trims off the end of a line.
const furnitureEnd = ".:!›»→ "

// trimFurnitureEnd is strings.TrimRight(s, furnitureEnd): its ASCII
// bytes are cut byte by byte; from a byte above ASCII on, TrimRight does
// the rest.
func trimFurnitureEnd(s string) string {
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case c == '.' || c == ':' || c == '!' || c == ' ':
			s = s[:len(s)-1]
		case c >= utf8.RuneSelf:
			return strings.TrimRight(s, furnitureEnd)
		default:
			return s
		}
	}
	return s
}

// furnitureOpenings marks the first two bytes of the lines isFurniture
// takes: of furnitureLines, of a follow button ("follow @"), of a count
// (a digit, then a digit or a space). isFurniture trims only the end of a
// line, so a line it takes opens as the word or form it matches.
var furnitureOpenings = func() *openingPairs {
	phrases := []string{"follow @"}
	for l := range furnitureLines {
		phrases = append(phrases, l)
	}
	for d := '0'; d <= '9'; d++ {
		phrases = append(phrases, string(d)+" ")
		for e := '0'; e <= '9'; e++ {
			phrases = append(phrases, string(d)+string(e))
		}
	}
	return newOpeningPairs(phrases...)
}()
