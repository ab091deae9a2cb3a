//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"syscall"
)

// lockName is the hidden file in an output folder that runs lock.
const lockName = ".newsclip.lock"

// LockDir takes the folder lock of dir (created if missing) for the life
// of the process. Every run holds it shared while it writes; alone reports
// whether no other live process held it when this one arrived, which is
// when the temporary files in dir can only be stale ones.
func LockDir(dir string) (alone bool, err error) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return false, err
	}
	fd := int(f.Fd())
	if syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB) == nil {
		alone = true
	}
	// Held shared from here on: others may write beside us, but none of
	// them will find itself alone. (A conversion from exclusive to shared
	// may let another process in between; it then finds no temporary file
	// of ours, since we write none before this returns.)
	if err := syscall.Flock(fd, syscall.LOCK_SH); err != nil {
		f.Close()
		return false, err
	}
	held = append(held, f) // kept open: the lock lives as long as the file
	return alone, nil
}

var held []*os.File
