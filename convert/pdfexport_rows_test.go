package convert

import "testing"

func TestHeaderRows(t *testing.T) {
	dated := row{"Coast Weekly LOCAL Monday, 5 June 2023", 811, 9.5}
	for _, c := range []struct {
		name string
		rows []row
		want int
	}{
		{"edition row under the date", []row{dated, {"North, South Page 1", 798, 8.5}}, 2},
		{"headline close under the header", []row{dated, {"North, South Page 1", 798, 8.5}, {"Storm hits the", 776, 15.6}}, 2},
		{"small headline close under it", []row{dated, {"North, South Page 1", 798, 8.5}, {"Storm hits", 783, 11.1}}, 2},
		{"box text close under it", []row{dated, {"North, South Page 1", 798, 8.5}, {"Harbour Tides rose on Monday, and the board met again to weigh the plan for the quay", 784, 8.2}}, 2},
		{"row far below", []row{dated, {"North Page 1", 760, 8.5}}, 1},
		{"dated row alone", []row{dated}, 1},
	} {
		if got := headerRows(c.rows); got != c.want {
			t.Errorf("%s: headerRows = %d, want %d", c.name, got, c.want)
		}
	}
}
