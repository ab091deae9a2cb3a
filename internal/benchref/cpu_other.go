//go:build !unix

package benchref

import "time"

var origin = time.Now()

// cpuTime falls back to wall time where getrusage is missing.
func cpuTime() time.Duration { return time.Since(origin) }
