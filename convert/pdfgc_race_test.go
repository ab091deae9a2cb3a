//go:build race

package convert

// raceEnabled: the race detector's shadow memory counts in the resident
// set, so that tests of memory use skip.
const raceEnabled = true
