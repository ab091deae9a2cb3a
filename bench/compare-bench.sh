#!/usr/bin/env bash
# Before/after figures for every throughput benchmark: builds the test
# binaries of BASE (a commit, default the first parent of HEAD's branch
# point given as BASE=...) and of the working tree, runs each benchmark
# RUNS times (default 5) alternating old and new with -cpu 1, and prints
# the median MB/s and the median x-sha256 (the ratio to SHA-256 over the
# same bytes in the same run, CPU time: steadier than MB/s on a busy
# machine) of each side, and their ratio (new/old; higher is faster).
#
# Usage: BASE=159e064 [RUNS=5] [BENCH='Convert|PDF'] bench/compare-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
base=${BASE:?set BASE to the commit to compare with}
runs=${RUNS:-5}
bench=${BENCH:-'Convert|PDFReal|PDFPages'}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
# The benchmarks read ../shared (the shared corpus) relative to the
# checkout: give the old one the same neighbour.
ln -s "$(cd .. && pwd)/shared" "$work/shared"
for pkg in . ./internal/pdftext; do
  name=$(echo "$pkg" | tr -c 'a-z0-9\n' _)
  (cd "$work/base" && go test -c -o "$work/old$name.test" "$pkg")
  go test -c -o "$work/new$name.test" "$pkg"
  dir_new=$pkg dir_old="$work/base/$pkg"
  for run in $(seq "$runs"); do
    for side in old new; do
      dir=$dir_new; [ "$side" = old ] && dir=$dir_old
      (cd "$dir" && "$work/$side$name.test" -test.run XXX -test.bench "$bench" -test.cpu 1) |
        awk -v side="$side" '/^Benchmark/ {
          mbs = ""; x = ""
          for (i = 1; i < NF; i++) { if ($(i+1) == "MB/s") mbs = $i; if ($(i+1) == "x-sha256") x = $i }
          if (x != "") print side, $1, mbs, x }' >>"$work/results"
    done
  done
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }
printf '%-32s %9s %9s %10s %10s %7s\n' benchmark old-MB/s new-MB/s old-x-sha new-x-sha new/old
for b in $(awk '{print $2}' "$work/results" | sort -u); do
  om=$(awk -v b="$b" '$1 == "old" && $2 == b {print $3}' "$work/results" | median)
  nm=$(awk -v b="$b" '$1 == "new" && $2 == b {print $3}' "$work/results" | median)
  ox=$(awk -v b="$b" '$1 == "old" && $2 == b {print $4}' "$work/results" | median)
  nx=$(awk -v b="$b" '$1 == "new" && $2 == b {print $4}' "$work/results" | median)
  ratio=$(awk -v o="$ox" -v n="$nx" 'BEGIN { if (o + 0 > 0 && n + 0 > 0) printf "%.2f", n / o; else print "-" }')
  printf '%-32s %9s %9s %10s %10s %7s\n' "$b" "$om" "$nm" "$ox" "$nx" "$ratio"
done
