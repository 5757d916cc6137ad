#!/usr/bin/env bash
# Side-by-side benchmark of the fixed-effects spatial lag panel model: cbec spxt versus R's
# splm on the same synthetic panel (bench/spreg/panel_make_data.R: n units x T periods, k = 6 nearest
# neighbours, row-standardized), same machine, in one run. cbec's time is the whole command
# (start-up, reading the data and weights included; n > 2000: sparse LU log-determinants and
# Hutchinson traces); R's is spml alone, timed inside R. Writes bench/spreg/panel-results-<n>x<T>.tsv.
# Usage: bench/spreg/panel_run.sh 3000 10 [n T ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
work=${BENCH_DIR:-/tmp/cbec-bench}
mkdir -p "$work"
while [ $# -ge 2 ]; do
  n=$1; nt=$2; shift 2
  csv="$work/spreg_${n}x$nt.csv"; w="$work/spreg_knn6_${n}x$nt.csv"
  [ -f "$csv" ] || Rscript "$here/panel_make_data.R" "$n" "$nt" "$csv" "$w"
  out="$here/panel-results-${n}x$nt.tsv"
  printf "tool\ttask\tseconds\tpeak_kb\trho\n" > "$out"
  json="$work/spreg-$n.json"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$cbec" spxt "$csv" "y ~ x1 + x2" --w "$w" --id id --unit id --time year \
    --effect individual --lags splm --json-out "$json" --out "$work/spreg-$n.txt" > "$work/cbec-spreg-$n.out" 2>&1
  read -r secs kb < "$work/time.txt"
  rho=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['models'][0]['coef']['rho'])" "$json")
  printf "cbec\tsar_fe\t%s\t%s\t%s\n" "$secs" "$kb" "$rho" >> "$out"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" Rscript "$here/panel_peer.R" "$csv" "$w" > "$work/R-spreg-$n.out" 2>&1
  read -r secs kb < "$work/time.txt"
  awk -v kb="$kb" '$1=="sar_fe"{printf "R\tsar_fe\t%s\t%s\t%s\n", $2, kb, $3}' "$work/R-spreg-$n.out" >> "$out"
  cat "$out"
done
