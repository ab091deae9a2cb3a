package rtf

import (
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// codePages maps the Windows code page numbers RTF names (\ansicpg, \cpg)
// to decoders. A number not listed is read as Windows-1252.
var codePages = map[int]encoding.Encoding{
	437: charmap.CodePage437, 850: charmap.CodePage850, 852: charmap.CodePage852,
	855: charmap.CodePage855, 858: charmap.CodePage858, 860: charmap.CodePage860,
	862: charmap.CodePage862, 863: charmap.CodePage863, 865: charmap.CodePage865,
	866: charmap.CodePage866, 874: charmap.Windows874,
	932: japanese.ShiftJIS, 936: simplifiedchinese.GBK, 949: korean.EUCKR, 950: traditionalchinese.Big5,
	1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252,
	1253: charmap.Windows1253, 1254: charmap.Windows1254, 1255: charmap.Windows1255,
	1256: charmap.Windows1256, 1257: charmap.Windows1257, 1258: charmap.Windows1258,
	10000: charmap.Macintosh, 10007: charmap.MacintoshCyrillic, 20866: charmap.KOI8R, 21866: charmap.KOI8U,
	28591: charmap.ISO8859_1, 28592: charmap.ISO8859_2, 28593: charmap.ISO8859_3,
	28594: charmap.ISO8859_4, 28595: charmap.ISO8859_5, 28596: charmap.ISO8859_6,
	28597: charmap.ISO8859_7, 28598: charmap.ISO8859_8, 28599: charmap.ISO8859_9,
	28605: charmap.ISO8859_15, 54936: simplifiedchinese.GB18030,
}

// charsets maps the \fcharset numbers of the font table to code pages; 0
// means the document's code page.
var charsets = map[int]int{
	0: 0, 1: 0, 2: 1252, 77: 10000, 128: 932, 129: 949, 134: 936, 136: 950,
	161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257,
	204: 1251, 222: 874, 238: 1250, 255: 437,
}

// charsetCodePage returns the code page of a font charset, 0 (the
// document's) for one it does not know.
func charsetCodePage(charset int) int { return charsets[charset] }

// decodeCodePage decodes bytes of code page cp; bytes it cannot map become
// U+FFFD. Code page 65001 is UTF-8.
func decodeCodePage(cp int, b []byte) string {
	if cp == 65001 {
		return string([]rune(string(b))) // invalid sequences become U+FFFD
	}
	enc, ok := codePages[cp]
	if !ok {
		enc = charmap.Windows1252
	}
	s, err := enc.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(s) {
		return string([]rune(string(b)))
	}
	return string(s)
}
