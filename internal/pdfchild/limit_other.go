//go:build !unix

package pdfchild

import "time"

// limitData does nothing where there is no setrlimit; the time limit still
// applies.
func limitData(uint64) {}

// processCPU reports -1: this process's CPU time is not read here, and
// the time limit counts wall-clock time.
func processCPU() time.Duration { return -1 }
