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
# Encrypted copies of the 3-column page (Debian package qpdf), user
# password "harbour": RC4 40-bit (V1), RC4 128-bit (V2), AES-128 (V4).
qpdf --allow-weak-crypto --encrypt harbour secret 40 -- groff-3col.pdf encrypted/rc4-40.pdf
qpdf --allow-weak-crypto --encrypt harbour secret 128 --use-aes=n -- groff-3col.pdf encrypted/rc4-128.pdf
qpdf --encrypt harbour secret 128 --use-aes=y -- groff-3col.pdf encrypted/aes-128.pdf
