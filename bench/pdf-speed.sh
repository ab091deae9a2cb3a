#!/usr/bin/env bash
# Times newsclip against pdftotext on the same PDFs in the same run: a long
# multi-column document made here with groff (~70 pages), the shared
# newspaper pages, the shared real PDFs (an archive export of 59 pages,
# browser prints) and the groff test pages. RUNS interleaved runs (default
# 5) of each tool with /usr/bin/time -v; reports median wall time and peak
# RSS per file, and the newsclip/pdftotext ratios (lower is better).
# Usage: bench/pdf-speed.sh [RUNS]    (needs groff, poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/newsclip" .
# A long document: the test article 70 times over, in 3 columns.
{
  sed -n '1,/^\.COLUMNS$/p' testdata/pdf/article.ms | sed 's/^\.COLUMNS$/.MC 2.0i 0.25i/'
  for i in $(seq 70); do sed -n '/^\.PP$/,$p' testdata/pdf/article.ms; done
} | groff -ms -Tpdf -P-p4.5i,8.5i > "$work/long.pdf"
files=("$work/long.pdf" ../shared/corpus/pdf/beijing-review-3col.pdf ../shared/corpus/pdf/beijing-review-4col.pdf testdata/pdf/groff-4col.pdf)
for f in ../shared/corpus/pdf-real/*.pdf; do [ -e "$f" ] && files+=("$f"); done
echo "long.pdf: $(pdfinfo "$work/long.pdf" | awk '/^Pages/ {print $2}') pages"

# Each run goes through /usr/bin/time -v (peak RSS, children included);
# wall time comes from the Python driver's clock, which resolves
# milliseconds (time -v prints hundredths). Tools and files interleave.
python3 - "$runs" "$work/newsclip" "${files[@]}" <<'PY'
import os, re, statistics, subprocess, sys, time
runs, newsclip, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
cmds = {"newsclip": lambda f: [newsclip, "convert", "-q", "--to", "jsonl", f],
        "pdftotext": lambda f: ["pdftotext", "-q", f, "-"]}
res = {}
for _ in range(runs):
    for f in files:
        for tool, cmd in cmds.items():
            t0 = time.perf_counter()
            p = subprocess.run(["/usr/bin/time", "-v"] + cmd(f), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall = time.perf_counter() - t0
            rss = int(re.search(rb"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
            res.setdefault((os.path.basename(f), tool), []).append((wall, rss))
ratios = []
for f in sorted({f for f, _ in res}):
    n, p = res[(f, "newsclip")], res[(f, "pdftotext")]
    nw, pw = statistics.median(w for w, _ in n), statistics.median(w for w, _ in p)
    nr, pr = statistics.median(r for _, r in n), statistics.median(r for _, r in p)
    ratios.append((nw / pw, nr / pr))
    print(f"{f:32} newsclip {nw*1000:7.1f} ms {nr/1024:6.1f} MiB   pdftotext {pw*1000:7.1f} ms {pr/1024:6.1f} MiB"
          f"   ratio wall {nw/pw:5.2f}x  peak RSS {nr/pr:5.2f}x")
print(f"median ratio over files: wall {statistics.median(r[0] for r in ratios):.2f}x, peak RSS {statistics.median(r[1] for r in ratios):.2f}x ({runs} runs each)")
PY
