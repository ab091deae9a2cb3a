package convert

import "testing"

func TestBodyByline(t *testing.T) {
	for _, tc := range []struct{ in, name, place, rest string }{
		{"J. L. MORENO Desde que el puerto cerró, nadie pesca.", "J. L. Moreno", "", "Desde que el puerto cerró, nadie pesca."},
		{"POR ANA RUIZ MADRID. El gobierno anunció ayer el cierre.", "Ana Ruiz", "MADRID", "El gobierno anunció ayer el cierre."},
		{"BY RUTH OKAFOR The ferry kept running.", "Ruth Okafor", "", "The ferry kept running."},
		{"THE WORLD'S largest port closed on Monday.", "", "", ""},
		{"RUTH OKAFOR has run the ferry for years.", "", "", ""}, // no lead, no initial: a lead-in in capitals
		{"IT WAS a dark night at the harbour.", "", "", ""},
		{"BEIJING - The conference opened.", "", "", ""},
	} {
		name, place, rest, ok := bodyByline(tc.in)
		if ok != (tc.name != "") || ok && (name != tc.name || place != tc.place || rest != tc.rest) {
			t.Errorf("bodyByline(%q) = %q, %q, %q, %v; want %q, %q, %q", tc.in, name, place, rest, ok, tc.name, tc.place, tc.rest)
		}
	}
}
