// Package input reads one input (a file, a pipe, a device or stdin) within
// a size bound, deciding on its first block whether it can be text or a
// format newsclip reads, so that an endless binary stream (/dev/zero) fails
// at once instead of filling memory.
package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"newsclip/convert"
	"newsclip/internal/atomicfile"
)

// headSize is the first block of an input, on which binary input is told
// apart before the rest is read.
const headSize = 64 << 10

// ReadAll reads r to its end, refusing more than limit bytes, and
// stops after the first block when that block already shows the input is
// not one newsclip reads (so /dev/zero fails at once).
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	head := make([]byte, min(headSize, limit+1))
	n, err := io.ReadFull(r, head)
	head = head[:n]
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		if int64(n) > limit {
			return nil, tooLarge(limit)
		}
		return head, nil
	}
	if err != nil {
		return nil, atomicfile.Unwrap(err)
	}
	if err := convert.CheckHead(head); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Write(head)
	m, err := io.Copy(&buf, io.LimitReader(r, limit+1-int64(n)))
	if err != nil {
		return nil, atomicfile.Unwrap(err)
	}
	if int64(n)+m > limit {
		return nil, tooLarge(limit)
	}
	return buf.Bytes(), nil
}

func tooLarge(limit int64) error {
	return fmt.Errorf("larger than --max-input %s", FormatSize(limit))
}

// ReadFile reads a file (a regular file, a pipe, a device) with the
// bounds of ReadAll and errors a user can act on: "no such file",
// "permission denied", "is a directory". A regular file is read into one
// buffer of its size.
func ReadFile(name string, limit int64) ([]byte, error) {
	data, err := readFile(name, limit)
	return data, fileError(err)
}

var errIsDir = errors.New("is a directory (give -o OUTDIR to convert a folder)")

// fileError words an error of opening or reading a file for the user:
// "no such file", "permission denied", or the system's message without
// the path (which the caller names).
func fileError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, os.ErrNotExist):
		return errors.New("no such file")
	case errors.Is(err, os.ErrPermission):
		return errors.New("permission denied")
	}
	return atomicfile.Unwrap(err)
}

// Check applies to data, a file's whole content read elsewhere, the
// checks ReadFile applies to a regular file it reads: the size bound, and
// the head check.
func Check(data []byte, limit int64) ([]byte, error) {
	data, err := checkWhole(data, limit)
	return data, fileError(err)
}

// checkWhole applies ReadAll's checks to the whole of a regular file
// read at once: the size bound, and the head check when the file is
// longer than the head (ReadAll makes it before reading on).
func checkWhole(data []byte, limit int64) ([]byte, error) {
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	if len(data) > headSize {
		if err := convert.CheckHead(data[:headSize]); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// ParseSize reads a size: bytes, or a number with KB, MB, GB (powers of
// 1000) or KiB, MiB, GiB (powers of 1024); at least 1 byte.
func ParseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mul    int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	num, mul := strings.TrimSpace(s), int64(1)
	for _, u := range units {
		if v, ok := strings.CutSuffix(num, u.suffix); ok {
			num, mul = strings.TrimSpace(v), u.mul
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/mul {
		return 0, errors.New("want a size such as 1GiB, 500MB or 1048576")
	}
	return n * mul, nil
}

// FormatSize writes a size the way ParseSize reads it, in the largest
// binary unit that divides it.
func FormatSize(n int64) string {
	for _, u := range []struct {
		suffix string
		mul    int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n%u.mul == 0 {
			return strconv.FormatInt(n/u.mul, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
