package convert

import "testing"

func TestParseBylineDeskStaff(t *testing.T) {
	people, date := parseByline("REW STAFF • AUGUST 22, 2012", "")
	if len(people) != 0 {
		t.Errorf("desk byline gave people %+v", people)
	}
	if date.Year != 2012 {
		t.Errorf("date after a desk byline lost: %+v", date)
	}
}
