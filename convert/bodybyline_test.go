package convert

import "testing"

func TestBodyByline(t *testing.T) {
	type found struct {
		name, place, rest string
		ok                bool
	}
	// byline is bodyByline's results, all blank where it finds no byline.
	byline := func(in string) found {
		if name, place, rest, ok := bodyByline(in); ok {
			return found{name, place, rest, true}
		}
		return found{}
	}
	rows(t, "bodyByline", byline, map[string]found{
		"J. L. MORENO Desde que el puerto cerró, nadie pesca.":     {"J. L. Moreno", "", "Desde que el puerto cerró, nadie pesca.", true},
		"POR ANA RUIZ MADRID. El gobierno anunció ayer el cierre.": {"Ana Ruiz", "MADRID", "El gobierno anunció ayer el cierre.", true},
		"BY RUTH OKAFOR The ferry kept running.":                   {"Ruth Okafor", "", "The ferry kept running.", true},
		"THE WORLD'S largest port closed on Monday.":               {},
		"RUTH OKAFOR has run the ferry for years.":                 {}, // no lead, no initial: a lead-in in capitals
		"IT WAS a dark night at the harbour.":                      {},
		"BEIJING - The conference opened.":                         {},
	})
}
