package convert

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// rules names the function each file of testdata/rules checks: the rows of
// NAME.txt are calls of rules[NAME] (ruleFile; README.md there has the
// format). A rule that gives a Date, a struct or an unused result is
// checked through a small adapter beside its other tests.
var rules = map[string]any{
	// apa.go
	"apaField":    apaFieldOf,
	"isAPASource": apaSource,
	// artifacts.go
	"isContinuedLine":   isContinuedLine,
	"isCopyright":       isCopyright,
	"isFurniture":       isFurniture,
	"isPlaceholder":     isPlaceholder,
	"pressReaderFooter": pressReaderFooter,
	// byline.go, bylinetail.go, names.go
	"agencyName":        agencyName,
	"bylineField":       bylineField,
	"containsFoldASCII": containsFoldASCII,
	"fixNameCase":       fixNameCase,
	"isBareName":        isBareName,
	"isBylineLine":      isBylineLine,
	"isOrganisation":    isOrganisation,
	"isRoleOnly":        isRoleOnly,
	"isTitle":           isTitle,
	"parseByline":       parsed,
	"roleNotes":         roleNotesOf,
	"splitAffiliation":  splitAffiliation,
	"stripBylineLead":   leadOf,
	"stripBylineTail":   bylineTail,
	"stripFieldLead":    stripFieldLead,
	// clipping.go, concat.go, datelines.go
	"endsASentence":   endsASentence,
	"isKicker":        isKicker,
	"isMastheadLine":  isMastheadLine,
	"isSectionLabel":  sectionLabel,
	"parseDateline":   dateline,
	"splitWirePrefix": wirePrefix,
	"startsContents":  contents,
	// credits.go
	"contactsOf":      contactsOf,
	"contributedLine": contributed,
	"creditLine":      creditLineOf,
	"creditNote":      creditNoteOf,
	"isHanName":       isHanName,
	// date.go, decode.go, inputs.go, language.go
	"Error":            errorMessage,
	"InputExtensions":  InputExtensions,
	"guessLanguage":    guessLanguage,
	"impossibleDates":  impossibleDates,
	"isImpossibleDate": isImpossibleDate,
	"repairMojibake":   repaired,
	// html.go, htmlpage.go, factiva.go, rtf.go
	"IsHTML":           IsHTML,
	"IsRTF":            IsRTF,
	"factivaDocID":     factivaDocID,
	"factivaHeadline":  factivaHeadline,
	"factivaLanguage":  factivaLanguage,
	"isFactivaCaption": isFactivaCaption,
	"isoDate":          isoDateOf,
	"languageOfPage":   languageOfPage,
	"titleWithoutSite": titleWithoutSite,
	// lexisnexis.go, nexisuni.go, nexisfields.go
	"applyNexisByline": nexisByline,
	"cleanNexisByline": cleanNexisByline,
	"detectNexisUni":   detectNexisUniOf,
	"docMarkerCounts":  docMarkerCounts,
	"isDocMarker":      isDocMarker,
	"isNexisEnd":       isNexisEnd,
	"lexisField":       lexisField,
	"nexisDate":        nexisDateOf,
	"nexisDateLine":    nexisDateLineOf,
	"nexisField":       nexisField,
	"nexisSection":     nexisSection,
	"splitGluedFields": splitGluedFields,
	// date.go, deskbyline.go, credits.go
	"parseDate":       parseDateOf,
	"hasYearDigits":   yearDigitsOf,
	"isDeskStaff":     isDeskStaff,
	"opensWithMarker": opensWithMarker,
	// pdfsource.go
	"readSourceLine":    sourceLineOf,
	"readSourceFields":  sourceFieldsOf,
	"readIndexEntry":    indexEntryOf,
	"sameTitle":         sameTitle,
	"isPublicationName": isPublicationName,
	// pdfpage.go, pdfbylines.go, pdfsite.go, pdfexport.go
	"readFolio":          folioOf,
	"pageNumber":         pageNumber,
	"isStoryHead":        storyHeadOf,
	"smallCapsName":      smallCapsNameOf,
	"pdfBylineForm":      pdfBylineForm,
	"smallCapsSignature": signatureOf,
	"siteFromTitle":      siteFromTitle,
	"printedTitle":       printedTitle,
	"isBrowserPrint":     browserPrintOf,
	"readExportHeader":   exportHeaderOf,
	// credits.go, pdfmany.go, clipping.go
	"creditMarkerAt": creditMarkerAt,
	"titleKey":       titleKey,
	"splitMasthead":  mastheadParts,
	// pdfweb.go, pdfbylines.go
	"isURLParagraph":    urlParagraphOf,
	"isLinkButton":      linkButtonOf,
	"urlLead":           urlLeadOf,
	"joinBrokenBylines": joinedBylinesOf,
	"endsWithStop":      endsWithStop,
	// pdfsignature.go
	"dropDeskSignature": deskSignatureOf,
}

// TestRules checks every rule file against its rule, one subtest a file,
// and fails for a file without a rule or a rule without a file.
func TestRules(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "rules", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		names = append(names, name)
		f, ok := rules[name]
		if !ok {
			t.Errorf("%s: no rule of that name in rules", p)
			continue
		}
		t.Run(name, func(t *testing.T) { ruleFile(t, name, f) })
	}
	for name := range rules {
		if !slices.Contains(names, name) {
			t.Errorf("rule %s: no file testdata/rules/%s.txt", name, name)
		}
	}
}

// TestParseRules: the rule file format reads quoted fields, comments and
// aligned columns, and refuses what it cannot read, naming file and line.
func TestParseRules(t *testing.T) {
	rows, err := parseRules("r.txt", []byte("# a comment\n\na b\t\t\"\"\ttrue\t# a note\n\"\\tx \"\t1\r\n"))
	var got string
	for _, r := range rows {
		got += fmt.Sprintf("%d:%q ", r.line, r.fields)
	}
	if want := `3:["a b" "" "true"] 4:["\tx " "1"] `; err != nil || got != want {
		t.Errorf("parseRules = %s, %v; want %s", got, err, want)
	}
	for in, want := range map[string]string{
		"ok\n\"open\tx\n": `r.txt:2: field "open is no Go string: invalid syntax`,
		"x \ty\n":         `r.txt:1: field "x " begins or ends in white space: quote it`,
	} {
		if _, err := parseRules("r.txt", []byte(in)); fmt.Sprint(err) != want {
			t.Errorf("parseRules(%q): %v; want %s", in, err, want)
		}
	}
}
