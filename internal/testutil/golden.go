package testutil

import (
	"path/filepath"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
)

// GoldenInputs returns the inputs of the golden cases in dir (the files
// named "input.*" inside each NAME.txtar there, testdata/convert in the
// project), in file-name order: seeds for fuzz targets and benchmarks.
func GoldenInputs(t Fataler, dir string) [][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatal("no golden cases in ", dir)
	}
	var inputs [][]byte
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range ar.Files {
			if strings.HasPrefix(file.Name, "input.") {
				inputs = append(inputs, file.Data)
			}
		}
	}
	return inputs
}
