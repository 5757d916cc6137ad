#!/usr/bin/env bash
# Scaling of the panel threshold bootstrap (Hansen 1999's model: investment on lagged Q, Q^2, Q^3,
# debt, Q x debt, lagged cash flow with a slope changing at thresholds of lagged debt), cbec alone
# (R has no panel threshold bootstrap to compare with): ms per bootstrap draw at k copies of Hansen's
# data, from the whole command with D draws minus the same command with none, divided by D.
# Usage: bench/threshold/run.sh "1 100" [draws]   (prints copies, rows, seconds, ms per draw)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
work=${BENCH_DIR:-/tmp/cbec-bench}
draws=${2:-100}
mkdir -p "$work"
export OMP_NUM_THREADS=${THREADS:-$(nproc)}
printf "copies\trows\tseconds_0\tseconds_draws\tdraws\tms_per_draw\n"
for k in $1; do
  csv="$work/hansen_x$k.csv"
  [ -f "$csv" ] || Rscript "$here/make_data.R" "$k" "$csv"
  run() {
    /usr/bin/time -f "%e" -o "$work/time.txt" "$cbec" threshold "$csv" --y i --threshold d1 --regime c1 \
      --x q1 q2 q3 d1 qd --unit firm --time year --draws "$1" --threads "${THREADS:-$(nproc)}" > /dev/null
    cat "$work/time.txt"
  }
  t0=$(run 0); t1=$(run "$draws")
  awk -v k="$k" -v n="$(($(wc -l < "$csv") - 1))" -v a="$t0" -v b="$t1" -v d="$draws" \
    'BEGIN {printf "%d\t%d\t%.2f\t%.2f\t%d\t%.2f\n", k, n, a, b, d, 1000 * (b - a) / d}'
done
