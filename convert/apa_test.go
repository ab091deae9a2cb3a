package convert

import (
	"strings"
	"testing"
)

// apaExport is a small export of two articles, the second a print source
// with fields, an edition and a kicker.
var apaExport = []string{
	`"Wiener Tagblatt" gefunden am 04.03.2019 09:15 Uhr`,
	``,
	`Neue Radwege für die`,
	`Innenstadt`,
	``,
	`Die Stadt baut bis Herbst vier Kilometer Radweg.`,
	``,
	`Von Eva Probe und Jan Muster`,
	``,
	`Die Arbeiten beginnen im April an der Ringstraße.`,
	``,
	`Foto: APA/Eva Probe`,
	``,
	`(APA)`,
	``,
	`___________________________________________`,
	`"Grazer Abendpost" vom 05.03.2019 Seite: 12`,
	`Ressort: Lokal`,
	``,
	`Abend`,
	``,
	`Streit im Gemeinderat:`,
	``,
	`Budget vertagt`,
	``,
	`Der Gemeinderat hat das Budget am Montag vertagt.`,
	``,
	`Der Sitzungssaal am Montag.`,
	``,
	`Gespeicherter Anhang: budget.pdf`,
}

// apaStyles sets the export's lines as an RTF export does: the headlines
// bold, source, field and edition lines and the caption italic.
func apaStyles() []lineStyle {
	styles := make([]lineStyle, len(apaExport))
	for i, l := range apaExport {
		switch {
		case strings.HasPrefix(l, "Neue Radwege"), l == "Innenstadt", l == "Budget vertagt":
			styles[i].bold = true
		case isAPASource(l), strings.HasPrefix(l, "Ressort"), l == "Abend", strings.HasPrefix(l, "Der Sitzungssaal"):
			styles[i].italic = true
		}
	}
	return styles
}

func TestReadAPA(t *testing.T) {
	arts, _ := readAPAStyled(apaExport, apaStyles())
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	a, b := arts[0], arts[1]
	if a.Publication != "Wiener Tagblatt" || a.Date.ISO() != "2019-03-04" || a.Headline != "Neue Radwege für die Innenstadt" {
		t.Errorf("article 1 header: %q %q %q", a.Publication, a.Date.ISO(), a.Headline)
	}
	if len(a.Authors) != 2 || a.Authors[1].Name != "Jan Muster" {
		t.Errorf("article 1 authors: %+v", a.Authors)
	}
	if got := blockTexts(a.Body); strings.Join(got, "|") != "Die Stadt baut bis Herbst vier Kilometer Radweg.|Die Arbeiten beginnen im April an der Ringstraße.|(APA)" {
		t.Errorf("article 1 body: %q", got)
	}
	if b.Publication != "Grazer Abendpost" || b.Page != "12" || b.Section != "Lokal" || b.Edition != "Abend" ||
		b.Kicker != "Streit im Gemeinderat:" || b.Headline != "Budget vertagt" {
		t.Errorf("article 2 header: %+v", b)
	}
	if got := blockTexts(b.Body); len(got) != 1 || !strings.HasPrefix(got[0], "Der Gemeinderat") {
		t.Errorf("article 2 body: %q (want no caption, no attachment)", got)
	}
	// Without bold hints (a text export) the first paragraph after the
	// edition is the headline.
	arts, _ = readAPA(apaExport)
	if arts[1].Headline != "Streit im Gemeinderat:" || arts[1].Edition != "Abend" {
		t.Errorf("no hints: headline %q, edition %q", arts[1].Headline, arts[1].Edition)
	}
}

// apaSource gives whether the line is a source line and, if so, the
// publication, section, date and page the regexp takes from it.
func apaSource(in string) (bool, string, string, string, string) {
	if !isAPASource(in) {
		return false, "", "", "", ""
	}
	m := apaSourceRE.FindStringSubmatch(in)
	return true, m[1], m[2], m[3], m[4]
}

// apaFieldOf is apaField with kind and value blank where it finds no field.
func apaFieldOf(in string) (string, string, bool) {
	if kind, value, ok := apaField(in); ok {
		return kind, value, true
	}
	return "", "", false
}
