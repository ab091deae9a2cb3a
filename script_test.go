package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"newsclip/internal/pdfchild"
	"newsclip/internal/pdfgen"
)

func TestMain(m *testing.M) {
	// Tests that need a real process to kill re-run this binary as newsclip.
	if os.Getenv("NEWSCLIP_TEST_MAIN") == "1" || len(os.Args) > 1 && os.Args[1] == pdfchild.Command {
		os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"newsclip": func() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI as a black box: testdata/script/*.txtar.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			// UTF-16 and binary inputs are made here: txtar holds text.
			utf16le := []byte{0xFF, 0xFE}
			utf16be := []byte{0xFE, 0xFF}
			var noBOM []byte
			for _, r := range "Storm Warning\n\nBy Ana Lima\n\nThe storm reached the coast at dawn, and the café stayed open.\n" {
				utf16le = append(utf16le, byte(r), byte(r>>8))
				utf16be = append(utf16be, byte(r>>8), byte(r))
				noBOM = append(noBOM, byte(r), byte(r>>8))
			}
			for _, f := range []string{"groff-3col.pdf", "groff-4col.pdf", "encrypted-rc4-40.pdf", "encrypted-rc4-128.pdf", "encrypted-aes-128.pdf"} {
				data, err := os.ReadFile(filepath.Join("testdata", "pdf", strings.Replace(f, "encrypted-", "encrypted/", 1)))
				if err != nil {
					return err
				}
				os.WriteFile(filepath.Join(env.WorkDir, f), data, 0o644)
			}
			// A content stream with an unterminated hex string makes the
			// PDF library loop forever: the time limit must stop it.
			os.WriteFile(filepath.Join(env.WorkDir, "hang.pdf"), hangingPDF(), 0o644)
			png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 64)...)
			for name, data := range map[string][]byte{
				"utf16le.txt": utf16le, "utf16be.txt": utf16be, "utf16-nobom.txt": noBOM,
				"image.png": png, "nul.txt": []byte("A headline\n\nSome text\x00with a NUL byte.\n"),
			} {
				if err := os.WriteFile(filepath.Join(env.WorkDir, name), data, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// mkzip OUT NAME=FILE...: a zip archive whose entries hold the
			// named files of the work folder, the first one stored (as the
			// mimetype of OpenDocument and EPUB containers is).
			"mkzip": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: mkzip OUT NAME=FILE...")
				}
				var buf bytes.Buffer
				zw := zip.NewWriter(&buf)
				for i, a := range args[1:] {
					name, file, ok := strings.Cut(a, "=")
					if !ok {
						ts.Fatalf("mkzip: %q: want NAME=FILE", a)
					}
					method := zip.Deflate
					if i == 0 {
						method = zip.Store
					}
					w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
					ts.Check(err)
					w.Write([]byte(ts.ReadFile(file)))
				}
				ts.Check(zw.Close())
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
			},
			// schema FILE [lines]: every article in FILE (a JSON array, or
			// JSON Lines with "lines") matches the published JSON Schema.
			"schema": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 1 {
					ts.Fatalf("usage: schema FILE [lines]")
				}
				data := []byte(ts.ReadFile(args[0]))
				st := &scriptT{ts: ts}
				n := validateArticles(st, data, len(args) > 1 && args[1] == "lines")
				if (st.failed || n == 0) != neg {
					ts.Fatalf("schema check of %s: failed=%v articles=%d", args[0], st.failed, n)
				}
			},
		},
		Condition: func(cond string) (bool, error) {
			_, err := exec.LookPath(cond)
			return err == nil, nil
		},
	})
}

// scriptT adapts a TestScript to schemaReporter.
type scriptT struct {
	ts     *testscript.TestScript
	failed bool
}

func (s *scriptT) Helper()                           {}
func (s *scriptT) Fatalf(format string, args ...any) { s.ts.Fatalf(format, args...) }
func (s *scriptT) Errorf(format string, args ...any) {
	s.ts.Logf(format, args...)
	s.failed = true
}

// hangingPDF is a PDF of nested forms (see pdfgen.Nested) that takes
// minutes to read.
func hangingPDF() []byte { return pdfgen.Nested(1, 8, 16) }
