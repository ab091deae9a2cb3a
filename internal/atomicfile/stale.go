package atomicfile

import (
	"os"
	"path/filepath"
)

// RemoveStale removes, in each folder of targets, the temporary files
// that were meant to become one of targets (and no others: another shard
// may be writing other names there). Call it only as LockDir's whileAlone:
// then no other run is writing in the output folder.
func RemoveStale(targets []string) {
	dirs := map[string]map[string]bool{}
	for _, t := range targets {
		dir := filepath.Dir(t)
		if dirs[dir] == nil {
			dirs[dir] = map[string]bool{}
		}
		dirs[dir][filepath.Base(t)] = true
	}
	for dir, names := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if target, ok := TempTarget(e.Name()); ok && names[target] {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}
