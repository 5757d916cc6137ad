#!/usr/bin/env bash
# Reading in shares under MPI (issue 19, "chunked reading"; src/cbec/io/csv_share.hpp): `cbec reg`
# with 5 regressors, two-way fixed effects and standard errors clustered by unit on
# bench/feols/make_data.R's panel (n/20 units x 20 years), as one process and under mpirun -n 2, one
# thread per rank. Each rank reads its part of the file, the rows are regrouped by unit and the
# design is built across the ranks. Prints per rank count the wall seconds, the CPU seconds (user +
# system, summed over the ranks), the largest peak resident set of any rank (/usr/bin/time's maximum
# resident set size), rank 0's read stage (--timing), each the best of the repeats, and their ratios
# to one process in this run; with BASELINE=path/to/cbec (another build: one before reading in
# shares, where every rank reads the whole file, or before a change) the same for it, the two
# builds' runs interleaved so that a change of load on a shared machine weighs on both alike; the
# ratios compare the two in one run. Whether the JSON equals one process's to 1e-10 relative
# (tests/mpi/check_mpi_hdfe.py's comparison). Runs under nice; the load average is printed before
# and after, since a shared machine inflates wall times.
# Usage: bench/mpi/read.sh [rows=3000000] [repeats=2]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-/tmp/cbec-bench}
rows=${1:-3000000}; repeats=${2:-2}
mkdir -p "$work"
csv="$work/panel3_$rows.csv"
[ -f "$csv" ] || Rscript "$repo/bench/feols/make_data.R" "$rows" "$csv"
command -v mpirun >/dev/null || { echo "mpirun not found: apt-get install openmpi-bin libopenmpi-dev, then rebuild cbec" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
export OMP_NUM_THREADS=1
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
same_numbers() {
  python3 - "$1" "$2" "$repo/tests/mpi" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[3])
from check_mpi_hdfe import differences
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for j in (a, b):
    j.pop("timing", None)
print("yes" if not differences(b, a) else "NO")
PY
}
echo "# $(($(wc -l < "$csv") - 1)) rows, y ~ x1..x5 | id + year, --vcov cluster:id, 1 thread per rank, $(nproc --all) cores, nice -n 10"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "build\tranks\tbest_seconds\tcpu_seconds\tpeak_rss_mb\tread_seconds\tseconds_ratio\tcpu_ratio\trss_ratio\tread_ratio\tsame_numbers\n"
builds=("$repo/build/cbec")
[ -n "${BASELINE:-}" ] && builds+=("$BASELINE")
name_of() { [ "$1" = "$repo/build/cbec" ] && echo shares || echo baseline; }
# The best of the repeats per build and rank count: wall, cpu, rss (KiB), read seconds.
declare -A wall_best cpu_best rss_best read_best
smaller() { [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; }
for ((r = 0; r < repeats; r++)); do
  for cbec in "${builds[@]}"; do
    name=$(name_of "$cbec")
    for ranks in 1 2; do
      rm -f "$work"/rss.*
      # Each rank under /usr/bin/time, writing its own file (Open MPI names the rank).
      job=(sh -c 'exec /usr/bin/time -f "%M %U %S" -o "$0/rss.${OMPI_COMM_WORLD_RANK:-0}" nice -n 10 "$@"' "$work"
           "$cbec" reg "$csv" "y ~ x1 + x2 + x3 + x4 + x5 | id + year" --vcov cluster:id --json --timing)
      if [ "$ranks" = 1 ]; then launch=(); else launch=(mpirun -n "$ranks" --oversubscribe --bind-to none --mca btl self,vader); fi
      start=$(date +%s.%N)
      "${launch[@]}" "${job[@]}" > "$work/read_${name}_$ranks.json" 2> "$work/read_${name}_$ranks.err"
      wall=$(echo "$(date +%s.%N) - $start" | bc)
      peak=$(cut -d' ' -f1 "$work"/rss.* | sort -n | tail -1)
      cpu=$(awk '{s += $2 + $3} END {print s}' "$work"/rss.*)
      rd=$(grep -o "read [0-9.]*" "$work/read_${name}_$ranks.err" | head -1 | cut -d' ' -f2)
      key=$name:$ranks
      if smaller "${wall_best[$key]:-}" "$wall"; then wall_best[$key]=$wall; fi
      if smaller "${cpu_best[$key]:-}" "$cpu"; then cpu_best[$key]=$cpu; fi
      if [ -z "${rss_best[$key]:-}" ] || [ "$peak" -lt "${rss_best[$key]}" ]; then rss_best[$key]=$peak; fi
      if smaller "${read_best[$key]:-}" "$rd"; then read_best[$key]=$rd; fi
    done
  done
done
for cbec in "${builds[@]}"; do
  name=$(name_of "$cbec")
  for ranks in 1 2; do
    key=$name:$ranks one=$name:1
    same=$(same_numbers "$work/read_shares_1.json" "$work/read_${name}_$ranks.json")
    printf "%s\t%s\t%.2f\t%.2f\t%.0f\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%s\n" "$name" "$ranks" "${wall_best[$key]}" "${cpu_best[$key]}" \
      "$(echo "${rss_best[$key]} / 1024" | bc -l)" "${read_best[$key]}" "$(echo "${wall_best[$key]} / ${wall_best[$one]}" | bc -l)" \
      "$(echo "${cpu_best[$key]} / ${cpu_best[$one]}" | bc -l)" "$(echo "${rss_best[$key]} / ${rss_best[$one]}" | bc -l)" \
      "$(echo "${read_best[$key]} / ${read_best[$one]}" | bc -l)" "$same"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
