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
	rest, name, ok = smallCapsSignature(s, func() map[string]bool { return lowerWords("You can read more about the hall online.") })
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

func TestPromoteHeadlineInitial(t *testing.T) {
	a := &Article{Headline: "Prozess gegen Lina E.", Subheadline: "Aussage eines Zeugen", Body: []Block{&Paragraph{Content: "Dresden – Es ist früh."}}}
	promoteHeadline(a)
	if a.Kicker != "Prozess gegen Lina E." || a.Headline != "Aussage eines Zeugen" {
		t.Errorf("kicker %q headline %q", a.Kicker, a.Headline)
	}
}
