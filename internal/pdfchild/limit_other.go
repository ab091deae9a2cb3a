//go:build !unix

package pdfchild

// limitData does nothing where there is no setrlimit; the time limit still
// applies.
func limitData(uint64) {}
