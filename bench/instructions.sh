#!/usr/bin/env bash
# Before/after instruction counts for the text benchmarks, for a machine
# too busy for steady timings: valgrind counts the instructions a
# benchmark executes, which do not depend on other load (repeatable to
# about 0.1%). Builds the test binaries of BASE (a commit) and of the
# working tree, runs each benchmark of BENCH under cachegrind with GOGC=off
# (so that the collector's share, which depends on timing, is not
# counted) at LO and HI iterations (default 3 and 9), and prints the
# instructions per op, (count at HI - count at LO) / (HI - LO), which
# leaves out the set-up both runs share, for each side and their ratio
# (new/old; lower is fewer).
#
# Usage: BASE=fbeb7ef [BENCH='Convert1KB ConvertCorpus'] [LO=3 HI=9] bench/instructions.sh
#        (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${BASE:?set BASE to the commit to compare with}
benches=${BENCH:-'Convert1KB Convert1KBMarkdown ConvertCorpus ConvertSynthetic ConvertJSON ConvertLargeExport'}
lo=${LO:-3}
hi=${HI:-9}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
# The benchmarks read ../shared (the shared corpus) relative to the
# checkout: give the old one the same neighbour.
ln -s "$(cd .. && pwd)/shared" "$work/shared"
(cd "$work/base" && go test -c -o "$work/old.test" .)
go test -c -o "$work/new.test" .

# count SIDE BENCH N prints the instructions of N iterations (and set-up).
count() {
  local dir=.
  [ "$1" = old ] && dir="$work/base"
  (cd "$dir" && GOGC=off valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$work/$1.test" -test.run XXX -test.bench "^Benchmark$2\$" -test.benchtime "$3x" -test.cpu 1 2>&1 >/dev/null) |
    awk '/I +refs:/ {gsub(",", "", $NF); print $NF}'
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
    'BEGIN { printf "%-22s %14d %14d %8.3f\n", b, o, n, (o > 0 ? n / o : 0) }'
  unset per
done
