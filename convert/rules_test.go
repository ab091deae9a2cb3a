package convert

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // ISO, "" for not a date
	}{
		{"January 11, 2010 Monday", "2010-01-11"},
		{"22 Dec 2016", "2016-12-22"},
		{"Montag, 11. Januar 2010", "2010-01-11"},
		{"11 janvier 2010", "2010-01-11"},
		{"March 2010", "2010-03"},
		{"2010-01-11", "2010-01-11"},
		{"11.01.2010", "2010-01-11"},
		{"Sept. 3, 2019 10:45 am EDT", "2019-09-03"},
		{"Published: March 3, 2021", "2021-03-03"},
		{"March 3", ""},        // no year: never completed from the clock
		{"Monday", ""},         // no date at all
		{"May the force", ""},  // a month word in prose
		{"Beijing Review", ""}, // a masthead
		{"14 March 1984 saw the last", ""},
		{"2010-13-01", ""},
		{"31 March 2021", "2021-03-31"},
		{"March 31, 2021", "2021-03-31"},
		{"31.12.2020", "2020-12-31"},
		{"29 February 2024", "2024-02-29"}, // a leap year
		{"29 February 2023", ""},
		{"31 April 2021", ""},
		{"2021-06-31", ""},
		{"29 February 1900", ""}, // not a leap year
		{"29 February 2000", "2000-02-29"},
	} {
		d, ok := parseDate(tc.in)
		if got := d.ISO(); ok != (tc.want != "") || got != tc.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
		if ok && d.Raw != strings.TrimSpace(tc.in) {
			t.Errorf("parseDate(%q).Raw = %q", tc.in, d.Raw)
		}
	}
}

