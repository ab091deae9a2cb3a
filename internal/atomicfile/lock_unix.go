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
// of the process and reports whether this run was alone there. Every run
// writes while holding the lock shared; a run that gets it exclusively
// first is alone and calls whileAlone (the removal of stale temporary
// files) before sharing it. Shared and exclusive holders exclude each
// other, so whileAlone never runs while another run writes: a run that
// arrives while another cleans waits for it.
func LockDir(dir string, whileAlone func()) (alone bool, err error) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return false, err
	}
	fd := int(f.Fd())
	if syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB) == nil {
		alone = true
		if whileAlone != nil {
			whileAlone()
		}
	}
	// From here on held shared. (Changing exclusive to shared may let an
	// exclusive taker in between; this process then blocks here until that
	// one has cleaned and shares the lock too, before writing anything.)
	if err := syscall.Flock(fd, syscall.LOCK_SH); err != nil {
		f.Close()
		return false, err
	}
	held = append(held, f) // kept open: the lock lives as long as the file
	return alone, nil
}

var held []*os.File
