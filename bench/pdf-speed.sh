#!/usr/bin/env bash
# Times newsclip against pdftotext on the same PDFs in the same run: a long
# multi-column document made here with groff (~70 pages), the two shared
# newspaper pages, and the groff test pages. RUNS interleaved runs (default
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
echo "long.pdf: $(pdfinfo "$work/long.pdf" | awk '/^Pages/ {print $2}') pages"

measure() { # tool file: prints "seconds maxrss_kb"
  local tool=$1 f=$2
  case $tool in
    newsclip) /usr/bin/time -v "$work/newsclip" convert -q --to jsonl "$f" >/dev/null 2>"$work/t" || true ;;
    pdftotext) /usr/bin/time -v pdftotext -q "$f" - >/dev/null 2>"$work/t" || true ;;
  esac
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; w=s} /Maximum resident/ {r=$2} END {print w, r}' "$work/t"
}

for r in $(seq "$runs"); do
  for f in "${files[@]}"; do
    for tool in newsclip pdftotext; do
      echo "$(basename "$f") $tool $(measure $tool "$f")" >> "$work/results"
    done
  done
done
python3 - "$work/results" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    f, tool, wall, rss = line.split()
    rows.setdefault((f, tool), []).append((float(wall), int(rss)))
files = sorted({f for f, _ in rows})
for f in files:
    n, p = rows[(f, "newsclip")], rows[(f, "pdftotext")]
    nw, pw = statistics.median(w for w, _ in n), statistics.median(w for w, _ in p)
    nr, pr = statistics.median(r for _, r in n), statistics.median(r for _, r in p)
    print(f"{f:32} newsclip {nw:6.3f}s {nr/1024:6.1f}MiB  pdftotext {pw:6.3f}s {pr/1024:6.1f}MiB"
          f"  ratio wall {nw/max(pw,1e-3):5.2f}x  rss {nr/max(pr,1):5.2f}x")
PY