func TestFixNameCase(t *testing.T) {
	for in, want := range map[string]string{
		"TREVOR Kavanagh":   "Trevor Kavanagh",
		"STEPHEN POLLARD":   "Stephen Pollard",
		"MARY MCDONALD":     "Mary McDonald",
		"SEAN O'BRIEN":      "Sean O'Brien",
		"JAN VAN DER BERG":  "Jan van der Berg",
		"WILLIAM REES-MOGG": "William Rees-Mogg",
		"McDonald":          "McDonald",
		"J. R. SMITH III":   "J. R. Smith III",
		"Anna van der Berg": "Anna van der Berg",
	} {
		if got := fixNameCase(in); got != want {
			t.Errorf("fixNameCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func names(ps []Person) []string {
	var out []string
	for _, p := range ps {
		s := p.Name
		if p.Title != "" {
			s += " | " + p.Title
		}
		if p.Agency != "" {
			s += " @ " + p.Agency
		}
		out = append(out, s)
	}
	return out
}

func TestParseByline(t *testing.T) {
	for _, tc := range []struct {
		in, pub string
		want    []string
		date    string
	}{
		{"Ross Ihaka and Robert Gentleman", "", []string{"Ross Ihaka", "Robert Gentleman"}, ""},
		{"TREVOR Kavanagh", "", []string{"Trevor Kavanagh"}, ""},
		{"Jane Doe, Staff Writer", "", []string{"Jane Doe | Staff Writer"}, ""},
		{"John Smith, Jr. and Ann Lee", "", []string{"John Smith, Jr.", "Ann Lee"}, ""},
		{"Anna Schmidt und Jan Weber", "", []string{"Anna Schmidt", "Jan Weber"}, ""},
		{"Jean Dupont et Marie Curie", "", []string{"Jean Dupont", "Marie Curie"}, ""},
		{"Smith & Jones; Brown", "", []string{"Smith", "Jones", "Brown"}, ""},
		{"Xinhua", "", []string{" @ Xinhua"}, ""},
		{"Anna Roe, Reuters", "", []string{"Anna Roe @ Reuters"}, ""},
		{"VAN ONZE CORRESPONDENT", "", nil, ""},
		{"Staff Reporter", "", nil, ""},
		{"Kelli Miller WebMD Health News", "WebMD", []string{"Kelli Miller | WebMD Health News"}, ""},
		{"Lucas Nolan22 Dec 2016651", "", []string{"Lucas Nolan"}, "2016-12-22"},
		{"Alex Perry 1 day ago", "", []string{"Alex Perry"}, ""},
		{"Jane Doe, March 3, 2021", "", []string{"Jane Doe"}, "2021-03-03"},
		{"Jane Doe, CNN", "", []string{"Jane Doe @ CNN"}, ""},
		{"Jane Doe and John Roe, CNN", "", []string{"Jane Doe @ CNN", "John Roe @ CNN"}, ""},
		{"Ann Lee; Bo Ma", "", []string{"Ann Lee", "Bo Ma"}, ""},
		{"Ann Lee, The Ledger", "The Ledger", []string{"Ann Lee @ The Ledger"}, ""},
		{"John Smith, III", "", []string{"John Smith, III"}, ""},
		{"Ann Lee, Harbour Desk", "", []string{"Ann Lee | Harbour Desk"}, ""},
		{"Jane Doe | Staff Writer", "", []string{"Jane Doe | Staff Writer"}, ""},
		{"Jane Doe Updated 10:30 AM ET, Tue March 5, 2019", "", []string{"Jane Doe"}, "2019-03-05"},
		{"Jane Doe and John Roe, Staff Writers", "", []string{"Jane Doe", "John Roe | Staff Writers"}, ""},
		{"Ann Lee, Bo Ma", "", []string{"Ann Lee", "Bo Ma"}, ""},
		{"Jane Doe on March 5, 2019", "", []string{"Jane Doe"}, "2019-03-05"},
		{"Jane Doe • 5 min read", "", []string{"Jane Doe"}, ""},
		{"Jane Doe Follow Mar 5, 2019 · 5 min read", "", []string{"Jane Doe"}, "2019-03-05"},
	} {
		people, date := parseByline(tc.in, tc.pub)
		if got := names(people); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseByline(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if date.ISO() != tc.date {
			t.Errorf("parseByline(%q) date = %q, want %q", tc.in, date.ISO(), tc.date)
		}
	}
}

func TestStripBylineLead(t *testing.T) {
	for in, want := range map[string]string{
		"- By Lan Xinzhen":      "Lan Xinzhen",
		"BY STEPHEN POLLARD":    "STEPHEN POLLARD",
		"Von Anna Schmidt":      "Anna Schmidt",
		"Par Jean Dupont":       "Jean Dupont",
		"Door Jan de Vries":     "Jan de Vries",
		"Written by Ann Lee":    "Ann Lee",
		"By: Cy Dee":            "Cy Dee",
		"Story by Bo Ma":        "Bo Ma",
		"Byron Smith":           "", // not a lead word
		"By the way, it rained": "",
	} {
		got, ok := stripBylineLead(in)
		if want == "" && ok || want != "" && got != want {
			t.Errorf("stripBylineLead(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestIsBylineLine(t *testing.T) {
	for in, want := range map[string]bool{
		"- By Lan Xinzhen Copyedited by Garth Wilson Comments to lanxinzhen@bjreview.com": true,
		"By Kelli Miller WebMD Health News":                                               true,
		"By Tuesday, the storm had passed.":                                               false,
		"By the time the ferry docked":                                                    false,
		"Bylines are hard":                                                                false,
	} {
		if got := isBylineLine(in); got != want {
			t.Errorf("isBylineLine(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestSplitCredits(t *testing.T) {
	got := splitCredits("- By Lan Xinzhen Copyedited by Garth Wilson Comments to lanxinzhen@bjreview.com")
	want := []segment{{"", "- By Lan Xinzhen"}, {RoleCopyeditor, "Garth Wilson"}, {"contact", "lanxinzhen@bjreview.com"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("splitCredits = %q, want %q", got, want)
	}
	for in, role := range map[string]string{
		"Copy edited by A B":            RoleCopyeditor,
		"Edited by A B":                 RoleEditor,
		"Translated by A B":             RoleTranslator,
		"Photo: A B":                    RolePhotographer,
		"Photo by A B":                  RolePhotographer,
		"Graphic by A B":                RoleIllustrator,
		"Additional reporting by A B":   RoleContributor,
		"Contact the writer at a@b.org": "contact",
	} {
		segs := splitCredits(in)
		if len(segs) != 2 || segs[1].role != role {
			t.Errorf("splitCredits(%q) = %q, want role %s", in, segs, role)
		}
	}
}

func TestCreditLine(t *testing.T) {
	c, k, ok := creditLine("Photo: Jane Doe / Translated by Li Wei")
	if !ok || len(c) != 2 || c[0].Role != RolePhotographer || c[1].Name != "Li Wei" || len(k) != 0 {
		t.Errorf("creditLine = %+v %v %v", c, k, ok)
	}
	if _, _, ok := creditLine("Photo: Soldiers patrol the market at dawn on Tuesday."); ok {
		t.Error("a caption was taken for a credit")
	}
	if _, k, ok := creditLine("Comments to editor@example.org"); !ok || !reflect.DeepEqual(k, []string{"editor@example.org"}) {
		t.Errorf("contact line: %v %v", k, ok)
	}
}

func TestRepairMojibake(t *testing.T) {
	for in, want := range map[string]string{
		"this yearâ€™s conference": "this year’s conference",
		"Ã©tÃ©":                    "été",
		"â€œquotedâ€\u009d":        "“quoted”",
		"café, naïve, Zürich":      "café, naïve, Zürich", // no mojibake
		"£5 and €3":                "£5 and €3",
		"Â£5":                      "£5",
	} {
		if got, _ := repairMojibake(in); got != want {
			t.Errorf("repairMojibake(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDecode(t *testing.T) {
	utf16 := func(s string, le, bom bool) []byte {
		var b []byte
		if bom {
			if le {
				b = []byte{0xFF, 0xFE}
			} else {
				b = []byte{0xFE, 0xFF}
			}
		}
		for _, r := range s {
			if le {
				b = append(b, byte(r), byte(r>>8))
			} else {
				b = append(b, byte(r>>8), byte(r))
			}
		}
		return b
	}
	const text = "Héadline\r\nline two\rline three\n"
	const want = "Héadline\nline two\nline three\n"
	for name, in := range map[string][]byte{
		"utf-8":          []byte(text),
		"utf-8 BOM":      append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"utf-16le BOM":   utf16(text, true, true),
		"utf-16be BOM":   utf16(text, false, true),
		"utf-16le noBOM": utf16(text, true, false),
		"utf-16be noBOM": utf16(text, false, false),
		"windows-1252":   []byte("H\xe9adline\r\nline two\rline three\n"),
	} {
		got, _, err := decode(in)
		if err != nil || got != want {
			t.Errorf("%s: decode = %q, %v; want %q", name, got, err, want)
		}
	}
	_, _, err := decode([]byte("text\nmore\x00text"))
	var le *lineError
	if !errors.Is(err, ErrBinary) || !errors.As(err, &le) || le.line != 2 {
		t.Errorf("NUL byte: err = %v", err)
	}
}

func TestJoinLinesDehyphenates(t *testing.T) {
	vocab := vocabulary{"information": 1, "price-determining": 1}
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"the infor-", "mation office"}, "the information office"},
		{[]string{"a price-", "determining factor"}, "a price-determining factor"},
		{[]string{"the devel-", "opment plan"}, "the development plan"},
		{[]string{"a compet-", "itive price"}, "a competitive price"},
		{[]string{"a harbour-", "facing room"}, "a harbour-facing room"},
		{[]string{"a self-", "owned home"}, "a self-owned home"},
		{[]string{"slow devel-", "ment of"}, "slow develment of"},
		{[]string{"a well-", "known face"}, "a well-known face"},
		{[]string{"ends here", "and goes on"}, "ends here and goes on"},
		{[]string{"pre-", "War years"}, "pre-War years"},
		{[]string{"soft\u00ad", "hyphen"}, "softhyphen"},
	} {
		if got := joinLines(tc.lines, vocab); got != tc.want {
			t.Errorf("joinLines(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

func TestPullQuotes(t *testing.T) {
	body := []string{
		"The theme of this year’s meeting was cooperation. If countries cooperate, not only will trade grow, it will also help them manage future crises. That was the hope.",
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit, nulla lectus fringilla ligula, eget tempus eros.",
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit, nulla lectus fringilla.",
		"If countries cooperate, not only will trade grow, it will also help them manage future crises",
		"SIGN UP FOR OUR NEWSLETTER",
		"SIGN UP FOR OUR NEWSLETTER",
		"That was the hope",
	}
	texts := make([]bodyText, len(body))
	for i, t := range body {
		texts[i] = bodyText{text: t, words: countWords(t)}
	}
	got := pullQuoteMask(texts)
	want := []bool{false, false, false, true, false, false, false}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pullQuoteMask = %v, want %v", got, want)
	}
}

func TestParseDateline(t *testing.T) {
	for _, tc := range []struct{ in, place, date string }{
		{"BEIJING - The conference opened.", "BEIJING", ""},
		{"PORTHAVEN, 14 March — Fishermen said.", "PORTHAVEN, 14 March", ""},
		{"WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON", ""},
		{"April 17, 2015 -- Imagine being sick.", "", "2015-04-17"},
		{"The mill works on a principle: tides.", "", ""},
		{"Mr Obama said - and meant it - that", "", ""},
	} {
		place, date, _ := parseDateline(tc.in)
		if place != tc.place || date.ISO() != tc.date {
			t.Errorf("parseDateline(%q) = %q, %q; want %q, %q", tc.in, place, date.ISO(), tc.place, tc.date)
		}
	}
}

func TestSplitWrapped(t *testing.T) {
	p := para{lines: []string{
		"WESTBAY - A winter storm closed the coastal road on Sunday and cut",
		"power to homes, the authority said.",
		"Crews expected to reopen the road by Tuesday, weather permitting, but",
		"warned of more rain.",
		"- 30 -",
	}}
	got := splitWrapped(p)
	if len(got) != 2 || got[0].lines[1] != "power to homes, the authority said." || got[1].bullet {
		t.Errorf("splitWrapped = %+v", got)
	}
	list := para{lines: []string{"- one item", "- another item"}}
	if got := splitWrapped(list); len(got) != 2 || !got[0].bullet || !got[1].bullet {
		t.Errorf("bullets: %+v", got)
	}
}

// TestDetectors: each layout's detector accepts its own layout and the
// earlier detectors in the table refuse it.
func TestDetectors(t *testing.T) {
	samples := map[string]string{
		"lexisnexis":  "Cover\n\n                1 of 2 DOCUMENTS\n\n       The Ledger\n\nHeadline\n\nLENGTH: 3 words\n\nBody text here.\n",
		"apa":         "\"Wiener Tagblatt\" vom 03.05.2019 Seite: 7\nRessort: Lokal\n\nHeadline\n\nBody text.\n",
		"nexisuni":    "Storm Hits\n\nThe Ledger\n\nJuly 1, 2019 Monday\n\nLength: 3 words\n\nBody\n\nBody text here.\n\nEnd of Document\n",
		"pressreader": "Beijing Review\n\nA Headline\n\n- By Ann Lee\n\nBody text.\n\nNewspapers in English\n",
		"web":         "BBC News\n\nObama admits gun laws are his 'biggest frustration'\n\nThe president said so.\n\nMore text.\n",
		"text":        "Storm Hits the Coast\n\nMarch 5, 2019\n\nA story without a masthead starts here.\n\nIt goes on.\n",
	}
	for _, l := range layouts {
		lines := strings.Split(samples[l.name], "\n")
		if !l.detect(lines) {
			t.Errorf("%s detector refuses its own sample", l.name)
		}
		for _, earlier := range layouts {
			if earlier.name == l.name {
				break
			}
			if earlier.detect(lines) {
				t.Errorf("%s detector takes the %s sample", earlier.name, l.name)
			}
		}
	}
}

func TestConvertErrors(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":  nil,
		"blank":  []byte(" \n\t\n"),
		"binary": {0x89, 'P', 'N', 'G', 0, 0, 1, 2},
	} {
		_, err := Convert(name, in)
		var e *Error
		if !errors.As(err, &e) || e.File != name {
			t.Errorf("%s: err = %v, want an *Error naming the file", name, err)
		}
	}
	if _, err := Convert("e", nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	if _, err := Convert("b", []byte{0, 1, 2}); !errors.Is(err, ErrBinary) {
		t.Errorf("binary: %v", err)
	}
}

func TestIsBareName(t *testing.T) {
	for in, want := range map[string]bool{
		"César Salza":                     true,
		"Jane Doe, Staff Writer":          true,
		"Alex Perry 1 day ago":            true,
		"Jane Doe | March 5, 2019":        true,
		"Jane Doe Follow Mar 5, 2019":     true,
		"Reuters":                         false, // one word
		"Staff Reporter":                  false, // a role names nobody
		"The storm hit the coast.":        false,
		"Drug-resistant bacteria, dubbed": false,
	} {
		if got := isBareName(in); got != want {
			t.Errorf("isBareName(%q) = %v, want %v", in, got, want)
		}
	}
}
