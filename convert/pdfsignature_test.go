package convert

import "testing"

func TestDropDeskSignature(t *testing.T) {
	for _, c := range []struct {
		last   string
		want   string // the last block after, "" when it went
		blocks int
	}{
		{"SZ", "", 1},
		{"Fünf Personen wurden festgenommen. SZ/dpa/zaa", "Fünf Personen wurden festgenommen.", 2},
		{"Der Hafen bleibt offen. dpa", "Der Hafen bleibt offen.", 2},
		{"Der Hafen bleibt offen. Danke", "Der Hafen bleibt offen. Danke", 2},
		{"Der Hafen bleibt offen.", "Der Hafen bleibt offen.", 2},
		{"Ja", "Ja", 2},
		{"Harbour board AGM", "Harbour board AGM", 2},
	} {
		a := &Article{Body: []Block{&Paragraph{Content: "Erster Absatz."}, &Paragraph{Content: c.last}}}
		dropDeskSignature(a)
		if len(a.Body) != c.blocks || c.want != "" && a.Body[len(a.Body)-1].Text() != c.want {
			t.Errorf("%q: %d blocks, last %q", c.last, len(a.Body), a.Body[len(a.Body)-1].Text())
		}
	}
}
