//go:build !(linux && cgo)

package prefault

// heapPopulated is 0: nothing is populated off Linux or without cgo.
var heapPopulated int

func imagePopulated() (populated, size int) { return 0, 0 }
