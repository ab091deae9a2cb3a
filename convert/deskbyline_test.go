package convert

import "testing"

func TestIsDeskStaff(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"REW STAFF", true},
		{"NYT Staff Reporter", true},
		{"Our REW Staff", true},
		{"HTN staff writers", true},
		{"Al Roe Staff", false},
		{"Jonathan Staff", false},
		{"Staff", false}, // role-only: isRoleOnly's
		{"Ann Smith", false},
		{"REW STAFF AND WIRES", false},
	} {
		if got := isDeskStaff(c.in); got != c.want {
			t.Errorf("isDeskStaff(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestParseBylineDeskStaff(t *testing.T) {
	people, date := parseByline("REW STAFF • AUGUST 22, 2012", "")
	if len(people) != 0 {
		t.Errorf("desk byline gave people %+v", people)
	}
	if date.Year != 2012 {
		t.Errorf("date after a desk byline lost: %+v", date)
	}
}
