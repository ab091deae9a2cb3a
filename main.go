// Command newsclip turns newspaper clippings into clean Markdown, JSON and
// JSON Lines. See README.md.
package main

import (
	"os"

	_ "newsclip/internal/prefault"
)

func main() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) }
