//go:build !unix

package input

import "os"

// readFile reads name with the os package: stat, then ReadAll of the
// opened file.
func readFile(name string, limit int64) ([]byte, error) {
	fi, err := os.Stat(name)
	switch {
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, errIsDir
	case fi.Mode().IsRegular() && fi.Size() > limit:
		return nil, tooLarge(limit)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, limit)
}
