package convert

import "testing"

func TestIsPlaceholder(t *testing.T) {
	rows(t, "isPlaceholder", isPlaceholder, map[string]bool{
		" ??  ?? ":           true,
		"??":                 true,
		"?? ?? ??\u00a0":     true,
		"?":                  false, // one mark is punctuation
		"Why?? Nobody knows": false,
		"":                   false,
	})
}

func TestPressReaderFooter(t *testing.T) {
	rows3(t, "pressReaderFooter", pressReaderFooter, map[string]three[string, string, bool]{
		"Newspapers in German":                    {"de", "", true},
		"Newspapers in Español":                   {"es", "", true},
		"Newspapers from New Zealand":             {"", "New Zealand", true},
		"Newspapers in Klingon":                   {"", "", true}, // a footer, language unknown
		"Newspapers in the harbour town sold out": {"", "", false},
		"Newspapers from 1990":                    {"", "", false},
		"The newspapers in English were late":     {"", "", false},
	})
}

func TestIsContinuedLine(t *testing.T) {
	rows(t, "isContinuedLine", isContinuedLine, map[string]bool{
		"Continued on page 7":     true,
		"(Continued from B2)":     true,
		"Cont'd on A9":            true,
		"See HARBOUR, Page 12":    true,
		"Fortsetzung auf Seite 5": true,
		"Suite en page 8":         true,
		"Vervolg op pagina 3":     true,
		"Continued talks failed on Monday, the mayor said.": false,
		"See you at the harbour":                            false,
		"Suite 400, Harbour House":                          false,
	})
}

func TestIsCopyright(t *testing.T) {
	rows(t, "isCopyright", isCopyright, map[string]bool{
		"Copyright 2019 Harbour Media Ltd.":             true,
		"(c) 2020 The Ledger":                           true,
		"© 2021 Tidewatch":                              true,
		"All Rights Reserved":                           true,
		"The copyright belongs to the city":             false,
		"All rights reserved, the label said, and more": false,
	})
}

func TestIsFurniture(t *testing.T) {
	rows(t, "isFurniture", isFurniture, map[string]bool{
		"SIGN UP FOR OUR NEWSLETTER":      true,
		"Share on Facebook":               true,
		"Tweet":                           true,
		"Continue reading the main story": true,
		"Follow @tidewatch":               true,
		"12 Comments":                     true,
		"4 min read":                      true,
		"Jetzt teilen":                    true,
		"Follow the money, she said.":     false,
		"12 comments were left":           false,
		"Share prices fell on Monday":     false,
		"Sign up for the harbour walk, a weekly newsletter from the trust. It is free!": false,
	})
}
