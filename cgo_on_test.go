//go:build linux && cgo

package main

// supervisedBuild: this build runs a single PDF under a supervisor
// (package spawn's supervise_cgo.go).
const supervisedBuild = true
