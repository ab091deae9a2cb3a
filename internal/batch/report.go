package batch

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"newsclip/internal/atomicfile"
)

// A Result is the outcome of one job: one line of --report.
type Result struct {
	Path     string   `json:"path"`
	Output   string   `json:"output,omitempty"`
	Status   string   `json:"status"` // ok, failed, skipped
	Articles int      `json:"articles"`
	Warnings []string `json:"warnings"`
	Error    string   `json:"error,omitempty"`
	Seconds  float64  `json:"seconds"`
	index    int
}

// A reporter follows a batch: progress bar or failure lines on stderr,
// the --report file (lines in input order), and the summary.
type reporter struct {
	stderr                   io.Writer
	bar                      *progressbar.ProgressBar
	report                   *atomicfile.File
	pending                  map[int]Result
	next                     int
	done, failed, skipped    int
	articles, total, warning int
	failures                 []string
	quiet                    bool
}

func newReporter(opts Options, stderr io.Writer, total int) (*reporter, error) {
	r := &reporter{stderr: stderr, pending: map[int]Result{}, total: total, quiet: opts.Quiet}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !opts.Quiet {
		r.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("converting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	if opts.Report != "" {
		f, err := atomicfile.Create(opts.Report)
		if err != nil {
			return nil, err
		}
		// Stopped at once by a signal, the batch keeps the lines of the
		// inputs it finished (in input order, complete lines).
		f.KeepOnAbandon()
		r.report = f
	}
	return r, nil
}

// add records one result; report lines are written in input order.
func (r *reporter) add(res Result) {
	switch res.Status {
	case "failed":
		r.failed++
		if r.bar != nil {
			r.failures = append(r.failures, res.Error)
			r.bar.Describe(fmt.Sprintf("converting (%d failed)", r.failed))
		} else {
			fmt.Fprintf(r.stderr, "newsclip: %s\n", res.Error)
		}
	case "skipped":
		r.skipped++
	default:
		r.done++
		r.articles += res.Articles
		r.warning += len(res.Warnings)
		if r.bar == nil && !r.quiet {
			for _, w := range res.Warnings {
				fmt.Fprintf(r.stderr, "newsclip: %s: warning: %s\n", Quote(res.Path), w)
			}
		}
	}
	if r.bar != nil {
		r.bar.Add(1)
	}
	r.pending[res.index] = res
	for {
		p, ok := r.pending[r.next]
		if !ok {
			break
		}
		delete(r.pending, r.next)
		r.next++
		r.writeLine(p)
	}
}

// writeLine appends one report line; a failed write is kept by the file
// and fails finish.
func (r *reporter) writeLine(res Result) {
	if r.report == nil {
		return
	}
	line, _ := json.Marshal(res)
	r.report.Write(append(line, '\n'))
}

// finish prints the summary and commits the report. It fails when the
// report could not be written in full (it is then not renamed into place).
func (r *reporter) finish(elapsed time.Duration, interrupted bool, skipped Skipped) error {
	if r.bar != nil {
		r.bar.Finish()
		for _, f := range r.failures {
			fmt.Fprintf(r.stderr, "newsclip: %s\n", f)
		}
	}
	state := ""
	if interrupted {
		state = " (interrupted)"
	}
	notInput := ""
	if skipped.Total() > 0 {
		notInput = fmt.Sprintf("; %s passed over (%s)", plural(skipped.Total(), "file"), skipped)
	}
	fmt.Fprintf(r.stderr, "newsclip: %s: %d converted (%s), %d skipped, %d failed in %.1fs%s%s\n",
		plural(r.total, "input"), r.done, plural(r.articles, "article"), r.skipped, r.failed, elapsed.Seconds(), state, notInput)
	if r.report == nil {
		return nil
	}
	// After an interruption some results wait behind a missing one.
	rest := make([]int, 0, len(r.pending))
	for i := range r.pending {
		rest = append(rest, i)
	}
	sort.Ints(rest)
	for _, i := range rest {
		r.writeLine(r.pending[i])
	}
	return r.report.Commit()
}

// plural writes a count and its noun: "1 input", "3 inputs".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
