#!/usr/bin/env bash
# Read benchmark, side by side in one run on the same file, machine and threads (THREADS, default
# 2): `cbec describe FILE` parsing every column of the CSV (as fread does), `cbec describe FILE y`
# parsing only the column it names (the other fields skipped), `cbec describe FILE` with a warm
# column cache (--cache, the cache written by an untimed first run), `cbec panel` on it (unit and
# time keys, duplicate check), and data.table::fread. The tools run interleaved, REPS times (default 5), so the load of a shared
# machine falls on all of them alike. Each run records the whole command's wall time and peak RSS
# and the read alone (cbec --timing's read stage; the seconds fread itself took, R's start-up
# excluded), the load average and the tool run just before it. Writes bench/read/results-<rows>.tsv and prints medians and
# ratios. Usage: bench/read/run.sh 1000000 [10000000 ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cbec="$repo/build/cbec"
threads=${THREADS:-2}
reps=${REPS:-5}
work=${BENCH_DIR:-/tmp/cbec-bench}
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
export OMP_NUM_THREADS=$threads
for n in "$@"; do
  csv="$work/panel3_$n.csv"
  [ -f "$csv" ] || Rscript "$repo/bench/feols/make_data.R" "$n" "$csv"
  out="$here/results-$n.tsv"
  printf "tool\trep\tseconds\tread_seconds\tpeak_kb\tload1\tafter\n" > "$out"
  previous=cache_write
  rm -f "$csv.cbec-cache"
  "$cbec" describe "$csv" --cache > /dev/null   # writes the cache
  measure() {  # tool rep command...
    local tool=$1 rep=$2; shift 2
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/$tool.out" 2>&1
    read -r secs kb < "$work/time.txt"
    local read_s; read_s=$(grep -Eo '(read[ =:]+)[0-9.]+' "$work/$tool.out" | head -1 | grep -Eo '[0-9.]+$' || echo NA)
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$tool" "$rep" "$secs" "$read_s" "$kb" "$load" "$previous" >> "$out"
    previous=$tool
  }
  run_tool() {  # tool rep
    case $1 in
      cbec_parse) measure cbec_parse "$2" "$cbec" describe "$csv" --timing ;;
      cbec_only_y) measure cbec_only_y "$2" "$cbec" describe "$csv" y --timing ;;
      cbec_cache) measure cbec_cache "$2" "$cbec" describe "$csv" --cache --timing ;;
      cbec_panel) measure cbec_panel "$2" "$cbec" panel "$csv" --unit id --time year --cache --timing ;;
      fread) measure fread "$2" Rscript "$here/peer.R" "$csv" "$threads" ;;
    esac
  }
  # Each repetition runs the tools in its own order (shuffled, the same for the same rep and
  # rows): what a run costs can depend on the run before it (memory another program has just
  # freed comes back from the host first on a virtual machine; bench/RESULTS.md, session 33).
  for rep in $(seq "$reps"); do
    for tool in $(printf "%s\n" cbec_parse cbec_only_y cbec_cache cbec_panel fread |
                  shuf --random-source=<(yes "$rep$n")); do
      run_tool "$tool" "$rep"
    done
  done
  echo "## $n rows, $threads threads, $reps interleaved repetitions (medians; load average $(awk 'NR>1 {print $6}' "$out" | sort -n | sed -n '1p;$p' | paste -sd- -))"
  awk -F'\t' 'NR > 1 { s[$1] = s[$1] " " $3; r[$1] = r[$1] " " $4; k[$1] = k[$1] " " $5 }
    function median(list,   a, m, i, j, t) {
      m = split(list, a, " ");
      for (i = 1; i <= m; ++i) for (j = i + 1; j <= m; ++j) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
    END {
      printf "| tool | command s | read s | peak MB | fread read / read | fread command / command |\n|---|---:|---:|---:|---:|---:|\n";
      fr = median(r["fread"]); fs = median(s["fread"]);
      n = split("cbec_parse cbec_only_y cbec_cache cbec_panel fread", tools, " ");
      for (i = 1; i <= n; ++i) { t = tools[i];
        printf "| %s | %.2f | %.2f | %.0f | %.2f | %.2f |\n", t, median(s[t]), median(r[t]), median(k[t]) / 1024, fr / median(r[t]), fs / median(s[t]) } }' "$out"
  awk -F'\t' 'NR > 1 && $1 == "cbec_parse" { if ($7 == "fread") a = a " " $4; else b = b " " $4 }
    END { printf "cbec_parse read s right after fread:%s; after a cbec run:%s\n", a == "" ? " none" : a, b == "" ? " none" : b }' "$out"
done
