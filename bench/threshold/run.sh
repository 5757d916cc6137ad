#!/usr/bin/env bash
# Scaling of the panel threshold bootstrap (Hansen 1999's model: investment on lagged Q, Q^2, Q^3,
# debt, Q x debt, lagged cash flow with a slope changing at thresholds of lagged debt), cbec alone
# (R has no panel threshold bootstrap to compare with): ms per bootstrap draw at k copies of Hansen's
# data, from the whole command with D draws minus the same command with none, divided by D, in wall
# time and in CPU time (user + system: the wall clock is inflated when the machine is loaded).
# Usage: bench/threshold/run.sh "1 100" [draws] [repeats]
#   CBEC="old/cbec new/cbec" compares builds: their runs alternate, so both see the same load.
#   DRAWS_AT_<k>=n sets the draws for k copies (default: [draws], 100).
#   THRESHOLDS=2 or 3 fits and tests that many thresholds, each test with the same draws (default 1):
#   ms per draw is then the CPU of one draw of every test together.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
binaries=${CBEC:-$repo/build/cbec}
work=${BENCH_DIR:-/tmp/cbec-bench}
draws=${2:-100}
repeats=${3:-1}
mkdir -p "$work"
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
export OMP_NUM_THREADS=${THREADS:-$(nproc)}
printf "binary\tcopies\trows\tdraws\twall_0\twall_draws\tcpu_0\tcpu_draws\tms_per_draw_wall\tms_per_draw_cpu\n"
for k in $1; do
  csv="$work/hansen_x$k.csv"
  [ -f "$csv" ] || Rscript "$here/make_data.R" "$k" "$csv"
  d=$(eval echo "\${DRAWS_AT_$k:-$draws}")
  run() {  # prints wall and CPU seconds of one command
    /usr/bin/time -f "%e %U %S" -o "$timing" "$1" threshold "$csv" --y i --threshold d1 --regime c1 \
      --x q1 q2 q3 d1 qd --unit firm --time year --thresholds "${THRESHOLDS:-1}" --draws "$2" --threads "${THREADS:-$(nproc)}" > /dev/null
    awk '{printf "%.2f %.2f", $1, $2 + $3}' "$timing"
  }
  for ((rep = 0; rep < repeats; ++rep)); do
    for cbec in $binaries; do
      read -r w0 c0 <<< "$(run "$cbec" 0)"
      read -r w1 c1 <<< "$(run "$cbec" "$d")"
      awk -v b="$cbec" -v k="$k" -v n="$(($(wc -l < "$csv") - 1))" -v d="$d" -v w0="$w0" -v w1="$w1" -v c0="$c0" -v c1="$c1" \
        'BEGIN {printf "%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n", b, k, n, d, w0, w1, c0, c1, 1000 * (w1 - w0) / d, 1000 * (c1 - c0) / d}'
    done
  done
done
