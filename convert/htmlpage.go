package convert

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"newsclip/internal/htmltext"
)

// readWebPage reads a news article saved from a browser: the main text as
// a readability implementation extracts it, the header fields from the
// page's metadata (pageMeta). It returns nil for a page without text.
func readWebPage(doc *htmltext.Document) *Article {
	meta := pageMeta(doc.Meta)
	main, rmeta, err := readableBlocks(doc.Root)
	a := &Article{}
	if err != nil || len(main) == 0 {
		if err != nil {
			a.warn(0, "html: main text not found ("+err.Error()+"): read the whole page")
		}
		main = doc.Blocks
	}
	a.Publication = cmp.Or(meta.site, rmeta.site)
	a.Headline = cmp.Or(meta.headline, titleWithoutSite(rmeta.headline, a.Publication), titleWithoutSite(doc.Meta.Title, a.Publication))
	a.Section = meta.section
	a.Language = languageOfPage(cmp.Or(doc.Meta.Lang, meta.lang, rmeta.lang))
	if d, ok := isoDate(cmp.Or(meta.date, rmeta.date)); ok {
		a.Date = d
	}
	var body []para
	for _, b := range main {
		t := cleanSpaces(b.Text)
		if strings.EqualFold(t, a.Headline) {
			continue
		}
		body = append(body, para{lines: strings.Split(b.Text, "\n")})
	}
	for _, by := range []string{meta.byline, rmeta.byline} {
		if by != "" && len(a.Authors) == 0 && !strings.EqualFold(by, a.Publication) {
			a.applyByline(by, true)
			body = dropBylinePara(body, by)
		}
	}
	finishArticle(a, body)
	if a.Headline == "" && len(a.Body) == 0 {
		return nil
	}
	return a
}

// pageFields are the header fields a page's metadata gives.
type pageFields struct {
	headline, byline, site, date, section, lang string
}

// newsTypes are the JSON-LD types whose object describes the article.
var newsTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "ReportageNewsArticle": true, "AnalysisNewsArticle": true,
	"OpinionNewsArticle": true, "BlogPosting": true, "Report": true, "LiveBlogPosting": true,
	"BackgroundNewsArticle": true, "ReviewNewsArticle": true, "ScholarlyArticle": true,
}

// pageMeta reads the header fields from JSON-LD (a NewsArticle or other
// article type), then OpenGraph and article: properties, then plain meta
// tags, the first found winning.
func pageMeta(m htmltext.Meta) pageFields {
	var f pageFields
	for _, o := range m.JSONLD {
		if !newsTypes[jsonLDType(o)] {
			continue
		}
		f.headline = cmp.Or(f.headline, jsonString(o["headline"]), jsonString(o["name"]))
		f.byline = cmp.Or(f.byline, jsonNames(people(o["author"])))
		f.date = cmp.Or(f.date, jsonString(o["datePublished"]), jsonString(o["dateCreated"]))
		f.site = cmp.Or(f.site, jsonNames(o["publisher"]))
		f.section = cmp.Or(f.section, jsonString(o["articleSection"]))
		f.lang = cmp.Or(f.lang, jsonString(o["inLanguage"]))
	}
	f.headline = cmp.Or(f.headline, m.Get("og:title", "twitter:title", "dc.title", "title"))
	author := m.Get("author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author")
	if strings.Contains(author, "://") {
		author = "" // article:author is often the author's page
	}
	f.byline = cmp.Or(f.byline, author)
	f.site = cmp.Or(f.site, m.Get("og:site_name", "application-name", "publisher", "dc.publisher"))
	f.date = cmp.Or(f.date, m.Get("article:published_time", "datepublished", "date", "pubdate",
		"publishdate", "dc.date", "dc.date.issued", "og:published_time", "sailthru.date", "parsely-pub-date"))
	f.section = cmp.Or(f.section, m.Get("article:section", "section"))
	f.lang = cmp.Or(f.lang, m.Get("og:locale", "language", "dc.language"))
	f.headline = cleanSpaces(f.headline)
	return f
}

// jsonLDType returns an object's @type (the first of a list), or "".
func jsonLDType(o map[string]any) string {
	switch t := o["@type"].(type) {
	case string:
		return t
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && newsTypes[s] {
				return s
			}
		}
	}
	return ""
}

