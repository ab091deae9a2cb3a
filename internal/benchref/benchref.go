// Package benchref gives throughput benchmarks an in-run reference:
// absolute MB/s do not carry from one machine (or one noisy minute) to
// another, the ratio to SHA-256 over the same bytes in the same run does.
package benchref

import (
	"crypto/sha256"
	"testing"
	"time"
)

// minRefTime is how long the reference runs, at least (one pass at least).
const minRefTime = 100 * time.Millisecond

// SHA256 reports, for a benchmark that has finished its b.Loop and
// processed all of datas once per op, two metrics: "x-sha256", its
// throughput divided by SHA-256's over the same bytes (so 0.07 means 7% of
// SHA-256's MB/s), and "sha256-MB/s", the reference itself (MB = 1e6
// bytes, as the testing package counts). It also sets the benchmark's
// bytes per op to the total of datas when b.SetBytes was not called.
func SHA256(b *testing.B, datas ...[]byte) {
	b.Helper()
	b.StopTimer()
	total := 0
	for _, d := range datas {
		total += len(d)
	}
	if b.N == 0 || total == 0 {
		return
	}
	b.SetBytes(int64(total))
	perOp := b.Elapsed().Seconds() / float64(b.N) // seconds per op
	refBps := Rate(datas, total)                  // bytes per second
	b.ReportMetric(float64(total)/perOp/refBps, "x-sha256")
	b.ReportMetric(refBps/1e6, "sha256-MB/s")
}

// Rate returns SHA-256's throughput over datas (total bytes) in bytes per
// second, hashing each element separately as many times as fit in
// minRefTime.
func Rate(datas [][]byte, total int) float64 {
	start := time.Now()
	passes := 0
	for passes == 0 || time.Since(start) < minRefTime {
		for _, d := range datas {
			sha256.Sum256(d)
		}
		passes++
	}
	return float64(total) * float64(passes) / time.Since(start).Seconds()
}
