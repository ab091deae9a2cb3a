package convert

import (
	"fmt"
	"reflect"
	"testing"
)

// found is creditStrings for a rule that reports whether it matched: nil
// when it did not, never nil when it did, so that a nil row means "no
// credit here".
func found(cs []Credit, ok bool) []string {
	if !ok {
		return nil
	}
	return append([]string{}, creditStrings(cs)...)
}

func TestCreditNote(t *testing.T) {
	note := func(in string) ([]string, string) { got, rest, ok := creditNote(in); return found(got, ok), rest }
	rows2(t, "creditNote", note, map[string]two[[]string, string]{
		"The port reopened on Monday. (Reporting by Ann Lee; Editing by Bo Ma)": {
			[]string{"contributor:Ann Lee", "editor:Bo Ma"}, "The port reopened on Monday."},
		"港口周一重新开放。（编译/李明）":                                                     {[]string{"translator:李明"}, "港口周一重新开放。"},
		"(Translated by Ruth Okafor)":                                          {[]string{"translator:Ruth Okafor"}, ""},
		"The port reopened (see photo by the harbour office)":                  {nil, ""}, // prose in parentheses
		"The port reopened. (Photo: crowds at the quay on the first morning.)": {nil, ""}, // a caption
		"The port reopened on Monday.":                                         {nil, ""},
	})
}

func TestCreditLineQualified(t *testing.T) {
	rows(t, "creditLine", func(in string) []string { got, _, ok := creditLine(in); return found(got, ok) }, map[string][]string{
		"Top photo by Ana Ruiz":      {"photographer:Ana Ruiz"},
		"Main image: Tom Lee":        nil, // "image:" is not a credit phrase
		"Cover photo: Ana Ruiz":      {"photographer:Ana Ruiz"},
		"Top stories by the harbour": nil,
		"摄影：李明":                      {"photographer:李明"},
		"Übersetzung: Jan Weber":     {"translator:Jan Weber"},
	})
}

func TestContributedLine(t *testing.T) {
	rows(t, "contributedLine", func(in string) []string { return found(contributedLine(in)) }, map[string][]string{
		"Ann Lee contributed to this report.":                 {"contributor:Ann Lee"},
		"The Ledger's Bo Ma contributed reporting.":           {"contributor:Bo Ma"},
		"Ann Lee and Cy Dee contributed to this story":        {"contributor:Ann Lee", "contributor:Cy Dee"},
		"He contributed to this report.":                      nil, // names nobody
		"Everyone in the village contributed to the repairs.": nil,
		"Ann contributed.":                                    nil, // not a full name
	})
}

func TestIsHanName(t *testing.T) {
	rows(t, "isHanName", isHanName, map[string]bool{"李明": true, "欧阳文华": true, "李": false,
		"港口周一重新开放": false, "李 明": false, "Li Ming": false})
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
	rows(t, "contactsOf", contactsOf, map[string][]string{
		"Ruth Okafor, harbour desk.": {"Ruth Okafor, harbour desk"},
		"write to r@ledger.example":  {"r@ledger.example"},
		" . ":                        nil,
	})
	if _, k, ok := creditLine("Contact: the harbour desk"); !ok || !reflect.DeepEqual(k, []string{"the harbour desk"}) {
		t.Errorf("contact without an address: %q, %v", k, ok)
	}
}
