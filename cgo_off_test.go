//go:build !(linux && cgo)

package main

// supervisedBuild: no supervisor in this build.
const supervisedBuild = false
