package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// agencies are wire services a byline may name instead of, or beside, a
// person. Short all-capital forms match case-sensitively.
var agencies = []string{
	"Associated Press", "Agence France-Presse", "Agence France Presse", "Reuters", "Xinhua",
	"Bloomberg", "Press Association", "Deutsche Presse-Agentur", "Kyodo", "Yonhap",
	"Canadian Press", "Australian Associated Press", "Anadolu", "Belga", "Bernama",
	"Interfax", "TASS", "ANSA", "EFE", "AFP", "AP", "dpa", "DPA", "PA", "ANP", "UPI",
	"AAP", "APA", "KNA", "epd", "SDA", "PTI", "IANS", "CNA", "CP", "Xinhua News Agency",
}

// agencyName returns the canonical agency that s names exactly (ignoring
// case for names longer than four letters), or "".
func agencyName(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "()[].,;")
	for _, a := range agencies {
		if s == a || len(a) > 4 && strings.EqualFold(s, a) {
			return a
		}
	}
	return ""
}

// roleWords are the words of role-only bylines and of job titles:
//
//	VAN ONZE CORRESPONDENT     Staff Reporter     Our Foreign Staff
//	Staff Writer               Chief Political Correspondent
var roleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`staff reporter reporters writer writers correspondent
		correspondents editor editors columnist contributor contributing our own van onze
		from the a an special foreign political chief senior bureau desk news health
		science business sports sport tech technology political economics economic city
		home affairs diplomatic defence defense security environment education arts
		culture media crime legal investigations investigative associate deputy managing
		executive correspondente correspondant correspondante notre envoyé envoyée
		spécial spéciale rédaction la le de du des unser unsere korrespondent
		korrespondentin redaktion nuestro nuestra corresponsal redacción enviado
		especial redactie onze verslaggever verslaggeefster
		analyst critic photographer agencies agency wires wire services online web
		digital daily weekly international national regional local and`) {
		m[w] = true
	}
	return m
}()

// isRoleOnly reports whether every word of s is a role word:
// "VAN ONZE CORRESPONDENT", "Staff Reporter".
func isRoleOnly(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.'
	})
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !roleWords[w] {
			return false
		}
	}
	return true
}

// titleNouns end job titles: "Transport Correspondent", "Staff Writer".
var titleNouns = map[string]bool{"correspondent": true, "writer": true, "reporter": true,
	"editor": true, "columnist": true, "staff": true, "analyst": true, "critic": true,
	"photographer": true, "contributor": true, "chief": true, "producer": true,
	"korrespondent": true, "korrespondentin": true, "redakteur": true, "redakteurin": true,
	"correspondant": true, "correspondante": true, "rédacteur": true, "rédactrice": true,
	"corresponsal": true, "redactor": true, "redactora": true, "verslaggever": true,
	"redacteur": true, "bureau": true, "desk": true}

// isTitle recognises a job title after a name: a role-only phrase, or one
// whose last word is a title noun ("Transport Correspondent").
func isTitle(s string) bool {
	if isRoleOnly(s) {
		return true
	}
	f := strings.Fields(strings.ToLower(s))
	return len(f) > 0 && len(f) <= 5 && titleNouns[strings.Trim(f[len(f)-1], ".")]
}

// nameSuffixes stay attached to the name before them: "John Smith, Jr.".
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true,
	"phd": true, "md": true, "ph.d": true, "esq": true, "obe": true, "mbe": true, "cbe": true,
	"ma": true, "msc": true, "mph": true, "mba": true, "rn": true, "dphil": true, "dds": true,
	"lpn": true, "np": true, "facp": true, "frcp": true, "cpa": true, "llm": true}

// romanSuffixes follow a name without a comma: "John Smith III".
var romanSuffixes = map[string]bool{"ii": true, "iii": true, "iv": true}

func isNameSuffix(s string) bool {
	return nameSuffixes[strings.ToLower(strings.Trim(strings.TrimSpace(s), "."))]
}

// maxAcronym is the longest all-capital word read as an organisation
// after a name ("CNN", "BBC", "NZZ"), in letters.
const maxAcronym = 6

// isOrganisation reports whether a piece after a name's comma names an
// organisation rather than a job: a wire agency, the publication itself,
// or an acronym ("Jane Doe, CNN", "Jane Doe, The Ledger" in The Ledger).
func isOrganisation(piece, publication string) bool {
	if agencyName(piece) != "" || publication != "" && strings.EqualFold(piece, publication) {
		return true
	}
	n := utf8.RuneCountInString(piece)
	return n >= 2 && n <= maxAcronym && isAllCaps(piece) && !strings.ContainsAny(piece, " .-") &&
		!isRoleOnly(piece) && !isNameSuffix(piece)
}

// looksLikeName reports whether s could be a person's name: one to five
// words, each starting with an upper-case letter (or a particle such as
// "van", "de"), without digits or sentence punctuation.
func looksLikeName(s string) bool {
	if isHanName(s) {
		return true
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	upper := 0
	for _, w := range words {
		if strings.ContainsAny(w, "0123456789:!?@/") {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			upper++
		case nameParticles[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return upper > 0
}

// Chinese and Japanese personal names are written as 2 to 4 Han
// characters without spaces ("李明", "林靖东", "欧阳文华").
const (
	minHanName = 2
	maxHanName = 4
)

// isHanName reports whether s is one word of minHanName to maxHanName Han
// characters.
func isHanName(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= minHanName && n <= maxHanName
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// nameParticles are written lower case inside a name: "Jan van der Berg".
var nameParticles = map[string]bool{"van": true, "der": true, "den": true, "de": true, "del": true,
	"della": true, "di": true, "da": true, "du": true, "von": true, "zu": true, "la": true,
	"le": true, "dos": true, "das": true, "ten": true, "ter": true, "bin": true, "al": true}

// fixNameCase title-cases the ALL-CAPS words of a name and leaves mixed-case
// words alone:
//
//	MARTIN Kowalski     -> Martin Kowalski
//	HELEN MARSH     -> Helen Marsh
//	MCDONALD, O'BRIEN   -> McDonald, O'Brien
//	JAN VAN DER BERG    -> Jan van der Berg
//	REES-MOGG           -> Rees-Mogg
func fixNameCase(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if !isAllCaps(w) {
			continue
		}
		lw := strings.ToLower(w)
		switch {
		case i > 0 && i < len(words)-1 && nameParticles[lw]:
			words[i] = lw
		case isNameSuffix(w) && len(strings.Trim(w, ".")) <= 3 &&
			(romanSuffixes[lw] || i > 0 && strings.HasSuffix(words[i-1], ",")):
			// "John Smith III" and "Ruth Okafor, MD" stay as printed; a
			// surname that spells a degree ("BO MA") does not.
		default:
			words[i] = titleWord(w)
		}
	}
	return strings.Join(words, " ")
}

// isAllCaps reports whether w has at least two letters and no lower-case
// letter ("TREVOR", "O'BRIEN"; not "McDonald", not "J.").
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// titleWord capitalizes each part of an ALL-CAPS word after a hyphen or an
// apostrophe, and the letter after a leading "Mc".
func titleWord(w string) string {
	rs := []rune(strings.ToLower(w))
	up := true
	for i, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
			up = false
		}
		if r == '-' || r == '\'' || r == '’' {
			up = true
		}
	}
	if len(rs) > 3 && rs[0] == 'M' && rs[1] == 'c' {
		rs[2] = unicode.ToUpper(rs[2])
	}
	return string(rs)
}
