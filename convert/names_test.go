package convert

import "testing"

func TestFixNameCase(t *testing.T) {
	rows(t, "fixNameCase", fixNameCase, map[string]string{
		"MARTIN Kowalski":   "Martin Kowalski",
		"HELEN MARSH":       "Helen Marsh",
		"MARY MCDONALD":     "Mary McDonald",
		"SEAN O'BRIEN":      "Sean O'Brien",
		"JAN VAN DER BERG":  "Jan van der Berg",
		"WILLIAM REES-MOGG": "William Rees-Mogg",
		"McDonald":          "McDonald",
		"J. R. SMITH III":   "J. R. Smith III",
		"Anna van der Berg": "Anna van der Berg",
		"BO MA":             "Bo Ma",
		"RUTH OKAFOR, MD":   "Ruth Okafor, MD",
		"LI MD":             "Li Md",
	})
}
