#!/usr/bin/env bash
# Replications split across MPI processes (issue 19): the threshold bootstrap of Hansen's (1999)
# model (bench/threshold/) on k copies of his panel, run as one process and under mpirun with 2 and
# 4 ranks, one thread per rank, so the ranks are the only parallelism. Prints, per rank count, the
# wall seconds of each repeat, the best, its speed-up over one process, the CPU seconds (user + sys,
# all ranks) of that run, the speed-up the CPU time allows on free cores (ranks x CPU of one
# process / CPU of all ranks: the draws are split evenly, every rank repeats the point estimate)
# and whether the JSON is byte-identical to one process's. A shared machine inflates wall times
# (and Linux's autogroup scheduler gives all processes of one session one share of the cores), so
# the load average is printed before and after. More ranks than cores run oversubscribed.
# Usage: bench/mpi/run.sh [copies=10] [draws=300] [repeats=3]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
work=${BENCH_DIR:-/tmp/cbec-bench}
copies=${1:-10}; draws=${2:-300}; repeats=${3:-3}
mkdir -p "$work"
csv="$work/hansen_x$copies.csv"
[ -f "$csv" ] || Rscript "$repo/bench/threshold/make_data.R" "$copies" "$csv"
command -v mpirun >/dev/null || { echo "mpirun not found: apt-get install openmpi-bin libopenmpi-dev, then rebuild cbec" >&2; exit 1; }
# Open MPI refuses root unless told (containers run as root) and, in containers, the shared-memory
# transport's cross-memory attach is often forbidden.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
job=("$cbec" threshold "$csv" --y i --threshold d1 --regime c1 --x q1 q2 q3 d1 qd --unit firm --time year
     --draws "$draws" --seed 7 --threads 1 --json)
cores=$(nproc)
echo "# $copies copies of Hansen's panel ($(($(wc -l < "$csv") - 1)) rows), $draws bootstrap draws, 1 thread per rank, $cores cores"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "ranks\toversubscribed\tseconds\tbest\tspeedup\tcpu_seconds\tspeedup_on_free_cores\tsame_json\n"
best1=""; cpu1=""
for ranks in 1 2 4; do
  times=(); best=""; cpu=""
  for ((r = 0; r < repeats; r++)); do
    if [ "$ranks" = 1 ]; then launch=(); else launch=(mpirun -n "$ranks" --oversubscribe --bind-to none --mca btl self,vader); fi
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "${launch[@]}" "${job[@]}" > "$work/mpi_$ranks.json" 2> /dev/null
    read -r wall user sys < "$work/time.txt"
    times+=("$wall")
    if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; cpu=$(echo "$user + $sys" | bc); fi
  done
  [ -n "$best1" ] || { best1=$best; cpu1=$cpu; }
  same=$(cmp -s "$work/mpi_1.json" "$work/mpi_$ranks.json" && echo yes || echo NO)
  over=$([ "$ranks" -gt "$cores" ] && echo yes || echo no)
  printf "%s\t%s\t%s\t%s\t%.2f\t%s\t%.2f\t%s\n" "$ranks" "$over" "$(IFS=,; echo "${times[*]}")" "$best" "$(echo "$best1 / $best" | bc -l)" \
    "$cpu" "$(echo "$ranks * $cpu1 / $cpu" | bc -l)" "$same"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
