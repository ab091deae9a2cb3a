package convert

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// isCollapsed answers as its rule says (no leading, trailing or double
// space, no tab, newline, carriage return, vertical tab or form feed) on
// random text of words, spaces, control bytes, '!' after a space (which
// fools the usual zero-byte test), no-break spaces and bytes next to the
// space, at every alignment of the eight-byte words.
func TestIsCollapsedMatchesRule(t *testing.T) {
	pieces := []string{"a", "Harbour", " ", "  ", "!", " !", "\t", "\n", "\r", "\v", "\f", "\x01", "\x1f",
		"\x00", "\u00a0", "!\"", "\x7f", "é", "\xa0", "abcdefg "}
	rule := func(s string) bool {
		for _, c := range "\t\n\r\v\f" {
			if strings.ContainsRune(s, c) {
				return false
			}
		}
		return !strings.HasPrefix(s, " ") && !strings.HasSuffix(s, " ") && !strings.Contains(s, "  ")
	}
	r := rand.New(rand.NewSource(71))
	sameOnRandom[bool]{name: "isCollapsed", plain: "the rule", fast: isCollapsed, slow: rule,
		hit: func(b bool) bool { return !b }, least: 1000}.check(t, 50000, func() string {
		return randomText(r, pieces, r.Intn(30))
	})
}

// isCollapsed finds a double space at every place of a text (inside an
// eight-byte word, across two, and across the sixteen-byte steps), and
// collapsedSpaces counts single spaces at every place, '!' after each.
func TestCollapsedSpacesAtEveryPlace(t *testing.T) {
	for n := 3; n <= 70; n++ {
		for p := 1; p+2 < n; p++ {
			b := []byte(strings.Repeat("x", n))
			b[p], b[p+1] = ' ', ' '
			if isCollapsed(string(b)) {
				t.Fatalf("isCollapsed(%q) = true, a double space at %d", b, p)
			}
			b[p+1] = '!'
			if p+3 < n {
				b[p+2] = ' '
			}
			want := strings.Count(string(b), " ")
			if got, ok := collapsedSpaces(string(b)); !ok || got != want {
				t.Fatalf("collapsedSpaces(%q) = %d, %v; want %d, true", b, got, ok, want)
			}
		}
	}
}

// collapseSpacesCounted gives the text of the rule (the words between
// ASCII white space, one space between them) and the spaces it holds, on
// random texts: words with one space between them, whose spaces are
// counted sixteen bytes a step, and the texts of TestIsCollapsedMatchesRule.
func TestCollapseSpacesCounted(t *testing.T) {
	pieces := []string{"a", "Harbour", " ", "  ", "!", " !", "\t", "\n", "\r", "\v", "\f", "\x01", "\x1f",
		"\x00", "\u00a0", "!\"", "\x7f", "é", "\xa0", "abcdefg ", "ferry runs "}
	rule := func(s string) two[string, int] {
		t := strings.Join(strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" \t\n\r\v\f", r) }), " ")
		return two[string, int]{t, strings.Count(t, " ")}
	}
	r := rand.New(rand.NewSource(77))
	sameOnRandom[two[string, int]]{name: "collapseSpacesCounted", plain: "the rule",
		fast: func(s string) two[string, int] { t, n := collapseSpacesCounted(s); return two[string, int]{t, n} },
		slow: rule, hit: func(c two[string, int]) bool { return len(c.a) >= 32 && c.b >= 4 }, least: 10000}.check(t, 50000, func() string {
		if r.Intn(2) == 0 { // collapsed already: words of pieces without white space
			return randomWords(r, []string{"a", "Harbour", "!", "é", "\u00a0", "\x7f", "!\"", "ferry"}, r.Intn(20), " ")
		}
		return randomText(r, pieces, r.Intn(30))
	})
}

// bodyTexts takes a one-line paragraph as splitWrapped's piece, on random
// paragraphs of one to three lines: bullets, leading and trailing spaces,
// tabs, hyphens at line ends.
func TestBodyTextsOneLineAsPiece(t *testing.T) {
	pieces := []string{"word", " ", "  ", "\t", "\u00a0", "\u2003", "- ", "• ", "* ", "infor-", "mation", ".", "Harbour", "—"}
	r := rand.New(rand.NewSource(72))
	for range 5000 {
		var paras []para
		for range 1 + r.Intn(4) {
			var lines []string
			for range 1 + r.Intn(3) {
				lines = append(lines, randomText(r, pieces, 1+r.Intn(8)))
			}
			paras = append(paras, para{lines: lines})
		}
		got := bodyTexts(paras)
		want := []bodyText{}
		for _, p := range paras {
			for _, pc := range splitWrapped(p) {
				want = appendBodyText(want, joinLines(pc.lines, vocabFor(paras)), pc.bullet)
			}
		}
		if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
			t.Fatalf("bodyTexts(%+v) = %+v, by splitWrapped %+v", paras, got, want)
		}
	}
}

