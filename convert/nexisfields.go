package convert

import (
	"strings"
)

// The labelled fields of a Nexis Uni document (see nexisuni.go for the
// layout) and the rules for their values.

// nexisFields maps lower-case Nexis Uni field labels to the kinds of
// fields they name (see fieldLabelTable).
var nexisFields = fieldLabels(func(r fieldLabelRow) string { return r.nexis })

// nexisField returns the kind and value of a field line: a label of
// nexisFields (capitalised), a colon and a space ("Length: 355 words" ->
// "other", "355 words"), or ok false.
func nexisField(line string) (kind, value string, ok bool) {
	kind, value, ok = cutField(line, nexisLabel)
	return kind, strings.TrimSpace(strings.ReplaceAll(value, "\u00a0", " ")), ok
}

// nexisLabel returns the kind of a label of nexisFields, which opens with
// a capital letter (or a non-ASCII letter) and may hold runs of spaces.
func nexisLabel(label string) (kind string, ok bool) {
	if label == "" || label[0] < 'A' || label[0] > 'Z' && label[0] < 0x80 {
		return "", false
	}
	kind, ok = nexisFields[strings.ToLower(cleanSpaces(label))]
	return kind, ok
}

// nexisGluedRE finds a field label inside another field's value, where an
// export lost the break between them:
//
//	Byline: Jane Doe Highlight: Storms closed the road.
var nexisGluedRE = lazyRE(`\s(\p{Lu}\p{L}+(?:-\p{Lu}?\p{L}+)?):\s`)

// splitGluedFields splits "Jane Doe Highlight: Storms ..." at labels of
// nexisFields into the first value and further fields. Other capitalised
// words before a colon ("Mayor Smith: ...") stay in the value.
func splitGluedFields(kind, value string) (kinds, values []string) {
	from := 0
	for _, loc := range nexisGluedRE.FindAllStringSubmatchIndex(value, -1) {
		next, ok := nexisFields[strings.ToLower(value[loc[2]:loc[3]])]
		if !ok {
			continue
		}
		kinds, values = append(kinds, kind), append(values, strings.TrimSpace(value[from:loc[0]]))
		kind, from = next, loc[1]
	}
	return append(kinds, kind), append(values, strings.TrimSpace(value[from:]))
}

// applyNexisFields reads a paragraph of fields; a line without a label
// continues the field above it.
func (a *Article) applyNexisFields(p para) {
	eachField(p, nexisField, func(kind, value, raw string) {
		kinds, values := splitGluedFields(kind, cleanSpaces(value))
		for k := range kinds {
			a.applyField(nexisFieldRules, kinds[k], values[k], cleanSpaces(raw))
		}
	})
}

// nexisFieldRules are the Nexis Uni rules besides commonFieldRules: a
// byline may carry notes (applyNexisByline), a section field the page
// (nexisSection); a load date is read as a date.
var nexisFieldRules = fieldRules{
	"byline":   (*Article).applyNexisByline,
	"section":  func(a *Article, v string) { a.Section, a.Page = nexisSection(v) },
	"loaddate": func(a *Article, v string) { a.LoadDate, _ = nexisDate(v) },
}

// nexisPageRE matches the page part of a section field: "Pg. A3", "S. 12".
var nexisPageRE = lazyRE(`^(?:Pg\.?|Page|S\.|Seite|p\.|Blz\.?)\s*(\S+?)\.?$`)

// nexisSection splits a section field at its semicolons into section and
// page, dropping Nexis's revision counter:
//
//	NEWS; Pg. 3            -> "NEWS", "3"
//	POLITICS; Version:28   -> "POLITICS", ""
func nexisSection(value string) (section, page string) {
	var kept []string
	for _, part := range strings.Split(value, ";") {
		part = strings.TrimSpace(part)
		if m := nexisPageRE.FindStringSubmatch(part); m != nil {
			page = m[1]
		} else if part != "" && !strings.HasPrefix(strings.ToLower(part), "version:") {
			kept = append(kept, part)
		}
	}
	return strings.Join(kept, "; "), page
}

// nexisAbstract reads the "ABSTRACT" ... "FULL TEXT" opening of older
// Lexis Advance bodies: the abstract becomes the standfirst (when there is
// none), the labels go, and the full text is the body.
func (a *Article) nexisAbstract(paras []para) []para {
	if len(paras) == 0 || strings.TrimSpace(paras[0].joined()) != "ABSTRACT" {
		return paras
	}
	a.remove(RemovedField, "ABSTRACT")
	for j, p := range paras {
		if strings.TrimSpace(p.joined()) != "FULL TEXT" {
			continue
		}
		a.remove(RemovedField, "FULL TEXT")
		if a.Subheadline != "" {
			return append(paras[1:j:j], paras[j+1:]...)
		}
		var abstract []string
		for _, q := range paras[1:j] {
			abstract = append(abstract, q.joined())
		}
		a.Subheadline = cleanSpaces(strings.Join(abstract, " "))
		return paras[j+1:]
	}
	return paras[1:]
}

// Notes Nexis bylines carry besides names, which the byline normalizer
// would take for parts of a name:
var (
	// a parenthesised note: "Mattha Busby (now), Andrew Sparrow (earlier)"
	nexisNoteRE = lazyRE(`\s*\([^()]{1,30}\)`)
	// the place the writer filed from: "Daniel Boffey in Brussels"
	nexisPlaceRE = lazyRE(`\s+in\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*\s*(,|;|\s+and\s+|$)`)
	// a desk title after the name without a comma: "Lisa Doe Brexit
	// correspondent" (the name is two words, or three with an initial or
	// particle in the middle)
	nexisDeskRE = lazyRE(`^(\p{Lu}[\p{L}'’-]+\s+(?:(?:\p{Lu}\.|van|von|de|der|da|di|le|la|al|bin)\s+)?\p{Lu}[\p{L}'’-]+)\s+(\p{Lu}[\p{L}\s]*?\s(?:correspondent|editor|reporter|writer|columnist|critic|analyst|commentator))$`)
)

// cleanNexisByline takes the notes of a Nexis byline out before it goes
// to the byline normalizer:
//
//	Mattha Busby (now), Andrew Sparrow (earlier) -> Mattha Busby, Andrew Sparrow
//	Daniel Boffey in Brussels                    -> Daniel Boffey
//	Lisa Doe Brexit correspondent                -> Lisa Doe, Brexit correspondent
func cleanNexisByline(s string) string {
	s = nexisNoteRE.ReplaceAllString(s, "")
	s = nexisPlaceRE.ReplaceAllString(s, "$1")
	names := strings.Split(strings.TrimSpace(s), " and ")
	for i, n := range names {
		names[i] = nexisDeskRE.ReplaceAllString(strings.TrimSpace(n), "$1, $2")
	}
	return strings.Join(names, " and ")
}

// applyNexisByline reads a Byline field. A single word that names no news
// agency ("Letters", "Editorial") is a column label, not an author.
func (a *Article) applyNexisByline(value string) {
	clean := cleanNexisByline(value)
	if !strings.ContainsAny(clean, " ,") && agencyName(clean) == "" {
		return
	}
	n := len(a.Authors)
	a.applyByline(clean, true)
	for i := n; i < len(a.Authors); i++ {
		a.Authors[i].Raw = value // as printed
	}
}
