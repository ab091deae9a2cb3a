#!/usr/bin/env bash
# Before/after instruction counts for the text benchmarks, for a machine
# too busy for steady timings: valgrind counts the instructions a
# benchmark executes, which do not depend on other load. Builds the test
# binaries of BASE (a commit) and of the working tree and runs each
# benchmark of BENCH under callgrind at LO and HI iterations (default 3
# and 9), counting only inside convert.Convert and the formats writers
# (--toggle-collect: the work of each op, without the set-up, the timing
# or the SHA-256 reference, which runs for a time and so a varying number
# of passes), with GOGC=off (the collector's share depends on timing) and
# no asynchronous preemption (callgrind trips on its signals). It prints
# the instructions per op, (count at HI - count at LO) / (HI - LO), for
# each side and their ratio (new/old; lower is fewer). Repeatable to
# about 0.1%.
#
# Usage: BASE=fbeb7ef [BENCH='Convert1KB ConvertCorpus'] [LO=3 HI=9] bench/instructions.sh
#        (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${BASE:?set BASE to the commit to compare with}
benches=${BENCH:-'Convert1KB Convert1KBMarkdown ConvertCorpus ConvertSynthetic ConvertJSON ConvertLargeExport'}
lo=${LO:-3}
hi=${HI:-9}
(( lo >= 1 && hi > lo )) || { echo "instructions.sh: need 1 <= LO < HI" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/base"
git archive "$base" | tar -x -C "$work/base" # not a worktree: nothing left in .git if killed
# The benchmarks read ../shared (the shared corpus) relative to the
# checkout: give the old one the same neighbour.
ln -s "$(cd .. && pwd)/shared" "$work/shared"
(cd "$work/base" && go test -c -o "$work/old.test" .)
go test -c -o "$work/new.test" .

# count SIDE BENCH N prints the instructions of N iterations' work.
count() {
  local dir=.
  [ "$1" = old ] && dir="$work/base"
  (cd "$dir" && GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    --toggle-collect='newsclip/convert.Convert' --toggle-collect='newsclip/formats.Write*' \
    "$work/$1.test" -test.run XXX -test.bench "^Benchmark$2\$" -test.benchtime "$3x" -test.cpu 1 2>&1 >/dev/null) |
    awk '/Collected :/ {print $NF}'
}

printf '%-22s %14s %14s %8s\n' benchmark old-instr/op new-instr/op new/old
for b in $benches; do
  declare -A per
  for side in old new; do
    a=$(count "$side" "$b" "$lo")
    z=$(count "$side" "$b" "$hi")
    per[$side]=$(( (z - a) / (hi - lo) ))
  done
  awk -v b="$b" -v o="${per[old]}" -v n="${per[new]}" \
    'BEGIN { printf "%-22s %14.0f %14.0f %8.3f\n", b, o, n, (o > 0 ? n / o : 0) }'
  unset per
done
