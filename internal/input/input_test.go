package input

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"newsclip/convert"
)

// zeros is an endless stream of NUL bytes that counts what was read.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.n += int64(len(p))
	return len(p), nil
}

func TestReadAllStopsOnBinaryHead(t *testing.T) {
	z := &zeros{}
	_, err := ReadAll(z, 1<<30)
	if !errors.Is(err, convert.ErrBinary) {
		t.Fatalf("error %v, want ErrBinary", err)
	}
	if z.n > 1<<20 {
		t.Errorf("read %d bytes of an endless binary stream before refusing it", z.n)
	}
}

func TestReadAllLimit(t *testing.T) {
	text := strings.Repeat("The harbour wall was repaired on Monday.\n", 5000) // ~200 KB
	for _, tc := range []struct {
		limit int64
		ok    bool
	}{{int64(len(text)), true}, {int64(len(text)) - 1, false}, {100, false}, {1 << 30, true}} {
		got, err := ReadAll(strings.NewReader(text), tc.limit)
		if tc.ok && (err != nil || string(got) != text) {
			t.Errorf("limit %d: %d bytes, %v; want the whole input", tc.limit, len(got), err)
		}
		if !tc.ok && (err == nil || !strings.Contains(err.Error(), "larger than --max-input")) {
			t.Errorf("limit %d: error %v, want larger than --max-input", tc.limit, err)
		}
	}
	// A zip's directory is at its end: its head must not be refused.
	zip := append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0}, 100<<10)...)
	if _, err := ReadAll(bytes.NewReader(zip), 1<<20); err != nil {
		t.Errorf("zip head refused: %v", err)
	}
	if _, err := ReadAll(io.LimitReader(&zeros{}, 10), 1<<20); !errors.Is(err, convert.ErrBinary) && err != nil {
		t.Errorf("short binary input: %v", err)
	}
}

func TestParseSize(t *testing.T) {
	for s, want := range map[string]int64{
		"1GiB": 1 << 30, "500MB": 500e6, "1048576": 1 << 20, "64 KiB": 64 << 10, "10B": 10, "2GB": 2e9,
		"0": -1, "-5": -1, "lots": -1, "1.5GB": -1, "": -1, "9999999999999GiB": -1,
	} {
		got, err := ParseSize(s)
		if want < 0 && err == nil || want >= 0 && (err != nil || got != want) {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for n, want := range map[int64]string{1 << 30: "1GiB", 3 << 20: "3MiB", 1000: "1000 bytes", 2048: "2KiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
