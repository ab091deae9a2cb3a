package pdfgen

import "strings"

// Golden cases of many articles in one file: clipping compilations (an
// index page, then each article under its source line) and newspaper
// pages holding several stories. All text is the team's own.

func init() {
	register("compilation-index", compilationIndex)
	register("compilation-source-above", compilationSourceAbove)
	register("page-three-stories", pageThreeStories)
	register("page-inside-folio", pageInsideFolio)
	register("page-two-pages-pullquote", pageTwoPages)
	register("compilation-index-only-fr", compilationIndexOnly)
}

// flow sets paragraphs in Courier at size points in a column width
// points wide from x, first baseline at top, on size*1.2 leading, each
// line one run; paragraphs after the first open with a two-space indent.
// It returns the runs and the baseline the next line would take.
func flow(x, width, top, size float64, paras []string) ([]Run, float64) {
	chars := int(width / (0.6 * size))
	var runs []Run
	y := top
	for i, p := range paras {
		line := ""
		if i > 0 {
			line = "  "
		}
		for _, w := range strings.Fields(p) {
			if strings.TrimSpace(line) != "" && len(line)+1+len(w) > chars {
				runs = append(runs, Run{X: x, Y: y, Size: size, Text: line})
				y -= 1.2 * size
				line = ""
			}
			if strings.TrimSpace(line) != "" {
				line += " "
			}
			line += w
		}
		runs = append(runs, Run{X: x, Y: y, Size: size, Text: line})
		y -= 1.2 * size
	}
	return runs, y
}

// pageFoot is the compilation's own foot line, repeated on every page
// with its page number.
func pageFoot(label string, n int) Run {
	return Run{X: 72, Y: 36, Size: 8, Text: label + " - " + string(rune('0'+n))}
}

// A clip is one article of a compilation.
type clip struct {
	headline, paper, date, page, byline string
	body                                []string
}

// sourceLine is the line a clipping service sets under a headline:
// "Harbour Courier 03-05-2023 (p.4)".
func (c clip) sourceLine() string { return c.paper + " " + c.date + " (p." + c.page + ")" }

// A heading is one line set over a clip's body: text in size points,
// drop points below the clip's top baseline.
type heading struct {
	text       string
	size, drop float64
}

// setClip sets a compilation article in the page's one column (from x 72,
// 468 points wide) from baseline top: its heading lines, then the body
// paragraphs in 10 pt from bodyDrop points below top. It returns the runs
// and the baseline the next article takes, 24 points below the body's
// next line.
func setClip(top, bodyDrop float64, heads []heading, body []string) ([]Run, float64) {
	var runs []Run
	for _, h := range heads {
		runs = append(runs, Run{X: 72, Y: top - h.drop, Size: h.size, Text: h.text})
	}
	more, next := flow(72, 468, top-bodyDrop, 10, body)
	return append(runs, more...), next - 24
}

// indexEntry is an index line of a compilation: the entry, a dot leader
// to the 70th character, then the page.
func indexEntry(entry, page string) string {
	return entry + strings.Repeat(".", 70-len([]rune(entry))) + " " + page
}

var harbourClips = clipsOf("harbour")

// compilationIndex is a press review as a press office sends it: an index
// page of "Headline (Source) .... page" lines, then four articles from two
// papers, each headline over a "Source dd-mm-yyyy (p.N)" line and a
// byline, the third running over two pages; every page has the review's
// own foot line.
func compilationIndex() []byte {
	index := []Run{
		{X: 72, Y: 720, Size: 16, Text: "Press review"},
		{X: 72, Y: 700, Size: 10, Text: "Harbour Council press office, 3 May 2023"},
	}
	pages := []int{2, 2, 3, 4}
	for i, c := range harbourClips {
		entry := indexEntry(c.headline+" ("+c.paper+") ", string(rune('0'+pages[i])))
		index = append(index, Run{X: 72, Y: 660 - 16*float64(i), Size: 10, Text: entry})
	}
	out := [][]Run{append(index, pageFoot("Press review", 1))}
	page, y := []Run{}, 720.0
	for i, c := range harbourClips {
		heads := []heading{{c.headline, 14, 0}, {c.sourceLine(), 8, 16}, {c.byline, 10, 32}}
		if i == 2 {
			// The third article fills its page and runs over.
			runs, _ := setClip(y, 50, heads, c.body[:5])
			out = append(out, append(append(page, runs...), pageFoot("Press review", len(out)+1)))
			page, y = setClip(720, 0, nil, c.body[5:])
			continue
		}
		runs, next := setClip(y, 50, heads, c.body)
		page, y = append(page, runs...), next
		if i == 1 {
			out = append(out, append(page, pageFoot("Press review", len(out)+1)))
			page, y = nil, 720
		}
	}
	out = append(out, append(page, pageFoot("Press review", len(out)+1)))
	return Build(out)
}

// compilationSourceAbove is a German press review: an index of
// "Headline  Source  page" set as three columns, then each article under
// a "Quelle: Paper, dd.mm.yyyy, Seite N" line set above its headline.
func compilationSourceAbove() []byte {
	clips := clipsOf("hafen")
	index := []Run{{X: 72, Y: 720, Size: 16, Text: "Pressespiegel"}}
	for i, c := range clips {
		y := 680 - 16*float64(i)
		index = append(index,
			Run{X: 72, Y: y, Size: 10, Text: c.headline},
			Run{X: 340, Y: y, Size: 10, Text: c.paper},
			Run{X: 520, Y: y, Size: 10, Text: string(rune('2' + i/2))})
	}
	out := [][]Run{index}
	var page []Run
	y := 720.0
	for i, c := range clips {
		source := "Quelle: " + c.paper + ", " + c.date + ", Seite " + c.page
		runs, next := setClip(y, 52, []heading{{source, 8, 0}, {c.headline, 14, 18}, {c.byline, 10, 34}}, c.body)
		page, y = append(page, runs...), next
		if i == 1 || i == len(clips)-1 {
			out = append(out, page)
			page, y = nil, 720
		}
	}
	return Build(out)
}

