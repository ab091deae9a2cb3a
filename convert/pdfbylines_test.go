package convert

import (
	"reflect"
	"testing"
)

// smallCapsNameOf gives smallCapsName's name, "" where there is none, for
// its rule file.
func smallCapsNameOf(s string) (string, bool) {
	name, ok := smallCapsName(s)
	if !ok {
		return "", false
	}
	return name, true
}

// signatureOf asks smallCapsSignature about a paragraph of an article
// whose lower-case words are those of one fixed sentence ("read", "more"
// among them); "" for rest and name where there is no signature.
func signatureOf(s string) (rest, name string, ok bool) {
	rest, name, ok = smallCapsSignature(s, lowerWords("You can read more about the hall online."))
	if !ok {
		return "", "", false
	}
	return rest, name, true
}

func TestLiftSignatureSmallCaps(t *testing.T) {
	a := &Article{Body: []Block{&Paragraph{Content: "The hall stays open."}, &Paragraph{Content: "iris mayer"}}}
	liftSignature(a)
	if len(a.Authors) != 1 || a.Authors[0].Name != "Iris Mayer" || len(a.Body) != 1 {
		t.Errorf("authors %+v body %d blocks", a.Authors, len(a.Body))
	}
}

func TestLowerWords(t *testing.T) {
	got := lowerWords("Read the „plan“, then vote.", "Iris said no")
	for _, w := range []string{"the", "plan", "then", "vote", "said", "no"} {
		if !got[w] {
			t.Errorf("lowerWords lacks %q", w)
		}
	}
	if got["Read"] || got["Iris"] || got["read"] {
		t.Errorf("lowerWords kept a capitalized word: %v", got)
	}
}

func TestJoinBrokenBylinesInParagraph(t *testing.T) {
	for _, c := range []struct {
		in, want []string
	}{
		{[]string{"Von Ann Lee und Christoph", "Koopmann", "", "Die Sitzung lief."}, []string{"Von Ann Lee und Christoph Koopmann", "", "Die Sitzung lief."}},
		{[]string{"Von Ann Lee und Vinzent-", "Vitus Leitgeb", "", "Die Sitzung lief."}, []string{"Von Ann Lee und Vinzent-Vitus Leitgeb", "", "Die Sitzung lief."}},
		{[]string{"Von Ann Lee und Christoph", "", "Koopmann", "", "Text."}, []string{"Von Ann Lee und Christoph Koopmann", "", "Text."}},
		// After a blank line only one word is a surname.
		{[]string{"Von Ann Lee und Christoph", "", "Die Sitzung", "", "Text."}, []string{"Von Ann Lee und Christoph", "", "Die Sitzung", "", "Text."}},
		// The next line runs on: not the rest of a name.
		{[]string{"Von Ann Lee und Christoph", "Koopmann", "sagte am Montag"}, []string{"Von Ann Lee und Christoph", "Koopmann", "sagte am Montag"}},
		{[]string{"Die Sitzung lief und Christoph", "Koopmann", ""}, []string{"Die Sitzung lief und Christoph", "Koopmann", ""}},
	} {
		if got := joinBrokenBylines(append([]string(nil), c.in...)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("joinBrokenBylines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestURLLead(t *testing.T) {
	for _, c := range []struct {
		para []string
		want int
	}{
		{[]string{"meinung/harbour-quay-", "plan-kommentar-1.5892304", "Linke Gewalt"}, 2},
		{[]string{"https://coast.example/", "quay-plan", "Harbour"}, 2},
		{[]string{"https://coast.example/quay", "Harbour"}, 0}, // one line: not broken
		{[]string{"Harbour", "news"}, 0},
	} {
		if got := urlLead(c.para); got != c.want {
			t.Errorf("urlLead(%q) = %d, want %d", c.para, got, c.want)
		}
	}
}

func TestDropURLParagraphsLead(t *testing.T) {
	in := []string{"meinung/harbour-quay-", "plan-kommentar-1.5892304", "Linke Gewalt", "", "https://coast.example/", "news/", "quay-1.23", "", "Text."}
	kept, urls := dropURLParagraphs(in)
	if want := []string{"Linke Gewalt", "", "Text."}; !reflect.DeepEqual(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
	if want := []string{"meinung/harbour-quay-plan-kommentar-1.5892304", "https://coast.example/news/quay-1.23"}; !reflect.DeepEqual(urls, want) {
		t.Errorf("urls %q, want %q", urls, want)
	}
}

func TestEndsWithStop(t *testing.T) {
	for s, want := range map[string]bool{
		"Die Stadt hat entschieden.": true,
		"Prozess gegen Lina E.":      false,
		"E.":                         false,
		"Haft für Lina E. ":          false,
		"Harbour board":              false,
		"It rose by 5 p.c.":          true,
	} {
		if got := endsWithStop(s); got != want {
			t.Errorf("endsWithStop(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestPromoteHeadlineInitial(t *testing.T) {
	a := &Article{Headline: "Prozess gegen Lina E.", Subheadline: "Aussage eines Zeugen", Body: []Block{&Paragraph{Content: "Dresden – Es ist früh."}}}
	promoteHeadline(a)
	if a.Kicker != "Prozess gegen Lina E." || a.Headline != "Aussage eines Zeugen" {
		t.Errorf("kicker %q headline %q", a.Kicker, a.Headline)
	}
}
