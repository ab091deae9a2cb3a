package convert

import "testing"

func TestStripBylineTail(t *testing.T) {
	for _, tc := range []struct{ in, name, date string }{
		{"Ruth Okafor 3 hours ago", "Ruth Okafor", ""},
		{"Ruth Okafor • 7 min read", "Ruth Okafor", ""},
		{"Ruth Okafor Updated 9:05 AM ET, Fri June 7, 2024", "Ruth Okafor", "2024-06-07"},
		{"Ruth Okafor Published 2 days ago", "Ruth Okafor", ""},
		{"Tom Lee14 Feb 2022318", "Tom Lee", "2022-02-14"},
		{"Ruth Okafor | 7 June 2024", "Ruth Okafor", "2024-06-07"},
		{"Ruth Okafor Follow Jun 7, 2024", "Ruth Okafor", "2024-06-07"},
		{"Ruth Okafor —", "Ruth Okafor", ""},
		{"Ruth Okafor (https://okafor.example/about)", "Ruth Okafor", ""},
		{"Ruth Okafor (@rokafor)", "Ruth Okafor", ""},
		{"tidefan, Ruth on 2024-06-07, all posts", "tidefan, Ruth", "2024-06-07"},
		{"Ruth Okafor on 2024-06-07 | 12 comments", "Ruth Okafor", "2024-06-07"},
		{"Ruth Okafor, 2024", "Ruth Okafor, 2024", ""}, // a year alone is no date
		// "published" inside a sentence starts no stamp.
		{"The Harbour Trust published its yearly accounts on the ferry service and the pier", "The Harbour Trust published its yearly accounts on the ferry service and the pier", ""},
	} {
		name, date := stripBylineTail(tc.in)
		if name != tc.name || date.ISO() != tc.date {
			t.Errorf("stripBylineTail(%q) = %q, %q; want %q, %q", tc.in, name, date.ISO(), tc.name, tc.date)
		}
	}
}

func TestIsHandleAfterLead(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" when not a byline
	}{
		{"Posted by tidefan, Ruth on 2024-06-07", "tidefan, Ruth on 2024-06-07"},
		{"Written by rokafor42", "rokafor42"},
		{"Posted by the harbour team", ""}, // prose
		{"by tidefan", ""},                 // one-word leads need a capital
	} {
		got, ok := stripBylineLead(tc.in)
		if ok != (tc.want != "") || ok && got != tc.want {
			t.Errorf("stripBylineLead(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestSplitAffiliation(t *testing.T) {
	for _, tc := range []struct{ in, pub, name, title string }{
		{"Ruth Okafor Tidewatch Harbour News", "Tidewatch", "Ruth Okafor", "Tidewatch Harbour News"},
		{"Ruth Okafor Reuters", "", "Ruth Okafor", "Reuters"},
		{"Ruth Okafor Staff Writer", "", "Ruth Okafor", "Staff Writer"},
		{"Ruth Ann Okafor", "", "Ruth Ann Okafor", ""},
		{"Ruth The Okafor", "The Ledger", "Ruth The Okafor", ""}, // "The" starts no cut
		{"Reuters Okafor", "", "Reuters Okafor", ""},             // never the first two words
	} {
		name, title := splitAffiliation(tc.in, tc.pub)
		if name != tc.name || title != tc.title {
			t.Errorf("splitAffiliation(%q, %q) = %q, %q; want %q, %q", tc.in, tc.pub, name, title, tc.name, tc.title)
		}
	}
}

func TestIsTitle(t *testing.T) {
	for in, want := range map[string]bool{
		"Staff Writer":                  true,
		"Harbour Correspondent":         true,
		"Chief Political Correspondent": true,
		"Wirtschaftskorrespondent":      false, // a compound noun is not in the table
		"Lokalredakteurin":              false,
		"Senior Harbour Desk":           true,
		"Ruth Okafor":                   false,
		"Correspondent for the harbour towns and the islands": false, // too long
	} {
		if got := isTitle(in); got != want {
			t.Errorf("isTitle(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIsRoleOnly(t *testing.T) {
	for in, want := range map[string]bool{
		"Staff Reporter":          true,
		"OUR FOREIGN STAFF":       true,
		"Van onze correspondent":  true,
		"Notre envoyé spécial":    true,
		"Ruth Okafor":             false,
		"Staff Reporter Ruth Lee": false,
		"":                        false,
	} {
		if got := isRoleOnly(in); got != want {
			t.Errorf("isRoleOnly(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestAgencyName(t *testing.T) {
	for in, want := range map[string]string{
		"Reuters":                 "Reuters",
		"(AFP)":                   "AFP",
		"associated press":        "Associated Press",
		"afp":                     "", // short forms match case-sensitively
		"Deutsche Presse-Agentur": "Deutsche Presse-Agentur",
		"Reuters Harbour Desk":    "",
	} {
		if got := agencyName(in); got != want {
			t.Errorf("agencyName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsOrganisation(t *testing.T) {
	for _, tc := range []struct {
		in, pub string
		want    bool
	}{
		{"CNN", "", true},
		{"The Ledger", "The Ledger", true},
		{"Reuters", "", true},
		{"III", "", false}, // a name suffix
		{"Washington", "", false},
		{"STAFF", "", false}, // a role word
	} {
		if got := isOrganisation(tc.in, tc.pub); got != tc.want {
			t.Errorf("isOrganisation(%q, %q) = %v, want %v", tc.in, tc.pub, got, tc.want)
		}
	}
}