func vocabFor(paras []para) vocabulary {
	if hasLineEndHyphen(paras) {
		return newVocabulary(paras)
	}
	return nil
}

// splitWrapped cuts as the plain way of building each piece line by line
// does, on random paragraphs of two to six lines (and a few of 17 to 21):
// bullets, sentence ends
// and starts, lines short and long (past maxWrappedLine), indented or
// trailing white space, hyphens at line ends.
func TestSplitWrappedMatchesPlain(t *testing.T) {
	words := []string{"The", "ferry", "runs.", "Council", "said", "- ", "• ", "* ", "infor-", "“Yes,”", "42",
		"all", "winter", "long!", "\u00a0", " ", "\t", "(and)", "board:"}
	r := rand.New(rand.NewSource(73))
	splits := 0
	for range 20000 {
		var p para
		lines := 2 + r.Intn(5)
		if r.Intn(50) == 0 {
			lines = 17 + r.Intn(5) // more than splitWrapped has room for on the stack
		}
		for range lines {
			n := 1 + r.Intn(4)
			if r.Intn(4) == 0 {
				n = 10 + r.Intn(30)
			}
			var w []string
			for range n {
				w = append(w, words[r.Intn(len(words))])
			}
			p.lines = append(p.lines, strings.Join(w, " "))
		}
		got, want := splitWrapped(p), splitWrappedPlain(p)
		if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
			t.Fatalf("splitWrapped(%q) = %+v, plain %+v", p.lines, got, want)
		}
		if len(got) > 1 {
			splits++
		}
	}
	if splits < 2000 {
		t.Errorf("%d of 20000 paragraphs split: too few to compare", splits)
	}
}

// splitWrappedPlain is splitWrapped built the plain way: each piece's lines
// appended one by one, each line trimmed where it is used.
func splitWrappedPlain(p para) []piece {
	width := 0
	for _, l := range p.lines {
		width = max(width, utf8.RuneCountInString(strings.TrimSpace(l)))
	}
	var out []piece
	var cur piece
	for i, l := range p.lines {
		t := strings.TrimSpace(l)
		if isBulleted(l, p.lines) {
			if len(cur.lines) > 0 {
				out = append(out, cur)
			}
			cur = piece{bullet: true}
		}
		cur.lines = append(cur.lines, t)
		if i == len(p.lines)-1 {
			break
		}
		next := strings.TrimSpace(p.lines[i+1])
		n := utf8.RuneCountInString(t)
		fits := n+1+utf8.RuneCountInString(firstField(next))+3 <= width
		if n > maxWrappedLine && !strings.HasSuffix(t, "-") || width >= minWrapWidth && fits && endsSentence(t) && startsSentence(next) {
			out, cur = append(out, cur), piece{}
		}
	}
	if len(cur.lines) > 0 {
		out = append(out, cur)
	}
	return out
}

// trimLineEnd trims as strings.TrimRight with lineEndSpace does, on random
// lines ending in its runes, in other runes that end in 0xA0 ("à", "Ġ"),
// in invalid UTF-8 and in plain text.
func TestTrimLineEndMatchesTrimRight(t *testing.T) {
	pieces := []string{"a", " ", "\t", "\f", "\v", "\u00a0", "à", "Ġ", "\xa0", "\xc2", "\n", "\r", "\u2003", "x y"}
	r := rand.New(rand.NewSource(74))
	sameOnRandom[string]{name: "trimLineEnd", plain: "strings.TrimRight", fast: trimLineEnd,
		slow: func(s string) string { return strings.TrimRight(s, lineEndSpace) },
		hit:  func(string) bool { return true }, least: 0}.check(t, 50000, func() string {
		return randomText(r, pieces, r.Intn(6))
	})
}

