package convert

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

// artifactPieces are the pieces random paragraphs are made of: whole
// artifact lines of every rule dropArtifact asks, their words in every
// case, brackets, spaces of every kind, line breaks, runes that fold or
// lower-case onto ASCII, and running text long enough to pass every
// length limit.
var artifactPieces = []string{"Newspapers in English", "Newspapers from New Zealand", "Newspapers in ", "English",
	"Continued on page 4", "(Continued from B2)", "Cont'd on A9", "See HARBOUR, Page 12", "Fortsetzung auf Seite 3",
	"Suite en page 8", "Vervolg op pagina 3", "CONT", "see ", "ſee HARBOUR, A6", "ſee CONTI, A6", "( ", "(", ")", "）", "（编译/李明）",
	"Share", "SHARE ON FACEBOOK", "Tweet", "Follow @tidewatch", "12 Comments", "4 min read", "Advertisement", "›",
	"Photo: Ann Lee", "Top photo by Ana Ruiz", "Top photographs by Ann Lee, Bo Ma, Cy Dee and Di Fox / Translated by Li Wei " +
		"and Mo Tan / Copyedited by Lena Voss and Nora Quill / Graphics by Tom Hale / Comments to ann@tide.example", "(Reporting by Ann Lee; Editing by Bo Ma)", "Comments to ann@tide.example",
	"Bo Ma contributed to this report.", "Ann Lee and Cy Dee contributed reporting", " contributed", " reporting",
	" to this ", "story", "article", "The Ledger's ", "??", " ?? ", "?", " ", "  ", "\t", "\u00a0", "\u2003", "\n", "\n ", " \n",
	"İ", "\u212a", "ſ", "\xff", "Ann Lee", "The port reopened on Monday.", "Sh", "e", "Ex", "4", "07",
	strings.Repeat("The harbour trust met again. ", 8), strings.Repeat("港口重新开放。", 10), strings.Repeat(" ??", 80)}

// randomArtifact joins up to 6 pieces of artifactPieces.
func randomArtifact(r *rand.Rand) string {
	return randomText(r, artifactPieces, 1+r.Intn(6))
}

// artifactPrechecks pairs each artifact rule that has a cheap test with
// the rule without it (or as first written), results shown as strings,
// and names the rule files whose rows it is tried on.
func artifactPrechecks() []struct {
	c     sameOnRandom[string]
	files []string
} {
	shown := func(f func(string) bool) func(string) string {
		return func(s string) string { return fmt.Sprint(f(s)) }
	}
	hit := func(s string) bool { return strings.HasPrefix(s, "true") }
	rule := func(name, plain string, fast, slow func(string) bool, least int) sameOnRandom[string] {
		return sameOnRandom[string]{name: name, plain: plain, fast: shown(fast), slow: shown(slow), hit: hit, least: least}
	}
	return []struct {
		c     sameOnRandom[string]
		files []string
	}{
		{rule("isContinuedLine", "plainIsContinuedLine", isContinuedLine, plainIsContinuedLine, 100), []string{"isContinuedLine"}},
		{rule("isFurniture", "isFurnitureLabel alone", isFurniture, func(s string) bool {
			s = strings.TrimSpace(s)
			return s != "" && len(s) <= maxFurnitureLen && isFurnitureLabel(s)
		}, 100), []string{"isFurniture"}},
		{rule("startsWithCredit", "plainStartsWithCredit", startsWithCredit, plainStartsWithCredit, 100),
			[]string{"creditLine", "opensWithMarker", "creditMarkerAt"}},
		{rule("contributedLine", "contributedCredits", func(s string) bool { _, ok := contributedLine(s); return ok },
			func(s string) bool { _, ok := contributedCredits(s); return len(s) <= maxCreditNote && ok }, 100),
			[]string{"contributedLine"}},
		{rule("mayHoldStamp", "plainMayHoldStamp", mayHoldStamp, plainMayHoldStamp, 100), []string{"stripBylineTail", "parseByline"}},
		{rule("isFooterName", "plainIsFooterName", isFooterName, plainIsFooterName, 100), []string{"pressReaderFooter"}},
		{rule("isFurnitureLabel", "strings.ToLower(strings.TrimRight)", isFurnitureLabel, func(s string) bool {
			return isFurnitureLower(strings.ToLower(strings.TrimRight(s, furnitureEnd)))
		}, 100), []string{"isFurniture"}},
		{sameOnRandom[string]{name: "trimFurnitureEnd", plain: "strings.TrimRight", hit: func(n string) bool { return n != "0" },
			fast:  func(s string) string { return fmt.Sprint(len(s) - len(trimFurnitureEnd(s))) },
			slow:  func(s string) string { return fmt.Sprint(len(s) - len(strings.TrimRight(s, furnitureEnd))) },
			least: 100}, []string{"isFurniture"}},
		{sameOnRandom[string]{name: "appendToLower", plain: "strings.ToLower", hit: func(s string) bool { return s != "" },
			fast:  func(s string) string { return string(appendToLower([]byte("x"), s)[1:]) },
			slow:  strings.ToLower,
			least: 100}, []string{"isFurniture"}},
		{sameOnRandom[string]{name: "footerNames", plain: "readFooterNames", hit: func(s string) bool { return strings.HasSuffix(s, "true]") },
			fast:  func(s string) string { l, c, ok := footerNames(s); return fmt.Sprint([]any{l, c, ok}) },
			slow:  func(s string) string { l, c, ok := readFooterNames(s); return fmt.Sprint([]any{l, c, ok}) },
			least: 100}, []string{"pressReaderFooter"}},
		{rule("isPlaceholder", "strings.Contains(s, \"??\") first", isPlaceholder, plainIsPlaceholder, 100), []string{"isPlaceholder"}},
		{sameOnRandom[string]{name: "dropArtifact", plain: "dropArtifactText", fast: droppedBy(true), slow: droppedBy(false),
			hit: hit, least: 300}, []string{"pressReaderFooter", "creditNote", "contributedLine", "creditLine", "isPlaceholder",
			"isContinuedLine", "isFurniture"}},
	}
}

