#!/bin/bash
# Runs a libFuzzer target for a number of executions or seconds, whichever ends first, from its seed
# folders, with a fixed seed so that a run is reproducible (only *.tflite and
# plain seed files are taken; other files are skipped). Fails on any crash or sanitizer report.
# Usage: run_fuzzer.sh <fuzzer> <work corpus dir> <runs> <seconds> <max_len> <seed dir>...
set -euo pipefail
fuzzer="$1"; corpus="$2"; runs="$3"; seconds="$4"; max_len="$5"; shift 5
mkdir -p "$corpus"
for seeds in "$@"; do
  [ -d "$seeds" ] || continue
  find "$seeds" -maxdepth 3 -type f \( -name '*.tflite' -o ! -name '*.*' \) -size -400k \
    -exec cp -n {} "$corpus"/ \; 2>/dev/null || true
done
artifacts="$(dirname "$corpus")/artifacts-$(basename "$fuzzer")/"
mkdir -p "$artifacts"
exec "$fuzzer" -seed=1 -runs="$runs" -max_total_time="$seconds" -max_len="$max_len" -artifact_prefix="$artifacts" -print_final_stats=1 \
  "$corpus"
