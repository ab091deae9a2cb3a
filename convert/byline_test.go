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
