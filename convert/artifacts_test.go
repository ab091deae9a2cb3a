package convert

import "testing"

func TestIsPlaceholder(t *testing.T) {
	for in, want := range map[string]bool{
		" ??  ?? ":           true,
		"??":                 true,
		"?? ?? ??\u00a0":     true,
		"?":                  false, // one mark is punctuation
		"Why?? Nobody knows": false,
		"":                   false,
	} {
		if got := isPlaceholder(in); got != want {
			t.Errorf("isPlaceholder(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestPressReaderFooter(t *testing.T) {
	for _, tc := range []struct {
		in, lang, country string
		ok                bool
	}{
		{"Newspapers in German", "de", "", true},
		{"Newspapers in Español", "es", "", true},
		{"Newspapers from New Zealand", "", "New Zealand", true},
		{"Newspapers in Klingon", "", "", true}, // a footer, language unknown
		{"Newspapers in the harbour town sold out", "", "", false},
		{"Newspapers from 1990", "", "", false},
		{"The newspapers in English were late", "", "", false},
	} {
		lang, country, ok := pressReaderFooter(tc.in)
		if lang != tc.lang || country != tc.country || ok != tc.ok {
			t.Errorf("pressReaderFooter(%q) = %q, %q, %v; want %q, %q, %v", tc.in, lang, country, ok, tc.lang, tc.country, tc.ok)
		}
	}
}

func TestIsContinuedLine(t *testing.T) {
	for in, want := range map[string]bool{
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
	} {
		if got := isContinuedLine(in); got != want {
			t.Errorf("isContinuedLine(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIsCopyright(t *testing.T) {
	for in, want := range map[string]bool{
		"Copyright 2019 Harbour Media Ltd.":             true,
		"(c) 2020 The Ledger":                           true,
		"© 2021 Tidewatch":                              true,
		"All Rights Reserved":                           true,
		"The copyright belongs to the city":             false,
		"All rights reserved, the label said, and more": false,
	} {
		if got := isCopyright(in); got != want {
			t.Errorf("isCopyright(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIsFurniture(t *testing.T) {
	for in, want := range map[string]bool{
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
	} {
		if got := isFurniture(in); got != want {
			t.Errorf("isFurniture(%q) = %v, want %v", in, got, want)
		}
	}
}
