package pdfgen

import (
	"fmt"
	"maps"
	"slices"
)

// cases holds the team's golden test PDFs by name: each builds, from
// nothing but this package, a page that exercises one class of real
// newspaper PDF (a font quirk, a column layout, several articles in one
// file). The root package's TestGoldenPDF converts each and compares the
// JSON with testdata/pdf/NAME.want.json; `go run ./internal/pdfgen/mkcases
// DIR` writes them out as DIR/NAME.pdf for use with other tools.
var cases = map[string]func() []byte{}

// register adds a golden case; files of this package call it from init.
// A name is used once.
func register(name string, build func() []byte) {
	if _, dup := cases[name]; dup {
		panic(fmt.Sprintf("pdfgen: case %q registered twice", name))
	}
	cases[name] = build
}

// Cases returns the names of the golden cases, sorted.
func Cases() []string { return slices.Sorted(maps.Keys(cases)) }

// Case builds the golden case name; ok is false for an unknown name.
// The bytes are the same on every call.
func Case(name string) (pdf []byte, ok bool) {
	build, ok := cases[name]
	if !ok {
		return nil, false
	}
	return build(), true
}
