package pdftext

// Inline images: a content stream may hold an image's data itself,
// between the operators ID and EI, after the image's dictionary:
//
//	BI /W 4202 /H 125 /BPC 8 /CS /RGB /F [/A85 /Fl]
//	ID
//	Gb"/l4jH/_PLWeUp0A'SXC>5H!lc0ngbCKJ)@;(J`W.8<^_ ... ~>
//	EI
//
// The data are not tokens: read as such, binary bytes or ASCII85's ('>'
// among them) fail the page as damaged. The reader skips them instead.

// inlineEnd returns what ends the data of an inline image whose
// dictionary is args (its keys and values, in order, as the operands of
// ID), and whether they are ASCII: end is '~' for ASCII85 data, whose end
// is "~>" and which may hold "EI" set off by white space ('~' is not
// among its digits; a damaged end without its '>' still ends there); 0
// for any other data, whose end is the EI itself (ASCIIHex data cannot
// hold "EI": 'I' is no hex digit). The first filter decides: the data
// are what it reads.
func inlineEnd(args []operand) (end byte, ascii bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if k := args[i].Name(); k != "F" && k != "Filter" {
			continue
		}
		f := args[i+1]
		if f.kind == opArray && len(f.arr) > 0 {
			f = f.arr[0]
		}
		switch f.Name() {
		case "A85", "ASCII85Decode":
			return '~', true
		case "AHx", "ASCIIHexDecode":
			return 0, true
		}
		return 0, false
	}
	return 0, false
}

// skipInlineData reads past an inline image's data, which start one
// white-space byte after ID, and the EI that ends them: the first "EI"
// past the byte end (see inlineEnd; at once when end is 0), with white
// space before it (or, in ASCII data, the '>' that ends them: "~>EI")
// and white space, a delimiter or the stream's end after it. At the
// stream's end it stops there.
func (b *contentReader) skipInlineData(end byte, ascii bool) {
	b.readByte() // the white space after ID
	for end != 0 {
		if c := b.readByte(); c == end || b.eof {
			break
		}
	}
	if b.eof {
		return
	}
	space := true // EI may start here
	for {
		c := b.readByte()
		if b.eof {
			return
		}
		if space && c == 'E' {
			if c = b.readByte(); c == 'I' {
				next := b.readByte()
				if b.eof || isSpace(next) {
					return
				}
				if isDelim(next) {
					b.unreadByte()
					return
				}
				c = next
			}
			if b.eof {
				return
			}
		}
		space = isSpace(c) || ascii && c == '>'
	}
}
