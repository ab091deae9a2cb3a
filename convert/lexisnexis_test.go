package convert

import (
	"math/rand"
	"strings"
	"testing"
)

func TestMarkerWarnings(t *testing.T) {
	mk := func(pairs ...int) []docMarker {
		var out []docMarker
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, docMarker{line: i * 10, n: pairs[i], of: pairs[i+1]})
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		marks []docMarker
		want  string // "" for no warning
	}{
		{"complete", mk(1, 3, 2, 3, 3, 3), ""},
		{"two exports", mk(1, 2, 2, 2, 1, 3, 2, 3, 3, 3), "lexisnexis: 2 exports in one file, 5 documents"},
		{"missing", mk(1, 3, 3, 3), "lexisnexis: found 2 documents, markers promise 3"},
		{"one odd marker", mk(1, 3, 2, 3, 3, 30), "line 41: lexisnexis: marker says 3 of 30 documents; the others say of 3"},
		{"second export short", mk(1, 1, 1, 3, 2, 3), "lexisnexis: found 3 documents, markers promise 4"},
	} {
		got := markerWarnings(tc.marks)
		if tc.want == "" && len(got) != 0 || tc.want != "" && (len(got) != 1 || got[0].String() != tc.want) {
			t.Errorf("%s: warnings %v, want %q", tc.name, got, tc.want)
		}
	}
}

func TestLexisHeaderSkipsCopyright(t *testing.T) {
	in := "                1 of 1 DOCUMENT\n\n      Copyright 2021 Harbour Media Ltd. All Rights Reserved\n\n" +
		"                 The Ledger\n\n               June 8, 2024\n\nURGENT: Port stays open\n\n" +
		"BYLINE: Ruth Okafor\n\nThe port will stay open all winter, the trust said.\n"
	a := firstArticle(t, "in.txt", []byte(in))
	if a.Publication != "The Ledger" || a.Headline != "Port stays open" || a.Kicker != "URGENT" || a.Date.ISO() != "2024-06-08" {
		t.Errorf("publication %q, headline %q, kicker %q, date %q", a.Publication, a.Headline, a.Kicker, a.Date.ISO())
	}
}

func TestLexisTranscriptCredit(t *testing.T) {
	in := "                1 of 1 DOCUMENT\n\n                 Harbour Radio\n\n               June 8, 2024\n\n" +
		"Prepared by Harbour Transcripts\n\nMorning Show: the ferry debate\n\nSHOW: Morning Show\n\n" +
		"RUTH OKAFOR: Good morning.\n"
	doc := mustConvert(t, "in.txt", []byte(in))
	a := doc.Articles[0]
	if len(doc.Articles) != 1 || a.Headline != "Morning Show: the ferry debate" || len(a.Credits) != 1 || a.Credits[0].Name != "Harbour Transcripts" {
		t.Errorf("%d articles, headline %q, credits %+v", len(doc.Articles), a.Headline, a.Credits)
	}
}

func TestLexisFieldsCovered(t *testing.T) {
	in := "                1 of 1 DOCUMENT\n\n                 The Ledger\n\n               June 8, 2024\n\n" +
		"Port stays open\n\nEDITION: Late Final\n\nDATELINE: PORTHAVEN\n\nHIGHLIGHT: The trust decides.\n\n" +
		"BODY:\nThe port will stay open, the trust said.\n"
	a := firstArticle(t, "in.txt", []byte(in))
	if a.Edition != "Late Final" || a.Dateline != "PORTHAVEN" || a.Subheadline != "The trust decides." {
		t.Errorf("edition %q, dateline %q, subheadline %q", a.Edition, a.Dateline, a.Subheadline)
	}
}

func TestLexisImpossibleDate(t *testing.T) {
	in := "                1 of 1 DOCUMENT\n\n                 The Ledger\n\n               April 31, 2021 Saturday\n\n" +
		"Port stays open\n\nBODY:\nThe port will stay open, the trust said.\n"
	a := firstArticle(t, "in.txt", []byte(in))
	if a.Publication != "The Ledger" || !a.Date.IsZero() || a.Date.Raw != "April 31, 2021 Saturday" || len(a.Warnings) == 0 {
		t.Errorf("publication %q, date %+v, warnings %v", a.Publication, a.Date, a.Warnings)
	}
}

