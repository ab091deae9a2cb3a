//go:build !unix

package spawn

import "os"

// startProcess starts exe with args as an extraction child with files as
// its standard streams.
func startProcess(exe string, args []string, files []*os.File) (*os.Process, error) {
	return os.StartProcess(exe, args, &os.ProcAttr{Files: files, Sys: sysAttr()})
}
