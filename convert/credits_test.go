package convert

import (
	"fmt"
	"reflect"
	"testing"
)

// creditNoteOf is creditNote's credits as "role:name", whether it found a
// note, and the text before it.
func creditNoteOf(in string) ([]string, bool, string) {
	got, rest, ok := creditNote(in)
	return creditStrings(got), ok, rest
}

// creditLineOf is creditLine's credits as "role:name" and whether the line
// is a credit line.
func creditLineOf(in string) ([]string, bool) {
	got, _, ok := creditLine(in)
	return creditStrings(got), ok
}

// contributed is contributedLine's credits as "role:name" and whether the
// line names contributors.
func contributed(in string) ([]string, bool) {
	got, ok := contributedLine(in)
	return creditStrings(got), ok
}

func TestSplitCredits(t *testing.T) {
	got := splitCredits("- By Wen Lihua Copyedited by Lena Voss Comments to wen@gazette.example")
	want := []segment{{"", "- By Wen Lihua"}, {RoleCopyeditor, "Lena Voss"}, {"contact", "wen@gazette.example"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("splitCredits = %q, want %q", got, want)
	}
	// role gives the role of the credit after the byline, or how many
	// segments there are if not two.
	role := func(in string) string {
		segs := splitCredits(in)
		if len(segs) != 2 {
			return fmt.Sprint(len(segs), " segments")
		}
		return segs[1].role
	}
	rows(t, "splitCredits", role, map[string]string{
		"Copy edited by A B":            RoleCopyeditor,
		"Edited by A B":                 RoleEditor,
		"Translated by A B":             RoleTranslator,
		"Photo: A B":                    RolePhotographer,
		"Photo by A B":                  RolePhotographer,
		"Graphic by A B":                RoleIllustrator,
		"Additional reporting by A B":   RoleContributor,
		"Contact the writer at a@b.org": "contact",
	})
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

func TestContactsWithoutEmail(t *testing.T) {
	if _, k, ok := creditLine("Contact: the harbour desk"); !ok || !reflect.DeepEqual(k, []string{"the harbour desk"}) {
		t.Errorf("contact without an address: %q, %v", k, ok)
	}
}
