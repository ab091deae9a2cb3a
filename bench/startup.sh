#!/usr/bin/env bash
# Times start-up: `newsclip --version` and `newsclip --help` against
# `pdftotext -v` (the reference: a small C program that prints its
# version; --version does the same, --help also writes the help page,
# with internal/clihelp since 2026-12, not urfave/cli's templates), RUNS
# interleaved runs of each (default 60), and prints min and median wall
# time per command and the ratio of the medians (lower is better; the goal
# is <= 1.0). Then it prints the package initialisations of newsclip that
# take 0.1 ms or more (GODEBUG=inittrace=1, median of 9 runs). Other
# newsclip builds given after RUNS (an older commit's, say) join the same
# interleaved loop.
# Usage: bench/startup.sh [RUNS [OTHER_NEWSCLIP ...]]    (needs poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-60}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A binary just written by the linker starts about a millisecond slower
# than a copy of it (measured here; the older builds compared with are
# copies): time a copy.
go build -o "$work/newsclip.linked" . && cp "$work/newsclip.linked" "$work/newsclip"
python3 - "$runs" "$work/newsclip" "$@" <<'PY'
import collections, re, statistics, subprocess, sys, time
runs, newsclip, others = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
cmds = {"newsclip --version": [newsclip, "--version"], "newsclip --help": [newsclip, "--help"],
        "pdftotext -v": ["pdftotext", "-v"]}
for o in others:
    cmds[o + " --version"] = [o, "--version"]
    cmds[o + " --help"] = [o, "--help"]
times = {k: [] for k in cmds}
for _ in range(runs):
    for name, cmd in cmds.items():
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append((time.perf_counter() - t) * 1000)
for name, ts in times.items():
    print(f"{name:18} min {min(ts):6.2f} ms  median {statistics.median(ts):6.2f} ms  ({runs} runs)")
ref = statistics.median(times["pdftotext -v"])
for name, ts in times.items():
    if name != "pdftotext -v":
        print(f"ratio of medians to pdftotext -v: {statistics.median(ts) / ref:.2f}  {name}")
inits = collections.defaultdict(list)
for _ in range(9):
    err = subprocess.run([newsclip, "--help"], env={"GODEBUG": "inittrace=1"},
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    for m in re.finditer(r"^init (\S+) @\S+ ms, (\S+) ms clock", err, re.M):
        inits[m.group(1)].append(float(m.group(2)))
total = sum(statistics.median(v) for v in inits.values())
print(f"package init, sum of medians: {total:.2f} ms; those of 0.1 ms or more:")
for pkg, v in sorted(inits.items(), key=lambda kv: -statistics.median(kv[1])):
    if statistics.median(v) >= 0.1:
        print(f"  {statistics.median(v):6.2f} ms  {pkg}")
PY
