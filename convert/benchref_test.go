package convert

import (
	"testing"

	"newsclip/internal/benchref"
)

// vsSHA256 reports a finished throughput benchmark's ratio to SHA-256 over
// the same bytes (see benchref.SHA256); it lives here so that each
// benchmark needs one line and no import.
func vsSHA256(b *testing.B, datas ...[]byte) { benchref.SHA256(b, datas...) }
