#!/usr/bin/env bash
# Times newsclip against pdftotext on the same PDFs in the same run: two
# long multi-column documents made here with groff (~90 and ~500 pages),
# the shared newspaper pages, the shared real PDFs (an archive export of 59
# pages, browser prints) and the groff test pages. RUNS interleaved runs
# (default 5) of each tool; reports median wall time, CPU time and peak
# RSS (median of 3) per file, the newsclip/pdftotext ratios (lower is better)
# and their medians over the files, and how peak RSS grows with the page
# count between the two long documents (MiB per page). With OLD set to
# another newsclip binary (an earlier build), that one runs interleaved too
# and gets its own ratios, for before/after figures from the same run.
# Usage: [OLD=path/to/newsclip] bench/pdf-speed.sh [RUNS]    (needs groff, poppler-utils, GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A binary just written by the linker starts about a millisecond slower
# than a copy of it (measured here; the older builds compared with are
# copies): time a copy.
go build -o "$work/newsclip.linked" . && cp "$work/newsclip.linked" "$work/newsclip"
# Long documents: the test article N times over, in 3 columns.
long() {
  {
    sed -n '1,/^\.COLUMNS$/p' testdata/pdf/article.ms | sed 's/^\.COLUMNS$/.MC 2.0i 0.25i/'
    for i in $(seq "$1"); do sed -n '/^\.PP$/,$p' testdata/pdf/article.ms; done
  } | groff -ms -Tpdf -P-p4.5i,8.5i > "$2"
}
long 70 "$work/long.pdf"
long 385 "$work/long500.pdf"
files=("$work/long.pdf" "$work/long500.pdf" ../shared/corpus/pdf/beijing-review-3col.pdf ../shared/corpus/pdf/beijing-review-4col.pdf testdata/pdf/groff-4col.pdf)
for f in ../shared/corpus/pdf-real/*.pdf; do [ -e "$f" ] && files+=("$f"); done
pages() { pdfinfo "$1" | awk '/^Pages/ {print $2}'; }
echo "long.pdf: $(pages "$work/long.pdf") pages; long500.pdf: $(pages "$work/long500.pdf") pages"

# Each run is a spawn waited for with wait4, whose resource usage covers
# the process and the children it waited for (newsclip's PDF child
# counts): CPU time (user + system) is their sum. Wall time comes from the
# driver's clock. CPU time is the steadier figure on a shared machine,
# where other processes stretch the wall time of both tools. Tools and
# files interleave, the tools going first in turn. Peak RSS (the larger
# of the process's and its children's) comes from three more runs under
# GNU time, whose own small memory is the floor, not the driver's.
python3 - "$runs" "$work/newsclip" "${OLD:-}" "$(pages "$work/long.pdf")" "$(pages "$work/long500.pdf")" "${files[@]}" <<'PY'
import os, statistics, sys, tempfile, time
runs, newsclip, old, p1, p2, files = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6:]
cmds = {"newsclip": lambda f: [newsclip, "convert", "-q", "--to", "jsonl", f],
        "pdftotext": lambda f: ["pdftotext", "-q", f, "-"]}
if old:
    cmds["old"] = lambda f: [old, "convert", "-q", "--to", "jsonl", f]

def measure(cmd):
    """Runs cmd with its output discarded: wall s, CPU s."""
    t0 = time.perf_counter()
    # posix_spawn shares the driver's memory until the exec (vfork): the
    # driver's fork and copy-on-write faults (some 10 ms of a Python
    # process here) are not counted as the tool's.
    null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=null)
    _, _, ru = os.wait4(pid, 0)
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime

def peak_rss(cmd):
    """Peak RSS of cmd in KiB, as GNU time reports it: the driver's own
    peak counts in that of a process it spawns or forks (the kernel keeps
    the largest of a process's memories across exec)."""
    with tempfile.NamedTemporaryFile() as out:
        null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
        pid = os.posix_spawnp("/usr/bin/time", ["/usr/bin/time", "-f", "%M", "-o", out.name] + cmd, os.environ, file_actions=null)
        os.wait4(pid, 0)
        return int(open(out.name).read().split()[-1])

res = {}
tools = list(cmds.items())
for r in range(runs):
    # The tools take turns going first. In a fixed order each ran after
    # the same neighbour every time, and two builds whose one-page path
    # was the same measured 4-6 ms apart on those files, in two runs;
    # taking turns, they measure within 2 ms of each other.
    k = r % len(tools)
    for f in files:
        for tool, cmd in tools[k:] + tools[:k]:
            res.setdefault((os.path.basename(f), tool), []).append(measure(cmd(f)))
rss = {}
for _ in range(3):
    for f in files:
        for tool, cmd in cmds.items():
            rss.setdefault((os.path.basename(f), tool), []).append(peak_rss(cmd(f)))

def report(tool):
  ratios, med = [], {}
  print(f"-- {tool}: median wall, CPU and peak RSS; ratios to pdftotext")
  for f in sorted({f for f, _ in res}):
    n, p = res[(f, tool)], res[(f, "pdftotext")]
    nw, nc = (statistics.median(x[i] for x in n) for i in range(2))
    pw, pc = (statistics.median(x[i] for x in p) for i in range(2))
    nr, pr = statistics.median(rss[(f, tool)]), statistics.median(rss[(f, "pdftotext")])
    med[f] = (nr, pr)
    ratios.append((nw / pw, nc / pc, nr / pr))
    print(f"{f:26} {tool} {nw*1000:6.0f} ms {nc*1000:5.0f} ms cpu {nr/1024:5.1f} MiB"
          f"  pdftotext {pw*1000:6.0f} ms {pc*1000:5.0f} ms cpu {pr/1024:5.1f} MiB"
          f"  ratio wall {nw/pw:4.2f}x cpu {nc/pc:4.2f}x RSS {nr/pr:4.2f}x")
  print(f"median ratio over files: wall {statistics.median(r[0] for r in ratios):.2f}x, cpu {statistics.median(r[1] for r in ratios):.2f}x, "
        f"peak RSS {statistics.median(r[2] for r in ratios):.2f}x; worst: wall {max(r[0] for r in ratios):.2f}x, "
        f"cpu {max(r[1] for r in ratios):.2f}x, peak RSS {max(r[2] for r in ratios):.2f}x ({runs} runs each)")
  (a, b), (c, d) = med["long.pdf"], med["long500.pdf"]
  print(f"peak RSS growth {p1} -> {p2} pages: {tool} {(c-a)/1024/(p2-p1):.4f} MiB/page, pdftotext {(d-b)/1024/(p2-p1):.4f} MiB/page")
for tool in cmds:
  if tool != "pdftotext":
    report(tool)
PY