// splitParas, and splitParasIn in rooms too small and large enough, give
// the paragraphs the plain way gives (each line trimmed and copied), on
// random lines: blank ones of spaces, tabs and no-break spaces, lines with
// trailing space and without; and appending to a paragraph's lines writes
// neither into the next paragraph nor into the input.
func TestSplitParasMatchesPlain(t *testing.T) {
	pieces := []string{"", " ", "\t", "\u00a0", "Rain fell.", "It kept on.  ", "à", "\u2003", "\f"}
	r := rand.New(rand.NewSource(75))
	for k := range 10000 {
		lines := make([]string, r.Intn(12))
		for i := range lines {
			lines[i] = randomText(r, pieces, r.Intn(3))
		}
		in := slices.Clone(lines)
		got, name := splitParas(lines, 5), "splitParas"
		if k%2 == 1 { // rooms of 0 to 7 paragraphs and lines, holding what an earlier text left
			paras, kept := make([]para, r.Intn(8)), make([]string, r.Intn(8))
			for i := range paras {
				paras[i] = para{lines: []string{"Old."}, line: 1}
			}
			for i := range kept {
				kept[i] = "Old line."
			}
			got, name = splitParasIn(paras, kept, lines, 5), "splitParasIn"
		}
		want := splitParasPlain(lines, 5)
		if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
			t.Fatalf("%s(%q) = %#v, plain %#v", name, lines, got, want)
		}
		for k, p := range got {
			_ = append(p.lines, "Extra.")
			if !slices.Equal(lines, in) || fmt.Sprintf("%#v", got[k:]) != fmt.Sprintf("%#v", want[k:]) {
				t.Fatalf("%s(%q): an append to paragraph %d wrote into the input or the next paragraph", name, in, k)
			}
		}
	}
}

// splitParasPlain is splitParas the plain way: every line of a paragraph
// trimmed and appended to the paragraph's own slice.
func splitParasPlain(lines []string, first int) []para {
	out := []para{}
	open := false
	for i, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0\f\v")
		if strings.TrimSpace(l) == "" {
			open = false
			continue
		}
		if !open {
			out = append(out, para{line: first + i})
			open = true
		}
		out[len(out)-1].lines = append(out[len(out)-1].lines, l)
	}
	return out
}

// dropArtifacts keeps, in order, the paragraphs dropArtifact does not take
// and records the others, whether it drops none (and gives paras back),
// the first, the last or some between, and leaves paras as they were.
func TestDropArtifactsKeepsTheRest(t *testing.T) {
	texts := []string{"The ferry runs all winter, the mayor said.", "??  ??", "Continued on page 4",
		"Crews cleared the road by noon.", "??"}
	r := rand.New(rand.NewSource(76))
	for range 2000 {
		paras := make([]para, r.Intn(7))
		for i := range paras {
			paras[i] = para{lines: []string{texts[r.Intn(len(texts))]}, line: i + 1}
		}
		in := fmt.Sprintf("%#v", paras)
		a, plain := &Article{}, &Article{}
		got := a.dropArtifacts(paras)
		want := []para{}
		for _, p := range paras {
			if !plain.dropArtifact(p) {
				want = append(want, p)
			}
		}
		if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("dropArtifacts(%#v) = %#v, want %#v", paras, got, want)
		}
		if fmt.Sprintf("%#v", a.Removed) != fmt.Sprintf("%#v", plain.Removed) || fmt.Sprintf("%#v", paras) != in {
			t.Fatalf("dropArtifacts(%#v): removed %#v, want %#v; input now %#v", paras, a.Removed, plain.Removed, paras)
		}
	}
}

// runeCount counts as utf8.RuneCountInString does, on these rows and on
// random text of ASCII runs longer and shorter than eight bytes, runes of
// two to four bytes, and invalid UTF-8 (stray and cut-off bytes), at every
// alignment.
func TestRuneCountMatchesUTF8(t *testing.T) {
	rows(t, "runeCount", runeCount, map[string]int{
		"": 0, "ferry": 5, "The ferry runs all winter": 25, "Fähre": 5, "“Yes,” he said": 14,
		"港口周一": 4, "\xff\xfe": 2, "cut \xe2\x80": 6, "eight by": 8, "eight byté": 10, "😀 ok": 4,
	})
	r := rand.New(rand.NewSource(74))
	pieces := []string{"a", "ferry ", "The council said ", "é", "“", "港", "😀", "\xff", "\xe2\x80", "\x80", " ", "\t"}
	sameOnRandom[int]{
		name: "runeCount", plain: "utf8.RuneCountInString",
		fast: runeCount, slow: utf8.RuneCountInString,
		hit:   func(n int) bool { return n >= 8 },
		least: 1000,
	}.check(t, 5000, func() string { return randomText(r, pieces, r.Intn(20)) })
}

