package pdftext

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"newsclip/internal/pdfgen"
)

var columnParas = []string{
	"Alpha one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
	"Bravo one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
	"Charlie one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
	"Delta one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
}

// TestNarrowGutters: five columns of 8 pt type with 2 pt word spaces and
// 4.5 pt gutters read column by column: the gutter is narrow in ems but
// wide against the page's own word spacing.
func TestNarrowGutters(t *testing.T) {
	text := plainText(t, pdfgen.Build([][]pdfgen.Run{pdfgen.Justified(5, 8, 2, 4.5, 700, columnParas)}))
	got := strings.Join(strings.Fields(text), " ")
	if want := strings.Join(columnParas, " "); got != want {
		t.Errorf("read across the columns:\n got %s\nwant %s", got, want)
	}
}

// TestMirroredTextSpace: a page drawn in a flipped coordinate system
// (1 0 0 -1 0 792 cm) with a negative font size and negative horizontal
// scaling, as some archive exporters write it, reads as upright text with
// its word spaces, in its own font size.
func TestMirroredTextSpace(t *testing.T) {
	content := "1 0 0 -1 0 792 cm BT /F1 -10 Tf -100 Tz 1 0 0 1 72 100 Tm (Upside down) Tj ET " +
		"BT /F1 -10 Tf -100 Tz 1 0 0 1 72 112 Tm [(and)-150(spaced)-150(by)-150(kerning)] TJ ET"
	pt, err := Extract(pdfgen.BuildRaw([]string{content}, ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := paragraphsString(pt); got != "Upside down\nand spaced by kerning" {
		t.Errorf("got %q", got)
	}
	if l := pt.Pages[0].Lines[0]; l.Size != 10 || l.Y != 692 {
		t.Errorf("line at y %g size %g, want 692 and 10", l.Y, l.Size)
	}
}

func TestIsPrintMargin(t *testing.T) {
	p := Page{Bottom: 0, Top: 792}
	for _, tc := range []struct {
		text string
		y    float64
		want bool
	}{
		{"1 of 2", 17, true},
		{"2 of 2 12/6/16, 12:14 PM", 17, true},
		{"Record catch in the bay, and why it matters to the whole coast ... http://gazette.example/2012/08/2", 770, true},
		{"12/6/16, 12:14 PM Record catch", 770, true},
		{"See http://gazette.example for the full table of catches.", 400, false}, // not at an edge
		{"One of the boats", 770, false},
		{"Page 3 of the report", 17, false},
	} {
		if got := isPrintMargin(Line{Text: tc.text, Y: tc.y}, p); got != tc.want {
			t.Errorf("%q at %g: got %v", tc.text, tc.y, got)
		}
	}
}

// TestLayoutCases checks each case of testdata/layout: a page drawn from
// runs of Courier (`-- runs --`, one a line: x and y of the baseline's
// start and the font size, in points, then the text) or from a content
// stream as written (`-- content --`, fonts as pdfgen.BuildRaw has them),
// and the paragraphs read from it (`-- want --`: lines joined by a
// newline, paragraphs by a blank line). The comment above the sections
// says what the case is for.
func TestLayoutCases(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "layout", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no layout cases: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]string{}
			for _, f := range ar.Files {
				sections[f.Name] = strings.TrimSuffix(string(f.Data), "\n")
			}
			pdf := pdfgen.BuildRaw([]string{sections["content"]}, "")
			if _, ok := sections["content"]; !ok {
				runs, err := parseRuns(sections["runs"])
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				pdf = pdfgen.Build([][]pdfgen.Run{runs})
			}
			if got, want := plainText(t, pdf), sections["want"]; got != want {
				t.Errorf("%s:\n got %q\nwant %q", path, got, want)
			}
		})
	}
}

// parseRuns reads a layout case's runs: "x y size text" a line.
func parseRuns(s string) ([]pdfgen.Run, error) {
	var runs []pdfgen.Run
	for i, line := range strings.Split(s, "\n") {
		f := strings.SplitN(line, " ", 4)
		if len(f) < 4 {
			return nil, fmt.Errorf("runs line %d: want x, y, size and text: %q", i+1, line)
		}
		var n [3]float64
		for j := range n {
			v, err := strconv.ParseFloat(f[j], 64)
			if err != nil {
				return nil, fmt.Errorf("runs line %d: %v", i+1, err)
			}
			n[j] = v
		}
		runs = append(runs, pdfgen.Run{X: n[0], Y: n[1], Size: n[2], Text: f[3]})
	}
	return runs, nil
}

// TestWiderThanGaps checks the shortcut of cut: the bands of at least 1.5
// em are the 0.3 em bands filtered by width, for extents in any order
// (some starting level with others) and a positive size.
func TestWiderThanGaps(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 400 {
		size := 1 + rng.Float64()*20
		iv := make([]interval, 1+n%40)
		for i := range iv {
			lo := float64(rng.IntN(60)) * size / 4 // level starts are common
			hi := lo + float64(rng.IntN(8))*size/4 // so are bands of exactly 1.5 em
			if n%2 == 0 {
				hi = lo + rng.Float64()*2*size
			}
			iv[i] = interval{lo, hi}
		}
		want := gaps(slices.Clone(iv), 1.5*size)
		got := widerThan(gaps(slices.Clone(iv), 0.3*size), 1.5*size)
		if !slices.Equal(got, want) {
			t.Fatalf("size %v, %v: widerThan gives %v, gaps %v", size, iv, got, want)
		}
	}
}

// TestEdgeGapsAgree checks edgeGaps against gaps on random extents that
// start no later than they end: many start level, many end level, some
// touch, some are points, some are infinite.
func TestEdgeGapsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var los, his []float64
	var bits []uint64
	for n := range 2000 {
		iv := make([]interval, 1+n%50)
		for i := range iv {
			lo := float64(rng.IntN(40))
			iv[i] = interval{lo, lo + float64(rng.IntN(6))*rng.Float64()}
			if rng.IntN(8) == 0 {
				iv[i].hi = lo + float64(rng.IntN(3)) // ends level with others
			}
			if rng.IntN(40) == 0 {
				iv[i] = interval{math.Inf(-1), math.Inf(rng.IntN(2)*2 - 1)}
			}
		}
		minGap := []float64{0.25, 1, 2.5, math.SmallestNonzeroFloat64}[n%4]
		want := gaps(slices.Clone(iv), minGap)
		if got := edgeGaps(iv, minGap, &los, &his, &bits); !slices.Equal(got, want) {
			t.Fatalf("minGap %v, %v: edgeGaps gives %v, gaps %v", minGap, iv, got, want)
		}
	}
}
