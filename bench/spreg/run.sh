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
# Like for like: cbec runs with --timing, so beside its whole command the table has its model stage
# (solve + vcov: the search over rho or lambda, the estimates and their variance) and its impacts
# stage, next to R's model call and R's impacts call (peer.R times both). R_MODEL_ONLY=1: R's GAL
# is parsed without spdep's read.gal (minutes at n = 20,000), so R's process time is not recorded as
# end to end (peer.R).
# Writes bench/spreg/results.tsv, or OUT (seconds: cbec whole command, R model alone; e2e_seconds:
# whole process; model_seconds, impacts_seconds: cbec's stages, R's calls; cpu_seconds: cbec's
# whole command (user + system), R's model call); CBEC chooses the program (default build/cbec).
# Usage: bench/spreg/run.sh 1000 5000 20000
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
printf "n\tmodel\ttool\tseconds\te2e_seconds\tpeak_kb\testimate\tmodel_seconds\timpacts_seconds\tcpu_seconds\n" > "$out"
echo "# start $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

median() { printf "%s\n" "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# run_cbec <label> <program> <n> <model>: REPEATS runs, the median times and the largest peak. The
# model and impacts stages come from --timing (a program without the stages leaves them empty).
run_cbec() {
  local label=$1 prog=$2 n=$3 model=$4 times=() models=() impacts=() cpus=() peak=0 json="$work/$1-$4-$3.json"
  local log="$work/$label-$model-$n.out"
  for ((r = 0; r < repeats; r++)); do
    if ! /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" timeout "$timeout" "$prog" spreg "$work/spreg_$n.csv" "y ~ x1 + x2" \
         --w "$work/spreg_$n.gal" --id id --model "$model" --log-det sparse --json-out "$json" --timing > "$log" 2>&1; then
      printf "%s\t%s\t%s\tfailed\t\t\t\t\t\t\n" "$n" "$model" "$label" >> "$out"
      return
    fi
    read -r secs kb user sys < "$work/time.txt"
    times+=("$secs")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')")
    ((kb > peak)) && peak=$kb
    models+=("$(awk '/^timing \(s\):/ {for (i = 3; i < NF; i += 2) if ($i == "solve" || $i == "vcov") t += $(i + 1); print t}' "$log")")
    impacts+=("$(awk '/^timing \(s\):/ {for (i = 3; i < NF; i += 2) if ($i == "impacts") print $(i + 1)}' "$log")")
  done
  local est
  est=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['models'][0]; print(m['coef'][sys.argv[2]])" \
        "$json" "$([ "$model" = sar ] && echo rho || echo lambda)")
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$n" "$model" "$label" "$(median "${times[@]}")" "$(median "${times[@]}")" "$peak" "$est" \
    "$(median "${models[@]}")" "$( [ "$model" = sar ] && median "${impacts[@]}")" "$(median "${cpus[@]}")" >> "$out"
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
      [ -n "${R_MODEL_ONLY:-}" ] && secs=""
      awk -v n="$n" -v e2e="$secs" -v kb="$kb" '{printf "%s\t%s\tR\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", n, $1, $2, e2e, kb, $3, $2, ($4 == "NA" ? "" : $4), $5}' \
        "$work/R-$model-$n.out" | tail -1 >> "$out"
    else
      printf "%s\t%s\tR\tfailed\t\t\t\t\t\t\n" "$n" "$model" >> "$out"
    fi
  done
done
echo "# end $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
cat "$out"
