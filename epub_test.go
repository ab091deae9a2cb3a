package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"newsclip/internal/synth"
)

// epubcheck returns the command that runs epubcheck: Debian installs it as
// a jar, which needs java.
func epubcheck(t *testing.T) []string {
	t.Helper()
	p := requireTool(t, "epubcheck")
	if real, err := filepath.EvalSymlinks(p); err == nil && strings.HasSuffix(real, ".jar") {
		return []string{requireTool(t, "java"), "-jar", real}
	}
	return []string{p}
}

// convertCLI runs newsclip in-process and fails the test on a non-zero exit.
func convertCLI(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append([]string{"newsclip", "convert", "-q"}, args...), strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("newsclip convert %v: exit %d\n%s", args, code, errb.String())
	}
	return out.Bytes()
}

// hostileClipping is a clipping full of what breaks XML and readers: markup
// characters, CDATA ends, form feeds and vertical tabs, a noncharacter,
// right-to-left Arabic, CJK, emoji and a 500-character headline.
func hostileClipping() string {
	long := strings.Repeat("Très long & <titre> ]]> ", 21)[:500]
	return "Al-Jarida & <Daily> ]]>\n\n" + long + "\n\n- By Ann <Lee> & Bo \"Ma\" Copyedited by Zoë O'Hara\n\n" +
		"Form\ffeed and vertical\vtab and a nonchar \uffff end; <script>alert(1)</script> & ]]> &amp; entity.\n\n" +
		"الصحافة العربية تكتب من اليمين إلى اليسار، وهذا نص تجريبي للاختبار.\n\n" +
		"中文新闻剪报测试，日本語の記事も含む。한국어 기사. Emoji 🗞️📰🙂 and a ZWJ 👩‍💻.\n\n" +
		"Newspapers in English\n\nNewspapers from Egypt\n"
}

// TestEPUBCheck validates four books with epubcheck: one article, a bundle
// of the shared corpus, one of hostile text, and 300 synthetic clippings
// grouped by date (files in input order, spine in date order). 0 errors,
// 0 warnings. Skipped with -short: epubcheck runs under java.
func TestEPUBCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("epubcheck is slow; run without -short")
	}
	check := epubcheck(t)
	dir := t.TempDir()
	hostile := filepath.Join(dir, "hostile.txt")
	os.WriteFile(hostile, []byte(hostileClipping()), 0o644)
	synthDir := filepath.Join(dir, "synth")
	os.Mkdir(synthDir, 0o755)
	r := rand.New(rand.NewSource(1))
	for i := range 300 {
		os.WriteFile(filepath.Join(synthDir, fmt.Sprintf("c%03d.txt", i)), []byte(synth.Clipping(r, i)), 0o644)
	}
	books := map[string][]string{
		"one.epub":     {"testdata/sample-clipping.txt"},
		"hostile.epub": {hostile},
		"date.epub":    {"--bundle", "--group-by", "date", synthDir},
	}
	if _, err := os.Stat("../shared/corpus"); err == nil {
		books["corpus.epub"] = []string{"--bundle", "../shared/corpus/pressreader", "../shared/corpus/lexisnexis", "../shared/corpus/web"}
	} else {
		t.Log("../shared/corpus missing: corpus bundle not checked")
	}
	for name, args := range books {
		out := filepath.Join(dir, name)
		convertCLI(t, append([]string{"--to", "epub", "-o", out}, args...)...)
		cmd := exec.Command(check[0], append(check[1:], out)...)
		msg, err := cmd.CombinedOutput()
		if err != nil || !bytes.Contains(msg, []byte("0 fatals / 0 errors / 0 warnings")) {
			t.Errorf("%s: epubcheck: %v\n%s", name, err, msg)
		}
	}
}

func readZipFile(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if r.File[0].Name != "mimetype" || r.File[0].Method != zip.Store {
		t.Errorf("first entry %s (method %d), want mimetype stored", r.File[0].Name, r.File[0].Method)
	}
	for _, f := range r.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	t.Fatalf("%s not in the book", name)
	return nil
}

