package convert

import (
	"cmp"
	"fmt"
	"strings"
)

// Labelled fields, as the LexisNexis, Nexis Uni and APA layouts print them
// above or below an article ("SECTION: NEWS; Pg. 3", "Ressort:
// Innenpolitik"): the parts the layouts share. Each layout has a table of
// labels (the two LexisNexis layouts a column of fieldLabelTable), a
// function that finds a label in a line (theirs built on cutField) and a
// table of rules for what a field sets (fieldRules, applied by
// applyField).

// fieldLabelTable lists the labels LexisNexis prints a field of each kind
// under, in the languages of its interfaces: in its classic export
// (column lexis, upper case: lexisFields) and in Nexis Uni (column nexis,
// lower case here, capitalised in print: nexisFields). "" where a layout
// has no field of the kind; "other" fields are only removed.
var fieldLabelTable = []fieldLabelRow{
	{"byline",
		"BYLINE|AUTOR|AUTEUR|AUTEURS|AUTHOR|AUTHORS|VERFASSER|AUTORES|FIRMA|AUTORE",
		"byline|author|authors|autor|auteur|auteurs|verfasser"},
	{"section",
		"SECTION|RUBRIK|RUBRIQUE|RUBRIEK|SECTIE|RESSORT|SECCIÓN|SECCION|SEZIONE",
		"section|rubrik|rubrique|rubriek|sectie|ressort"},
	{"language",
		"LANGUAGE|SPRACHE|LANGUE|TAAL|IDIOMA|LINGUA",
		"language|sprache|langue|taal"},
	{"dateline",
		"DATELINE|ORTSZEILE|LIEU|LUGAR",
		"dateline|ortszeile|lieu"},
	{"loaddate",
		"",
		"load-date|ladedatum|date-chargement|laaddatum"},
	{"highlight",
		"HIGHLIGHT|UNTERTITEL|SOUS-TITRE|SUBTITLE|SUBTÍTULO|SUBTITULO|SOTTOTITOLO",
		"highlight|untertitel|sous-titre|subtitle"},
	{"graphic",
		"GRAPHIC|GRAFIK|GRAPHIQUE|ILLUSTRATION|AFBEELDING|PHOTO|FOTO|GRÁFICO|GRAFICO",
		"graphic|grafik|graphique|illustration|afbeelding|photo|foto"},
	{"edition",
		"EDITION|AUSGABE|ÉDITION|EDITIE|EDICIÓN|EDICION|EDIZIONE",
		"edition|ausgabe|édition|editie"},
	{"country",
		"COUNTRY|LAND|PAYS|PAÍS|PAIS|PAESE",
		""},
	{"headline",
		"HEADLINE|TITLE|TITEL|TITRE|KOP|TITULAR|TÍTULO|TITULO|TITOLO|ÜBERSCHRIFT",
		""},
	{"body",
		"BODY|TEXT|TEXTE|TEKST|CUERPO|TEXTO|TESTO",
		""},
	{"other",
		"LENGTH|LÄNGE|LAENGE|LONGUEUR|LENGTE|UMFANG|LOAD-DATE|LADEDATUM|LONGITUD|LUNGHEZZA|" +
			"FECHA-CARGA|FECHA DE CARGA|DATE-CHARGEMENT|LAADDATUM|PUBLICATION-TYPE|" +
			"PUBLIKATIONSTYP|TYPE-PUBLICATION|PUBLICATIETYPE|JOURNAL-CODE|DOCUMENT-TYPE|" +
			"DOKUMENTTYP|TYPE|URL|NOTES|CORRECTION-DATE|CORRECTION|SERIES|SOURCE|QUELLE|SUBJECT|" +
			"ORGANIZATION|PERSON|GEOGRAPHIC|INDUSTRY|COMPANY|TICKER|CITY|STATE|UPDATE|COLUMN|" +
			"DISTRIBUTION|ACC-NO|PUB-TYPE|DOCUMENT-TYPE|TYPE DE DOCUMENT|DOCUMENTTYPE",
		"length|länge|laenge|longueur|lengte|umfang|publication-type|publikationstyp|" +
			"type-publication|publicatietype|journal code|journal-code|document-type|dokumenttyp|" +
			"notes|correction|correction-date|series|url|column|distribution|pub-type|acc-no|" +
			"subject|organization|person|geographic|industry|company|ticker|city|state|country|" +
			"schlagwort|thema|geografisch|unternehmen|branche|personen|sujet|géographique|société"},
}

