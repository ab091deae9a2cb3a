package formats

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// yamlPieces are the fragments random front matter values are built from:
// words YAML reads as something else, every indicator character, spaces
// in each position, line and paragraph separators, controls, quotes,
// non-ASCII letters and punctuation.
var yamlPieces = []string{
	"a", "Z", "é", "中", "Ω", "yes", "No", "off", "null", "y", "true", "1998", "2026-12-01", "0x1F", ".inf", "1e3",
	" ", "  ", ":", ": ", " #", "#", "-", "- ", "'", "\"", "\\", "?", "!", "&", "*", "|", ">", "%", "@", "`",
	",", "[", "]", "{", "}", "\t", "\n", "\r", "\x01", "\x7f", "\u0085", "\u00a0", "\u00ad", "\u2028", "\u2029",
	"\ufeff", "\ufffe", "’", "“", "—", "…", "~", "<<", "\xff", "0", "7", "12", "09", "1_000", "+1", "-1", " of ",
	"10:00", "2026-02-30", "/", "(", ")", "$", "=", ";", "^", "_", ".", "e", "\u3000", "\U0001F600",
}

func randomYAMLValue(r *rand.Rand) string {
	var b strings.Builder
	for n := r.Intn(6); n >= 0; n-- {
		b.WriteString(yamlPieces[r.Intn(len(yamlPieces))])
	}
	switch r.Intn(4) { // most real values start with a letter or a number
	case 0, 1:
		return "Word" + b.String()
	case 2:
		return yamlPieces[r.Intn(len(yamlPieces))] + " " + b.String()
	}
	return b.String()
}

// TestYAMLScalarMatchesYAML checks every value the fast path takes
// against yaml.v3 in each place a value stands (a key's value, a list
// item, a credit's name and role), on 50,000 random hostile values, and
// that it takes most of those that start with a letter.
func TestYAMLScalarMatchesYAML(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	fast := 0
	for i := 0; i < 50000; i++ {
		s := randomYAMLValue(r)
		if _, ok := appendYAMLScalar(nil, s); !ok {
			continue
		}
		fast++
		compareFrontMatter(t, &frontMatter{Title: s, Author: []string{s, "x"}, Credits: []creditYAML{{s, s}}})
	}
	if fast < 20000 {
		t.Errorf("fast path took %d of 50,000 values, want most of the half that start with a letter", fast)
	}
}

// TestFrontMatterMatchesYAML checks that the hand-written front matter is
// byte for byte what yaml.v3 writes, on 20,000 random blocks of hostile
// values and on plain ones, so that no reader of the Markdown can tell
// the two apart; and that the fast path is taken for ordinary text.
func TestFrontMatterMatchesYAML(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	v := func() string { return randomYAMLValue(r) }
	vs := func() []string {
		var out []string
		for n := r.Intn(3); n > 0; n-- {
			out = append(out, v())
		}
		return out
	}
	for i := 0; i < 20000; i++ {
		fm := frontMatter{Title: v(), Subtitle: v(), Kicker: v(), Author: vs(), Date: v(), Lang: v(),
			Publisher: v(), Source: v(), SourceID: v(), LoadDate: v(), Section: v(), Page: v(),
			Edition: v(), Dateline: v(), Country: v(), Contacts: vs(), PullQuotes: vs()}
		for n := r.Intn(3); n > 0; n-- {
			fm.Credits = append(fm.Credits, creditYAML{v(), v()})
		}
		compareFrontMatter(t, &fm)
	}
	plain := frontMatter{Title: "Brexit: what next for the 'backstop'?", Author: []string{"Jane Doe", "Ann-Marie O’Neill"},
		Publisher: "Süddeutsche Zeitung", Credits: []creditYAML{{"Bo Ma", "photo"}}, Section: "World #1",
		Subtitle: "‘Quoted’ words", Kicker: "'Quoted' Headline: Are There Any Answers?", Date: "2026-12-01",
		Page: "3", Source: "/tmp/in/clip.txt", SourceID: "1 of 2"}
	compareFrontMatter(t, &plain)
	for _, s := range []string{plain.Title, plain.Author[1], plain.Publisher, plain.Section, plain.Subtitle,
		plain.Kicker, plain.Date, plain.Page, plain.Source, plain.SourceID} {
		if _, ok := appendYAMLScalar(nil, s); !ok {
			t.Errorf("appendYAMLScalar(%q) left to yaml.v3, want the fast path", s)
		}
	}
}

func compareFrontMatter(t *testing.T, fm *frontMatter) {
	t.Helper()
	want, err := yaml.Marshal(fm)
	if err != nil {
		t.Fatal(err)
	}
	got, err := appendFrontMatter([]byte("x"), fm)
	if err != nil || string(got) != "x"+string(want) {
		t.Fatalf("front matter of %#v:\ngot  %q (%v)\nwant %q", fm, got, err, "x"+string(want))
	}
}

// isISODate takes what time.Parse with "2006-01-02" takes, for every
// month and day number from 00 to 39 of leap and common years, centuries
// among them, the first and last years, and malformed dates.
func TestIsISODateMatchesTimeParse(t *testing.T) {
	var dates []string
	for _, y := range []int{0, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9999} {
		for m := range 14 {
			for d := range 40 {
				dates = append(dates, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	dates = append(dates, "2024-2-29", "2024/02/29", "20240229", "2024-02-2x", "-024-02-29", "2024-02-29 ", "")
	taken := 0
	for _, s := range dates {
		_, err := time.Parse("2006-01-02", s)
		if got, want := isISODate(s), err == nil; got != want {
			t.Errorf("isISODate(%q) = %v, time.Parse takes it: %v", s, got, want)
		}
		if err == nil {
			taken++
		}
	}
	if want := 12*365 + 5; taken != want { // five of the years are leap years
		t.Errorf("time.Parse takes %d of the dates, want %d: the test lost its valid dates", taken, want)
	}
}