func TestEPUBReproducible(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.epub"), filepath.Join(dir, "b.epub")
	inputs := []string{"testdata/sample-clipping.txt", goldenInputs(t)}
	convertCLI(t, append([]string{"--to", "epub", "--bundle", "-o", a}, inputs...)...)
	convertCLI(t, append([]string{"--to", "epub", "--bundle", "-j", "1", "-o", b}, inputs...)...)
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if len(da) == 0 || !bytes.Equal(da, db) {
		t.Fatalf("two runs differ (%d and %d bytes)", len(da), len(db))
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	convertCLI(t, append([]string{"--to", "epub", "--bundle", "-o", b}, inputs...)...)
	db, _ = os.ReadFile(b)
	opf := readZipFile(t, db, "EPUB/package.opf")
	if !bytes.Contains(opf, []byte("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>")) {
		t.Errorf("SOURCE_DATE_EPOCH not used:\n%s", opf)
	}
}

// opfElement is one element of package.opf's metadata, whatever its name
// (dc:title, dc:creator, meta ...).
type opfElement struct {
	XMLName  xml.Name
	ID       string `xml:"id,attr"`
	Refines  string `xml:"refines,attr"`
	Property string `xml:"property,attr"`
	Value    string `xml:",chardata"`
}

// opfMetadata reads the metadata elements of package.opf by local name.
func opfMetadata(t *testing.T, opf []byte) map[string][]opfElement {
	t.Helper()
	var pkg struct {
		Metadata struct {
			Elements []opfElement `xml:",any"`
		} `xml:"metadata"`
	}
	if err := xml.Unmarshal(opf, &pkg); err != nil {
		t.Fatal(err)
	}
	m := map[string][]opfElement{}
	for _, e := range pkg.Metadata.Elements {
		m[e.XMLName.Local] = append(m[e.XMLName.Local], e)
	}
	return m
}

// values lists the texts of elements.
func values(es []opfElement) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Value)
	}
	return out
}

// TestEPUBMetadata reads package.opf: authors, contributors with their MARC
// roles, date and publisher are those of the JSON.
func TestEPUBMetadata(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "clip.txt")
	os.WriteFile(in, []byte("The Example Post · 3 Feb 2021\n\nA Headline\n\n- By ANN LEE and Bo Ma Copyedited by Cy Dee Translated by Ed Fu\n\nBody text of the story, long enough.\n"), 0o644)
	var arts []struct {
		Publication string
		Date        string
		Authors     []struct{ Name string }
		Credits     []struct{ Name, Role string }
	}
	if err := json.Unmarshal(convertCLI(t, "--to", "json", in), &arts); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "clip.epub")
	convertCLI(t, "--to", "epub", "-o", out, in)
	data, _ := os.ReadFile(out)
	m := opfMetadata(t, readZipFile(t, data, "EPUB/package.opf"))
	roles := map[string]string{}
	for _, x := range m["meta"] {
		if x.Property == "role" {
			roles[strings.TrimPrefix(x.Refines, "#")] = x.Value
		}
	}
	var got, want []string
	for _, c := range m["creator"] {
		got = append(got, "aut:"+c.Value+":"+roles[c.ID])
	}
	for _, a := range arts[0].Authors {
		want = append(want, "aut:"+a.Name+":aut")
	}
	marc := map[string]string{"copyeditor": "edt", "translator": "trl"}
	for _, c := range m["contributor"] {
		got = append(got, "ctb:"+c.Value+":"+roles[c.ID])
	}
	for _, c := range arts[0].Credits {
		want = append(want, "ctb:"+c.Name+":"+marc[c.Role])
	}
	sort.Strings(got)
	sort.Strings(want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("people: got %v, want %v", got, want)
	}
	date, publisher, source := values(m["date"]), values(m["publisher"]), values(m["source"])
	if len(date) != 1 || date[0] != arts[0].Date || arts[0].Date != "2021-02-03" {
		t.Errorf("dc:date %v, JSON date %q", date, arts[0].Date)
	}
	if len(publisher) != 1 || publisher[0] != arts[0].Publication {
		t.Errorf("dc:publisher %v, JSON %q", publisher, arts[0].Publication)
	}
	title, id := values(m["title"]), values(m["identifier"])
	if fmt.Sprint(title) != "[A Headline]" || len(id) != 1 || !strings.HasPrefix(id[0], "urn:sha256:") || len(source) != 1 {
		t.Errorf("title %q identifier %q source %v", title, id, source)
	}
}

// TestEbookMeta asks calibre's ebook-meta, a real EPUB client, for the
// authors and publisher (Debian package calibre; required, like epubcheck,
// under NEWSCLIP_REQUIRE_TOOLS=1).
func TestEbookMeta(t *testing.T) {
	meta := requireTool(t, "ebook-meta")
	out := filepath.Join(t.TempDir(), "one.epub")
	convertCLI(t, "--to", "epub", "-o", out, "testdata/sample-clipping.txt")
	msg, err := exec.Command(meta, out).CombinedOutput()
	if err != nil {
		t.Fatalf("ebook-meta: %v\n%s", err, msg)
	}
	for _, want := range []string{"Tide Mill Reopens After Forty Years", "Mairead O'Neill", "The Harbour Gazette"} {
		if !bytes.Contains(msg, []byte(want)) {
			t.Errorf("ebook-meta lacks %q:\n%s", want, msg)
		}
	}
}

// goldenInputs copies the inputs of the golden cases into a folder, one
// .txt file each, and returns the folder.
func goldenInputs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob("testdata/convert/*.txtar")
	for _, f := range files {
		src := extractInput(t, f)
		data, _ := os.ReadFile(src)
		name := strings.TrimSuffix(filepath.Base(f), ".txtar") + ".txt"
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
