//go:build !race

package convert

// raceEnabled: see pdfgc_race_test.go.
const raceEnabled = false
