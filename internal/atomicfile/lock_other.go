//go:build !unix

package atomicfile

// LockDir is a no-op where flock is missing: alone is false and whileAlone
// is not called, so stale temporary files are left in place rather than
// risk removing live ones.
func LockDir(dir string, whileAlone func()) (alone bool, err error) { return false, nil }
