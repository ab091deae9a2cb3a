#!/usr/bin/env bash
# Makes the golden PDFs from article.ms with groff (Debian package groff):
# 3 and 4 columns under a spanning title, automatic hyphenation,
# ligatures (groff draws "fi" and "fl" as ligature glyphs) and accents.
# The PDFs are committed; run this only to change them.
set -euo pipefail
cd "$(dirname "$0")"
for n in 3 4; do
  width=$(python3 -c "print(round((6.5 - ($n - 1) * 0.25) / $n, 3))")
  sed "s/^\.COLUMNS\$/.MC ${width}i 0.25i/" article.ms |
    groff -ms -Tpdf -P-p4.5i,8.5i > "groff-${n}col.pdf"
done
