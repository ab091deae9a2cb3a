package convert

import (
	"reflect"
	"testing"
)

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
