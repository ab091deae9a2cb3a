package convert

// Rules for articles read from PDFs whose layout hides what the text
// reader expects in order: bylines under a long standfirst in a margin
// column, authors signing at the end, captions with a photo credit.

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// lateBylineBlocks is how many body blocks may precede a byline that the
// header reader missed.
const lateBylineBlocks = 3

// liftLateByline reads a byline that comes after a standfirst too long for
// the header reader, as archive exports set online articles in a narrow
// margin column:
//
//	Wie steht es um die Sicherheit im Rathaus?   <- headline
//	Bei der Vollversammlung ... (seven lines)    <- standfirst
//	Von Joachim Mölter                           <- byline
//
// When the article has no authors and one of its first lateBylineBlocks
// body blocks is a byline (perhaps in small caps or after a genre label:
// see pdfBylineForm), the byline is parsed and removed, and a single
// block before it becomes the standfirst.
func liftLateByline(a *Article) {
	if len(a.Authors) > 0 {
		return
	}
	for i := 0; i < len(a.Body) && i < lateBylineBlocks; i++ {
		t := a.Body[i].Text()
		form, _ := pdfBylineForm(t)
		if _, ok := a.Body[i].(*Quote); ok || !isBylineLine(form) {
			continue
		}
		a.applyByline(form, true)
		a.remove(RemovedByline, t)
		if i == 1 && a.Subheadline == "" {
			a.Subheadline = a.Body[0].Text()
			a.Body = a.Body[2:]
			return
		}
		a.Body = append(a.Body[:i:i], a.Body[i+1:]...)
		return
	}
}

// bylineBreakRE matches a byline broken after the first name of its last
// author ("Von Markus Balser und Christoph"), or inside a hyphenated
// first name ("Von Ann Lee und Vinzent-").
var bylineBreakRE = lazyRE(`(?:\s(?:und|and|&|et|y|e)|,)\s\p{Lu}\p{Ll}+-?$`)

// surnameLineRE matches the rest of a name a narrow column carried over:
// one or two capitalized words.
var surnameLineRE = lazyRE(`^\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?$`)

// joinBrokenBylines joins a byline line that ends on a first name (or
// inside a hyphenated one) to the next line when that holds the rest of
// the name and ends its paragraph, whether a blank line lies between
// them or not:
//
//	Von Markus Balser und Christoph      Von Ann Lee und Vinzent-
//	Koopmann                             Vitus Leitgeb
//
// lines hold one paragraph per run of lines, blank lines between.
func joinBrokenBylines(lines []string) []string {
	for i := 0; i+1 < len(lines); i++ {
		if !isBylineLine(lines[i]) || !bylineBreakRE.MatchString(lines[i]) {
			continue
		}
		j := i + 1
		if lines[j] == "" {
			j++
		}
		if j >= len(lines) || !surnameLineRE.MatchString(lines[j]) || j+1 < len(lines) && lines[j+1] != "" ||
			lines[j-1] == "" && strings.Contains(lines[j], " ") {
			continue
		}
		if strings.HasSuffix(lines[i], "-") {
			lines[i] += lines[j]
		} else {
			lines[i] += " " + lines[j]
		}
		lines = append(lines[:i+1], lines[j+1:]...)
	}
	return lines
}

// signatureRE splits a closing paragraph into its last sentence and a
// name after it.
var signatureRE = lazyRE(`^(.*[.!?“”"])\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){1,2})$`)

// liftSignature reads the author's name that closes the last paragraph,
// as German papers sign short pieces, when the article has no authors:
//
//	... Also, dringend deeskalieren bitte. Iris Mayer
//	... Also, dringend deeskalieren bitte. iris mayer   (small caps)
//	iris mayer                                          (a paragraph)
func liftSignature(a *Article) {
	if len(a.Authors) > 0 || len(a.Body) == 0 {
		return
	}
	last, ok := a.Body[len(a.Body)-1].(*Paragraph)
	if !ok {
		return
	}
	if rest, name, ok := smallCapsSignature(last.Content, func() map[string]bool {
		var texts []string
		for _, b := range a.Body[:len(a.Body)-1] {
			texts = append(texts, b.Text())
		}
		if m := smallCapsSignatureRE.FindStringSubmatch(strings.TrimSpace(last.Content)); m != nil {
			texts = append(texts, m[1])
		}
		return lowerWords(texts...)
	}); ok {
		a.Authors = append(a.Authors, Person{Name: name, Raw: strings.TrimSpace(last.Content[len(rest):])})
		a.remove(RemovedByline, strings.TrimSpace(last.Content[len(rest):]))
		if last.Content = rest; rest == "" {
			a.Body = a.Body[:len(a.Body)-1]
		}
		return
	}
	m := signatureRE.FindStringSubmatch(last.Content)
	if m == nil || !isBareName(m[2]) {
		return
	}
	a.Authors = append(a.Authors, Person{Name: m[2], Raw: m[2]})
	a.remove(RemovedByline, m[2])
	last.Content = m[1]
}

