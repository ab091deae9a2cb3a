//go:build !(linux && cgo)

package spawn

// Supervised reports false: without cgo (or off Linux) no supervisor
// watches the process, and its PDFs are read in children.
func Supervised() bool { return false }

// SetPage does nothing without a supervisor.
func SetPage(int) {}

// SetExtracting does nothing without a supervisor.
func SetExtracting(bool) {}

// SupervisedInput returns "": no run is supervised here.
func SupervisedInput([]string) string { return "" }

// Progress returns 0 and false: no process is supervised here.
func Progress() (page int, extracting bool) { return 0, false }
