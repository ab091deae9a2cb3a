#!/usr/bin/env bash
# Whole-process time of a folder of PDFs converted in one run, against
# pdftotext run on each file of the same folder, as a user would over a
# folder, with the same parallelism (xargs -P JOBS). The folder holds N
# files (default 240): the shared corpora's real PDFs (newspaper pages,
# browser prints, the 59-page archive export unless SMALL=1) and the groff
# test pages, copied over and over. RUNS interleaved runs (default 5) of
# each, through /usr/bin/time (wall, user+system CPU, peak RSS); outputs
# are removed between runs (not timed). Prints medians, the ratio to
# pdftotext in wall and CPU time, and milliseconds per file. A batch runs
# its PDFs in one child process per worker, so what a single file pays
# once (the process's start and exit, tables built on first use) is paid
# once per worker, not per file; bench/pdf-speed.sh times single files.
# With BEFORE=path/to/newsclip, that binary runs interleaved too.
# Usage: N=240 RUNS=5 JOBS=2 [SMALL=1] [BEFORE=bin] bench/pdf-batch.sh   (needs poppler-utils, GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-240} runs=${RUNS:-5} jobs=${JOBS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A binary just written by the linker starts about a millisecond slower
# than a copy of it: time a copy.
go build -o "$work/newsclip.linked" . && cp "$work/newsclip.linked" "$work/newsclip"
[ -d ../shared/corpus/pdf-real ] || { echo "pdf-batch.sh: the shared corpus is not at ../shared/corpus" >&2; exit 1; }
srcs=(../shared/corpus/pdf/*.pdf ../shared/corpus/pdf-real/springhouse_*.pdf testdata/pdf/groff-*.pdf)
if [ -z "${SMALL:-}" ]; then srcs+=(../shared/corpus/pdf-real/hoffner_sueddeutsche.pdf); fi
mkdir "$work/in"
for i in $(seq "$n"); do
  cp "${srcs[$(( (i - 1) % ${#srcs[@]} ))]}" "$work/in/$i.pdf"
done
echo "$n PDFs from ${#srcs[@]} files, $(du -sb "$work/in" | cut -f1) bytes; -j $jobs; $(nproc) CPUs"
declare -A cmds
cmds[pdftotext]="sh -c 'cd $work/in && ls | xargs -P $jobs -I{} pdftotext -q {} $work/out/{}.txt'"
cmds[newsclip]="$work/newsclip convert -q -j $jobs --to md -o $work/out $work/in"
if [ -n "${BEFORE:-}" ]; then cmds[before]="$BEFORE convert -q -j $jobs --to md -o $work/out $work/in"; fi
names=$(printf '%s\n' "${!cmds[@]}" | sort)
for run in $(seq "$runs"); do
  for name in $names; do
    rm -rf "$work/out" && mkdir "$work/out"
    eval "/usr/bin/time -f '$name %e %U %S %M' -a -o $work/results ${cmds[$name]}" >/dev/null 2>"$work/stderr" || {
      cat "$work/stderr" >&2
      exit 1
    }
    got=$(find "$work/out" -type f ! -name ".newsclip.*" | wc -l) # not the batch's lock
    [ "$got" -eq "$n" ] || { echo "$name wrote $got outputs for $n inputs" >&2; exit 1; }
  done
done
python3 - "$work/results" "$n" <<'PY'
import statistics, sys
rows, n = {}, int(sys.argv[2])
for line in open(sys.argv[1]):
    name, *v = line.split()
    rows.setdefault(name, []).append([float(x) for x in v])
med = {k: [statistics.median(c) for c in zip(*v)] for k, v in rows.items()}
pw, pu, ps, _ = med["pdftotext"]
print(f"{'command':10} {'wall s':>8} {'CPU s':>8} {'RSS MB':>8} {'ms/file':>8} {'x wall':>7} {'x CPU':>7}   (medians of {len(rows['pdftotext'])}; x = ratio to pdftotext)")
for k in sorted(med):
    w, u, s, m = med[k]
    print(f"{k:10} {w:8.3f} {u+s:8.3f} {m/1024:8.1f} {1000*w/n:8.2f} {w/pw:7.2f} {(u+s)/(pu+ps):7.2f}")
PY
