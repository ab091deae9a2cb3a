package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsclip/convert"
)

// TestReadFile reads files of every kind ReadFile meets and checks what a
// user sees: the bytes, or the one-line reason.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("The harbour wall was repaired on Monday.\n", 5000) // ~200 KB
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big, empty := write("big.txt", text), write("empty.txt", "")
	binary := write("zeros.bin", strings.Repeat("\x00", 100<<10))
	for _, tc := range []struct {
		name  string
		limit int64
		want  string // the bytes, or with err set a piece of the error
		err   bool
	}{
		{big, 1 << 30, text, false},
		{big, int64(len(text)), text, false},
		{big, int64(len(text)) - 1, "larger than --max-input", true},
		{empty, 1 << 30, "", false},
		{filepath.Join(dir, "missing.txt"), 1 << 30, "no such file", true},
		{dir, 1 << 30, "is a directory", true},
		{binary, 1 << 30, convert.ErrBinary.Error(), true},
	} {
		got, err := ReadFile(tc.name, tc.limit)
		switch {
		case tc.err && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("ReadFile(%s, %d): error %v, want %q", filepath.Base(tc.name), tc.limit, err, tc.want)
		case !tc.err && (err != nil || string(got) != tc.want):
			t.Errorf("ReadFile(%s, %d): %d bytes, %v; want the %d bytes", filepath.Base(tc.name), tc.limit, len(got), err, len(tc.want))
		}
	}
	if _, err := ReadFile(binary, 1<<30); !errors.Is(err, convert.ErrBinary) {
		t.Errorf("binary file: %v, want ErrBinary", err)
	}
}
