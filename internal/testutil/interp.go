package testutil

import (
	"debug/elf"
	"io"
	"strings"
)

// Interpreter returns the ELF interpreter (PT_INTERP) the program file
// exe names, "/lib64/ld-linux-x86-64.so.2" say, or "" for a static
// program; an error for a file it cannot read as ELF.
func Interpreter(exe string) (string, error) {
	f, err := elf.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			b, err := io.ReadAll(p.Open())
			if err != nil {
				return "", err
			}
			return strings.TrimRight(string(b), "\x00"), nil
		}
	}
	return "", nil
}
