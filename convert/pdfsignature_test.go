package convert

// deskSignatureOf runs dropDeskSignature on an article of two paragraphs,
// "Erster Absatz." and last, and gives the text of the last block left and
// how many blocks are left, for its rule file.
func deskSignatureOf(last string) (string, int) {
	a := &Article{Body: []Block{&Paragraph{Content: "Erster Absatz."}, &Paragraph{Content: last}}}
	dropDeskSignature(a)
	return a.Body[len(a.Body)-1].Text(), len(a.Body)
}
