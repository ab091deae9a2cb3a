package convert

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// bodyPieces are the pieces of the random bodies below: running text,
// artifacts dropArtifact takes (a placeholder, footer lines, a jump line,
// a credit), hyphens at line ends, bullets, and line and paragraph breaks.
var bodyPieces = []string{"The ferry runs all winter, the mayor said.", "Crews cleared the road by noon.",
	"??  ??", "??", "Newspapers in English", "Newspapers from Norway", "Continued on page 4",
	"Photo: Ann Lee", "(Photo: Bo Ma)", "infor-", "mation", "• ", "- ", " ", "  ", "\t", "\n", "\n\n", "\n\n"}

// finishArticle's room on the stack changes nothing: keepBody into a
// buffer, with room enough or too little, and appendBodyTexts after texts
// already there, give the texts (bodyTexts) of the paragraphs dropArtifact
// leaves, remove the same paragraphs, and leave the input as it was.
func TestBodyBuffersAgree(t *testing.T) {
	r := rand.New(rand.NewSource(81))
	for _, room := range []int{0, 2, finishReserve} {
		sameOnRandom[string]{name: fmt.Sprintf("keepBody+appendBodyTexts (room %d)", room),
			plain: "dropArtifact+bodyTexts", fast: func(s string) string {
				paras := parasOf(s)
				in := fmt.Sprintf("%#v", paras)
				var a Article
				kept := a.keepBody(make([]para, 0, room), paras)
				first := bodyText{text: "first", words: 1}
				texts := appendBodyTexts(append(make([]bodyText, 0, room), first), kept)
				if texts[0] != first {
					return "lost the text before"
				}
				if fmt.Sprintf("%#v", paras) != in {
					return "changed its input"
				}
				return fmt.Sprintf("%#v %#v", append([]bodyText{}, texts[1:]...), a.Removed)
			}, slow: func(s string) string {
				var a Article
				var kept []para
				for _, p := range parasOf(s) {
					if !a.dropArtifact(p) {
						kept = append(kept, p)
					}
				}
				texts := bodyTexts(kept)
				return fmt.Sprintf("%#v %#v", append([]bodyText{}, texts...), a.Removed) // none is no text, nil or not
			}, hit: func(s string) bool { return strings.Contains(s, "Removal{Kind") }, least: 1000,
		}.check(t, 5000, func() string { return randomText(r, bodyPieces, 1+r.Intn(30)) })
	}
}

// settleIn with a clipping's blockRoom makes the blocks settle makes
// without one, for bodies that fit the room, that do not, and that held a
// block already: paragraphs, list items and crossheads between long
// paragraphs, the words counted and the dateline read.
func TestSettleInRoomAgrees(t *testing.T) {
	long := "BEIJING - The ferry runs all winter, the mayor said on Tuesday, and the crews cleared the road by noon again."
	kinds := []bodyText{{text: long, words: countWords(long)}, {text: "Consent", words: 1},
		{text: "The ferry runs.", bullet: true, words: 3}, {text: "Crews cleared the road by noon.", words: 6}}
	show := func(a *Article) string {
		var b strings.Builder
		for _, blk := range a.Body {
			fmt.Fprintf(&b, "%T %q; ", blk, blk.Text())
		}
		fmt.Fprintf(&b, "words %d, dateline %q", a.WordCount, a.Dateline)
		return b.String()
	}
	r := rand.New(rand.NewSource(82))
	inRoom := 0
	for range 5000 {
		texts := make([]bodyText, r.Intn(2*blockRoomSize))
		for i := range texts {
			texts[i] = kinds[r.Intn(len(kinds))]
		}
		var plain, roomy Article
		if r.Intn(4) == 0 {
			plain.Body, roomy.Body = []Block{&Quote{Content: "Before."}}, []Block{&Quote{Content: "Before."}}
		}
		var room blockRoom
		plain.settle(slices.Clone(texts))
		roomy.settleIn(&room, slices.Clone(texts))
		if got, want := show(&roomy), show(&plain); got != want {
			t.Fatalf("settleIn(%+v) gives %s; settle %s", texts, got, want)
		}
		if n := len(roomy.Body); n > 0 && n <= blockRoomSize && roomy.Body[n-1] == room.blocks[n-1] {
			inRoom++
		}
	}
	if inRoom < 1000 {
		t.Errorf("%d of 5000 bodies were made in the room, want at least 1000", inRoom)
	}
}

// longCreditPieces make paragraphs longer than maxShortArtifact that the
// credit rules may take: credit openings and qualifiers in any case,
// "contributed" endings, closing notes, line breaks inside the words a
// rule looks at, and running text to pass each length limit.
var longCreditPieces = []string{"Photo: ", "PHOTO BY ", "Top photo by ", "Featured image: ", "By ", "Reporting by ",
	"Ann Lee", ", Bo Ma", " and Cy Dee", " / Graphics by Tom Hale", "; Editing by Di Fox", " Comments to ann@tide.example",
	" contributed to this report.", " contributed reporting", " contribut", "ed.", "\n", " \n", "\n.", "(Reporting by Ann Lee)",
	" (Photo: Bo Ma)", ")", "）", "The harbour trust met again on Monday, ", "and the ferry runs all winter. ",
	"İ", "\u212a", "ſ", "\xff", "?", "??", "Top", "inſet "}

