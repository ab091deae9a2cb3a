package convert

import (
	"fmt"
	"strings"
	"testing"
)

// leadOf is stripBylineLead with the rest blanked when there is no lead,
// so that a row reads: the name after the lead and whether there was one.
func leadOf(in string) (string, bool) {
	rest, ok := stripBylineLead(in)
	if !ok {
		rest = ""
	}
	return rest, ok
}

// parsed is parseByline on {line, publication}: the people as names() lists
// them and the date, ISO.
func parsed(in [2]string) ([]string, string) {
	people, date := parseByline(in[0], in[1])
	return names(people), date.ISO()
}

func TestStripBylineTail(t *testing.T) {
	tail := func(in string) (string, string) { name, date := stripBylineTail(in); return name, date.ISO() }
	rows2(t, "stripBylineTail", tail, map[string]two[string, string]{
		"Ruth Okafor 3 hours ago":                          {"Ruth Okafor", ""},
		"Ruth Okafor • 7 min read":                         {"Ruth Okafor", ""},
		"Ruth Okafor Updated 9:05 AM ET, Fri June 7, 2024": {"Ruth Okafor", "2024-06-07"},
		"Ruth Okafor Published 2 days ago":                 {"Ruth Okafor", ""},
		"Tom Lee14 Feb 2022318":                            {"Tom Lee", "2022-02-14"},
		"Ruth Okafor | 7 June 2024":                        {"Ruth Okafor", "2024-06-07"},
		"Ruth Okafor Follow Jun 7, 2024":                   {"Ruth Okafor", "2024-06-07"},
		"Ruth Okafor —":                                    {"Ruth Okafor", ""},
		"Ruth Okafor (https://okafor.example/about)":       {"Ruth Okafor", ""},
		"Ruth Okafor (@rokafor)":                           {"Ruth Okafor", ""},
		"tidefan, Ruth on 2024-06-07, all posts":           {"tidefan, Ruth", "2024-06-07"},
		"Ruth Okafor on 2024-06-07 | 12 comments":          {"Ruth Okafor", "2024-06-07"},
		"Ruth Okafor, 2024":                                {"Ruth Okafor, 2024", ""}, // a year alone is no date
		// "published" inside a sentence starts no stamp.
		"The Harbour Trust published its yearly accounts on the ferry service and the pier": {"The Harbour Trust published its yearly accounts on the ferry service and the pier", ""},
	})
}

func TestIsHandleAfterLead(t *testing.T) {
	rows2(t, "stripBylineLead", leadOf, map[string]two[string, bool]{
		"Posted by tidefan, Ruth on 2024-06-07": {"tidefan, Ruth on 2024-06-07", true},
		"Written by rokafor42":                  {"rokafor42", true},
		"Posted by the harbour team":            {"", false}, // prose
		"by tidefan":                            {"", false}, // one-word leads need a capital
	})
}

func TestSplitAffiliation(t *testing.T) {
	split := func(in [2]string) (string, string) { return splitAffiliation(in[0], in[1]) }
	rows2(t, "splitAffiliation", split, map[[2]string]two[string, string]{
		{"Ruth Okafor Tidewatch Harbour News", "Tidewatch"}: {"Ruth Okafor", "Tidewatch Harbour News"},
		{"Ruth Okafor Reuters", ""}:                         {"Ruth Okafor", "Reuters"},
		{"Ruth Okafor Staff Writer", ""}:                    {"Ruth Okafor", "Staff Writer"},
		{"Ruth Ann Okafor", ""}:                             {"Ruth Ann Okafor", ""},
		{"Ruth The Okafor", "The Ledger"}:                   {"Ruth The Okafor", ""}, // "The" starts no cut
		{"Reuters Okafor", ""}:                              {"Reuters Okafor", ""},  // never the first two words
	})
}

func TestIsTitle(t *testing.T) {
	rows(t, "isTitle", isTitle, map[string]bool{
		"Staff Writer":                  true,
		"Harbour Correspondent":         true,
		"Chief Political Correspondent": true,
		"Wirtschaftskorrespondent":      false, // a compound noun is not in the table
		"Lokalredakteurin":              false,
		"Senior Harbour Desk":           true,
		"Ruth Okafor":                   false,
		"Correspondent for the harbour towns and the islands": false, // too long
	})
}

