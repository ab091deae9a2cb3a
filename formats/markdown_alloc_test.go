package formats

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"newsclip/convert"
	"newsclip/internal/testutil"
)

// frontMatterDoc is an article with every front matter list and both
// dates; title is its headline.
func frontMatterDoc(title string) *convert.Document {
	a := &convert.Article{
		Publication: "Harbour Gazette", Headline: title, Section: "Local", Language: "en",
		Date:     convert.Date{Year: 2021, Month: 3, Day: 2},
		LoadDate: convert.Date{Year: 2021, Month: 3, Day: 3},
		Authors:  []convert.Person{{Name: "Ann Lee"}, {Name: "Bo Ma"}, {Agency: "Reuters"}},
		Credits:  []convert.Credit{{Name: "Eli Fox", Role: convert.RoleCopyeditor}},
		Body:     []convert.Block{&convert.Paragraph{Content: "The ferry runs again."}},
	}
	return &convert.Document{Source: convert.Source{File: "clip.txt"}, Articles: []*convert.Article{a}}
}

// A common article's front matter (no pull quote, nothing to escape) is
// written without allocating: the writer's room for its lists and dates
// stays on the stack, which a yaml.v3 fallback that kept any of it would
// prevent (see frontMatter.detached).
func TestMarkdownFrontMatterAllocatesNothing(t *testing.T) {
	docs := []*convert.Document{frontMatterDoc("Ferry back in service")}
	if n := testing.AllocsPerRun(100, func() { WriteMarkdown(io.Discard, docs) }); n != 0 {
		t.Errorf("WriteMarkdown allocates %v times an article, want 0", n)
	}
}

// The yaml.v3 fallback (a title YAML reads as a boolean) writes the
// dates and lists the room held.
func TestMarkdownFrontMatterFallbackKeepsRoom(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, []*convert.Document{frontMatterDoc("yes")}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"title: \"yes\"\n", "author:\n    - Ann Lee\n    - Bo Ma\n    - Reuters\n",
		"date: \"2021-03-02\"\n", "load_date: \"2021-03-03\"\n", "credits:\n    - name: Eli Fox\n      role: copyeditor\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("front matter lacks %q:\n%s", want, b.String())
		}
	}
}

func TestIsYAMLKeyword(t *testing.T) {
	testutil.Rows(t, "isYAMLKeyword", isYAMLKeyword, map[string]bool{
		"Yes": true, "OFF": true, "n": true, "Null": true, "tRUE": true, "false": true,
		"yeſ": false, "Bo Ma": false, "ON!": false, "": false, "nulls": false, "Ön": false,
	})
}
