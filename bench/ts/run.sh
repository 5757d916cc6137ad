#!/usr/bin/env bash
# Benchmark of the panel cointegration battery (cbec ts --method coint, fmols, dols, hansen_lc, jb)
# on simulated cointegrated panels (bench/ts/make_data.R), against the same computations in R
# (bench/ts/peer.R: the reference formulas, and tseries for Jarque-Bera), in one run on one machine.
# cbec's times are whole commands (start-up and reading the CSV included); R's are the task alone,
# timed inside R after reading the data. Writes bench/ts/results-<N>x<T>.tsv.
# Usage: bench/ts/run.sh 31x18 3000x40
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
work=${BENCH_DIR:-/tmp/cbec-bench}
mkdir -p "$work"
for size in "$@"; do
  N=${size%x*}; T=${size#*x}
  csv="$work/ts_${N}x${T}.csv"
  [ -f "$csv" ] || Rscript "$here/make_data.R" "$N" "$T" "$csv"
  out="$here/results-${N}x${T}.tsv"
  printf "tool\ttask\tseconds\n" > "$out"
  for task in coint fmols dols hansen_lc jb; do
    opts=(--variable y --regressors x1 x2)
    [ "$task" = jb ] && opts=(--variable y)
    /usr/bin/time -f "%e" -o "$work/time.txt" "$cbec" ts "$csv" --method "$task" --unit id --time t "${opts[@]}" --json > "$work/cbec-$task.json"
    printf "cbec\t%s\t%s\n" "$task" "$(cat "$work/time.txt")" >> "$out"
  done
  (cd "$repo" && Rscript bench/ts/peer.R "$csv" "$work/r.tsv")
  tail -n +2 "$work/r.tsv" >> "$out"
  cat "$out"
done
