package pdfchild

import (
	"errors"
	"runtime/debug"
	"testing"
	"time"

	"newsclip/internal/pdftext"
)

// setOwn makes own a finished reading of name whose bytes were read.
func setOwn(name string, read []byte, t *pdftext.Text) {
	own.name, own.done = name, make(chan struct{})
	own.data, own.t, own.err = read, t, nil
	own.start, own.cpu0 = time.Now(), processCPU()
	close(own.done)
}

// TestFromOwn: the run's own reading stands for the caller's file only
// when it read the same file's same bytes with the empty password, and it
// is taken once.
func TestFromOwn(t *testing.T) {
	defer func() { own.done = nil }()
	text := &pdftext.Text{Title: "Harbour Gazette"}
	for _, tc := range []struct {
		name     string
		data     []byte
		password string
		ok       bool
	}{
		{"page.pdf", []byte("%PDF-1.4 a"), "", true},
		{"page.pdf", []byte("%PDF-1.4 b"), "", false}, // changed between the reads
		{"other.pdf", []byte("%PDF-1.4 a"), "", false},
		{"page.pdf", []byte("%PDF-1.4 a"), "harbour", false},
	} {
		setOwn("page.pdf", []byte("%PDF-1.4 a"), text)
		got, err, ok := fromOwn(tc.name, tc.data, Settings{Password: tc.password}, time.Minute)
		if ok != tc.ok || ok && (got != text || err != nil) {
			t.Errorf("%s %q %q: %v, %v, %v; want ok %v", tc.name, tc.data, tc.password, got, err, ok, tc.ok)
		}
		if _, _, again := fromOwn("page.pdf", []byte("%PDF-1.4 a"), Settings{}, time.Minute); again && tc.ok {
			t.Errorf("%s: the reading was taken twice", tc.name)
		}
	}
	setOwn("page.pdf", nil, nil) // this process could not read it
	if _, _, ok := fromOwn("page.pdf", []byte("%PDF-1.4 a"), Settings{}, time.Minute); ok {
		t.Error("a reading that failed to read the file stands for it")
	}
}

// TestFromOwnTimeout: a reading that outlasts the time limit fails the
// file with ErrTimeout on the page it was reading, as a child's does.
func TestFromOwnTimeout(t *testing.T) {
	defer func() { own.done = nil }()
	own.name, own.done = "hang.pdf", make(chan struct{})
	own.start, own.cpu0 = time.Now(), -1 // wall time counts
	own.page.Store(4)
	_, err, ok := fromOwn("hang.pdf", []byte("%PDF"), Settings{}, 50*time.Millisecond)
	var e *pdftext.Error
	if !ok || !errors.Is(err, pdftext.ErrTimeout) || !errors.As(err, &e) || e.Page != 4 {
		t.Errorf("%v (ok %v), want ErrTimeout on page 4", err, ok)
	}
}

// TestFromOwnDoneLate: a reading that ended before it was watched, but
// took well past the time limit, fails the file as an early child's does.
func TestFromOwnDoneLate(t *testing.T) {
	defer func() { own.done = nil }()
	setOwn("page.pdf", []byte("%PDF-1.4 a"), &pdftext.Text{})
	own.start, own.cpu0 = time.Now().Add(-time.Second), -1 // wall time counts
	own.page.Store(2)
	_, err, ok := fromOwn("page.pdf", []byte("%PDF-1.4 a"), Settings{}, 100*time.Millisecond)
	if !ok || !errors.Is(err, pdftext.ErrTimeout) {
		t.Errorf("%v (ok %v), want ErrTimeout", err, ok)
	}
}

// TestRestoreGCPercent: after the reading, a lower target than the run's
// is set back, a higher one kept.
func TestRestoreGCPercent(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tc := range []struct{ reading, saved, want int }{
		{400, 100, 400}, // a short file's first pages
		{50, 100, 100},  // a large file's
		{100, 100, 100},
		{400, -1, -1}, // collection off (GOGC=off) stays off
	} {
		debug.SetGCPercent(tc.reading)
		restoreGCPercent(tc.saved)
		if got := debug.SetGCPercent(100); got != tc.want {
			t.Errorf("reading at %d, run at %d: %d, want %d", tc.reading, tc.saved, got, tc.want)
		}
	}
}

// TestOwnGCPercent: a large file read in this process is collected more
// often than in a child; a small one as in a child.
func TestOwnGCPercent(t *testing.T) {
	for _, tc := range []struct{ size, want int }{
		{60 << 10, 100},
		{bigFile - 1, 100},
		{bigFile, ownBigGCPercent},
		{2 << 20, ownBigGCPercent},
	} {
		if got := ownGCPercent(tc.size); got != tc.want {
			t.Errorf("%d bytes: %d, want %d", tc.size, got, tc.want)
		}
	}
	if ownBigGCPercent >= bigGCPercent {
		t.Errorf("ownBigGCPercent %d, not below a child's %d", ownBigGCPercent, bigGCPercent)
	}
}

// TestOwnBytes: the bytes of the run's own reading stand for the file it
// read, once read (the call waits for that), and for no other file; they
// are handed out once (else the process holds them to its end); a
// reading that could not read the file gives none.
func TestOwnBytes(t *testing.T) {
	defer func() { own.name, own.read, own.first = "", nil, nil }()
	if _, ok := OwnBytes("page.pdf"); ok {
		t.Error("bytes with no reading started")
	}
	file := []byte("%PDF-1.4 harbour")
	own.name, own.read, own.first = "page.pdf", make(chan struct{}), nil
	go func() {
		time.Sleep(20 * time.Millisecond)
		own.first = file
		close(own.read)
	}()
	if got, ok := OwnBytes("page.pdf"); !ok || &got[0] != &file[0] {
		t.Errorf("OwnBytes(page.pdf) = %q, %v; want the reading's bytes", got, ok)
	}
	if _, ok := OwnBytes("other.pdf"); ok {
		t.Error("another file's bytes stand for the one read")
	}
	if _, ok := OwnBytes("page.pdf"); ok || own.first != nil {
		t.Error("the reading's bytes handed out twice, or still held after the first")
	}
	own.read, own.first = make(chan struct{}), nil
	close(own.read) // could not read it
	if _, ok := OwnBytes("page.pdf"); ok {
		t.Error("bytes from a reading that failed")
	}
}
