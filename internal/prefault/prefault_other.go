//go:build !(linux && cgo)

package prefault

// heapPopulated is false: nothing is populated off Linux or without cgo.
var heapPopulated bool

func imagePopulated() (populated, size int) { return 0, 0 }
