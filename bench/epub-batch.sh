#!/usr/bin/env bash
# EPUB bundles of 1,000, 10,000 and 100,000 synthetic clippings
# (bench/mkclips): wall time, CPU time and peak memory of the whole process
# (/usr/bin/time -v), with pandoc making an EPUB 3 of the same 1,000
# articles (as newsclip's Markdown) as the peer, and a batch of 10,000
# clippings to Markdown with -j 2. Every command runs RUNS times
# (default 3), interleaved, so that a busy machine slows all of them alike;
# the report gives medians and ratios.
#
# Usage: bench/epub-batch.sh [RUNS]
#   BASE=/path/to/older/newsclip  also times that binary on the bundles
#                                 (before/after figures).
#   SIZES="1000 10000"            bundle sizes (default 1000 10000 100000).
#   RUNS_LARGE=1                  runs for bundles over 10,000 (default RUNS).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
sizes=${SIZES:-1000 10000 100000}
runs_large=${RUNS_LARGE:-$runs}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A binary just written by the linker starts about a millisecond slower
# than a copy of it (measured here; the older builds compared with are
# copies): time a copy.
go build -o "$work/newsclip.linked" . && cp "$work/newsclip.linked" "$work/newsclip"
for n in $sizes 10000; do
  [ -d "$work/c$n" ] || go run ./bench/mkclips -n "$n" -o "$work/c$n"
done
[ -d "$work/c1000" ] || go run ./bench/mkclips -n 1000 -o "$work/c1000"
"$work/newsclip" convert -q --to md -o "$work/md1k" "$work/c1000" >/dev/null 2>&1
find "$work/md1k" -name '*.md' | sort > "$work/md1k.list"

bins=("new:$work/newsclip")
[ -n "${BASE:-}" ] && bins+=("base:$BASE")

measure() { # name, command...: appends "name wall_s cpu_s maxrss_kb"
  local name=$1; shift
  if ! /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt"; then
    echo "$name failed:" >&2; tail -5 "$work/time.txt" >&2
  fi
  awk -v name="$name" -F': ' '
    /Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; wall=s}
    /User time|System time/ {cpu+=$2}
    /Maximum resident set size/ {rss=$2}
    END {print name, wall, cpu, rss}' "$work/time.txt" >> "$work/results"
}

for r in $(seq "$runs"); do
  for n in $sizes; do
    [ "$n" -gt 10000 ] && [ "$r" -gt "$runs_large" ] && continue
    for b in "${bins[@]}"; do
      measure "${b%%:*}-bundle-$n" "${b#*:}" convert -q --to epub --bundle -o "$work/b.epub" "$work/c$n"
    done
  done
  measure pandoc-1000 pandoc -f markdown -t epub3 -o "$work/p.epub" $(cat "$work/md1k.list")
  rm -rf "$work/out10k"
  measure new-batch-10000-md-j2 "$work/newsclip" convert -q --to md -j 2 -o "$work/out10k" "$work/c10000"
done

python3 - "$work/results" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    name, wall, cpu, rss = line.split()
    rows.setdefault(name, []).append((float(wall), float(cpu), int(rss)))
med = {k: tuple(statistics.median(x[i] for x in v) for i in range(3)) for k, v in rows.items()}
for k, (w, c, r) in sorted(med.items()):
    print(f"{k:24} wall {w:8.2f} s  cpu {c:8.2f} s  peak RSS {r/1024:8.1f} MiB  runs {len(rows[k])}")
def ratio(a, b, i):
    return med[a][i] / max(med[b][i], 1e-3) if a in med and b in med else float('nan')
print(f"pandoc / newsclip, 1,000-article EPUB: wall {ratio('pandoc-1000', 'new-bundle-1000', 0):.2f}x, "
      f"cpu {ratio('pandoc-1000', 'new-bundle-1000', 1):.2f}x, peak RSS {ratio('pandoc-1000', 'new-bundle-1000', 2):.2f}x")
for n in (10000, 100000):
    k = f'new-bundle-{n}'
    if k in med:
        print(f"{n:,} / 1,000 articles: cpu {ratio(k, 'new-bundle-1000', 1):.1f}x (linear = {n // 1000}x), "
              f"peak RSS {ratio(k, 'new-bundle-1000', 2):.2f}x (flat = 1x)")
for k in sorted(med):
    if k.startswith('base-'):
        n = k[len('base-'):]
        print(f"{n}: base / new: wall {ratio(k, 'new-' + n, 0):.2f}x, cpu {ratio(k, 'new-' + n, 1):.2f}x, "
              f"peak RSS {ratio(k, 'new-' + n, 2):.1f}x")
PY
