package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"newsclip/convert"
	"newsclip/formats"
	"newsclip/internal/pdfgen"
)

var update = flag.Bool("update", false, "rewrite the expected outputs of golden files")

// articleSchema is the published JSON Schema, compiled once.
var articleSchema = func() *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(formats.Schema))
	if err != nil {
		panic(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // "format": "date" rejects 2021-02-31
	if err := c.AddResource("article.json", doc); err != nil {
		panic(err)
	}
	return c.MustCompile("article.json")
}()

// schemaReporter is the part of testing.TB the schema check needs, so that
// testscript commands can use it too.
type schemaReporter interface {
	Helper()
	Fatalf(format string, args ...any)
	Errorf(format string, args ...any)
}

// validateArticles checks every article of a JSON array or JSON Lines
// stream against the published schema.
func validateArticles(t schemaReporter, data []byte, lines bool) int {
	t.Helper()
	var docs [][]byte
	if lines {
		for _, l := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
			if len(l) > 0 {
				docs = append(docs, l)
			}
		}
	} else {
		var arr []json.RawMessage
		if err := json.Unmarshal(data, &arr); err != nil {
			t.Fatalf("output is not a JSON array: %v", err)
		}
		for _, a := range arr {
			docs = append(docs, a)
		}
	}
	for i, d := range docs {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(d))
		if err != nil {
			t.Fatalf("article %d: not JSON: %v", i, err)
		}
		if err := articleSchema.Validate(v); err != nil {
			t.Errorf("article %d does not match the schema: %v", i, err)
		}
	}
	return len(docs)
}

// TestGolden runs every case in testdata/convert: the input file of each
// txtar is converted and its JSON (want.json), Markdown (want.md) or error
// (want.err) compared with the file beside it. go test -update rewrites them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/convert/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input *txtar.File
			for i := range ar.Files {
				if strings.HasPrefix(ar.Files[i].Name, "input") {
					input = &ar.Files[i]
				}
			}
			if input == nil {
				t.Fatal("no input file")
			}
			got := map[string][]byte{}
			doc, err := convert.Convert(input.Name, input.Data)
			if err != nil {
				got["want.err"] = []byte(err.Error() + "\n")
			} else {
				var js, md bytes.Buffer
				if err := formats.WriteJSON(&js, []*convert.Document{doc}, false); err != nil {
					t.Fatal(err)
				}
				validateArticles(t, js.Bytes(), false)
				checkJSONLines(t, doc)
				if err := formats.WriteMarkdown(&md, []*convert.Document{doc}); err != nil {
					t.Fatal(err)
				}
				got["want.json"], got["want.md"] = js.Bytes(), md.Bytes()
			}
			if *update {
				var files []txtar.File
				files = append(files, *input)
				for _, name := range []string{"want.err", "want.json", "want.md"} {
					if data, ok := got[name]; ok {
						files = append(files, txtar.File{Name: name, Data: data})
					}
				}
				ar.Files = files
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range ar.Files {
				if f.Name == input.Name {
					continue
				}
				g, ok := got[f.Name]
				if !ok {
					t.Errorf("%s expected but not produced (run go test -update after checking)", f.Name)
					continue
				}
				if !bytes.Equal(g, f.Data) {
					t.Errorf("%s differs (go test -update rewrites it):\n%s", f.Name, lineDiff(string(f.Data), string(g)))
				}
				delete(got, f.Name)
			}
			for name := range got {
				t.Errorf("%s produced but not in the golden file (run go test -update)", name)
			}
		})
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestGoldenPDF converts the team's PDFs and compares the JSON with
// testdata/pdf/NAME.want.json: the files in testdata/pdf (made by
// testdata/pdf/make.sh with groff) and the cases package pdfgen builds
// in memory (pdfgen.Cases). go test -update rewrites the expectations.
func TestGoldenPDF(t *testing.T) {
	files, _ := filepath.Glob("testdata/pdf/*.pdf")
	if len(files) == 0 {
		t.Fatal("no PDFs in testdata/pdf")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			checkGoldenPDF(t, filepath.Base(file), data, strings.TrimSuffix(file, ".pdf")+".want.json")
		})
	}
	for _, name := range pdfgen.Cases() {
		t.Run(name, func(t *testing.T) {
			data, _ := pdfgen.Case(name)
			checkGoldenPDF(t, name+".pdf", data, filepath.Join("testdata", "pdf", name+".want.json"))
		})
	}
}

// checkGoldenPDF converts the PDF data, read as name, and compares its
// JSON with the file want (or rewrites want under -update).
func checkGoldenPDF(t *testing.T, name string, data []byte, want string) {
	t.Helper()
	doc, err := convert.Convert(name, data)
	if err != nil {
		t.Fatal(err)
	}
	var js bytes.Buffer
	if err := formats.WriteJSON(&js, []*convert.Document{doc}, false); err != nil {
		t.Fatal(err)
	}
	validateArticles(t, js.Bytes(), false)
	if *update {
		if err := os.WriteFile(want, js.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	w, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("%v (run go test -update after checking the output)", err)
	}
	if !bytes.Equal(w, js.Bytes()) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", want, lineDiff(string(w), js.String()))
	}
}

// checkJSONLines holds the JSON Lines writer (hand-written for speed) to
// what encoding/json writes for the same articles.
func checkJSONLines(t *testing.T, doc *convert.Document) {
	t.Helper()
	var jl bytes.Buffer
	if err := formats.WriteJSON(&jl, []*convert.Document{doc}, true); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	for _, a := range doc.Articles {
		if err := enc.Encode(formats.Wire(doc, a)); err != nil {
			t.Fatal(err)
		}
	}
	if jl.String() != want.String() {
		t.Errorf("JSON Lines differ from encoding/json:\n%s", lineDiff(want.String(), jl.String()))
	}
	validateArticles(t, jl.Bytes(), true)
}

// TestSchemaRejectsImpossibleDates: the published schema accepts dates as
// precise as printed and refuses a date the calendar does not have.
func TestSchemaRejectsImpossibleDates(t *testing.T) {
	doc := &convert.Document{Source: convert.Source{File: "a.txt", Format: "text", SHA256: strings.Repeat("0", 64)},
		Articles: []*convert.Article{{Headline: "A", Body: []convert.Block{&convert.Paragraph{Content: "B."}}}}}
	for date, ok := range map[string]bool{"2021-02-28": true, "2021-02": true, "2021": true, "2021-02-31": false, "2021-13": false, "2021-00-10": false} {
		var buf bytes.Buffer
		formats.WriteJSON(&buf, []*convert.Document{doc}, true)
		line := strings.Replace(buf.String(), `"date":null`, `"date":"`+date+`"`, 1)
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
		if err != nil {
			t.Fatal(err)
		}
		if err := articleSchema.Validate(v); (err == nil) != ok {
			t.Errorf("date %q: schema error %v, want valid=%v", date, err, ok)
		}
	}
}