func TestIsRoleOnly(t *testing.T) {
	rows(t, "isRoleOnly", isRoleOnly, map[string]bool{
		"Staff Reporter":          true,
		"OUR FOREIGN STAFF":       true,
		"Van onze correspondent":  true,
		"Notre envoyé spécial":    true,
		"Ruth Okafor":             false,
		"Staff Reporter Ruth Lee": false,
		"":                        false,
	})
}

func TestAgencyName(t *testing.T) {
	rows(t, "agencyName", agencyName, map[string]string{
		"Reuters":                 "Reuters",
		"(AFP)":                   "AFP",
		"associated press":        "Associated Press",
		"afp":                     "", // short forms match case-sensitively
		"Deutsche Presse-Agentur": "Deutsche Presse-Agentur",
		"Reuters Harbour Desk":    "",
	})
}

func TestIsOrganisation(t *testing.T) {
	org := func(in [2]string) bool { return isOrganisation(in[0], in[1]) }
	rows(t, "isOrganisation", org, map[[2]string]bool{
		{"CNN", ""}:                  true,
		{"The Ledger", "The Ledger"}: true,
		{"Reuters", ""}:              true,
		{"III", ""}:                  false, // a name suffix
		{"Washington", ""}:           false,
		{"STAFF", ""}:                false, // a role word
	})
}

// The cheap test must pass every line the regexp matches, for every lead
// of the table in every spelling a byline uses.
func TestBylineLeadPrecheckAgrees(t *testing.T) {
	for _, w := range bylineLeads {
		for _, form := range []string{"%s Anna Schmidt", "%s: Anna Schmidt", "%s:Anna Schmidt",
			"- %s Anna Schmidt", "%s\tAnna Schmidt", "%sAnna Schmidt", "%s:"} {
			for _, lead := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				in := fmt.Sprintf(form, lead)
				if bylineLead.MatchString(in) && !mayLeadByline(in) {
					t.Errorf("%q: the regexp matches but the cheap test refuses", in)
				}
			}
		}
	}
	rows2(t, "stripBylineLead", leadOf, map[string]two[string, bool]{
		"Von: Anna Schmidt": {"Anna Schmidt", true}, "Par: Jean Roe": {"Jean Roe", true},
		"Door: Jan de Vries": {"Jan de Vries", true}, "Parker Jones": {"", false}, "Dorothy Lee": {"", false}})
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
	rows2(t, "parseByline", parsed, map[[2]string]two[[]string, string]{
		{"Ada Brook and Ivo Stern", ""}:                         {[]string{"Ada Brook", "Ivo Stern"}, ""},
		{"MARTIN Kowalski", ""}:                                 {[]string{"Martin Kowalski"}, ""},
		{"Jane Doe, Staff Writer", ""}:                          {[]string{"Jane Doe | Staff Writer"}, ""},
		{"John Smith, Jr. and Ann Lee", ""}:                     {[]string{"John Smith, Jr.", "Ann Lee"}, ""},
		{"Anna Schmidt und Jan Weber", ""}:                      {[]string{"Anna Schmidt", "Jan Weber"}, ""},
		{"Jean Dupont et Marie Curie", ""}:                      {[]string{"Jean Dupont", "Marie Curie"}, ""},
		{"Smith & Jones; Brown", ""}:                            {[]string{"Smith", "Jones", "Brown"}, ""},
		{"Xinhua", ""}:                                          {[]string{" @ Xinhua"}, ""},
		{"Anna Roe, Reuters", ""}:                               {[]string{"Anna Roe @ Reuters"}, ""},
		{"VAN ONZE CORRESPONDENT", ""}:                          {nil, ""},
		{"Staff Reporter", ""}:                                  {nil, ""},
		{"Mia Gold Tidewatch Health News", "Tidewatch"}:         {[]string{"Mia Gold | Tidewatch Health News"}, ""},
		{"Tom Hale22 Dec 2016651", ""}:                          {[]string{"Tom Hale"}, "2016-12-22"},
		{"Sam Reyes 1 day ago", ""}:                             {[]string{"Sam Reyes"}, ""},
		{"Jane Doe, March 3, 2021", ""}:                         {[]string{"Jane Doe"}, "2021-03-03"},
		{"Jane Doe, CNN", ""}:                                   {[]string{"Jane Doe @ CNN"}, ""},
		{"Jane Doe and John Roe, CNN", ""}:                      {[]string{"Jane Doe @ CNN", "John Roe @ CNN"}, ""},
		{"Ann Lee; Bo Ma", ""}:                                  {[]string{"Ann Lee", "Bo Ma"}, ""},
		{"Ann Lee, The Ledger", "The Ledger"}:                   {[]string{"Ann Lee @ The Ledger"}, ""},
		{"John Smith, III", ""}:                                 {[]string{"John Smith, III"}, ""},
		{"Ann Lee, Harbour Desk", ""}:                           {[]string{"Ann Lee | Harbour Desk"}, ""},
		{"Jane Doe | Staff Writer", ""}:                         {[]string{"Jane Doe | Staff Writer"}, ""},
		{"Jane Doe Updated 10:30 AM ET, Tue March 5, 2019", ""}: {[]string{"Jane Doe"}, "2019-03-05"},
		{"Jane Doe and John Roe, Staff Writers", ""}:            {[]string{"Jane Doe", "John Roe | Staff Writers"}, ""},
		{"Ann Lee, Bo Ma", ""}:                                  {[]string{"Ann Lee", "Bo Ma"}, ""},
		{"Jane Doe on March 5, 2019", ""}:                       {[]string{"Jane Doe"}, "2019-03-05"},
		{"Jane Doe • 5 min read", ""}:                           {[]string{"Jane Doe"}, ""},
		{"Jane Doe Follow Mar 5, 2019 · 5 min read", ""}:        {[]string{"Jane Doe"}, "2019-03-05"},
	})
}

