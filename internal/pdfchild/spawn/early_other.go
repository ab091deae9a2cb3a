//go:build !(linux && cgo)

package spawn

// constructed returns nil: without cgo (or off Linux) no C constructor
// starts a child before the runtime, and init starts it (Early).
func constructed() *Child { return nil }

// startedBeforeRuntime reports false: no C constructor starts a child.
func startedBeforeRuntime() bool { return false }