// mayBeArtifact says yes to every paragraph longer than maxShortArtifact
// that dropArtifactText takes or reads a credit from: on random long
// paragraphs of credit lines, "contributed" lines and notes, dropArtifact
// (with the cheap test) leaves the article as dropArtifactText alone does.
func TestMayBeArtifactKeepsLongCredits(t *testing.T) {
	r := rand.New(rand.NewSource(82))
	sameOnRandom[string]{name: "dropArtifact", plain: "dropArtifactText", fast: droppedBy(true), slow: droppedBy(false),
		hit: func(s string) bool { return strings.HasPrefix(s, "true") || strings.Contains(s, "Credits:[{") }, least: 300,
	}.check(t, 20000, func() string {
		if r.Intn(2) == 0 {
			return randomContributedLine(r)
		}
		for {
			s := randomText(r, longCreditPieces, 2+r.Intn(12))
			if n := len(strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))); n > maxShortArtifact && n <= maxQualifiedCreditLine+10 {
				return s
			}
		}
	})
}

// randomContributedLine makes a "contributed" line of four to seventeen
// names, maybe after an outlet's name, with each ending contributedRE
// takes and some it does not, sometimes broken over lines.
func randomContributedLine(r *rand.Rand) string {
	names := []string{"Ann Lee", "Bo Ma", "Cy Dee", "Di Fox", "Eve Park", "Li Wei", "Mo Tan", "Nora Quill", "Tom Hale"}
	var b strings.Builder
	if r.Intn(2) == 0 {
		b.WriteString("The Ledger's ")
	}
	n := 4 + r.Intn(14) // up to some 200 bytes: past maxCreditNote
	for i := range n {
		switch {
		case i == n-1:
			b.WriteString(" and ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(names[r.Intn(len(names))])
	}
	b.WriteString([]string{" contributed", " contributed reporting", " contributed to this report", " contributed to this story",
		" contributed to this article", " contributed to this news", " contributed\nto this\nstory"}[r.Intn(7)])
	if r.Intn(2) == 0 {
		b.WriteString(".")
	}
	return b.String()
}

// contributedLineGated and creditLineGated, each after its cheap test, read
// what contributedLine and creditLine read: on the rows of their rule
// files, random bylines, "contributed" lines and credit paragraphs.
func TestGatedCreditRulesAgree(t *testing.T) {
	n := 20000
	if testing.Short() {
		n /= shortFraction
	}
	show := func(v ...any) string { return fmt.Sprintf("%+v", v) }
	hit := func(s string) bool { return strings.HasSuffix(s, "true]") }
	for _, c := range []sameOnRandom[string]{
		{name: "contributedLineGated", plain: "contributedLine", hit: hit, least: n / 5,
			fast: func(s string) string { cs, ok := contributedLineGated(s); return show(cs, ok) },
			slow: func(s string) string { cs, ok := contributedLine(s); return show(cs, ok) }},
		{name: "creditLineGated", plain: "creditLine", hit: hit, least: n / 50,
			fast: func(s string) string { cs, ct, ok := creditLineGated(s); return show(cs, ct, ok) },
			slow: func(s string) string { cs, ct, ok := creditLine(s); return show(cs, ct, ok) }},
	} {
		rows := c
		rows.least = 3
		agreesOnRows(t, rows, n, "contributedLine", "creditLine")
		r := rand.New(rand.NewSource(int64(len(c.name))))
		c.check(t, n, func() string {
			if r.Intn(2) == 0 {
				return strings.ReplaceAll(randomContributedLine(r), "\n", " ")
			}
			return strings.TrimSpace(strings.ReplaceAll(randomText(r, longCreditPieces, 1+r.Intn(8)), "\n", " "))
		})
	}
}

// settle makes the crossheads of a body in one allocation: a body with
// six of them between long paragraphs costs no more allocations than one
// with one, and each crosshead is a Heading with its text.
func TestSettleCrossheadsAllocateOnce(t *testing.T) {
	long := "The ferry runs all winter, the mayor said on Tuesday, and the crews cleared the road by noon again."
	body := func(heads int) []bodyText {
		texts := []bodyText{{text: long, words: countWords(long)}}
		for i := range heads {
			h := fmt.Sprintf("Consent %d", i)
			texts = append(texts, bodyText{text: h, words: 2}, bodyText{text: long, words: countWords(long)})
		}
		return texts
	}
	allocs := func(heads int) float64 {
		texts := body(heads)
		return testing.AllocsPerRun(50, func() {
			var a Article
			a.settle(texts)
		})
	}
	var a Article
	a.settle(body(6))
	for i := 1; i < len(a.Body); i += 2 {
		if h, ok := a.Body[i].(*Heading); !ok || h.Content != fmt.Sprintf("Consent %d", i/2) {
			t.Fatalf("block %d is %#v, want the crosshead Consent %d", i, a.Body[i], i/2)
		}
	}
	if one, six := allocs(1), allocs(6); six > one {
		t.Errorf("settle allocates %v times for six crossheads, %v for one", six, one)
	}
}

// finishArticle keeps a short body's paragraphs and texts on its stack
// (the pull-quote filter keeps no reference to them): for two paragraphs
// or finishReserve, it allocates the body's list of blocks and their
// paragraphs, and the run allocates the Article, nothing more.
func TestFinishArticleKeepsShortBodyOnStack(t *testing.T) {
	for _, n := range []int{2, finishReserve} {
		var paras []para
		for i := range n {
			paras = append(paras, para{lines: []string{fmt.Sprintf("The ferry ran all winter, the mayor said, on the route of boat number %d.", i)}})
		}
		allocs := testing.AllocsPerRun(20, func() {
			var a Article
			finishArticle(&a, paras)
		})
		if allocs > 3 {
			t.Errorf("finishArticle allocates %v times for %d paragraphs, want 3: the article, its blocks and paragraphs", allocs, n)
		}
	}
}
