#!/usr/bin/env bash
# Side-by-side benchmark of Callaway-Sant'Anna: cbec did --method cs against R's did package
# (att_gt + aggte dynamic), doubly robust with one covariate, 999 multiplier-bootstrap draws, on the
# same synthetic panels (units x 20 periods), same machine and threads, in one run. Needs R with
# did in R_LIBS. Writes bench/did/results-<units>.tsv. Usage: bench/did/run.sh 2500 [25000 ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
work=${BENCH_DIR:-/tmp/cbec-bench}
mkdir -p "$work"
export OMP_NUM_THREADS=${THREADS:-$(nproc)}
for n in "$@"; do
  csv="$work/did_$n.csv"
  [ -f "$csv" ] || Rscript "$here/make_data.R" "$n" "$csv"
  out="$here/results-$n.tsv"
  printf "tool\ttask\tseconds\tpeak_kb\n" > "$out"
  measure() {  # tool command...
    local tool=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/did-$tool-$n.out" 2>&1
    read -r secs kb < "$work/time.txt"
    printf "%s\tcallaway_santanna\t%s\t%s\n" "$tool" "$secs" "$kb" >> "$out"
  }
  measure cbec "$cbec" did "$csv" --y y --unit id --time year --first-treat first_treat --method cs --controls x --draws 999
  measure R Rscript "$here/peer.R" "$csv" 999
  cat "$out"
done
