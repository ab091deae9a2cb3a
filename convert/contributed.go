package convert

import "strings"

// contributedObjects are what a contributor contributed to, in
// contributedRE: "contributed to this report".
var contributedObjects = []string{"report", "story", "article"}

// contributedRE matches the closing credit of agency and web copy:
// "CNN's Bo Ma contributed to this report.", "The Ledger's Bo Ma
// contributed reporting.", "Ann Lee and Cy Dee contributed reporting."
var contributedRE = lazyRE(`^(?:(?:\p{Lu}[\p{L}.&]*\s+){0,3}[\p{L}.&]+['’]s\s+)?(.+?)\s+contributed(?:\s+reporting)?(?:\s+to\s+this\s+(?:` +
	quoteAlternatives(contributedObjects) + `))?\.?$`)

// contributedEnds are the words that end a line contributedRE matches,
// before a full stop: its last word, whichever of its optional parts
// the line holds.
var contributedEnds = append([]string{"contributed", "reporting"}, contributedObjects...)

// contributedLine reads a "... contributed to this report" line into
// contributor credits; ok is false when the names do not look like names.
// The cheap test before the regexp: the line, trimmed and without a
// closing full stop, ends with a word of contributedEnds.
func contributedLine(text string) ([]Credit, bool) {
	if len(text) > maxCreditNote || !endsLikeContributed(text) {
		return nil, false
	}
	return contributedCredits(text)
}

// endsLikeContributed reports whether text, trimmed and without a closing
// full stop, ends with a word of contributedEnds.
func endsLikeContributed(text string) bool {
	t := strings.TrimSuffix(trimSpace(text), ".")
	for _, w := range contributedEnds {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	return false
}

// contributedCredits is contributedLine without its cheap test and limit.
func contributedCredits(text string) ([]Credit, bool) {
	if !strings.Contains(text, "contributed") {
		return nil, false
	}
	m := contributedRE.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return nil, false
	}
	cs := creditsOf(RoleContributor, m[1])
	for _, c := range cs {
		// Full names only: "He contributed to this report" names nobody.
		if !looksLikeName(c.Name) || !strings.Contains(c.Name, " ") {
			return nil, false
		}
	}
	return cs, len(cs) > 0
}
