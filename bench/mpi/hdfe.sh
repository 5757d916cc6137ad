#!/usr/bin/env bash
# A fixed-effects regression with its rows split across MPI processes (issue 19, "a partitioned
# HDFE"; src/cbec/estimate/ols/row_partition.hpp): `cbec reg` with 5 regressors and standard errors
# clustered by unit on bench/feols/make_data.R's panel (n/20 units x 20 years; the three-way model
# adds 1,000 industries), as one process and under mpirun with 2 and 4 ranks, one thread per rank.
# Every rank reads the whole file and builds the design (that part is not split); the demeaning,
# the factor of [X y] and the cluster scores are. Prints per model and rank count the wall seconds
# of each repeat, the best, its speed-up over one process in this run, rank 0's demean stage
# (--timing; it includes waiting for the other ranks) and its speed-up, the CPU seconds of all ranks,
# and whether the JSON equals one process's to 1e-10 relative (tests/mpi/check_mpi_hdfe.py's
# comparison). Runs under nice; the load average is printed before and after, since a shared
# machine inflates wall times. More ranks than cores run oversubscribed.
# Usage: bench/mpi/hdfe.sh [rows=4000000] [repeats=3]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
work=${BENCH_DIR:-/tmp/cbec-bench}
rows=${1:-4000000}; repeats=${2:-3}
mkdir -p "$work"
csv="$work/panel3_$rows.csv"
[ -f "$csv" ] || Rscript "$repo/bench/feols/make_data.R" "$rows" "$csv"
command -v mpirun >/dev/null || { echo "mpirun not found: apt-get install openmpi-bin libopenmpi-dev, then rebuild cbec" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
export OMP_NUM_THREADS=1  # one thread per rank (cbec reg takes the thread count from OpenMP)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
same_numbers() {  # one.json many.json: yes when every number agrees to 1e-10 relative
  python3 - "$1" "$2" "$repo/tests/mpi" <<'EOF'
import json, sys
sys.path.insert(0, sys.argv[3])
from check_mpi_hdfe import differences
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for j in (a, b):
    j.pop("timing", None)
print("yes" if not differences(b, a) else "NO")
EOF
}
cores=$(nproc --all)  # not nproc: it follows OMP_NUM_THREADS
echo "# $(($(wc -l < "$csv") - 1)) rows, 5 regressors, --vcov cluster:id, 1 thread per rank, $cores cores, nice -n 10"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "model\tranks\toversubscribed\tseconds\tbest\tspeedup\tdemean\tdemean_speedup\tcpu_seconds\tsame_numbers\n"
for model in two-way three-way; do
  if [ "$model" = two-way ]; then formula="y ~ x1 + x2 + x3 + x4 + x5 | id + year"; else formula="y3 ~ x1 + x2 + x3 + x4 + x5 | id + year + ind"; fi
  job=(nice -n 10 "$cbec" reg "$csv" "$formula" --vcov cluster:id --json --timing)
  best1=""; demean1=""
  for ranks in 1 2 4; do
    times=(); best=""; cpu=""; demean=""
    for ((r = 0; r < repeats; r++)); do
      if [ "$ranks" = 1 ]; then launch=(); else launch=(mpirun -n "$ranks" --oversubscribe --bind-to none --mca btl self,vader); fi
      /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "${launch[@]}" "${job[@]}" > "$work/hdfe_$ranks.json" 2> "$work/hdfe_$ranks.err"
      read -r wall user sys < "$work/time.txt"
      d=$(grep -o "demean [0-9.]*" "$work/hdfe_$ranks.err" | cut -d' ' -f2)
      times+=("$wall")
      if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; cpu=$(echo "$user + $sys" | bc); fi
      if [ -z "$demean" ] || [ "$(echo "$d < $demean" | bc)" = 1 ]; then demean=$d; fi
    done
    [ -n "$best1" ] || { best1=$best; demean1=$demean; }
    same=$(same_numbers "$work/hdfe_1.json" "$work/hdfe_$ranks.json")
    over=$([ "$ranks" -gt "$cores" ] && echo yes || echo no)
    printf "%s\t%s\t%s\t%s\t%s\t%.2f\t%s\t%.2f\t%s\t%s\n" "$model" "$ranks" "$over" "$(IFS=,; echo "${times[*]}")" "$best" \
      "$(echo "$best1 / $best" | bc -l)" "$demean" "$(echo "$demean1 / $demean" | bc -l)" "$cpu" "$same"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
