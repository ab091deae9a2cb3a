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

// inlineEnd returns what ends the data of an inline image whose dictionary
// is args (its keys and values, in order, as the operands of ID): "~>"
// for ASCII85 data, ">" for ASCIIHex, "" for any other (binary) data,
// which has no end of its own. The first filter decides: the data are
// what it reads.
func inlineEnd(args []operand) string {
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
			return "~>"
		case "AHx", "ASCIIHexDecode":
			return ">"
		}
		return ""
	}
	return ""
}

// skipInlineData reads past an inline image's data, which start one
// white-space byte after ID, and the EI that ends them: the first "EI"
// past end (see inlineEnd; at once when end is ""), with white space
// before it and white space, a delimiter or the stream's end after it.
// At the stream's end it stops there.
func (b *contentReader) skipInlineData(end string) {
	b.readByte() // the white space after ID
	for matched := 0; matched < len(end); {
		c := b.readByte()
		if b.eof {
			return
		}
		switch {
		case c == end[matched]:
			matched++
		case c == end[0]:
			matched = 1
		default:
			matched = 0
		}
	}
	space := true // the byte before is white space
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
		space = isSpace(c)
	}
}
