package pdfgen

// Golden cases for text fidelity: fonts and text spaces that real
// newspaper PDFs use and a reader gets wrong in ways a user sees (words
// out of order, quotes gone, hyphens left in), a browser's print of an
// article, and a photo credit printed sideways.

import (
	"fmt"
	"strings"
)

func init() {
	register("negative-font-size", negativeFontSize)
	register("std14-no-widths", std14NoWidths)
	register("winansi-quotes", winAnsiQuotes)
	register("soft-hyphens", softHyphens)
	register("browser-print", browserPrint)
	register("rotated-credit", rotatedCredit)
}

// show is the content stream operators that draw s (Latin-1, see
// Literal) in font at size points from (x, y); flipped draws it with a
// negative font size in a text matrix turned half round (-1 0 0 -1), two
// flips that cancel, so the text reads upright.
func show(font string, size, x, y float64, s string, flipped bool) string {
	if flipped {
		return fmt.Sprintf("BT /%s %g Tf -1 0 0 -1 %g %g Tm %s Tj ET\n", font, -size, x, y, Literal(s))
	}
	return fmt.Sprintf("BT /%s %g Tf %g %g Td %s Tj ET\n", font, size, x, y, Literal(s))
}

// page lays out a headline in 20 pt and paragraphs of lines in 10 pt on
// 12 pt leading in font, from the top of a US Letter page: every
// paragraph after the first opens with a 12 pt indent and a 6 pt space.
func page(font, headline string, paras [][]string, flipped bool) string {
	var c strings.Builder
	c.WriteString(show(font, 20, 72, 720, headline, flipped))
	y := 684.0
	for i, p := range paras {
		for j, l := range p {
			x := 72.0
			if i > 0 && j == 0 {
				x += 12
				y -= 6
			}
			c.WriteString(show(font, 10, x, y, l, flipped))
			y -= 12
		}
	}
	return c.String()
}

// harbourParas is the body text most cases set: two paragraphs of
// Courier lines at most 70 characters long.
var harbourParas = [][]string{
	{"The harbour board met on Tuesday to weigh the plan for the northern",
		"quay. Members heard from engineers, traders and the ferry company",
		"before the vote was put off until the spring."},
	{"Fishermen said the new moorings would crowd the slipway in winter.",
		"Their association asked for a second ramp on the eastern side."},
}

// negativeFontSize draws a headline and two paragraphs with a negative
// font size (Tf -10) in a text matrix turned half round, as archive
// exporters write pages: the text reads upright, in order, at 10 pt.
func negativeFontSize() []byte {
	return BuildRaw([]string{page("F1", "Quay vote put off", harbourParas, true)}, "")
}

// afmWidths are the advance widths, in 1/1000 em, of the characters the
// std14-no-widths case sets, from Adobe's AFM metrics of Helvetica and
// Times-Roman. The case needs them to place each word where a producer
// that knows the metrics would; the reader gets its own from a table
// generated from the fonts' AFM files.
var afmWidths = map[string]map[rune]int{
	"H": {' ': 278, '.': 278, ',': 278, 'L': 556, 'T': 611, 'I': 278, 'q': 556, 'k': 500, 'a': 556, 'b': 556, 'c': 500, 'd': 556, 'e': 556,
		'f': 278, 'g': 556, 'h': 556, 'i': 222, 'l': 222, 'm': 833, 'n': 556, 'o': 556, 'p': 556,
		'r': 333, 's': 500, 't': 278, 'u': 556, 'w': 722, 'y': 500},
	"T": {' ': 250, '.': 250, ',': 250, 'L': 611, 'T': 611, 'I': 333, 'q': 500, 'k': 500, 'a': 444, 'b': 500, 'c': 444, 'd': 500, 'e': 444,
		'f': 333, 'g': 500, 'h': 500, 'i': 278, 'l': 278, 'm': 778, 'n': 500, 'o': 500, 'p': 500,
		'r': 333, 's': 389, 't': 278, 'u': 500, 'w': 722, 'y': 500},
}

// placedWords draws each word of line on its own at the position the
// font's AFM metrics give it (one word space after the word before), as
// producers that justify or kern lines do. It panics on a character
// afmWidths lacks: a case that uses one is a bug in this package.
func placedWords(font string, size, x, y float64, line string) string {
	var c strings.Builder
	for _, w := range strings.Fields(line) {
		c.WriteString(show(font, size, x, y, w, false))
		for _, r := range w + " " {
			adv, ok := afmWidths[font][r]
			if !ok {
				panic(fmt.Sprintf("pdfgen: no width for %q in font %s", r, font))
			}
			x += float64(adv) * size / 1000
		}
	}
	return c.String()
}

// std14NoWidths sets a headline and a paragraph in Helvetica and one in
// Times-Roman, fonts of the standard 14 drawn without /Widths, each word
// placed by the fonts' metrics. Narrow letters (i, l, t) make words far
// shorter than half an em per letter: a reader that guesses widths
// overlaps the words and reorders or joins them.
func std14NoWidths() []byte {
	var c strings.Builder
	c.WriteString(placedWords("H", 20, 72, 720, "Little tidal lift for the pilots"))
	for i, l := range []string{
		"The pilots said the tidal lift is still a little late in the day.",
		"It will be tested at the quay this autumn, a pilot said.",
	} {
		c.WriteString(placedWords("H", 10, 72, 684-12*float64(i), l))
	}
	for i, l := range []string{
		"The lift is built to suit tall ships and small boats alike, and it",
		"will be run by the pilots until the harbour board finds a firm.",
	} {
		c.WriteString(placedWords("T", 10, 84, 654-12*float64(i), l))
	}
	return BuildRaw([]string{c.String()}, "")
}

