package batch

import (
	"path/filepath"
	"strings"
	"testing"

	"newsclip/convert"
)

func TestPlanClashRule(t *testing.T) {
	jobs := []Job{
		{Src: "in/story.txt", Rel: "story.txt"},
		{Src: "in/story.pdf", Rel: "story.pdf"},
		{Src: "in/story.txt.pdf", Rel: "story.txt.pdf"}, // meets story.txt's kept name
		{Src: "in/solo.txt", Rel: "solo.txt"},
		{Src: "in/a/b.txt", Rel: "a/b.txt"},
		{Src: "other/a/b.txt", Root: 1, Rel: "a/b.txt"},
		{Src: "third/a/b.txt", Root: 2, Rel: "a/b.txt"},
	}
	Plan(jobs, "/out", ".md", false)
	want := []string{"story.txt.md", "story.pdf.md", "story.txt.2.md", "solo.md", "a/b.txt.md", "a/b.txt.2.md", "a/b.txt.3.md"}
	seen := map[string]bool{}
	for i, j := range jobs {
		rel, _ := filepath.Rel("/out", j.Out)
		if filepath.ToSlash(rel) != want[i] {
			t.Errorf("%s -> %s, want %s", j.Src, rel, want[i])
		}
		if seen[j.Out] {
			t.Errorf("two inputs write %s", j.Out)
		}
		seen[j.Out] = true
	}
	Plan(jobs[3:4], "/out", ".json", true)
	if jobs[3].Out != filepath.FromSlash("/out/solo") {
		t.Errorf("split output = %s, want the folder /out/solo", jobs[3].Out)
	}
}

func TestShard(t *testing.T) {
	for _, bad := range []string{"2/2", "x/2", "1", "0/0", "-1/3"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
	var shards []Shard
	for k := range 3 {
		s, err := ParseShard(string(rune('0'+k)) + "/3")
		if err != nil {
			t.Fatal(err)
		}
		shards = append(shards, s)
	}
	for _, rel := range []string{"a.txt", "b/c.txt", "d.pdf", "e/f/g.txt", "h.txt"} {
		n := 0
		for _, s := range shards {
			if s.Has(rel) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s is in %d shards, want exactly 1", rel, n)
		}
	}
	if none, _ := ParseShard(""); !none.Has("anything") {
		t.Error("no --shard must take every input")
	}
}

func TestArticleFileName(t *testing.T) {
	used := map[string]bool{}
	for _, tc := range []struct {
		a    convert.Article
		want string
	}{
		{convert.Article{Headline: "Council Approves Tram Line", Date: convert.Date{Year: 2021, Month: 3, Day: 2}}, "2021-03-02-council-approves-tram-line"},
		{convert.Article{Headline: "Council Approves Tram Line", Date: convert.Date{Year: 2021, Month: 3, Day: 2}}, "2021-03-02-council-approves-tram-line-2"},
		{convert.Article{Headline: "Café à São Paulo: ¿qué?"}, "cafe-a-sao-paulo-que"},
		{convert.Article{Index: 4}, "article-5"},
		{convert.Article{Headline: "CON"}, "article-con"},
		{convert.Article{Headline: "../../etc/passwd"}, "etc-passwd"},
		{convert.Article{Headline: strings.Repeat("word ", 40)}, strings.TrimSuffix(strings.Repeat("word-", 16), "-")},
	} {
		if got := ArticleFileName(&tc.a, used); got != tc.want {
			t.Errorf("ArticleFileName(%q) = %q, want %q", tc.a.Headline, got, tc.want)
		}
	}
}

func TestQuote(t *testing.T) {
	if got := Quote("a\nb.txt"); got != `"a\nb.txt"` {
		t.Errorf("Quote = %s", got)
	}
	if got := Quote("plain name.txt"); got != "plain name.txt" {
		t.Errorf("Quote = %s", got)
	}
}
