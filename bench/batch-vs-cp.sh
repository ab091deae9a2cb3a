#!/usr/bin/env bash
# Whole-process time of a folder of N synthetic clippings (bench/mkclips,
# ~2.8 KB each, 500 per sub-folder) converted to Markdown, against `cp -r`
# of the same folder in the same run: RUNS interleaved runs (default 5) of
# cp and of newsclip at each -j in JOBS, each through /usr/bin/time -v
# (wall, user+system CPU, peak RSS); outputs are removed between runs
# (not timed). Prints medians and the ratio to cp -r (the goal: <= 2.0 at
# -j 2) in wall time, and in CPU time (user+system; steadier on a busy
# machine). With BEFORE=path/to/newsclip, that binary runs interleaved
# too. TMPDIR=/dev/shm takes the disk out of the comparison.
# Usage: N=10000 RUNS=5 JOBS="1 2" [BEFORE=bin] bench/batch-vs-cp.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-10000} runs=${RUNS:-5} jobs=${JOBS:-"1 2"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A binary just written by the linker starts about a millisecond slower
# than a copy of it (measured here; the older builds compared with are
# copies): time a copy.
go build -o "$work/newsclip.linked" . && cp "$work/newsclip.linked" "$work/newsclip"
go build -o "$work/mkclips" ./bench/mkclips
"$work/mkclips" -n "$n" -o "$work/clips"
echo "$n clippings, $(du -sb "$work/clips" | cut -f1) bytes; $(nproc) CPUs"
declare -A cmds
cmds[cp]="cp -r $work/clips $work/out"
for j in $jobs; do
  cmds[newsclip-j$j]="$work/newsclip convert -q -j $j --to md -o $work/out $work/clips"
  if [ -n "${BEFORE:-}" ]; then cmds[before-j$j]="$BEFORE convert -q -j $j --to md -o $work/out $work/clips"; fi
done
names=$(printf '%s\n' "${!cmds[@]}" | sort)
for run in $(seq "$runs"); do
  for name in $names; do
    rm -rf "$work/out"
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$work/t" ${cmds[$name]} >/dev/null 2>"$work/stderr"
    awk -v name="$name" -F': ' '
      /Elapsed \(wall clock\)/ { k = split($2, p, ":"); w = 0; for (i = 1; i <= k; i++) w = w * 60 + p[i] }
      /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
      END { printf "%s %.3f %.3f %.3f %d\n", name, w, u, s, m }' "$work/t" >>"$work/results"
  done
done
python3 - "$work/results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, *v = line.split()
    rows.setdefault(name, []).append([float(x) for x in v])
med = {k: [statistics.median(c) for c in zip(*v)] for k, v in rows.items()}
cp = med["cp"][0]
cpcpu = med["cp"][1] + med["cp"][2]
print(f"{'command':14} {'wall s':>8} {'user s':>8} {'sys s':>8} {'RSS MB':>8} {'x cp -r':>8} {'CPU x cp':>9}   (medians of {len(rows['cp'])})")
for k in sorted(med):
    w, u, s, m = med[k]
    print(f"{k:14} {w:8.3f} {u:8.3f} {s:8.3f} {m/1024:8.1f} {w/cp:8.2f} {(u+s)/cpcpu:9.2f}")
PY