// isBlank answers as strings.TrimSpace(l) == "" does, on these rows and
// on random lines of ASCII white space, Unicode spaces (no-break, em,
// next line), other runes and invalid UTF-8.
func TestIsBlankMatchesTrimSpace(t *testing.T) {
	rows(t, "isBlank", isBlank, map[string]bool{
		"": true, " \t\r\v\f": true, "\u00a0 \u2003": true, " \u0085": true, "  x": false,
		" \u00a0é": false, "\xff": false, " \t\u00a0\xc2": false, "Lead": false,
	})
	r := rand.New(rand.NewSource(75))
	pieces := []string{" ", "\t", "\r", "\v", "\f", "\n", "\u00a0", "\u2003", "\u0085", "\u3000", "x", "é", "\xff", "\xc2"}
	sameOnRandom[bool]{
		name: "isBlank", plain: `strings.TrimSpace(l) == ""`,
		fast: isBlank, slow: func(l string) bool { return strings.TrimSpace(l) == "" },
		hit:   func(b bool) bool { return b },
		least: 300,
	}.check(t, 4000, func() string { return randomText(r, pieces, r.Intn(8)) })
}

// mayBeBullet lets through every line bulletRE matches: bullets after any
// regexp \s space (a form feed opens a page in pdftotext's text), on rows
// and on random lines.
func TestMayBeBulletPassesBulletRE(t *testing.T) {
	r := rand.New(rand.NewSource(29))
	pieces := []string{" ", "\t", "\n", "\f", "\r", "\v", "\u00a0", "•", "◦", "▪", "●", "*", "·", "–", "-", "—", "x", "Item", "é",
		"\xe2\x80", "\xff", "+"}
	sameOnRandom[bool]{name: "mayBeBullet && bulletRE", plain: "bulletRE.MatchString",
		fast: func(s string) bool { return mayBeBullet(s) && bulletRE.MatchString(s) },
		slow: bulletRE.MatchString, hit: func(b bool) bool { return b }, least: 1000}.
		check(t, 20000, func() string { return randomText(r, pieces, 1+r.Intn(6)) })
	for _, l := range []string{"\f• The ferry moves to the north pier", "\r- item", "\n* item"} {
		if !isBulleted(l, []string{l, "- other"}) {
			t.Errorf("isBulleted(%q) = false, want true", l)
		}
	}
}

// countWordsUpTo counts the words split at spaces, tabs and newlines while
// there are at most limit, and gives limit+1 past that, for limits from 0
// to 5 on random texts of words and those separators.
func TestCountWordsUpTo(t *testing.T) {
	pieces := []string{"a", "Ferry", " ", "  ", "\t", "\n", "\u00a0", "é", "x-y"}
	r := rand.New(rand.NewSource(78))
	for limit := range 6 {
		sameOnRandom[int]{name: fmt.Sprintf("countWordsUpTo(limit %d)", limit), plain: "strings.FieldsFunc",
			fast: func(s string) int { return countWordsUpTo(s, limit) },
			slow: func(s string) int {
				return min(len(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })), limit+1)
			}, hit: func(n int) bool { return n == limit+1 }, least: 1000}.check(t, 10000, func() string {
			return randomText(r, pieces, r.Intn(40))
		})
	}
}

// trimSpace trims as strings.TrimSpace does, on random texts that open
// and end with ASCII and Unicode white space, control and other ASCII
// bytes, letters above ASCII and invalid UTF-8.
func TestTrimSpaceMatchesStrings(t *testing.T) {
	pieces := []string{"a", "Ferry", " ", "\t", "\n", "\v", "\f", "\r", "\x00", "\x1f", "!", "~", "\x7f", "\u0085",
		"\u00a0", "\u2003", "\u3000", "é", "\xff", "\xc2"}
	r := rand.New(rand.NewSource(79))
	sameOnRandom[string]{name: "trimSpace", plain: "strings.TrimSpace", fast: trimSpace, slow: strings.TrimSpace,
		hit: func(s string) bool { return s != "" }, least: 10000}.check(t, 50000, func() string {
		return randomText(r, pieces, r.Intn(5))
	})
}

// splitLines gives strings.Split(text, "\n") on random texts of lines,
// blank ones, carriage returns and a newline or none at the end.
func TestSplitLinesMatchesSplit(t *testing.T) {
	pieces := []string{"Harbour Gazette", "\n", "\n\n", "\r", " ", "é", ""}
	r := rand.New(rand.NewSource(80))
	sameOnRandom[[]string]{name: "splitLines", plain: "strings.Split", fast: splitLines,
		slow: func(s string) []string { return strings.Split(s, "\n") },
		hit:  func(ls []string) bool { return len(ls) >= 3 }, least: 10000}.check(t, 20000, func() string {
		return randomText(r, pieces, r.Intn(12))
	})
}
