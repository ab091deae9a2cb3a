#!/usr/bin/env bash
# Writes default.pgo: the CPU profile from which `go build` and `go test`
# of package main optimise newsclip (profile-guided optimisation: hot
# calls inlined, hot interface calls devirtualised). The profile is the
# text benchmarks of package main (BenchmarkConvert*: 1 KB clippings, the
# shared corpus, synthetic clippings, a large export, to JSON and
# Markdown) and the PDF extraction benchmarks of internal/pdftext (the
# shared real PDFs and the short ones), merged. Each part runs BENCHTIME
# (default 2s) per benchmark, built without a profile (-pgo=off), so that
# the new profile does not depend on the old one.
#
# Run it after a change to hot code, and commit default.pgo with the
# figures of bench/instructions.sh. A stale profile still builds the same
# program; it only guides the compiler less well.
# Usage: [BENCHTIME=2s] bench/pgo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
benchtime=${BENCHTIME:-2s}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -pgo=off -c -o "$work/main.test" .
go test -pgo=off -c -o "$work/pdftext.test" ./internal/pdftext
"$work/main.test" -test.run XXX -test.bench '^BenchmarkConvert' -test.benchtime "$benchtime" \
  -test.cpu 1 -test.cpuprofile "$work/text.prof" >/dev/null
(cd internal/pdftext && "$work/pdftext.test" -test.run XXX -test.bench '^Benchmark(PDFReal|PDFSmall)$' \
  -test.benchtime "$benchtime" -test.cpu 1 -test.cpuprofile "$work/pdf.prof" >/dev/null)
go tool pprof -proto "$work/text.prof" "$work/pdf.prof" >"$work/default.pgo"
mv "$work/default.pgo" default.pgo
ls -l default.pgo
