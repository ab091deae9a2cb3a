package pdftext

// The byte classes and number syntax of content stream tokens (see
// content.go).

// plainRegular marks the bytes readRegular appends as they are: neither
// delimiters nor white space, nor the '#' of a name's escapes.
var plainRegular = func() (t [256]bool) {
	for c := range t {
		t[c] = !isDelim(byte(c)) && !isSpace(byte(c)) && c != '#'
	}
	return t
}()

// smallInteger is strconv.ParseInt(s, 10, 64) for an integer of at most
// 18 digits (see isInteger), which cannot overflow; ok is false for a
// longer one.
func smallInteger(s []byte) (x int64, ok bool) {
	neg := len(s) > 0 && s[0] == '-'
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	for _, c := range s {
		x = x*10 + int64(c-'0')
	}
	if neg {
		x = -x
	}
	return x, true
}

func isInteger(s []byte) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) == 0 {
		return false
	}
	for _, c := range s {
		if c < '0' || '9' < c {
			return false
		}
	}
	return true
}

func isReal(s []byte) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) == 0 {
		return false
	}
	ndot := 0
	for _, c := range s {
		if c == '.' {
			ndot++
			continue
		}
		if c < '0' || '9' < c {
			return false
		}
	}
	return ndot == 1
}

func isSpace(b byte) bool {
	switch b {
	case '\x00', '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelim(b byte) bool {
	switch b {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}
