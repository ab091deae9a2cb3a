// Package md2man stands in for github.com/cpuguy83/go-md2man/v2/md2man,
// which go.mod replaces with this module: urfave/cli imports it for its
// App.ToMan and App.ToManWithSection alone, which newsclip never calls, and
// it brings the Markdown library blackfriday with it, whose initialisation
// (tables of HTML entities and the like) every run of newsclip paid for
// before it did anything: `newsclip --version` 20.0 -> 16.7 ms, a one-page
// PDF 33.3 -> 29.8 ms (medians of 21 interleaved runs; pdftotext -v takes
// 13.6 ms, the PDF 26.0 ms). Written by the newsclip team; it keeps the one
// function urfave/cli calls.
package md2man

// Render would turn Markdown into a roff man page. newsclip renders no man
// pages, so a call is a programming error: Render panics, saying so,
// rather than hand back text that is not roff.
func Render(doc []byte) []byte {
	panic("newsclip: man pages are not built in (go.mod replaces go-md2man; see internal/nomanpages)")
}
