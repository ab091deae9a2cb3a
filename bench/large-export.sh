#!/usr/bin/env bash
# Whole-process time and peak memory of one large LexisNexis-style export
# to JSON Lines, at 50, 100 and 200 MB: linear time and memory show as
# constant MB/s and constant RSS per input MB. Medians of 3 runs; the
# reference in the same run is sha256sum over the same file.
# Usage: bench/large-export.sh [SIZES_MB...]
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/newsclip" .
go build -o "$tmp/mkclips" ./bench/mkclips
sizes=("${@:-50 100 200}")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%6s %9s %9s %9s %10s %12s\n' MB seconds MB/s sha-MB/s ratio peakRSS-MB
for mb in ${sizes[@]}; do
  in="$tmp/export-$mb.txt"
  "$tmp/mkclips" -export "$mb" -o "$in"
  bytes=$(stat -c %s "$in")
  ts=(); rs=(); hs=()
  for run in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$tmp/t" "$tmp/newsclip" convert -q --to jsonl "$in" >/dev/null
    read -r t r <"$tmp/t"; ts+=("$t"); rs+=("$r")
    /usr/bin/time -f '%e' -o "$tmp/h" sha256sum "$in" >/dev/null
    hs+=("$(cat "$tmp/h")")
  done
  t=$(printf '%s\n' "${ts[@]}" | median); r=$(printf '%s\n' "${rs[@]}" | median); h=$(printf '%s\n' "${hs[@]}" | median)
  awk -v b="$bytes" -v t="$t" -v r="$r" -v h="$h" -v mb="$mb" 'BEGIN {
    mbs = b / 1048576 / t; hmbs = b / 1048576 / (h > 0 ? h : 0.01)
    printf "%6d %9.2f %9.1f %9.1f %10.3f %12.0f\n", mb, t, mbs, hmbs, mbs / hmbs, r / 1024 }'
  rm -f "$in"
done
