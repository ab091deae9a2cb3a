//go:build !unix

package main

// limitData does nothing where there is no setrlimit; the time limit still
// applies.
func limitData(uint64) {}
