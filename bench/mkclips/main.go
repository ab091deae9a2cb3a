// Command mkclips writes N synthetic PressReader-style clippings for
// benchmarks: mkclips -n 1000 -o DIR (see internal/synth).
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"path/filepath"

	"newsclip/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of clippings")
	out := flag.String("o", "clips", "output folder")
	per := flag.Int("per-dir", 500, "clippings per sub-folder")
	flag.Parse()
	r := rand.New(rand.NewSource(1))
	for i := 0; i < *n; i++ {
		dir := filepath.Join(*out, fmt.Sprintf("d%03d", i / *per))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("clip%06d.txt", i)), []byte(synth.Clipping(r, i)), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
