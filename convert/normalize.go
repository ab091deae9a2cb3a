package convert

import (
	"fmt"
	"strings"
)

// finishArticle runs the body rules every layout shares on the paragraphs a
// reader left as body: it drops artifacts (placeholders, footers, jump
// lines), takes credit and contact lines, unwraps and dehyphenates, moves
// pull quotes out, recognises crossheads, list items and the dateline.
// Everything it drops is recorded in a.Removed.
func finishArticle(a *Article, paras []para) {
	var kept []para
	for _, p := range paras {
		text := strings.TrimSpace(p.joined())
		switch {
		case isPlaceholder(text):
			a.remove(RemovedPlaceholder, text)
		case isContinuedLine(text):
			a.remove(RemovedContinued, text)
		default:
			if lang, country, ok := pressReaderFooter(text); ok {
				a.remove(RemovedFooter, text)
				if a.Language == "" {
					a.Language = lang
				}
				if a.Country == "" {
					a.Country = country
				}
				continue
			}
			if credits, ok := contributedLine(text); ok {
				a.Credits = append(a.Credits, credits...)
				a.remove(RemovedCredit, text)
				continue
			}
			if credits, contacts, ok := creditLine(text); ok {
				a.Credits = append(a.Credits, credits...)
				a.Contacts = append(a.Contacts, contacts...)
				a.remove(RemovedCredit, text)
				continue
			}
			kept = append(kept, p)
		}
	}

	var vocab vocabulary
	if hasLineEndHyphen(kept) {
		vocab = newVocabulary(kept)
	}
	var texts []string
	var bullets []bool
	var words []int // words of each text, counted once
	for _, p := range kept {
		for _, pc := range splitWrapped(p) {
			t := collapseSpaces(joinLines(pc.lines, vocab))
			if pc.bullet {
				t = strings.TrimSpace(bulletRE.ReplaceAllString(t, ""))
			}
			if t != "" {
				texts = append(texts, t)
				bullets = append(bullets, pc.bullet)
				words = append(words, strings.Count(t, " ")+1) // t has single spaces
			}
		}
	}

	if len(texts) <= maxPullQuoteParas {
		quote := pullQuoteMask(texts, words)
		k := 0
		for i, t := range texts {
			if quote[i] {
				a.PullQuotes = append(a.PullQuotes, strings.Trim(t, "\"“”"))
				a.remove(RemovedPullQuote, t)
				continue
			}
			texts[k], bullets[k], words[k] = t, bullets[i], words[i]
			k++
		}
		texts, bullets, words = texts[:k], bullets[:k], words[:k]
	} else {
		a.warn(0, fmt.Sprintf("%d paragraphs: pull quotes not searched", len(texts)))
	}

	for i, t := range texts {
		switch {
		case bullets[i]:
			a.Body = append(a.Body, &ListItem{Content: t})
		case isCrosshead(texts, words, i):
			a.Body = append(a.Body, &Heading{Content: t})
		default:
			a.Body = append(a.Body, &Paragraph{Content: t})
		}
		a.WordCount += words[i]
	}

	if len(a.Body) > 0 {
		place, date, ok := parseDateline(a.Body[0].Text())
		if ok {
			if a.Dateline == "" {
				a.Dateline = place
			}
			if a.Date.IsZero() && !date.IsZero() {
				a.Date = date
			}
		}
	}
	a.Authors = dedupePeople(a.Authors)
	a.Contacts = dedupeStrings(a.Contacts)
}

func (a *Article) remove(kind, text string) {
	a.Removed = append(a.Removed, Removal{Kind: kind, Text: text})
}

func (a *Article) warn(line int, msg string) {
	a.Warnings = append(a.Warnings, Warning{Line: line, Msg: msg})
}

// applyByline reads a byline line, which may also hold credits and
// contacts, into the article:
//
//   - By Lan Xinzhen Copyedited by Garth Wilson Comments to lan@bjreview.com
//
// lead tells whether the first segment is a byline without a "By" (a
// LexisNexis BYLINE: field, or a bare name line).
func (a *Article) applyByline(line string, lead bool) {
	segs := splitCredits(line)
	for _, s := range segs {
		switch s.role {
		case "":
			text, hasBy := stripBylineLead(s.text)
			if text == "" || !hasBy && !lead {
				continue
			}
			people, date := parseByline(text, a.Publication)
			for i := range people {
				people[i].Raw = s.text
			}
			a.Authors = append(a.Authors, people...)
			if a.Date.IsZero() && !date.IsZero() {
				a.Date = date
			}
		case "contact":
			a.Contacts = append(a.Contacts, contactsOf(s.text)...)
		default:
			a.Credits = append(a.Credits, creditsOf(s.role, s.text)...)
		}
	}
}

// isBylineLine reports whether a paragraph is a byline: it opens with a
// byline word and the name part is short and not a sentence.
//
//   - By Lan Xinzhen Copyedited by Garth Wilson   yes
//     By Tuesday, the storm had passed.             no
func isBylineLine(s string) bool {
	if len(s) > 250 {
		return false
	}
	if _, ok := stripBylineLead(s); !ok {
		return false
	}
	segs := splitCredits(s)
	text, ok := stripBylineLead(segs[0].text)
	if !ok || text == "" || len(strings.Fields(text)) > 12 {
		return false
	}
	if strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "Jr.") && !strings.HasSuffix(text, "Sr.") {
		return false
	}
	return true
}

// isBareName recognises a byline printed without "By", a line that is only
// a name, perhaps with a job title (web pages put the author under the
// standfirst):
//
//	César Salza
//	Devindra Hardawar
//	Jane Doe, Staff Writer
func isBareName(s string) bool {
	// "Jane Doe, Staff Writer": a name and a job title.
	if name, title, ok := strings.Cut(s, ","); ok && isTitle(strings.TrimSpace(title)) {
		s = name
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 || isRoleOnly(s) {
		return false
	}
	if agencyName(s) != "" {
		return true
	}
	for _, w := range words {
		if strings.ContainsAny(w, ",;:") {
			return false
		}
	}
	return looksLikeName(s)
}

func dedupePeople(ps []Person) []Person {
	seen := map[string]bool{}
	var out []Person
	for _, p := range ps {
		k := strings.ToLower(p.Name + "\x00" + p.Agency)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

func dedupeStrings(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			out = append(out, s)
		}
	}
	return out
}