// cleanSpaces, now singleSpaced, gives strings.Join(strings.Fields(s), " ")
// on the lines of an export (centred, joined, with tabs, no-break and
// other Unicode spaces) and on random text of them.
func TestCleanSpacesIsFieldsJoined(t *testing.T) {
	plain := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	rows(t, "cleanSpaces", cleanSpaces, map[string]string{
		"":                                  "",
		"                The Sun (England)": "The Sun (England)",
		"Edition 1; Scotland":               "Edition 1; Scotland",
		"NEWS;  Pg. 3":                      "NEWS; Pg. 3",
		"BYLINE:\tAnn Lee ":                 "BYLINE: Ann Lee",
		"Copyright\u00a02009\u2003X Ltd.":   "Copyright 2009 X Ltd.", // no-break and em spaces are spaces
	})
	r := rand.New(rand.NewSource(91))
	pieces := []string{"The", "Sun", "NEWS;", "Pg.", "3", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u0085", "é", "\xff"}
	sameOnRandom[string]{
		name: "cleanSpaces", plain: "strings.Join(strings.Fields(s), \" \")",
		fast: cleanSpaces, slow: plain,
		hit:   func(s string) bool { return strings.Contains(s, " ") },
		least: 500,
	}.check(t, 3000, func() string { return randomText(r, pieces, r.Intn(12)) })
}

// isDocMarkerPlain is isDocMarker without its first-byte test: the line
// trimmed, short, starting with a digit or a "D", then docMarkerRE.
func isDocMarkerPlain(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) < maxDocMarkerLen && t != "" && (t[0] >= '0' && t[0] <= '9' || t[0] == 'D' || t[0] == 'd') &&
		docMarkerRE.MatchString(t)
}

// isDocMarker, which turns most lines away by their first byte before it
// trims them, answers as the plain rule (trimmed, short, starting with a
// digit or a "D", then docMarkerRE) on markers of every form, lines that
// only begin like one, Unicode spaces before them, and random lines.
func TestIsDocMarkerMatchesPlain(t *testing.T) {
	rows(t, "isDocMarker", isDocMarker, map[string]bool{
		"                1 of 10 DOCUMENTS": true, "3 von 12 DOKUMENTEN": true, "Dokument 3 von 12": true,
		"\u00a0\u20032 sur 5 DOCUMENTS": true, "\t document 2 de 5 ": true, "David Smith of 10 documents": false,
		"10 of the documents": false, "": false, "   ": false, "Copyright 2009": false, "\u00a0Dear reader": false,
	})
	r := rand.New(rand.NewSource(92))
	pieces := []string{"1", "12", " of ", " von ", " de ", "DOCUMENTS", "Dokument", "documento", " ", "\t", "\u00a0",
		"\u2003", "D", "x", "é", "\xff", "LOAD-DATE: "}
	sameOnRandom[bool]{
		name: "isDocMarker", plain: "TrimSpace, then the first byte, then docMarkerRE",
		fast: isDocMarker, slow: isDocMarkerPlain,
		hit:   func(b bool) bool { return b },
		least: 500,
	}.check(t, 20000, func() string {
		if r.Intn(2) == 0 {
			return randomText(r, pieces, r.Intn(8))
		}
		// marker-shaped: spaces, count and word either way round, spaces
		spaces, nums := []string{" ", "\t", "\u00a0", "\u2003", "x"}, []string{"1", "12", "D", "é"}
		joins, words := []string{" of ", " von ", " sur ", " and "}, []string{"DOCUMENTS", "Dokument", "documenti", "Pages"}
		num := func() string { return nums[r.Intn(len(nums))] }
		middle := num() + joins[r.Intn(len(joins))] + num() + " " + words[r.Intn(len(words))]
		if r.Intn(2) == 0 {
			middle = words[r.Intn(len(words))] + " " + num() + joins[r.Intn(len(joins))] + num()
		}
		return randomText(r, spaces, r.Intn(3)) + middle + randomText(r, spaces, r.Intn(3))
	})
}