func TestStripBylineLead(t *testing.T) {
	rows2(t, "stripBylineLead", leadOf, map[string]two[string, bool]{
		"- By Wen Lihua":        {"Wen Lihua", true},
		"BY HELEN MARSH":        {"HELEN MARSH", true},
		"Von Anna Schmidt":      {"Anna Schmidt", true},
		"Par Jean Dupont":       {"Jean Dupont", true},
		"Door Jan de Vries":     {"Jan de Vries", true},
		"Written by Ann Lee":    {"Ann Lee", true},
		"By: Cy Dee":            {"Cy Dee", true},
		"Story by Bo Ma":        {"Bo Ma", true},
		"Byron Smith":           {"", false}, // not a lead word
		"By the way, it rained": {"", false},
	})
}

func TestIsBylineLine(t *testing.T) {
	rows(t, "isBylineLine", isBylineLine, map[string]bool{
		"- By Wen Lihua Copyedited by Lena Voss Comments to wen@gazette.example": true,
		"By Mia Gold Tidewatch Health News":                                      true,
		"By Tuesday, the storm had passed.":                                      false,
		"By the time the ferry docked":                                           false,
		"Bylines are hard":                                                       false,
	})
}

func TestIsBareName(t *testing.T) {
	rows(t, "isBareName", isBareName, map[string]bool{
		"Inés Duarte":                 true,
		"Jane Doe, Staff Writer":      true,
		"Sam Reyes 1 day ago":         true,
		"Jane Doe | March 5, 2019":    true,
		"Jane Doe Follow Mar 5, 2019": true,
		"Reuters":                     false, // one word
		"Why Ferries Matter":          false, // a heading
		"The Harbour Plan":            false,
		"Ruth Okafor (@rokafor)":      true,
		"Staff Reporter":              false, // a role names nobody
		"The storm hit the coast.":    false,
		"Salt-tolerant crops, known":  false,
	})
}

