// Command mkclips writes N synthetic PressReader-style clippings for
// benchmarks: mkclips -n 1000 -o DIR; or, with -export MB, one
// LexisNexis-style export of about that many megabytes: mkclips -export
// 200 -o big.txt (see internal/synth).
package main

import (
	"bufio"
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
	export := flag.Int("export", 0, "write one LexisNexis-style export of about `MB` megabytes to -o")
	flag.Parse()
	r := rand.New(rand.NewSource(1))
	if *export > 0 {
		writeExport(r, *out, *export<<20)
		return
	}
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

// writeExport writes documents until the file holds at least size bytes.
// The marker's total is not known in advance: it is written as 999999, as
// exports cut from a larger search print it.
func writeExport(r *rand.Rand, path string, size int) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i, n := 1, 0; n < size; i++ {
		m, _ := w.WriteString(synth.LexisDocument(r, i, 999999))
		n += m
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