// A story is one article of a newspaper page: headline in its own size,
// byline and body.
type story struct {
	headline string
	size     float64
	byline   string
	body     []string
}

// setStory sets a story at x in a column width points wide from top: the
// headline (wrapped), the byline and the body in body-point type. It
// returns the runs and the next free baseline.
func setStory(s story, x, width, top, body float64) ([]Run, float64) {
	runs, y := flow(x, width, top, s.size, []string{s.headline})
	y -= 0.4 * body
	if s.byline != "" {
		runs = append(runs, Run{X: x, Y: y, Size: body, Text: s.byline})
		y -= 1.8 * body
	}
	more, y := flow(x, width, y, body, s.body)
	return append(runs, more...), y
}

// setLead sets a front page's lead story across its two 260-point
// columns (x 36 and 316) from baseline top: the headline wrapped across
// both (540 points), the byline 4 points under it in 9 pt, and the body
// in 9 pt from 22 points under the headline, its first split paragraphs
// in the left column and the rest in the right. It returns the runs and
// the lower of the two columns' next baselines.
func setLead(s story, top float64, split int) ([]Run, float64) {
	runs, y := flow(36, 540, top, s.size, []string{s.headline})
	runs = append(runs, Run{X: 36, Y: y - 4, Size: 9, Text: s.byline})
	left, yl := flow(36, 260, y-22, 9, s.body[:split])
	right, yr := flow(316, 260, y-22, 9, s.body[split:])
	return append(append(runs, left...), right...), min(yl, yr)
}

// pageThreeStories is a front page: the masthead, a folio line with the
// date, a lead story under a 24 pt headline set across two columns, and
// two stories side by side under it, with 16 pt and 13 pt headlines, all
// in 9 pt body type and each with a byline.
func pageThreeStories() []byte {
	runs := []Run{
		{X: 120, Y: 745, Size: 30, Text: "THE HARBOUR COURIER"},
		{X: 36, Y: 712, Size: 8, Text: "Tuesday, 3 May 2023 | No. 4512 | Price 1.50"},
	}
	lead := storiesOf("front-lead")[0]
	leadRuns, y := setLead(lead, 670, len(lead.body)/2)
	runs = append(runs, leadRuns...)
	top := y - 30
	ferry := storiesOf("front-ferry")[0]
	library := storiesOf("front-library")[0]
	a, _ := setStory(ferry, 36, 260, top, 9)
	b, _ := setStory(library, 316, 260, top, 9)
	runs = append(append(runs, a...), b...)
	return Build([][]Run{runs})
}

// pageInsidePage is an inside page: a folio line in the top margin
// ("4 | The Harbour Courier | Tuesday, 3 May 2023") and three stories in
// three columns with 18, 14 and 11 pt headlines over 8 pt body type; the
// third has no byline.
func pageInsideFolio() []byte {
	runs := []Run{{X: 36, Y: 760, Size: 8, Text: "4 | The Harbour Courier | Tuesday, 3 May 2023"}}
	stories := storiesOf("inside-folio")
	for i, s := range stories {
		r, _ := setStory(s, 36+float64(i)*184, 172, 710, 8)
		runs = append(runs, r...)
	}
	return Build([][]Run{runs})
}

// pageTwoPages is a two-page paper: the front page has a masthead over
// the lead story's headline and no folio line, the lead story in two
// columns, then a second story whose
// pull quote (in display type, repeating its text) sits in mid-column; the
// second page's folio ("2 | Harbour Courier | 3 May 2023") is read as a
// running head, and its two stories sit side by side.
func pageTwoPages() []byte {
	front := []Run{{X: 100, Y: 745, Size: 32, Text: "HARBOUR COURIER"}}
	lead := storiesOf("storm-lead")[0]
	leadRuns, y := setLead(lead, 700, 2)
	front = append(front, leadRuns...)
	dunes := storiesOf("dunes")[0]
	left, yl := setStory(dunes, 36, 260, y-24, 9)
	quote := []Run{{X: 36, Y: yl - 6, Size: 14, Text: "The dunes will stand up"}, {X: 36, Y: yl - 23, Size: 14, Text: "better to winter storms"}}
	more, _ := flow(36, 260, yl-44, 9, []string{"The next planting day is in March, when the school will join in with two classes."})
	front = append(append(append(front, left...), quote...), more...)
	inside := []Run{{X: 36, Y: 765, Size: 8, Text: "2 | Harbour Courier | 3 May 2023"}}
	for i, s := range storiesOf("inside-two") {
		r, _ := setStory(s, 36+float64(i)*280, 260, 720, 9)
		inside = append(inside, r...)
	}
	return Build([][]Run{front, inside})
}

// compilationIndexOnly is a French press review without source lines:
// the index names each article's source ("Titre (Journal, date) ....
// page"), and the articles follow under their headlines in display type.
func compilationIndexOnly() []byte {
	clips := clipsOf("port")
	index := []Run{{X: 72, Y: 720, Size: 16, Text: "Revue de presse"}}
	for i, c := range clips {
		entry := indexEntry(c.headline+" ("+c.paper+", "+c.date+") ", "2")
		index = append(index, Run{X: 72, Y: 680 - 16*float64(i), Size: 10, Text: entry})
	}
	var page []Run
	y := 720.0
	for _, c := range clips {
		runs, next := setClip(y, 24, []heading{{c.headline, 14, 0}}, c.body)
		page, y = append(page, runs...), next
	}
	return Build([][]Run{index, page})
}
