package convert

import (
	"math/rand"
	"testing"
)

// TestAppendISOMatchesFmt checks the hand-written digits against fmt's
// %04d-%02d-%02d on random dates, in and beyond the ranges the fast path
// takes: negative, five-digit and zero fields.
func TestAppendISOMatchesFmt(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	pick := func(vals ...int) int { return vals[r.Intn(len(vals))] }
	for range 100000 {
		d := Date{Year: pick(0, 1, 9, 10, 999, 1000, 2026, 9999, 10000, -1, -2026, r.Intn(20000)-5000),
			Month: pick(0, 1, 9, 10, 12, 13, 99, 100, -1, r.Intn(200)-50),
			Day:   pick(0, 1, 9, 10, 31, 99, 100, -1, r.Intn(200)-50)}
		if got, want := d.ISO(), d.isoByFmt(); got != want {
			t.Fatalf("%+v: ISO() = %q, fmt gives %q", d, got, want)
		}
	}
}
