// Command mkcases writes the team's golden test PDFs (package pdfgen's
// cases) into a folder, as NAME.pdf, to open them in a viewer or give
// them to pdftotext:
//
//	go run ./internal/pdfgen/mkcases /tmp/cases
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"newsclip/internal/pdfgen"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mkcases DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "mkcases:", err)
		os.Exit(1)
	}
	for _, name := range pdfgen.Cases() {
		data, _ := pdfgen.Case(name)
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "mkcases:", err)
			os.Exit(1)
		}
	}
}