// A fieldLabelRow is a row of fieldLabelTable: a kind of field and the
// labels of each layout, joined by "|".
type fieldLabelRow struct{ kind, lexis, nexis string }

// fieldLabels turns a column of fieldLabelTable into a table from label
// to kind:
//
//	{"byline", "BYLINE|AUTOR", ...} -> {"BYLINE": "byline", "AUTOR": "byline"}
func fieldLabels(column func(fieldLabelRow) string) map[string]string {
	n := 0 // sized first: the table is built at start-up
	for _, row := range fieldLabelTable {
		if labels := column(row); labels != "" {
			n += strings.Count(labels, "|") + 1
		}
	}
	m := make(map[string]string, n)
	for _, row := range fieldLabelTable {
		labels := column(row)
		if labels == "" {
			continue
		}
		for l := range strings.SplitSeq(labels, "|") {
			m[l] = row.kind
		}
	}
	return m
}

// cutField reads a field line (trimmed of spaces): the label before the
// first colon, which kindOf names the kind of, and the value after it,
// untrimmed: "LENGTH: 355 words" -> kindOf("LENGTH"), " 355 words". The
// label is 2 to 30 bytes long; the value is empty or opens with a space, a
// tab or a no-break space, so "URL:http://x.org" is no field. ok is false
// (and kind and value empty) for a line that is no field.
func cutField(line string, kindOf func(label string) (string, bool)) (kind, value string, ok bool) {
	line = strings.TrimSpace(line)
	colon := strings.IndexByte(line, ':')
	if colon < 2 || colon > 30 {
		return "", "", false
	}
	value = line[colon+1:]
	if value != "" && value[0] != ' ' && value[0] != '\t' && !strings.HasPrefix(value, "\u00a0") {
		return "", "", false
	}
	if kind, ok = kindOf(line[:colon]); !ok {
		return "", "", false
	}
	return kind, value, true
}

// eachField calls apply with every labelled field of a paragraph, as
// label finds them in its lines ("LENGTH: 355 words" -> "length", "355
// words"): a line without a label continues the field above it, and raw
// holds the field's lines as printed. Lines before the first label come
// as a field of kind "".
func eachField(p para, label func(string) (kind, value string, ok bool), apply func(kind, value, raw string)) {
	var kind, value, raw string
	for _, l := range p.lines {
		if k, v, ok := label(l); ok {
			if raw != "" {
				apply(kind, value, raw)
			}
			kind, value, raw = k, v, l
			continue
		}
		value += " " + l
		raw += " " + l
	}
	if raw != "" {
		apply(kind, value, raw)
	}
}

// fieldRules maps a field kind to what a field of that kind sets in an
// article, given its value. A layout's table adds to or overrides
// commonFieldRules; a kind in neither (or mapped to nil) sets nothing.
type fieldRules map[string]func(a *Article, value string)

// commonFieldRules are the rules the layouts share: a byline is parsed
// into authors; the first highlight, edition or country field counts and
// the last dateline; a language field is turned into a language tag.
var commonFieldRules = fieldRules{
	"byline":    func(a *Article, v string) { a.applyByline(v, true) },
	"highlight": func(a *Article, v string) { a.Subheadline = cmp.Or(a.Subheadline, v) },
	"edition":   func(a *Article, v string) { a.Edition = cmp.Or(a.Edition, v) },
	"country":   func(a *Article, v string) { a.Country = cmp.Or(a.Country, v) },
	"dateline":  func(a *Article, v string) { a.Dateline = v },
	"language":  setLanguageField,
}

// setLanguageField sets the language of a field ("LANGUAGE: ENGLISH" ->
// "en"), with a warning when it names no language known here.
func setLanguageField(a *Article, value string) {
	if a.Language = languageTag(value); a.Language == "" {
		a.warn(0, fmt.Sprintf("unknown language %q", value))
	}
}

// applyField applies a field of the given kind through a layout's rules
// (then commonFieldRules) and records its raw lines as removed: a byline
// as RemovedByline, a graphic (a picture's caption) as RemovedCaption,
// any other field as RemovedField.
func (a *Article) applyField(rules fieldRules, kind, value, raw string) {
	rule, ok := rules[kind]
	if !ok {
		rule = commonFieldRules[kind]
	}
	if rule != nil {
		rule(a, value)
	}
	switch kind {
	case "byline":
		a.remove(RemovedByline, raw)
	case "graphic":
		a.remove(RemovedCaption, raw)
	default:
		a.remove(RemovedField, raw)
	}
}
