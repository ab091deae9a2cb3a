package formats

import (
	"io"
	"path/filepath"
	"strings"

	"newsclip/convert"
)

// Options are the settings a writer may use; the zero value is the
// default for every format.
type Options struct {
	EPUB EPUBOptions
}

// A Format is one output format: how it is named on the command line,
// the file ending of its outputs, and its writer.
type Format struct {
	Name    string   // "md"
	Aliases []string // other accepted names: "markdown"
	Ext     string   // file ending with its dot: ".md"
	Binary  bool     // never written to a terminal
	Write   func(w io.Writer, docs []*convert.Document, opts Options) error
}

// Table lists the output formats; the first is the default.
var Table = []Format{
	{Name: "md", Aliases: []string{"markdown"}, Ext: ".md",
		Write: func(w io.Writer, docs []*convert.Document, _ Options) error { return WriteMarkdown(w, docs) }},
	{Name: "json", Ext: ".json",
		Write: func(w io.Writer, docs []*convert.Document, _ Options) error { return WriteJSON(w, docs, false) }},
	{Name: "jsonl", Aliases: []string{"ndjson"}, Ext: ".jsonl",
		Write: func(w io.Writer, docs []*convert.Document, _ Options) error { return WriteJSON(w, docs, true) }},
	{Name: "epub", Ext: ".epub", Binary: true,
		Write: func(w io.Writer, docs []*convert.Document, o Options) error { return WriteEPUB(w, docs, o.EPUB) }},
}

// Lookup finds a format by name or alias, ignoring case; "" is the
// default (Markdown).
func Lookup(name string) (Format, bool) {
	if name == "" {
		return Table[0], true
	}
	for _, f := range Table {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
		for _, a := range f.Aliases {
			if strings.EqualFold(a, name) {
				return f, true
			}
		}
	}
	return Format{}, false
}

// Names lists the format names for messages: "md, json, jsonl or epub".
func Names() string {
	var b strings.Builder
	for i, f := range Table {
		switch {
		case i == len(Table)-1 && i > 0:
			b.WriteString(" or ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(f.Name)
	}
	return b.String()
}

// ForFile finds the format a file of this name would hold, by its ending,
// ignoring case: "out/all.EPUB" -> epub; ok is false for "notes" or
// "notes.txt".
func ForFile(name string) (Format, bool) { return ByExt(filepath.Ext(name)) }

// ByExt finds the format whose outputs end in ext (".epub"), ignoring case.
func ByExt(ext string) (Format, bool) {
	for _, f := range Table {
		if strings.EqualFold(f.Ext, ext) {
			return f, true
		}
	}
	return Format{}, false
}