// plainIsPlaceholder is isPlaceholder as first written: "??" looked for
// at once, then every rune of the line trimmed.
func plainIsPlaceholder(s string) bool {
	if !strings.Contains(s, "??") {
		return false
	}
	for _, r := range strings.TrimSpace(s) {
		if r != '?' && r != ' ' && r != '\t' && r != '\u00a0' {
			return false
		}
	}
	return true
}

// plainIsFooterName is isFooterName as first written, rune by rune.
func plainIsFooterName(s string) bool {
	if s == "" || len(s) > maxFooterName {
		return false
	}
	for i, r := range s {
		if !unicode.IsLetter(r) && (i == 0 || !strings.ContainsRune(" .'-", r)) {
			return false
		}
	}
	return true
}

// droppedBy gives, for a paragraph of the lines of s, whether an article
// drops it and what the article holds after: by dropArtifact with its
// cheap test mayBeArtifact (precheck), or by dropArtifactText alone.
func droppedBy(precheck bool) func(string) string {
	return func(s string) string {
		var a Article
		p := para{lines: strings.Split(s, "\n"), line: 1}
		dropped := a.dropArtifactText(strings.TrimSpace(p.joined()))
		if precheck {
			a = Article{}
			dropped = a.dropArtifact(p)
		}
		return fmt.Sprintf("%v %+v", dropped, a)
	}
}

// Each cheap test answers as the rule without it: on the rows of the
// rule files, random bylines and random paragraphs of artifact pieces.
func TestArtifactPrechecksAgree(t *testing.T) {
	n := 20000
	if testing.Short() {
		n /= shortFraction
	}
	for _, p := range artifactPrechecks() {
		agreesOnRows(t, sameOnRandom[string]{name: p.c.name, plain: p.c.plain, fast: p.c.fast, slow: p.c.slow,
			hit: p.c.hit}, n, p.files...)
		r := rand.New(rand.NewSource(int64(len(p.c.name))))
		p.c.least = p.c.least * n / 20000
		p.c.check(t, n, func() string { return randomArtifact(r) })
	}
}

// FuzzArtifactPrechecks compares each cheap test of artifactPrechecks
// with the rule without it on any text.
func FuzzArtifactPrechecks(f *testing.F) {
	for _, s := range []string{"Continued on page 4", "ſee HARBOUR, A6", "Share on X", "12 Comments", "Photo: Ann Lee",
		"Ann Lee Updated 9:05", "Newspapers in English", "a\nb ?? )", " \n ??\n )", strings.Repeat("x ", 120) + "(Photo by Ann Lee)"} {
		f.Add(s)
	}
	checks := artifactPrechecks()
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range checks {
			if got, want := p.c.fast(s), p.c.slow(s); got != want {
				t.Errorf("%s(%q) = %s, %s gives %s", p.c.name, s, got, p.c.plain, want)
			}
		}
	})
}

// joinedEnds tells the length of a paragraph's text, joined and trimmed,
// where it tells one, and the text opens and ends with the pieces it
// gives, on random paragraphs whose end lines hold spaces of every kind
// or are only space.
func TestJoinedEndsAgreesWithJoining(t *testing.T) {
	r := rand.New(rand.NewSource(61))
	pieces := []string{" ", "\t", "\u00a0", "\u2003", "\u0085", "\n", "\n\n", "a", "??", ")", "\xff", "Ann Lee"}
	sameOnRandom[string]{name: "joinedEnds", plain: "strings.TrimSpace(strings.Join)", fast: func(s string) string {
		lines := strings.Split(s, "\n")
		text := strings.TrimSpace(strings.Join(lines, " "))
		first, last, n := joinedEnds(lines)
		if !strings.HasPrefix(text, first) || !strings.HasSuffix(text, last) {
			return fmt.Sprintf("opens %q, ends %q", first, last)
		}
		if n < 0 {
			return fmt.Sprint(len(text)) // untold: dropArtifact joins
		}
		return fmt.Sprint(n)
	}, slow: func(s string) string { return fmt.Sprint(len(strings.TrimSpace(strings.ReplaceAll(s, "\n", " ")))) },
		hit: func(n string) bool { return len(n) > 1 }, least: 5000}.
		check(t, 20000, func() string { return randomText(r, pieces, r.Intn(12)) })
}

// plainIsContinuedLine is isContinuedLine's rule without its cheap tests:
// a line shorter than maxJumpLine that continuedRE matches, trimmed.
func plainIsContinuedLine(s string) bool {
	return len(s) < maxJumpLine && continuedRE.MatchString(strings.TrimSpace(s))
}

// plainMayHoldStamp is mayHoldStamp as first written: a search for each
// folding rune and each word of the table.
func plainMayHoldStamp(s string) bool {
	if strings.Contains(s, "ſ") || strings.Contains(s, "\u212a") {
		return true
	}
	for _, w := range stampKeywords {
		if containsFoldASCII(s, w) {
			return true
		}
	}
	return false
}
