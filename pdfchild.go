package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"time"

	"newsclip/convert"
)

// PDF extraction runs in a child process of the same binary, so that no
// input can crash, hang or exhaust the memory of the parent (or of a whole
// batch): the parent kills the child after the time limit, and the child
// runs under a data-size limit.

// pdfChildCommand is the hidden first argument that makes newsclip a PDF
// extraction child: PDF bytes on stdin, a pdfChildReply on stdout.
const pdfChildCommand = "__extract-pdf"

// pdfMemoryLimit bounds the child's data segment (bytes).
const pdfMemoryLimit = 2 << 30

// pdfChildReply is what the child writes on stdout.
type pdfChildReply struct {
	Text  *convert.PDFText `json:"text,omitempty"`
	Error string           `json:"error,omitempty"`
	Page  int              `json:"page,omitempty"`
}

// pdfSettings are the PDF options of a run (zero value: no password, 30 s).
type pdfSettings struct {
	Password string
	Timeout  time.Duration
}

// runPDFChild is the child's main: it reads the PDF on stdin and answers
// on stdout. The password comes in the environment, not in argv.
func runPDFChild(stdin io.Reader, stdout, stderr io.Writer) int {
	limitData(pdfMemoryLimit)
	debug.SetMemoryLimit(pdfMemoryLimit / 2)
	data, err := io.ReadAll(stdin)
	var reply pdfChildReply
	if err != nil {
		reply.Error = err.Error()
	} else {
		t, err := convert.ExtractPDF(data, convert.PDFOptions{
			Password: os.Getenv("NEWSCLIP_PDF_PASSWORD"),
			OnPage:   func(n int) { fmt.Fprintf(stderr, "page %d\n", n) },
		})
		if err != nil {
			reply.Error = errorText(err)
			var e *convert.Error
			if errors.As(err, &e) {
				reply.Page = e.Page
			}
		}
		reply.Text = t
	}
	if err := json.NewEncoder(stdout).Encode(&reply); err != nil {
		return 1
	}
	return 0
}

// errorText is an error's message without the file name an *convert.Error
// would add (the parent adds it).
func errorText(err error) string {
	var e *convert.Error
	if errors.As(err, &e) {
		return e.Err.Error()
	}
	return err.Error()
}

// extractPDF runs a child process on data and returns what it extracted.
func extractPDF(name string, data []byte, s pdfSettings) (*convert.PDFText, error) {
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	exe, err := os.Executable()
	if err != nil {
		return inProcessPDF(name, data, s)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, pdfChildCommand)
	cmd.Stdin = bytes.NewReader(data)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Env = append(os.Environ(), "NEWSCLIP_PDF_PASSWORD="+s.Password)
	err = cmd.Run()
	if ctx.Err() != nil {
		return nil, &convert.Error{File: name, Page: lastPage(errb.String()), Err: fmt.Errorf("%w: no result within %s (--pdf-timeout)", convert.ErrDamaged, timeout)}
	}
	var reply pdfChildReply
	if jerr := json.Unmarshal(out.Bytes(), &reply); err != nil || jerr != nil {
		why := "extraction crashed"
		if strings.Contains(errb.String(), "out of memory") || strings.Contains(errb.String(), "cannot allocate memory") {
			why = fmt.Sprintf("extraction exceeded the memory limit (%d MiB)", pdfMemoryLimit>>20)
		}
		return nil, &convert.Error{File: name, Page: lastPage(errb.String()), Err: fmt.Errorf("%w: %s", convert.ErrDamaged, why)}
	}
	if reply.Error != "" {
		return nil, &convert.Error{File: name, Page: reply.Page, Err: errors.New(reply.Error)}
	}
	if reply.Text == nil {
		return nil, &convert.Error{File: name, Err: convert.ErrNoTextLayer}
	}
	return reply.Text, nil
}

// inProcessPDF extracts in this process, when no child can be started.
func inProcessPDF(name string, data []byte, s pdfSettings) (*convert.PDFText, error) {
	t, err := convert.ExtractPDF(data, convert.PDFOptions{Password: s.Password})
	if err != nil {
		var e *convert.Error
		if errors.As(err, &e) {
			e.File = name
			return nil, e
		}
		return nil, &convert.Error{File: name, Err: err}
	}
	return t, nil
}

// lastPage reads the last "page N" progress line a child wrote, or 0.
func lastPage(stderr string) int {
	n := 0
	for _, l := range strings.Split(stderr, "\n") {
		var p int
		if _, err := fmt.Sscanf(l, "page %d", &p); err == nil {
			n = p
		}
	}
	return n
}
