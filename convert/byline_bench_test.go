package convert

import "testing"

// bylineBenchLines are the header and body lines the byline rules see in
// a clipping: bylines with credits, bare names, and lines that are neither.
var bylineBenchLines = []string{
	"- By Ann Lee Copyedited by Dana Roe",
	"- By Bo Ma Copyedited by Eli Fox",
	"By JANE DOE and JOHN ROE, CNN",
	"By Mia Gold, Staff Writer | March 5, 2021",
	"Von Anna Schmidt und Jan Weber",
	"Inés Duarte",
	"Harbour council plans a new tram bridge",
	"The mayor said the vote would come early in the winter, before the budget.",
	"The Harbour Gazette · 3 Mar 2021",
}

// BenchmarkBylineChain runs the byline rules of a clipping's header over
// bylineBenchLines: isBylineLine and isBareName on each, applyByline on
// those they take.
func BenchmarkBylineChain(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range bylineBenchLines {
			a := Article{Publication: "The Harbour Gazette"}
			if isBylineLine(l) {
				a.applyByline(l, false)
			} else if isBareName(l) {
				a.applyByline(l, true)
			}
		}
	}
}

// BenchmarkApplyByline reads the byline of the synthetic clippings (a
// name and a copy editor) into an article.
func BenchmarkApplyByline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a := Article{Publication: "The Harbour Gazette"}
		a.applyByline("- By Ann Lee Copyedited by Dana Roe", false)
	}
}

// BenchmarkIsBylineLine tests a byline, a headline and a paragraph.
func BenchmarkIsBylineLine(b *testing.B) {
	for b.Loop() {
		isBylineLine("- By Ann Lee Copyedited by Dana Roe")
		isBylineLine("Harbour council plans a new tram bridge")
		isBylineLine("The mayor said the vote would come early in the winter, before the budget.")
	}
}
