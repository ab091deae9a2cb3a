#!/usr/bin/env python3
"""Per-field accuracy of newsclip on the shared corpus, as a Markdown table.

Runs the shared scorer (../shared/eval/score.py) on each text folder of the
shared corpus (every folder but the PDF ones, unless folders are given) and
prints one row per field with its score in each folder and over all of them
(weighted by how many articles the field was scored on). With --readme FILE
it replaces the table between the accuracy markers in FILE instead.

  go build -o newsclip . && python3 bench/accuracy.py --readme README.md
"""
import argparse, os, re, subprocess, sys

BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"


def score(scorer, binary, folder):
    """Returns {field: (score, n)} and the summary line for one folder."""
    p = subprocess.run([sys.executable, scorer, "--bin", binary, "--quiet", folder],
                       capture_output=True, text=True)
    fields, summary = {}, ""
    for line in p.stdout.splitlines():
        m = re.match(r"^(\w+)\s+([\d.]+)\s+(\d+)$", line.strip())
        if m:
            fields[m.group(1)] = (float(m.group(2)), int(m.group(3)))
        elif line.startswith("score:"):
            summary = line
    return fields, summary


def table(results):
    folders = list(results)
    names = sorted({f for r in results.values() for f in r[0]})
    out = ["| field | " + " | ".join(folders) + " | all |",
           "| --- |" + " ---: |" * (len(folders) + 1)]
    for name in names:
        cells, total, count = [], 0.0, 0
        for f in folders:
            s, n = results[f][0].get(name, (None, 0))
            cells.append("" if s is None else f"{s:.3f} ({n})")
            if s is not None:
                total, count = total + s * n, count + n
        out.append(f"| {name} | " + " | ".join(cells) + f" | {total / count:.3f} |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*")
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--scorer", default="../shared/eval/score.py")
    ap.add_argument("--bin", default="./newsclip")
    ap.add_argument("--readme", help="rewrite the table between the accuracy markers of this file")
    a = ap.parse_args()
    folders = a.folders or sorted(
        os.path.join(a.corpus, d) for d in os.listdir(a.corpus)
        if os.path.isdir(os.path.join(a.corpus, d)) and not d.startswith("pdf"))
    results = {os.path.basename(f.rstrip("/")): score(a.scorer, a.bin, f) for f in folders}
    md = table(results)
    if not a.readme:
        print(md)
        return
    with open(a.readme, encoding="utf-8") as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        sys.exit(f"{a.readme}: no {BEGIN} ... {END} markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(a.readme, "w", encoding="utf-8") as f:
        f.write(head + BEGIN + "\n" + md + "\n" + END + tail)


if __name__ == "__main__":
    main()