// captionCreditRE matches the photo credit that closes a caption:
// "... FOTO: HENDRIK SCHMIDT/DPA", "(Photo: Jane Doe/AP)".
var captionCreditRE = lazyRE(`(?i)\b(?:foto|photo|bild|illustration|grafik|graphic)s?:\s*[\p{L}. /-]+\)?$`)

// isCaptionText recognises a caption by the photo credit it ends with.
func isCaptionText(s string) bool {
	s = strings.TrimSpace(s)
	return mayEndInCredit(s) && captionCreditRE.MatchString(s)
}

// mayEndInCredit reports whether s may end as captionCreditRE requires:
// its last colon after at least a four-letter label, and after that colon
// nothing that the credit's letters, spaces, dots, slashes, hyphens and
// closing parenthesis exclude (an ASCII digit, comma, quote ...).
func mayEndInCredit(s string) bool {
	c := strings.LastIndexByte(s, ':')
	if c < 4 {
		return false
	}
	for i := c + 1; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf || 'a' <= b|0x20 && b|0x20 <= 'z' {
			continue
		}
		if strings.IndexByte(" .\t\n\v\f\r/-)", b) < 0 {
			return false
		}
	}
	return true
}

// headerLines is how many lines from the top splitBylineDates looks at.
const headerLines = 12

// splitBylineDates gives the date and time a web page prints after its
// byline a paragraph of its own, so that both are read:
//
//	BY AL BARBARINO OCT. 3, 2013, 7:30 A.M.  ->  BY AL BARBARINO
//	                                             OCT. 3, 2013, 7:30 A.M.
//
// lines hold one paragraph per run of lines, blank lines between.
func splitBylineDates(lines []string) []string {
	for i := 0; i < len(lines) && i < headerLines; i++ {
		words := strings.Fields(lines[i])
		if isBylineLine(lines[i]) || len(words) < 4 {
			continue
		}
		for k := 2; k < len(words)-1; k++ {
			by, date := strings.Join(words[:k], " "), strings.Join(words[k:], " ")
			if _, ok := parseDate(date); ok && isBylineLine(by) {
				lines = slices.Insert(lines, i+1, "", date)
				lines[i] = by
				break
			}
		}
	}
	return lines
}

// Word counts of promoteHeadline: a label is at most labelWords words, a
// headline at most titleWords.
const (
	labelWords = 5
	titleWords = 14
)

// promoteHeadline reads a short label taken for the headline as the
// kicker when the paragraph after it is the real headline, as archive
// exports print an online article's column: label, headline, standfirst.
//
//	SZ-Podcast "Auf den Punkt"                    <- read as headline: kicker
//	Transkript - Rammstein: Das System Lindemann  <- headline
//	Rammstein tourt gerade durch ... .            <- standfirst
//
// The next paragraph (the standfirst, or else the first body block) must
// be title-like: at most titleWords words without a closing period (an
// initial's is none: see endsWithStop), followed by more text. Only for articles set in one type size: where
// the headline is in display type, type tells it.
func promoteHeadline(a *Article) {
	if a.Kicker != "" || countWords(a.Headline) > labelWords || endsWithStop(a.Headline) {
		return
	}
	isTitle := func(s string) bool {
		return countWords(s) <= titleWords && !endsWithStop(s)
	}
	switch {
	case a.Subheadline != "" && isTitle(a.Subheadline) && len(a.Body) > 0:
		a.Kicker, a.Headline, a.Subheadline = a.Headline, a.Subheadline, ""
	case a.Subheadline == "" && len(a.Body) > 1 && isTitle(a.Body[0].Text()):
		a.Kicker, a.Headline = a.Headline, a.Body[0].Text()
		a.Body = a.Body[1:]
	}
}

// initialEndRE matches a text that ends with a name's initial: "Lina E.".
var initialEndRE = lazyRE(`(?:^|\s)\p{Lu}\.$`)

// endsWithStop reports whether s ends with a full stop that closes a
// sentence, not an initial's:
//
//	Die Stadt hat entschieden.   -> true
//	Prozess gegen Lina E.        -> false
func endsWithStop(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ".") && !initialEndRE.MatchString(s)
}
