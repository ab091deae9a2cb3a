package convert

import "testing"

// A header line whose lower case is longer in bytes than the line ("Ⱥ" is
// two bytes, "ⱥ" three) before a publishing stamp once cut the line past
// its end: the clipping failed with an internal error. It converts.
func TestDateStampAfterLongerLowerCase(t *testing.T) {
	clip := "The Post\n\nHeadline here\n\n5 March 2021 ȺȺȺȺȺȺȺȺȺȺȺȺȺȺ updated 2021\n\n" +
		"Body text of the story goes here and is long enough to be one.\n\nMore text.\n"
	doc, err := Convert("clip.txt", []byte(clip))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Articles) != 1 || doc.Articles[0].Publication != "The Post" || len(doc.Articles[0].Body) != 2 {
		t.Fatalf("articles %+v", doc.Articles)
	}
	if d, ok := parseDateForm("5 ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ updated 2021"); ok {
		t.Errorf("parseDateForm read %+v from a line of letters", d)
	}
}