// jsonString returns a JSON-LD value that is a string (or the first
// string of a list), or "".
func jsonString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return jsonString(x[0])
		}
	}
	return ""
}

// jsonNames returns the names of a JSON-LD person or organisation value
// (a string, an object with a name, or a list of them) joined by " and ".
func jsonNames(v any) string {
	var names []string
	switch x := v.(type) {
	case string:
		names = append(names, x)
	case map[string]any:
		names = append(names, jsonString(x["name"]))
	case []any:
		for _, e := range x[:min(len(x), 20)] {
			names = append(names, jsonNames(e))
		}
	}
	return joinNonEmpty(" and ", names...)
}

// people drops the organisations from a JSON-LD author value: a site
// that names itself as the author ("BBC News") names no person.
func people(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if t, _ := x["@type"].(string); t == "Organization" || t == "NewsMediaOrganization" {
			return nil
		}
	case []any:
		var out []any
		for _, e := range x {
			if p := people(e); p != nil {
				out = append(out, p)
			}
		}
		return out
	}
	return v
}

// readableBlocks runs readability over a copy of the tree and returns the
// blocks of the main text and the fields readability found. A panic in
// the library is returned as an error.
func readableBlocks(root *html.Node) (blocks []htmltext.Block, f pageFields, err error) {
	if root == nil {
		return nil, f, errors.New("no document tree")
	}
	defer func() {
		if r := recover(); r != nil {
			blocks, err = nil, fmt.Errorf("readability failed: %v", r)
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = 200000
	art, err := p.ParseDocument(root, nil)
	if err != nil {
		return nil, f, err
	}
	f.headline, f.byline, f.site, f.lang = cleanSpaces(art.Title()), cleanSpaces(art.Byline()), art.SiteName(), art.Language()
	if t, err := art.PublishedTime(); err == nil {
		f.date = t.Format("2006-01-02")
	}
	if art.Node == nil {
		return nil, f, nil
	}
	blocks, err = htmltext.BlocksOf(art.Node)
	return blocks, f, err
}

// isoDatePrefixRE matches the date that opens an ISO 8601 timestamp.
var isoDatePrefixRE = lazyRE(`^(\d{4}-\d{2}-\d{2})(?:[T ]|$)`)

// isoDate reads a metadata date: "2024-05-01T09:30:00Z", "2024-05-01", or
// any printed form parseDate reads.
func isoDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if m := isoDatePrefixRE.FindStringSubmatch(s); m != nil {
		d, ok := parseDate(m[1])
		d.Raw = s
		return d, ok
	}
	return parseDate(s)
}

// languageOfPage turns a lang attribute or locale ("en-GB", "de_DE") into
// its primary language subtag, lower case; "" when it is not one.
func languageOfPage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 || strings.ContainsFunc(s, func(r rune) bool { return r < 'a' || r > 'z' }) {
		return ""
	}
	return s
}

// titleSeparators split a page title into headline and site name:
// "Storm hits coast | The Herald", "Storm hits coast - BBC News".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// titleWithoutSite returns a page title without the site name that ends
// (or opens) it, when site names it or the title has one separator.
func titleWithoutSite(title, site string) string {
	title = cleanSpaces(title)
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := title[:i], title[i+len(sep):]
		if site != "" && strings.EqualFold(tail, site) || site == "" && strings.Count(title, sep) == 1 && len(tail) < len(head) {
			return head
		}
		if j := strings.Index(title, sep); site != "" && strings.EqualFold(title[:j], site) {
			return title[j+len(sep):]
		}
	}
	return title
}

// dropBylinePara removes the body paragraph that repeats the byline the
// metadata gave ("By Ann Smith"), among the first five.
func dropBylinePara(body []para, byline string) []para {
	want := strings.ToLower(cleanSpaces(byline))
	for i, p := range body[:min(len(body), 5)] {
		t, _ := stripBylineLead(cleanSpaces(p.joined()))
		if strings.ToLower(t) == want {
			return append(body[:i:i], body[i+1:]...)
		}
	}
	return body
}
