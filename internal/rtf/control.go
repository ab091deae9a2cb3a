package rtf

import "strings"

// maxWordLen is the longest control word name the specification allows;
// longer runs of letters are read whole but match no known word.
const maxWordLen = 32

// control reads a control word or symbol; p.pos is at its backslash.
func (p *parser) control() {
	p.pos++
	if p.pos >= len(p.data) {
		return
	}
	c := p.data[p.pos]
	if isLetter(c) {
		name, param, has := p.readWord()
		p.word(name, param, has)
		return
	}
	p.pos++
	if c == '\'' {
		p.hexByte()
		return
	}
	if c == '*' {
		if p.st.dest == destText {
			p.st.dest = destSkip // an ignorable destination
		}
		return
	}
	if p.skipping() {
		return
	}
	switch c {
	case '\\', '{', '}':
		p.flush()
		p.emit(rune(c))
	case '~':
		p.flush()
		p.emit('\u00a0')
	case '_':
		p.flush()
		p.emit('-') // a non-breaking hyphen
	case '\n', '\r':
		p.paragraphBreak()
	case '\t':
		p.flush()
		p.emit('\t')
	}
	// \- (an optional hyphen), \: and \| show nothing.
}

// readWord reads a control word's name, its numeric parameter and the
// space that may end it. Parameters are clamped to ±1e9.
func (p *parser) readWord() (name string, param int, has bool) {
	s := p.pos
	for p.pos < len(p.data) && isLetter(p.data[p.pos]) {
		p.pos++
	}
	name = string(p.data[s:min(p.pos, s+maxWordLen)])
	if p.pos-s > maxWordLen {
		name = "" // no such word
	}
	neg := false
	if p.pos+1 < len(p.data) && p.data[p.pos] == '-' && isDigit(p.data[p.pos+1]) {
		neg = true
		p.pos++
	}
	for p.pos < len(p.data) && isDigit(p.data[p.pos]) {
		has = true
		if param < 1e9 {
			param = param*10 + int(p.data[p.pos]-'0')
		}
		p.pos++
	}
	if neg {
		param = -param
	}
	if p.pos < len(p.data) && p.data[p.pos] == ' ' {
		p.pos++
	}
	return name, param, has
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// hexByte reads the two hex digits of \'hh: one byte in the current code
// page.
func (p *parser) hexByte() {
	if p.pos+2 > len(p.data) {
		p.pos = len(p.data)
		return
	}
	hi, ok1 := unhex(p.data[p.pos])
	lo, ok2 := unhex(p.data[p.pos+1])
	p.pos += 2
	if p.skipping() || !ok1 || !ok2 {
		return
	}
	p.codePageByte(hi<<4 | lo)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// skipDestinations are the destinations whose text is not body text.
var skipDestinations = toSet("colortbl stylesheet info pict object objdata header headerl headerr " +
	"headerf footer footerl footerr footerf footnote annotation atnid atnauthor fldinst " +
	"listtable listoverridetable revtbl rsidtbl generator xmlnstbl themedata " +
	"colorschememapping datastore latentstyles nonshppict filetbl pgdsctbl private " +
	"userprops docvar template bkmkstart bkmkend")

// symbols are the control words that stand for one character; "" for the
// zero-width marks, which show nothing.
var symbols = map[string]string{
	"emdash": "\u2014", "endash": "\u2013", "emspace": " ", "enspace": " ", "qmspace": " ",
	"bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
	"rdblquote": "\u201d", "tab": "\t", "line": "\n", "cell": "\t", "nestcell": "\t",
	"zwj": "", "zwnj": "", "ltrmark": "", "rtlmark": "", "zwbo": "", "zwnbo": "",
}

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// word acts on one control word.
func (p *parser) word(name string, param int, has bool) {
	if name == "bin" {
		// \binN: N bytes of binary data follow; a fallback counts it as one.
		p.pos += max(0, min(param, len(p.data)-p.pos))
		p.skipping()
		return
	}
	if p.skipping() {
		return
	}
	if s, ok := symbols[name]; ok {
		p.flush()
		for _, r := range s {
			p.emit(r)
		}
		return
	}
	switch name {
	case "par", "sect", "page":
		p.paragraphBreak()
	case "row", "nestrow":
		p.endRow()
	case "u":
		p.flush()
		if param < 0 {
			param += 65536
		}
		p.emit(rune(param))
		p.skip = p.st.uc
	case "uc":
		p.st.uc = max(0, param)
	default:
		p.property(name, param, has)
	}
}

// property acts on a control word that changes the group's state.
func (p *parser) property(name string, param int, has bool) {
	on := !has || param != 0
	switch name {
	case "b":
		p.st.bold = on
	case "i":
		p.st.italic = on
	case "v":
		p.st.hidden = on
	case "fs":
		if param > 0 {
			p.st.size = param
		}
	case "qc":
		p.st.centered = true
	case "pard", "ql", "qr", "qj", "qd":
		p.st.centered = false
	case "plain":
		p.st.bold, p.st.italic, p.st.hidden, p.st.size, p.st.fontSet = false, false, false, 24, false
	case "f":
		p.fontChange(param)
	case "fcharset":
		if p.st.dest == destFontTable {
			p.fonts[p.st.font] = charsetCodePage(param)
		}
	case "cpg":
		if p.st.dest == destFontTable && param > 0 {
			p.fonts[p.st.font] = param
		}
	case "deff":
		p.defFont = param
	case "ansicpg":
		if param > 0 {
			p.docCodePage = param
		}
	case "mac":
		p.docCodePage = 10000
	case "pc":
		p.docCodePage = 437
	case "pca":
		p.docCodePage = 850
	case "fonttbl":
		if p.st.dest == destText {
			p.st.dest = destFontTable
		}
	default:
		if skipDestinations[name] {
			p.st.dest = destSkip
		}
	}
}

// fontChange acts on \fN: in the font table it starts a font's entry,
// elsewhere it selects the font, and with it the code page of its charset.
func (p *parser) fontChange(n int) {
	if p.st.dest == destFontTable {
		p.st.font = n
		return
	}
	p.flush()
	p.st.codePage = p.fonts[n]
	p.st.fontSet = true
}

// paragraphBreak ends a paragraph of body text.
func (p *parser) paragraphBreak() {
	if p.st.dest == destText && !p.st.hidden {
		p.endParagraph()
	}
}

// endRow ends a table row: the paragraph holding its cells, without the
// separator the last \cell left.
func (p *parser) endRow() {
	if p.st.dest != destText || p.st.hidden {
		return
	}
	p.flush()
	if s := p.cur.String(); strings.HasSuffix(s, "\t") {
		p.cur.Reset()
		p.cur.WriteString(strings.TrimRight(s, "\t"))
	}
	p.endParagraph()
}
