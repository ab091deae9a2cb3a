package convert

import (
	"reflect"
	"testing"
)

func TestIsLinkButton(t *testing.T) {
	for _, c := range []struct {
		lines []string
		want  bool
	}{
		{[]string{"(/club/) COAST CONNECTED JOIN (/club", "/join)"}, true},
		{[]string{"SUBSCRIBE (https://coast.example/subscribe)"}, true},
		{[]string{"(/home/)"}, true},
		{[]string{"Read more (/news/quay/)"}, false},
		{[]string{"COAST CONNECTED JOIN"}, false},
		{[]string{"ONE TWO THREE FOUR FIVE SIX SEVEN (/x/)"}, false},
		{[]string{"The board (AP) met."}, false},
		{[]string{"BY ANN LEE (/AUTHOR/ANN-LEE/)"}, false},
		{[]string{"JOIN (/club/) NOW"}, false},
	} {
		if got := isLinkButton(c.lines); got != c.want {
			t.Errorf("isLinkButton(%q) = %v, want %v", c.lines, got, c.want)
		}
	}
}

func TestDropLinkButtons(t *testing.T) {
	in := []string{"The board met.", "", "JOIN (/club", "/join)", "", "It voted."}
	kept, removed := dropLinkButtons(in)
	if want := []string{"The board met.", "", "It voted."}; !reflect.DeepEqual(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
	if len(removed) != 1 || removed[0].Kind != RemovedFurniture || removed[0].Text != "JOIN (/club /join)" {
		t.Errorf("removed %+v", removed)
	}
}
