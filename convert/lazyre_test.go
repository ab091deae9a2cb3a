package convert

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
)

// TestLazyRegexpsCompile compiles every lazyRegexp of the package: since
// they compile on first use, a bad expression would otherwise panic only
// when some input first reaches its rule.
func TestLazyRegexpsCompile(t *testing.T) {
	if len(lazyRegexps) < 40 {
		t.Errorf("%d lazy regexps registered, want the package's 40 or more", len(lazyRegexps))
	}
	for i, l := range lazyRegexps {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("lazy regexp %d does not compile: %v", i, r)
				}
			}()
			l.re()
		}()
	}
}

// TestLazyRegexpMethods checks that a lazyRegexp answers as the compiled
// expression does, for each method the package uses.
func TestLazyRegexpMethods(t *testing.T) {
	const expr, s = `(\d+)-(\w+)`, "a 12-ab, 3-c and 45-def"
	l, re := lazyRE(expr), regexp.MustCompile(expr)
	lazyRegexps = lazyRegexps[:len(lazyRegexps)-1] // not one of the package's
	check := func(name string, got, want any) {
		t.Helper()
		if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
			t.Errorf("%s = %s, want %s", name, g, w)
		}
	}
	check("MatchString", l.MatchString(s), re.MatchString(s))
	check("FindStringSubmatch", l.FindStringSubmatch(s), re.FindStringSubmatch(s))
	check("FindStringIndex", l.FindStringIndex(s), re.FindStringIndex(s))
	check("FindStringSubmatchIndex", l.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s))
	check("FindAllString", l.FindAllString(s, -1), re.FindAllString(s, -1))
	check("FindAllStringSubmatchIndex", l.FindAllStringSubmatchIndex(s, 2), re.FindAllStringSubmatchIndex(s, 2))
	check("ReplaceAllString", l.ReplaceAllString(s, "<$2>"), re.ReplaceAllString(s, "<$2>"))
	check("Split", l.Split(s, -1), re.Split(s, -1))
}

// TestWarmPDFRules: the warm-up that ConvertPDF starts leaves every
// expression of pdfRegexps compiled, each a distinct one of the package's.
func TestWarmPDFRules(t *testing.T) {
	warmPDFRules()
	seen := map[*lazyRegexp]bool{}
	for i, l := range pdfRegexps {
		if seen[l] || !slices.Contains(lazyRegexps, l) {
			t.Errorf("pdfRegexps[%d] is listed twice or not a package expression", i)
		}
		seen[l] = true
		if !l.compiled.Load() {
			t.Errorf("pdfRegexps[%d] (%s) not compiled after warmPDFRules", i, l.re())
		}
	}
}
