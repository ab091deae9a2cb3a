// Package benchref gives throughput benchmarks an in-run reference:
// absolute MB/s do not carry from one machine (or one noisy minute) to
// another, the ratio to SHA-256 over the same bytes in the same run does.
// Both sides of the ratio are measured in CPU time of this process (user
// plus system, all threads, so garbage collection counts), so that other
// processes competing for the cores do not skew it as they skew MB/s.
package benchref

import (
	"crypto/sha256"
	"testing"
	"time"
)

// minRefTime is how long the reference runs, at least (one pass at least).
const minRefTime = 100 * time.Millisecond

// A Run is a benchmark's timed loop, started by Start just before b.Loop.
type Run struct {
	b     *testing.B
	start time.Duration // CPU time of the process at Start
}

// Start marks the start of the timed loop; call it after the set-up,
// right before `for b.Loop()`.
func Start(b *testing.B) *Run { return &Run{b: b, start: cpuTime()} }

// SHA256 ends the run, whose every op processed all of datas once: it sets
// the bytes per op to their total and reports "x-sha256", the benchmark's
// throughput divided by SHA-256's over the same bytes (0.07 means 7% of
// SHA-256's speed), both in CPU time, and "sha256-MB/s", the reference's
// throughput (MB = 1e6 bytes, as the testing package counts; CPU time).
func (r *Run) SHA256(datas ...[]byte) {
	b := r.b
	b.Helper()
	b.StopTimer()
	cpu := cpuTime() - r.start
	total := 0
	for _, d := range datas {
		total += len(d)
	}
	if b.N == 0 || total == 0 || cpu <= 0 {
		return
	}
	b.SetBytes(int64(total))
	perOp := cpu.Seconds() / float64(b.N) // CPU seconds per op
	refBps := Rate(datas, total)          // bytes per CPU second
	b.ReportMetric(float64(total)/perOp/refBps, "x-sha256")
	b.ReportMetric(refBps/1e6, "sha256-MB/s")
}

// Rate returns SHA-256's throughput over datas (total bytes) in bytes per
// CPU second, hashing each element separately, in as many passes as fit in
// minRefTime of wall time.
func Rate(datas [][]byte, total int) float64 {
	start, cpu0 := time.Now(), cpuTime()
	passes := 0
	for passes == 0 || time.Since(start) < minRefTime {
		for _, d := range datas {
			sha256.Sum256(d)
		}
		passes++
	}
	cpu := cpuTime() - cpu0
	if cpu <= 0 {
		cpu = time.Since(start)
	}
	return float64(total) * float64(passes) / cpu.Seconds()
}
