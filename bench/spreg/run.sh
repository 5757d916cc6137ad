#!/usr/bin/env bash
# Side-by-side benchmark of cross-section spatial ML: cbec spreg versus R spatialreg on the same
# synthetic data (bench/spreg/make_data.R: n random points, symmetric 6-nearest-neighbour weights,
# row-standardized), SAR (lagsarlm) and SEM (errorsarlm), both with the sparse Cholesky
# log-determinant (cbec --log-det sparse, spatialreg method = "Matrix"), same machine, one run.
# cbec's time is the whole command (start-up, reading data and weights included); R's is the model
# alone, timed inside R after loading. A tool that fails or exceeds TIMEOUT seconds (default 1800)
# is recorded as such, so the largest n each completes is in the table.
# Writes bench/spreg/results.tsv. Usage: bench/spreg/run.sh 1000 5000 20000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
work=${BENCH_DIR:-/tmp/cbec-bench-spreg}
timeout=${TIMEOUT:-1800}
mkdir -p "$work"
out="$here/results.tsv"
printf "n\tmodel\ttool\tseconds\tpeak_kb\testimate\n" > "$out"
for n in "$@"; do
  csv="$work/spreg_$n.csv"; gal="$work/spreg_$n.gal"
  [ -f "$csv" ] || Rscript "$here/make_data.R" "$n" "$csv" "$gal"
  for model in sar sem; do
    json="$work/cbec-$model-$n.json"
    if /usr/bin/time -f "%e %M" -o "$work/time.txt" timeout "$timeout" "$cbec" spreg "$csv" "y ~ x1 + x2" --w "$gal" --id id \
         --model "$model" --log-det sparse --json-out "$json" > "$work/cbec-$model-$n.out" 2>&1; then
      read -r secs kb < "$work/time.txt"
      est=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['models'][0]; print(m['coef'][m['vcov']['terms'].index(sys.argv[2])])" \
            "$json" "$([ "$model" = sar ] && echo rho || echo lambda)")
      printf "%s\t%s\tcbec\t%s\t%s\t%s\n" "$n" "$model" "$secs" "$kb" "$est" >> "$out"
    else
      printf "%s\t%s\tcbec\tfailed\t\t\n" "$n" "$model" >> "$out"
    fi
    if /usr/bin/time -f "%e %M" -o "$work/time.txt" timeout "$timeout" Rscript "$here/peer.R" "$csv" "$gal" "$model" \
         > "$work/R-$model-$n.out" 2>&1; then
      read -r secs kb < "$work/time.txt"
      awk -v n="$n" -v kb="$kb" '{printf "%s\t%s\tR\t%s\t%s\t%s\n", n, $1, $2, kb, $3}' "$work/R-$model-$n.out" | tail -1 >> "$out"
    else
      printf "%s\t%s\tR\tfailed\t\t\n" "$n" "$model" >> "$out"
    fi
  done
done
cat "$out"
