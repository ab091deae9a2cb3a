package convert

import (
	"testing"

	"newsclip/internal/benchref"
)

// startRef starts a throughput benchmark's in-run reference (see
// benchref.Start); it lives here so that each benchmark needs two lines
// and no import.
func startRef(b *testing.B) *benchref.Run { return benchref.Start(b) }