// winAnsiTrueType adds, as /Q, a TrueType font (not embedded) in
// WinAnsiEncoding with /Widths, as word processors write Arial.
func winAnsiTrueType(add func(string) int) string {
	widths := strings.TrimSpace(strings.Repeat("600 ", 224))
	return fmt.Sprintf("/Q %d 0 R", add(fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /Arial /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [%s] >>", widths)))
}

// winAnsiQuotes sets text with the WinAnsi codes above 0x7F that Latin-1
// lacks: curly quotes 0x91-0x94, the euro 0x80 and the dashes 0x96 and
// 0x97, in a TrueType font (/Q) and in the Type 1 Courier (/F1).
func winAnsiQuotes() []byte {
	paras := [][]string{
		{"\u0093We will not wait,\u0094 the ferry company\u0092s chief said \u0096",
			"the quay costs \u00804 million \u0097 and asked for the \u0091fast\u0092 plan."},
		{"The board\u0092s chair said the \u0093plan\u0094 would be published soon."},
	}
	c := page("Q", "Ferry firm\u0092s \u0093fast\u0094 plan", paras[:1], false)
	c += show("F1", 10, 84, 636, paras[1][0], false)
	return BuildRaw([]string{c}, "", winAnsiTrueType)
}

// softHyphens breaks words at line ends with a soft hyphen (WinAnsi
// 0xAD), as layout programs export discretionary hyphens, and keeps one
// inside a line, where it is invisible: the reader joins both words.
func softHyphens() []byte {
	paras := [][]string{
		{"The harbour board met on Tues\u00ad",
			"day to weigh the plan for the north\u00ad",
			"ern quay and its ferry\u00adboat ramp."},
		{"A decision is expected after the consul\u00ad",
			"tation closes next spring."},
	}
	return BuildRaw([]string{page("F1", "Quay plan weighed", paras, false)}, "")
}

// printMargins is what a browser prints in a page's margins: the date
// and time and the page title at the top, the address and the page
// count at the bottom, in 8 pt.
func printMargins(n, of int) string {
	return show("F1", 8, 36, 770, "12/6/16, 12:14 PM", false) +
		show("F1", 8, 220, 770, "Quay plan put off | Coast Weekly", false) +
		show("F1", 8, 36, 20, "https://coast.example/news/2016/12/quay-plan-put-off", false) +
		show("F1", 8, 560, 20, fmt.Sprintf("%d/%d", n, of), false)
}

// showLines is the content stream operators that draw lines in font F1
// at 10 pt on 12 pt leading from (x, y), the first baseline; an empty
// line is left blank.
func showLines(x, y float64, lines []string) string {
	var c strings.Builder
	for _, l := range lines {
		if l != "" {
			c.WriteString(show("F1", 10, x, y, l, false))
		}
		y -= 12
	}
	return c.String()
}

// browserPrint is an article printed from a browser over two pages: the
// print header and footer on each, a breadcrumb trail over the headline,
// the byline and date the site prints under it, a paragraph that runs on
// over the page break with a compound broken after its hyphen ("cost-/
// benefit"), and a tag list at the end. The publication is only in the
// page title ("Headline | Site"); the document names Chrome as creator.
func browserPrint() []byte {
	var p1 strings.Builder
	p1.WriteString(printMargins(1, 2))
	p1.WriteString(show("F1", 8, 72, 736, "HOME \u009b NEWS \u009b HARBOUR", false))
	p1.WriteString(show("F1", 20, 72, 706, "Quay plan put off", false))
	p1.WriteString(show("F1", 9, 72, 684, "By Ann Lee", false))
	p1.WriteString(show("F1", 9, 72, 672, "December 6, 2016", false))
	body1 := showLines(72, 640, []string{
		"The harbour board put off its vote on the northern quay on Tuesday",
		"after engineers asked for more time to study the tides.",
		"",
		"Members said the delay would cost the ferry company a season, and",
		"traders on Quay Street asked the board to publish its cost-",
		"benefit figures before spring. The chairman said the board would",
	})
	p1.WriteString(body1)
	body2 := showLines(72, 736, []string{
		"meet again in January to hear the fishermen and the harbour master.",
		"",
		"Tags: Harbour, Quay Street, Ferries",
	})
	return WithInfo(BuildRaw([]string{p1.String(), printMargins(2, 2) + body2}, ""), map[string]string{
		"Creator":  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
		"Producer": "Skia/PDF m120",
	})
}

// rotatedCredit is a page with a headline over two columns; the right
// column starts under a picture (left blank) whose photo credit runs up
// its right edge in 6 pt, inside the page's text area.
func rotatedCredit() []byte {
	left := []string{
		"The harbour board put off",
		"its vote on the northern",
		"quay on Tuesday after the",
		"engineers asked for more",
		"time to study the tides.",
		"Members said the delay",
		"would cost the ferry firm",
		"a season on the crossing.",
	}
	right := []string{
		"Traders on Quay Street",
		"asked the board to publish",
		"its costings in spring.",
	}
	runs := []Run{{X: 72, Y: 720, Size: 20, Text: "Quay vote put off"}}
	for i, l := range left {
		runs = append(runs, Run{X: 72, Y: 690 - 12*float64(i), Size: 10, Text: l})
	}
	for i, l := range right {
		runs = append(runs, Run{X: 260, Y: 630 - 12*float64(i), Size: 10, Text: l})
	}
	runs = append(runs, Run{X: 420, Y: 642, Size: 6, Text: "PHOTO: ANN LEE/COAST WEEKLY", Up: true})
	return Build([][]Run{runs})
}
