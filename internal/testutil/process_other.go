//go:build !unix

package testutil

import "os/exec"

// ChildDiesWithParent needs a unix system (process ids, signals): here it
// fails t at once. Its tests skip before calling it.
func ChildDiesWithParent(t Fataler, parent *exec.Cmd) {
	t.Fatal("ChildDiesWithParent needs a unix system")
}
