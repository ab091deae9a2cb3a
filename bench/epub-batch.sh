#!/usr/bin/env bash
# Times EPUB bundles of 1,000 and 10,000 synthetic clippings and a batch of
# 10,000 clippings to Markdown with -j 2 (wall time and peak memory from
# /usr/bin/time -v), and pandoc making an EPUB of the same 1,000 articles
# as Markdown, in the same run. Runs each command RUNS times (default 3),
# interleaved, and reports medians and the pandoc/newsclip ratio.
# Usage: bench/epub-batch.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/newsclip" .
go run ./bench/mkclips -n 1000 -o "$work/c1k"
go run ./bench/mkclips -n 10000 -o "$work/c10k"
"$work/newsclip" convert -q --to md -o "$work/md1k" "$work/c1k" >/dev/null 2>&1
find "$work/md1k" -name '*.md' | sort > "$work/md1k.list"

measure() { # name, command...: appends "name seconds maxrss_kb"
  local name=$1; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  echo "$name $wall $rss" >> "$work/results"
}

for r in $(seq "$runs"); do
  measure bundle-1k "$work/newsclip" convert -q --to epub --bundle -o "$work/b1k.epub" "$work/c1k"
  measure pandoc-1k pandoc -f markdown -t epub3 -o "$work/p1k.epub" $(cat "$work/md1k.list")
  measure bundle-10k "$work/newsclip" convert -q --to epub --bundle -o "$work/b10k.epub" "$work/c10k"
  rm -rf "$work/out10k"
  measure batch-10k-md-j2 "$work/newsclip" convert -q --to md -j 2 -o "$work/out10k" "$work/c10k"
done

python3 - "$work/results" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    name, wall, rss = line.split()
    rows.setdefault(name, []).append((float(wall), int(rss)))
med = {k: (statistics.median(w for w, _ in v), statistics.median(r for _, r in v)) for k, v in rows.items()}
for k, (w, r) in med.items():
    print(f"{k:18} median wall {w:7.2f} s   median peak RSS {r/1024:8.1f} MiB   runs {len(rows[k])}")
print(f"pandoc / newsclip, 1,000-article EPUB: {med['pandoc-1k'][0] / max(med['bundle-1k'][0], 1e-3):.1f}x")
print(f"10,000 / 1,000 articles bundle time: {med['bundle-10k'][0] / max(med['bundle-1k'][0], 1e-3):.1f}x (linear = 10x)")
PY
