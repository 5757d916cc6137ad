#!/usr/bin/env bash
# Side-by-side benchmark of cross-section spatial ML: cbec spreg versus R spatialreg on the same
# synthetic data (bench/spreg/make_data.R: n random points, symmetric 6-nearest-neighbour weights,
# row-standardized), SAR (lagsarlm) and SEM (errorsarlm), both with the sparse Cholesky
# log-determinant (cbec --log-det sparse, spatialreg method = "Matrix"), same machine, one run.
# cbec's time is the whole command (start-up, reading data and weights, the model, the SAR's
# impacts with 1000 draws, output), the median of REPEATS runs (default 3). R gives two figures
# from one process (peer.R): the model alone, timed inside R after loading, and the whole process
# (start-up, packages, reading the CSV and GAL, the listw, the model and, for SAR, the impacts
# with 1000 draws): the end-to-end figure to set beside cbec's. With CBEC_BEFORE=<path of another
# cbec>, that program runs too, interleaved (before/after in the same run). A tool that fails or
# exceeds TIMEOUT seconds (default 1800) is recorded as such.
# Writes bench/spreg/results.tsv, or OUT (seconds: cbec whole command, R model alone; e2e_seconds:
# whole process); CBEC chooses the program (default build/cbec). Usage: bench/spreg/run.sh 1000 5000 20000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec=${CBEC:-$repo/build/cbec}
before=${CBEC_BEFORE:-}
work=${BENCH_DIR:-/tmp/cbec-bench-spreg}
timeout=${TIMEOUT:-1800}
repeats=${REPEATS:-3}
mkdir -p "$work"
out=${OUT:-$here/results.tsv}
printf "n\tmodel\ttool\tseconds\te2e_seconds\tpeak_kb\testimate\n" > "$out"
echo "# start $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# run_cbec <label> <program> <n> <model>: REPEATS runs, the median time and the largest peak.
run_cbec() {
  local label=$1 prog=$2 n=$3 model=$4 times=() peak=0 json="$work/$1-$4-$3.json"
  for ((r = 0; r < repeats; r++)); do
    if ! /usr/bin/time -f "%e %M" -o "$work/time.txt" timeout "$timeout" "$prog" spreg "$work/spreg_$n.csv" "y ~ x1 + x2" \
         --w "$work/spreg_$n.gal" --id id --model "$model" --log-det sparse --json-out "$json" > "$work/$label-$model-$n.out" 2>&1; then
      printf "%s\t%s\t%s\tfailed\t\t\t\n" "$n" "$model" "$label" >> "$out"
      return
    fi
    read -r secs kb < "$work/time.txt"
    times+=("$secs")
    ((kb > peak)) && peak=$kb
  done
  local median est
  median=$(printf "%s\n" "${times[@]}" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  est=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['models'][0]; print(m['coef'][sys.argv[2]])" \
        "$json" "$([ "$model" = sar ] && echo rho || echo lambda)")
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$n" "$model" "$label" "$median" "$median" "$peak" "$est" >> "$out"
}

for n in "$@"; do
  csv="$work/spreg_$n.csv"; gal="$work/spreg_$n.gal"
  [ -f "$csv" ] || Rscript "$here/make_data.R" "$n" "$csv" "$gal"
  for model in sar sem; do
    [ -n "$before" ] && run_cbec cbec-before "$before" "$n" "$model"
    run_cbec cbec "$cbec" "$n" "$model"
    if /usr/bin/time -f "%e %M" -o "$work/time.txt" timeout "$timeout" Rscript "$here/peer.R" "$csv" "$gal" "$model" \
         > "$work/R-$model-$n.out" 2>&1; then
      read -r secs kb < "$work/time.txt"
      awk -v n="$n" -v e2e="$secs" -v kb="$kb" '{printf "%s\t%s\tR\t%s\t%s\t%s\t%s\n", n, $1, $2, e2e, kb, $3}' \
        "$work/R-$model-$n.out" | tail -1 >> "$out"
    else
      printf "%s\t%s\tR\tfailed\t\t\t\n" "$n" "$model" >> "$out"
    fi
  done
done
echo "# end $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
cat "$out"
