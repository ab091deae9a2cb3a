package convert

// The publication of a browser-printed article: its masthead is an image,
// but the browser prints the page's title, which most sites end with
// their name, in the print header and in the document's title.

import (
	"strings"
	"unicode"

	"newsclip/internal/pdftext"
)

// maxSiteWords bounds the words of a site name read from a page title.
const maxSiteWords = 6

// siteFromTitle reads the site's name from a page title that prints it
// beside the headline, after it or before it:
//
//	Harbour board weighs quay plan | Coast Weekly   -> "Coast Weekly"
//	Coast Weekly - Harbour board weighs quay plan   -> "Coast Weekly"
//	Harbour board weighs quay plan                  -> ""
//
// The separators are titleSeparators. The rest of the title must be the headline (the same words, case and
// punctuation aside), and the name at most maxSiteWords words, not a date
// or an address.
func siteFromTitle(title, headline string) string {
	want := plainWords(headline)
	if len(want) == 0 {
		return ""
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 {
			if site := strings.TrimSpace(title[i+len(sep):]); sameWords(plainWords(title[:i]), want) && isSiteName(site) {
				return site
			}
		}
		if i := strings.Index(title, sep); i > 0 {
			if site := strings.TrimSpace(title[:i]); sameWords(plainWords(title[i+len(sep):]), want) && isSiteName(site) {
				return site
			}
		}
	}
	return ""
}

// plainWords returns the words of s in lower case, letters and digits
// only, so that quotes and dashes do not tell a title from a headline.
func plainWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func sameWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isSiteName reports whether s can be a site's name: one to maxSiteWords
// words with a letter, not an address or a date.
func isSiteName(s string) bool {
	n := countWords(s)
	if n == 0 || n > maxSiteWords || !hasLetter(s) || strings.Contains(s, "://") || strings.HasPrefix(strings.ToLower(s), "www.") {
		return false
	}
	_, isDate := parseDate(s)
	return !isDate
}

// printTimeRE and printPageRE match the date and time and the page count
// a browser prints beside the page title in its print header or footer.
var (
	printTimeRE = lazyRE(`\b\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?: ?[AaPp][Mm])?`)
	printPageRE = lazyRE(`\b\d{1,4}(?: of |/)\d{1,4}\b`)
	printURLRE  = lazyRE(`(?i)(?:https?://|www\.)\S*`)
)

// printedTitle returns the page title in a browser's print header line,
// without the date and time, address and page count printed beside it:
//
//	12/6/16, 12:14 PM   Quay plan | Coast Weekly   -> "Quay plan | Coast Weekly"
func printedTitle(head string) string {
	for _, re := range []*lazyRegexp{printTimeRE, printURLRE, printPageRE} {
		head = re.ReplaceAllString(head, " ")
	}
	return strings.Join(strings.Fields(head), " ")
}

// printedSite finds the publication of a browser print whose article has
// the given headline: the site name of the document's title, or else of
// a page title in the print header or footer, or else the news site
// whose address a header or footer prints (siteOfAddress). It returns ""
// when none of them names a site.
func printedSite(t *pdftext.Text, headline string) string {
	if s := siteFromTitle(t.Title, headline); s != "" {
		return s
	}
	for _, h := range t.RunningHeads {
		if s := siteFromTitle(printedTitle(h), headline); s != "" {
			return s
		}
	}
	for _, h := range t.RunningHeads {
		if s := siteOfAddress(h); s != "" {
			return s
		}
	}
	return ""
}

// browserRE matches the name of a web browser (or its PDF engine) in a
// document's creator or producer: "Mozilla/5.0 ... Chrome/54.0",
// "Firefox", "Skia/PDF m54", "wkhtmltopdf 0.12".
var browserRE = lazyRE(`(?i)\b(?:chrome|chromium|firefox|mozilla|safari|webkit|edge|opera|skia/pdf|wkhtmltopdf)\b`)

// isBrowserPrint reports whether t was printed from a web browser, by the
// program its document names as creator or producer. A browser breaks
// lines after the hyphens the text has and adds none of its own, so a
// hyphen that ends a line is part of the word ("off-/market" is
// "off-market"), never a typesetter's break.
func isBrowserPrint(t *pdftext.Text) bool {
	return browserRE.MatchString(t.Creator) || browserRE.MatchString(t.Producer)
}
