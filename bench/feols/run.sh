#!/usr/bin/env bash
# Side-by-side benchmark: two-way and three-way fixed-effects OLS with 5 regressors and standard
# errors clustered by unit, and CSV reading, for cbec and R (fixest when installed in R_LIBS, else estimatr), in one
# run on the same data, machine and threads (wall and CPU seconds: on a loaded machine the CPU
# seconds, user + system, are the steadier comparison; user and system apart, since on this VM the
# kernel's page-fault cost varies from run to run). The tools run interleaved, task by task, REPS
# times (default 3), so the load of a shared machine falls on both alike. Writes
# bench/feols/results-<rows>.tsv (one row per tool, task and repetition); summarize with
# bench/feols/report.sh (medians). Usage: bench/feols/run.sh 1000000 [10000000 ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
threads=${THREADS:-$(nproc)}
reps=${REPS:-3}
work=${BENCH_DIR:-/tmp/cbec-bench}
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
for n in "$@"; do
  csv="$work/panel3_$n.csv"
  [ -f "$csv" ] || Rscript "$here/make_data.R" "$n" "$csv"
  out="$here/results-$n.tsv"
  printf "tool\ttask\tseconds\tpeak_kb\tcpu_seconds\tuser_seconds\tsys_seconds\trep\tload1\n" > "$out"
  measure() {  # tool task rep command...
    local tool=$1 task=$2 rep=$3; shift 3
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" > "$work/$tool-$task.out" 2>&1
    read -r secs kb user sys < "$work/time.txt"
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$tool" "$task" "$secs" "$kb" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" "$user" "$sys" "$rep" "$load" >> "$out"
  }
  export OMP_NUM_THREADS=$threads
  for rep in $(seq "$reps"); do
    measure cbec read "$rep" "$cbec" describe "$csv"   # every column parsed, as fread does
    measure R read "$rep" Rscript "$here/peer.R" read "$csv" "$threads"
    measure cbec feols "$rep" "$cbec" reg "$csv" "y ~ x1 + x2 + x3 + x4 + x5 | id + year" --vcov cluster:id --json-out "$work/cbec-$n.json" --timing
    measure R feols "$rep" Rscript "$here/peer.R" feols "$csv" "$threads"
    measure cbec feols3 "$rep" "$cbec" reg "$csv" "y3 ~ x1 + x2 + x3 + x4 + x5 | id + year + ind" --vcov cluster:id --json-out "$work/cbec3-$n.json" --timing
    measure R feols3 "$rep" Rscript "$here/peer.R" feols3 "$csv" "$threads"
    # the same at fixest's default tolerance (its fixef.tol = 1e-6; cbec's default is 1e-10)
    measure cbec feols3_tol6 "$rep" "$cbec" reg "$csv" "y3 ~ x1 + x2 + x3 + x4 + x5 | id + year + ind" --vcov cluster:id --json-out "$work/cbec3t-$n.json" --timing --demean-tol 1e-6
  done
  cat "$out"
done
