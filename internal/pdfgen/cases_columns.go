package pdfgen

func init() {
	register("columns-3-1em-gutters", columns3Narrow)
}

// columns3Narrow is a page of three justified columns of 9 pt type whose
// gutters are one em (9 pt) wide, the narrow gutters of real newspaper
// pages, under a 20 pt headline: reading straight across the columns
// would interleave their lines.
func columns3Narrow() []byte {
	paras := []string{
		"The harbour board met on Tuesday to weigh the plan for the northern quay. " +
			"Members heard from engineers, traders and the ferry company before the vote was put off. " +
			"The chairman said the board would publish the costings within a month.",
		"Fishermen said the new moorings would crowd the slipway in the winter months. " +
			"Their association asked for a second ramp on the eastern side of the basin. " +
			"Several skippers spoke against dredging during the spawning season.",
		"A decision is expected after the public consultation closes next spring. " +
			"Residents can send comments by post or at the library on Quay Street until then.",
	}
	runs := []Run{{X: 36, Y: 740, Size: 20, Text: "Harbour board weighs quay plan"}}
	runs = append(runs, Justified(3, 9, 2.5, 9, 700, paras)...)
	return Build([][]Run{runs})
}
