package convert

import (
	"regexp"
	"strings"
)

// creditMarkers lists the phrases that open a credit or a contact, with the
// role they give. Contacts have the role "contact". Longer phrases come
// first so that "Copy edited by" wins over "Edited by".
var creditMarkers = []struct{ phrase, role string }{
	{`additional reporting by`, RoleContributor},
	{`with reporting by`, RoleContributor},
	{`reporting by`, RoleContributor},
	{`contributing:`, RoleContributor},
	{`copy[- ]?edited by`, RoleCopyeditor},
	{`copy[- ]?editor:`, RoleCopyeditor},
	{`edited by`, RoleEditor},
	{`editor:`, RoleEditor},
	{`translated by`, RoleTranslator},
	{`translation by`, RoleTranslator},
	{`translation:`, RoleTranslator},
	{`photographs? by`, RolePhotographer},
	{`photography by`, RolePhotographer},
	{`photos? by`, RolePhotographer},
	{`photos?:`, RolePhotographer},
	{`pictures? by`, RolePhotographer},
	{`fotos?:`, RolePhotographer},
	{`graphics? by`, RoleIllustrator},
	{`graphics?:`, RoleIllustrator},
	{`illustrat(?:ion|ed) by`, RoleIllustrator},
	{`illustration:`, RoleIllustrator},
	{`comments to`, "contact"},
	{`contact the (?:writer|author|reporter) at`, "contact"},
	{`contact:`, "contact"},
	{`e-?mail:`, "contact"},
}

var creditMarkerRE, creditLeadRE = func() (*regexp.Regexp, *regexp.Regexp) {
	var alts, plain []string
	for _, m := range creditMarkers {
		alts = append(alts, "("+m.phrase+")")
		plain = append(plain, m.phrase)
	}
	return regexp.MustCompile(`(?i)\b(?:` + strings.Join(alts, "|") + `)\s*`),
		regexp.MustCompile(`(?i)^(?:` + strings.Join(plain, "|") + `)`)
}()

// mayHoldCredit is a cheap filter before creditMarkerRE: every marker
// holds "by ", a colon, "to " (comments to) or "contact".
func mayHoldCredit(s string) bool {
	return strings.Contains(s, "by ") || strings.Contains(s, "By ") || strings.Contains(s, "BY ") ||
		strings.IndexByte(s, ':') >= 0 || strings.Contains(s, "to ") || strings.Contains(s, "TO ") ||
		strings.Contains(s, "ontact") || strings.Contains(s, "ONTACT")
}

var emailRE = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

// A segment is one part of a byline line: the text before any marker
// (role ""), a credit (role copyeditor, editor, ...) or a contact.
type segment struct {
	role string
	text string
}

// splitCredits cuts a line at every credit or contact phrase:
//
//   - By Lan Xinzhen Copyedited by Garth Wilson Comments to lan@bjreview.com
//     -> "- By Lan Xinzhen" | copyeditor "Garth Wilson" | contact "lan@bjreview.com"
//
// The first segment has role "" and may be empty.
func splitCredits(line string) []segment {
	if !mayHoldCredit(line) {
		return []segment{{text: strings.TrimSpace(line)}}
	}
	locs := creditMarkerRE.FindAllStringSubmatchIndex(line, -1)
	segs := []segment{{}}
	prev := 0
	for _, loc := range locs {
		segs[len(segs)-1].text = strings.TrimSpace(line[prev:loc[0]])
		role := ""
		for g := range creditMarkers {
			if loc[2+2*g] >= 0 {
				role = creditMarkers[g].role
				break
			}
		}
		segs = append(segs, segment{role: role})
		prev = loc[1]
	}
	segs[len(segs)-1].text = strings.TrimSpace(line[prev:])
	return segs
}

// creditsOf turns the names of one credit segment into credits:
// "Garth Wilson" -> one; "Ann Lee and Bo Ma" -> two.
func creditsOf(role, text string) []Credit {
	text = strings.Trim(strings.TrimSpace(text), ".;,/|·• ")
	var out []Credit
	for _, part := range authorSeparator.Split(text, -1) {
		for _, name := range strings.Split(part, ",") {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			out = append(out, Credit{Name: fixNameCase(name), Role: role, Raw: text})
		}
	}
	return out
}

// contactsOf returns the e-mail addresses of a contact segment, or the
// segment itself when it holds none ("Comments to the editor").
func contactsOf(text string) []string {
	if emails := emailRE.FindAllString(text, -1); len(emails) > 0 {
		return emails
	}
	if t := strings.Trim(strings.TrimSpace(text), "."); t != "" {
		return []string{t}
	}
	return nil
}

// creditLine reads a paragraph that is only credits and contacts:
//
//	Copyedited by Garth Wilson
//	Photo: Jane Doe / Translated by Li Wei
//	Comments to lanxinzhen@bjreview.com
//
// It reports false, changing nothing, when the paragraph holds anything
// else, such as a caption ("Photo: Soldiers patrol the market at dawn.").
func creditLine(text string) (credits []Credit, contacts []string, ok bool) {
	if len(text) > 200 || !creditLeadRE.MatchString(text) {
		return nil, nil, false
	}
	segs := splitCredits(text)
	if len(segs) < 2 || segs[0].text != "" {
		return nil, nil, false
	}
	for _, s := range segs[1:] {
		if s.role == "contact" {
			c := contactsOf(s.text)
			if len(emailRE.FindAllString(s.text, -1)) == 0 && len(strings.Fields(s.text)) > 6 {
				return nil, nil, false
			}
			contacts = append(contacts, c...)
			continue
		}
		cs := creditsOf(s.role, s.text)
		for _, c := range cs {
			if !looksLikeName(c.Name) && agencyName(c.Name) == "" {
				return nil, nil, false
			}
		}
		credits = append(credits, cs...)
	}
	return credits, contacts, true
}
