package convert

// The publication of a page printed from a news site whose name is
// nowhere in its text: the browser printed the page's address, whose host
// tells the site.

import "strings"

// newsSites maps a news site's domain to the publication's name as it
// styles itself. A host matches its own row or its parent domain's
// ("edition.cnn.com" is "cnn.com"), whole labels only. Sites that
// republish others' articles (aggregators, archives, e-paper kiosks) have
// no row: their address does not tell whose article it is.
var newsSites = map[string]string{
	// United States
	"wsj.com":            "The Wall Street Journal",
	"nytimes.com":        "The New York Times",
	"washingtonpost.com": "The Washington Post",
	"latimes.com":        "Los Angeles Times",
	"usatoday.com":       "USA Today",
	"chicagotribune.com": "Chicago Tribune",
	"bostonglobe.com":    "The Boston Globe",
	"sfchronicle.com":    "San Francisco Chronicle",
	"nypost.com":         "New York Post",
	"newsday.com":        "Newsday",
	"politico.com":       "Politico",
	"theatlantic.com":    "The Atlantic",
	"newyorker.com":      "The New Yorker",
	"time.com":           "Time",
	"bloomberg.com":      "Bloomberg",
	"cnn.com":            "CNN",
	"npr.org":            "NPR",
	"apnews.com":         "Associated Press",
	"reuters.com":        "Reuters",
	// United Kingdom and Ireland
	"theguardian.com":   "The Guardian",
	"ft.com":            "Financial Times",
	"thetimes.co.uk":    "The Times",
	"telegraph.co.uk":   "The Telegraph",
	"independent.co.uk": "The Independent",
	"economist.com":     "The Economist",
	"bbc.co.uk":         "BBC News",
	"bbc.com":           "BBC News",
	"dailymail.co.uk":   "Daily Mail",
	"irishtimes.com":    "The Irish Times",
	"scotsman.com":      "The Scotsman",
	// Canada, Australia, New Zealand, Asia
	"theglobeandmail.com":  "The Globe and Mail",
	"thestar.com":          "Toronto Star",
	"smh.com.au":           "The Sydney Morning Herald",
	"theage.com.au":        "The Age",
	"theaustralian.com.au": "The Australian",
	"nzherald.co.nz":       "The New Zealand Herald",
	"scmp.com":             "South China Morning Post",
	"straitstimes.com":     "The Straits Times",
	"thehindu.com":         "The Hindu",
	"japantimes.co.jp":     "The Japan Times",
	// Germany, Austria, Switzerland
	"sueddeutsche.de":  "Süddeutsche Zeitung",
	"faz.net":          "Frankfurter Allgemeine Zeitung",
	"zeit.de":          "Die Zeit",
	"spiegel.de":       "Der Spiegel",
	"welt.de":          "Die Welt",
	"taz.de":           "taz",
	"handelsblatt.com": "Handelsblatt",
	"tagesspiegel.de":  "Der Tagesspiegel",
	"fr.de":            "Frankfurter Rundschau",
	"derstandard.at":   "Der Standard",
	"diepresse.com":    "Die Presse",
	"nzz.ch":           "Neue Zürcher Zeitung",
	"tagesanzeiger.ch": "Tages-Anzeiger",
	// France, Belgium
	"lemonde.fr":    "Le Monde",
	"lefigaro.fr":   "Le Figaro",
	"liberation.fr": "Libération",
	"lesechos.fr":   "Les Echos",
	"leparisien.fr": "Le Parisien",
	"lesoir.be":     "Le Soir",
	// Spain, Portugal, Latin America
	"elpais.com":         "El País",
	"elmundo.es":         "El Mundo",
	"abc.es":             "ABC",
	"lavanguardia.com":   "La Vanguardia",
	"publico.pt":         "Público",
	"clarin.com":         "Clarín",
	"lanacion.com.ar":    "La Nación",
	"eluniversal.com.mx": "El Universal",
	"folha.uol.com.br":   "Folha de S.Paulo",
	// Italy, the Netherlands, the Nordic countries
	"corriere.it":    "Corriere della Sera",
	"repubblica.it":  "la Repubblica",
	"lastampa.it":    "La Stampa",
	"nrc.nl":         "NRC",
	"volkskrant.nl":  "de Volkskrant",
	"dn.se":          "Dagens Nyheter",
	"aftenposten.no": "Aftenposten",
	"politiken.dk":   "Politiken",
	"hs.fi":          "Helsingin Sanomat",
}

// siteOfAddress returns the publication whose site the web address in s
// belongs to, "" when s holds no address or its host is no news site of
// newsSites:
//
//	http://www.wsj.com/articles/uptown-maintains-upside   -> "The Wall Street Journal"
//	https://edition.cnn.com/2023/05/03/world/quay         -> "CNN"
//	https://wsj.com.example.net/x, https://notwsj.com/    -> ""
func siteOfAddress(s string) string {
	host := addressHost(s)
	for host != "" {
		if name, ok := newsSites[host]; ok {
			return name
		}
		_, parent, ok := strings.Cut(host, ".")
		if !ok {
			break
		}
		host = parent
	}
	return ""
}

// addressHost returns the host of the first web address in s (after
// "http://", "https://" or a bare "www."), in lower case and without a
// port or trailing dot; "" when there is none.
func addressHost(s string) string {
	lower := strings.ToLower(s)
	i := strings.Index(lower, "://")
	switch {
	case i >= 0 && (strings.HasSuffix(lower[:i], "http") || strings.HasSuffix(lower[:i], "https")):
		lower = lower[i+3:]
	default:
		j := strings.Index(lower, "www.")
		if j < 0 || j > 0 && isHostByte(lower[j-1]) {
			return ""
		}
		lower = lower[j:]
	}
	end := 0
	for end < len(lower) && isHostByte(lower[end]) {
		end++
	}
	return strings.TrimRight(lower[:end], ".")
}

// isHostByte reports whether c can be part of a host name.
func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
}
