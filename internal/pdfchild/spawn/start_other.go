//go:build !unix

package spawn

import "os"

// startProcess starts exe as an extraction child with files as its
// standard streams.
func startProcess(exe string, files []*os.File) (*os.Process, error) {
	return os.StartProcess(exe, []string{exe, Command}, &os.ProcAttr{Files: files, Sys: sysAttr()})
}
