#!/usr/bin/env bash
# Times newsclip against pdftotext on the same PDFs in the same run: two
# long multi-column documents made here with groff (~90 and ~500 pages),
# the shared newspaper pages, the shared real PDFs (an archive export of 59
# pages, browser prints) and the groff test pages. RUNS interleaved runs
# (default 5) of each tool with /usr/bin/time -v; reports median wall time
# and peak RSS per file, the newsclip/pdftotext ratios (lower is better)
# and their medians over the files, and how peak RSS grows with the page
# count between the two long documents (MiB per page). With OLD set to
# another newsclip binary (an earlier build), that one runs interleaved too
# and gets its own ratios, for before/after figures from the same run.
# Usage: [OLD=path/to/newsclip] bench/pdf-speed.sh [RUNS]    (needs groff, poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/newsclip" .
# Long documents: the test article N times over, in 3 columns.
long() {
  {
    sed -n '1,/^\.COLUMNS$/p' testdata/pdf/article.ms | sed 's/^\.COLUMNS$/.MC 2.0i 0.25i/'
    for i in $(seq "$1"); do sed -n '/^\.PP$/,$p' testdata/pdf/article.ms; done
  } | groff -ms -Tpdf -P-p4.5i,8.5i > "$2"
}
long 70 "$work/long.pdf"
long 385 "$work/long500.pdf"
files=("$work/long.pdf" "$work/long500.pdf" ../shared/corpus/pdf/beijing-review-3col.pdf ../shared/corpus/pdf/beijing-review-4col.pdf testdata/pdf/groff-4col.pdf)
for f in ../shared/corpus/pdf-real/*.pdf; do [ -e "$f" ] && files+=("$f"); done
pages() { pdfinfo "$1" | awk '/^Pages/ {print $2}'; }
echo "long.pdf: $(pages "$work/long.pdf") pages; long500.pdf: $(pages "$work/long500.pdf") pages"

# Each run goes through /usr/bin/time -v (peak RSS of the process or of
# its largest child, whichever is larger: newsclip's PDF child is waited
# for and counts); wall time comes from the Python driver's clock, which
# resolves milliseconds (time -v prints hundredths). Tools and files
# interleave.
python3 - "$runs" "$work/newsclip" "${OLD:-}" "$(pages "$work/long.pdf")" "$(pages "$work/long500.pdf")" "${files[@]}" <<'PY'
import os, re, statistics, subprocess, sys, time
runs, newsclip, old, p1, p2, files = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6:]
cmds = {"newsclip": lambda f: [newsclip, "convert", "-q", "--to", "jsonl", f],
        "pdftotext": lambda f: ["pdftotext", "-q", f, "-"]}
if old:
    cmds["old"] = lambda f: [old, "convert", "-q", "--to", "jsonl", f]
res = {}
for _ in range(runs):
    for f in files:
        for tool, cmd in cmds.items():
            t0 = time.perf_counter()
            p = subprocess.run(["/usr/bin/time", "-v"] + cmd(f), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall = time.perf_counter() - t0
            rss = int(re.search(rb"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
            res.setdefault((os.path.basename(f), tool), []).append((wall, rss))
def report(tool):
  ratios, med = [], {}
  print(f"-- {tool}")
  for f in sorted({f for f, _ in res}):
    n, p = res[(f, tool)], res[(f, "pdftotext")]
    nw, pw = statistics.median(w for w, _ in n), statistics.median(w for w, _ in p)
    nr, pr = statistics.median(r for _, r in n), statistics.median(r for _, r in p)
    med[f] = (nr, pr)
    ratios.append((nw / pw, nr / pr))
    print(f"{f:32} {tool} {nw*1000:7.1f} ms {nr/1024:6.1f} MiB   pdftotext {pw*1000:7.1f} ms {pr/1024:6.1f} MiB"
          f"   ratio wall {nw/pw:5.2f}x  peak RSS {nr/pr:5.2f}x")
  print(f"median ratio over files: wall {statistics.median(r[0] for r in ratios):.2f}x, peak RSS {statistics.median(r[1] for r in ratios):.2f}x"
        f"; worst: wall {max(r[0] for r in ratios):.2f}x, peak RSS {max(r[1] for r in ratios):.2f}x ({runs} runs each)")
  (a, b), (c, d) = med["long.pdf"], med["long500.pdf"]
  print(f"peak RSS growth {p1} -> {p2} pages: {tool} {(c-a)/1024/(p2-p1):.4f} MiB/page, pdftotext {(d-b)/1024/(p2-p1):.4f} MiB/page")
for tool in cmds:
  if tool != "pdftotext":
    report(tool)
PY