func TestBylineClasses(t *testing.T) {
	rows2(t, "parseByline", parsed, map[[2]string]two[[]string, string]{
		// Surname first, as databases list authors.
		{"OKAFOR, Ruth", ""}:     {[]string{"Ruth Okafor"}, ""},
		{"Okafor, Ruth A.", ""}:  {[]string{"Ruth A. Okafor"}, ""},
		{"OKAFOR, RUTH", ""}:     {[]string{"Ruth Okafor"}, ""},
		{"OKAFOR, Ruth, MD", ""}: {[]string{"Ruth Okafor, MD"}, ""},
		{"Okafor, CNN", ""}:      {[]string{"Okafor @ CNN"}, ""}, // an organisation, not a given name
		// Several authors in several languages; a preposition joins nobody.
		{"Ana Ruiz y Tomás Gil", ""}:             {[]string{"Ana Ruiz", "Tomás Gil"}, ""},
		{"Ana Ruiz e Tomás Gil", ""}:             {[]string{"Ana Ruiz", "Tomás Gil"}, ""},
		{"Jan Smit en Piet Vos", ""}:             {[]string{"Jan Smit", "Piet Vos"}, ""},
		{"Jean Roe avec Marie Curie", ""}:        {[]string{"Jean Roe", "Marie Curie"}, ""},
		{"Ann Lee with Bo Ma", ""}:               {[]string{"Ann Lee", "Bo Ma"}, ""},
		{"Ana Ruiz, corresponsal en Madrid", ""}: {[]string{"Ana Ruiz | corresponsal en Madrid"}, ""},
		{"Ruth Okafor, Tom Lee and Ann Roe", ""}: {[]string{"Ruth Okafor", "Tom Lee", "Ann Roe"}, ""},
		// Credentials stay with the name.
		{"Ruth Okafor, RN", ""}:       {[]string{"Ruth Okafor, RN"}, ""},
		{"Ruth Okafor, MA", ""}:       {[]string{"Ruth Okafor, MA"}, ""},
		{"Ruth Okafor, PhD, MPH", ""}: {[]string{"Ruth Okafor, PhD, MPH"}, ""},
		// Job titles in other languages.
		{"Ruth Okafor, Korrespondentin in Madrid", ""}: {[]string{"Ruth Okafor | Korrespondentin in Madrid"}, ""},
		// Dates and times inside the byline line.
		{"Ruth Okafor Mar 11, 2015", ""}:                  {[]string{"Ruth Okafor"}, "2015-03-11"},
		{"Ruth Okafor Thu 3 Jan 2019 02.00 EST", ""}:      {[]string{"Ruth Okafor"}, "2019-01-03"},
		{"Ruth Okafor February 1, 2016: 12:41 PM ET", ""}: {[]string{"Ruth Okafor"}, "2016-02-01"},
		{"Ruth Okafor Updated June 9, 2024", ""}:          {[]string{"Ruth Okafor"}, "2024-06-09"},
		// A desk line names nobody.
		{"From our correspondent", ""}: {nil, ""},
	})
}

func TestRoleNotes(t *testing.T) {
	notes := func(in string) (string, []string) {
		rest, credits := roleNotes(in)
		return rest, creditStrings(credits)
	}
	rows2(t, "roleNotes", notes, map[string]two[string, []string]{
		"Ana Ruiz (text) and Tom Lee (photography)": {"Ana Ruiz", []string{"photographer:Tom Lee"}},
		"Ana Ruiz, Tom Lee (reporting)":             {"Ana Ruiz", []string{"contributor:Tom Lee"}},
		"Ana Ruiz (Reuters)":                        {"Ana Ruiz (Reuters)", nil}, // not a role
		"Ana Ruiz and Tom Lee":                      {"Ana Ruiz and Tom Lee", nil},
	})
}

// The cheap test must pass every byline the separator splits.
func TestAuthorJoinPrecheckAgrees(t *testing.T) {
	for _, w := range strongJoins {
		for _, in := range []string{"Ann Lee " + w + " Bo Ma", "ANN LEE " + w + " BO MA", "Ann Lee; Bo Ma"} {
			if len(authorSeparator.Split(in, -1)) > 1 && !mayJoinAuthors(in) {
				t.Errorf("%q: the separator splits but the cheap test refuses", in)
			}
		}
	}
}

func TestStripFieldLead(t *testing.T) {
	rows(t, "stripFieldLead", stripFieldLead, map[string]string{
		"From ALEX BRUMMER":      "ALEX BRUMMER",
		"from Tom Reyes":         "Tom Reyes",
		"From our correspondent": "From our correspondent",
		"Frome Smith":            "Frome Smith",
		"Tom Reyes":              "Tom Reyes",
		"From":                   "From",
	})
}

func TestBylineFieldInCapitals(t *testing.T) {
	// field gives the authors' names that a byline field names.
	field := func(in string) []string {
		a := &Article{}
		a.applyByline(in, true)
		var got []string
		for _, p := range a.Authors {
			got = append(got, p.Name)
		}
		return got
	}
	rows(t, "applyByline (a field)", field, map[string][]string{
		"From ALEX BRUMMER":       {"Alex Brummer"},
		"ANN LEE AND BO MA":       {"Ann Lee", "Bo Ma"},
		"JEAN ROE ET MARIE CURIE": {"Jean Roe", "Marie Curie"},
		"Ann Lee and Bo Ma":       {"Ann Lee", "Bo Ma"},
		"Tom Andrews":             {"Tom Andrews"},
	})
}
