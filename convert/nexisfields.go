package convert

import (
	"fmt"
	"strings"
)

// The labelled fields of a Nexis Uni document (see nexisuni.go for the
// layout) and the rules for their values.

// nexisFields maps lower-case field labels to what they hold, in the
// languages of LexisNexis's interfaces (the labels of the classic export,
// lexisFields, in Nexis Uni's title case).
var nexisFields = func() map[string]string {
	m := map[string]string{}
	add := func(kind, labels string) {
		for _, l := range strings.Split(labels, "|") {
			m[l] = kind
		}
	}
	add("byline", "byline|author|authors|autor|auteur|auteurs|verfasser")
	add("section", "section|rubrik|rubrique|rubriek|sectie|ressort")
	add("highlight", "highlight|untertitel|sous-titre|subtitle")
	add("dateline", "dateline|ortszeile|lieu")
	add("loaddate", "load-date|ladedatum|date-chargement|laaddatum")
	add("language", "language|sprache|langue|taal")
	add("graphic", "graphic|grafik|graphique|illustration|afbeelding|photo|foto")
	add("edition", "edition|ausgabe|édition|editie")
	add("other", "length|länge|laenge|longueur|lengte|umfang|publication-type|publikationstyp|"+
		"type-publication|publicatietype|journal code|journal-code|document-type|dokumenttyp|"+
		"notes|correction|correction-date|series|url|column|distribution|pub-type|acc-no|"+
		"subject|organization|person|geographic|industry|company|ticker|city|state|country|"+
		"schlagwort|thema|geografisch|unternehmen|branche|personen|sujet|géographique|société")
	return m
}()

// nexisField returns the kind and value of a field line: a label of
// nexisFields (capitalised), a colon and a space ("Length: 355 words" ->
// "other", "355 words"), or ok false.
func nexisField(line string) (kind, value string, ok bool) {
	line = strings.TrimSpace(line)
	colon := strings.IndexByte(line, ':')
	if colon < 2 || colon > 30 || line[0] < 'A' || line[0] > 'Z' && line[0] < 0x80 {
		return "", "", false
	}
	kind, ok = nexisFields[strings.ToLower(cleanSpaces(line[:colon]))]
	rest := line[colon+1:]
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' && !strings.HasPrefix(rest, "\u00a0") {
		return "", "", false // "URL:http" is not a label and a value
	}
	return kind, strings.TrimSpace(strings.ReplaceAll(rest, "\u00a0", " ")), true
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
			a.applyNexisField(kinds[k], values[k], cleanSpaces(raw))
		}
	})
}

func (a *Article) applyNexisField(kind, value, raw string) {
	switch kind {
	case "byline":
		a.applyNexisByline(value)
		a.remove(RemovedByline, raw)
		return
	case "graphic":
		a.remove(RemovedCaption, raw)
		return
	case "section":
		a.Section, a.Page = nexisSection(value)
	case "highlight":
		if a.Subheadline == "" {
			a.Subheadline = value
		}
	case "dateline":
		a.Dateline = value
	case "edition":
		if a.Edition == "" {
			a.Edition = value
		}
	case "loaddate":
		a.LoadDate, _ = nexisDate(value)
	case "language":
		if a.Language = languageTag(value); a.Language == "" {
			a.warn(0, fmt.Sprintf("unknown language %q", value))
		}
	}
	a.remove(RemovedField, raw)
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
