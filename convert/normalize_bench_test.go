package convert

import "testing"

// finishBenchParas are the paragraphs a 1 KB clipping leaves as body: two
// paragraphs of running text, an image placeholder and PressReader's two
// footer lines.
var finishBenchParas = []para{
	{lines: []string{"Crews cleared the harbour road by noon, and the ferry ran again before the evening tide. The mayor said the budget would cover the repairs."}, line: 5},
	{lines: []string{"Residents of the west village had waited three days for the tram. The council will vote on the flood wall in the winter session."}, line: 7},
	{lines: []string{" ??  ??"}, line: 9},
	{lines: []string{"Newspapers in English"}, line: 11},
	{lines: []string{"Newspapers from United Kingdom"}, line: 13},
}

// BenchmarkFinishArticle runs the body rules on finishBenchParas.
func BenchmarkFinishArticle(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a := Article{Publication: "The Harbour Gazette"}
		finishArticle(&a, finishBenchParas)
	}
}
