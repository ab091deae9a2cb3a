#!/usr/bin/env python3
"""Per-field accuracy of newsclip on the shared corpus, as a Markdown table.

Runs ../shared/eval/score.py on each corpus folder and prints one row per
field, one column per folder (the score, with the number of articles scored
in brackets). `--readme README.md` rewrites the table between the markers
<!-- accuracy:begin --> and <!-- accuracy:end --> instead of printing it.

    go build -o newsclip . && python3 scripts/accuracy.py --readme README.md
"""
import argparse, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")


def score(folder, binary):
    out = subprocess.run([sys.executable, os.path.join(SHARED, "eval", "score.py"), "--quiet",
                          "--exact-count", "--bin", binary, folder],
                         capture_output=True, text=True).stdout
    fields = {}
    for line in out.splitlines():
        m = re.match(r"^(\w+)\s+([0-9.]+)\s+(\d+)$", line.strip())
        if m:
            fields[m.group(1)] = (float(m.group(2)), int(m.group(3)))
    return fields


def table(binary, folders):
    scores = {os.path.basename(f.rstrip("/")): score(f, binary) for f in folders}
    names = sorted({k for s in scores.values() for k in s})
    cols = list(scores)
    rows = ["| field | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for n in names:
        cells = []
        for c in cols:
            v = scores[c].get(n)
            cells.append(f"{v[0]:.3f} ({v[1]})" if v else "")
        rows.append(f"| `{n}` | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "newsclip"))
    ap.add_argument("--readme")
    ap.add_argument("folders", nargs="*")
    args = ap.parse_args()
    corpus = os.path.join(SHARED, "corpus")
    folders = args.folders or sorted(os.path.join(corpus, d) for d in os.listdir(corpus)
                                     if os.path.isdir(os.path.join(corpus, d)))
    t = table(args.bin, folders)
    if not args.readme:
        sys.stdout.write(t)
        return
    text = open(args.readme).read()
    begin, end = "<!-- accuracy:begin -->\n", "<!-- accuracy:end -->"
    i, j = text.index(begin) + len(begin), text.index(end)
    open(args.readme, "w").write(text[:i] + t + text[j:])


if __name__ == "__main__":
    main()
