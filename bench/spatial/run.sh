#!/usr/bin/env bash
# Side-by-side benchmark of permutation inference for spatial autocorrelation: cbec spatial versus
# R's spdep on the same synthetic points (bench/spatial/make_data.R), k = 6 nearest-neighbour
# row-standardized weights, same machine and threads, in one run:
#   moran: global Moran's I with MORAN_NSIM (default 9999) permutations (spdep::moran.mc);
#   lisa:  local Moran with LISA_NSIM (default 999) conditional permutations (spdep::localmoran_perm).
# cbec's times are whole commands (start-up and reading the data and weights files included); R's
# are the task alone, timed inside R after loading and building the weights. R_MORAN_NSIM or
# R_LISA_NSIM lower spdep's draws when the full count would take too long (the draws column says
# how many ran); bench/RESULTS.md then scales R's time linearly and marks it extrapolated.
# Writes bench/spatial/results-<n>.tsv. Usage: bench/spatial/run.sh 10000 [100000 ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
work=${BENCH_DIR:-/tmp/cbec-bench}
mkdir -p "$work"
threads=${THREADS:-$(nproc)}
export OMP_NUM_THREADS=$threads
moran_nsim=${MORAN_NSIM:-9999}
lisa_nsim=${LISA_NSIM:-999}
for n in "$@"; do
  csv="$work/spatial_$n.csv"
  [ -f "$csv" ] || Rscript "$here/make_data.R" "$n" "$csv"
  w="$work/spatial_knn6_$n.csv"
  out="$here/results-$n.tsv"
  printf "tool\ttask\tdraws\tseconds\tpeak_kb\tstatistic\n" > "$out"
  timed() {  # log command...: runs the command under /usr/bin/time into $work/time.txt
    local log=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$log" 2>&1
  }
  timed "$work/weights-$n.out" "$cbec" weights "$csv" --id id --x x --y y --projected --type knn --k 6 --save "$w"
  read -r secs kb < "$work/time.txt"
  printf "cbec\tweights\t0\t%s\t%s\t\n" "$secs" "$kb" >> "$out"
  for task in moran lisa; do
    draws=$moran_nsim; r_draws=${R_MORAN_NSIM:-$moran_nsim}
    if [ "$task" = lisa ]; then draws=$lisa_nsim; r_draws=${R_LISA_NSIM:-$lisa_nsim}; fi
    json="$work/spatial-$task-$n.json"
    timed "$work/cbec-$task-$n.out" "$cbec" spatial "$task" "$csv" --w "$w" --id id --var v --transform R \
      --permutations "$draws" --threads "$threads" --json-out "$json" --out "$work/cbec-$task-$n.csv"
    read -r secs kb < "$work/time.txt"
    stat=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]
print(r['I'] if sys.argv[2]=='moran' else sum(u['p_sim']<0.05 for u in r['units']))" "$json" "$task")
    printf "cbec\t%s\t%s\t%s\t%s\t%s\n" "$task" "$draws" "$secs" "$kb" "$stat" >> "$out"
    timed "$work/R-$task-$n.out" Rscript "$here/peer.R" "$csv" "$task" "$r_draws" "$threads"
    read -r secs kb < "$work/time.txt"
    [ "$task" = lisa ] || printf "R\tweights\t0\t%s\t\t\n" "$(awk '$1=="weights"{print $2}' "$work/R-$task-$n.out")" >> "$out"
    awk -v d="$r_draws" -v kb="$kb" -v t="$task" '$1==t{printf "R\t%s\t%s\t%s\t%s\t%s\n", t, d, $2, kb, $3}' "$work/R-$task-$n.out" >> "$out"
  done
  cat "$out"
done
