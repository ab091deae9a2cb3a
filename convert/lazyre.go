package convert

import (
	"regexp"
	"sync"
	"sync/atomic"
)

// A lazyRegexp is a regular expression compiled on its first use rather
// than at package initialisation, so that start-up (`newsclip --help`, a
// batch of PDFs) does not pay for the dozens of expressions the text rules
// hold. It has the methods of *regexp.Regexp the package uses, with the
// same results; compiling is safe for concurrent first use (sync.OnceValue).
// Every lazyRegexp is listed in lazyRegexps, so a test can compile them all:
// a bad expression would otherwise panic only when first used.
type lazyRegexp struct {
	re       func() *regexp.Regexp
	compiled atomic.Bool // set once re has compiled (see warmPDFRules)
}

// lazyRegexps lists every lazyRegexp of the package, in declaration order.
var lazyRegexps []*lazyRegexp

// lazyRE returns expr as a lazyRegexp; it panics at first use when expr
// does not compile, as regexp.MustCompile does at once.
func lazyRE(expr string) *lazyRegexp {
	return lazyREOf(func() string { return expr })
}

// lazyREOf returns the expression built by build, a function of the rule
// tables, as a lazyRegexp: the building too waits for the first use.
func lazyREOf(build func() string) *lazyRegexp {
	l := &lazyRegexp{}
	l.re = sync.OnceValue(func() *regexp.Regexp {
		re := regexp.MustCompile(build())
		l.compiled.Store(true)
		return re
	})
	lazyRegexps = append(lazyRegexps, l)
	return l
}

func (l *lazyRegexp) MatchString(s string) bool { return l.re().MatchString(s) }

func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.re().FindStringSubmatch(s) }

func (l *lazyRegexp) FindStringIndex(s string) []int { return l.re().FindStringIndex(s) }

func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.re().FindStringSubmatchIndex(s)
}

func (l *lazyRegexp) FindAllString(s string, n int) []string { return l.re().FindAllString(s, n) }

func (l *lazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.re().FindAllStringSubmatchIndex(s, n)
}

func (l *lazyRegexp) ReplaceAllString(src, repl string) string {
	return l.re().ReplaceAllString(src, repl)
}

func (l *lazyRegexp) Split(s string, n int) []string { return l.re().Split(s, n) }

func (l *lazyRegexp) FindString(s string) string { return l.re().FindString(s) }
