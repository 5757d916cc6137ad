#!/usr/bin/env bash
# Summarizes bench/feols/results-*.tsv as Markdown ratios (R time / cbec time; >1 means cbec is faster):
# the median over the repetitions of each time and peak, and the ratio of the medians.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
echo "| rows | task | cbec s | R s | R/cbec | cbec CPU s | R CPU s | R/cbec CPU | cbec user s | R user s | R/cbec user | cbec peak MB | R peak MB |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
# The medians of the seconds, peak KB, CPU and user seconds of one tool's task ("NA" when absent).
medians() {  # tool task file
  awk -F'\t' -v tool="$1" -v t="$2" '
    function median(list,   a, m, i, j, x) {
      m = split(list, a, " ");
      if (m == 0 || a[1] == "") return "NA";
      for (i = 1; i <= m; ++i) for (j = i + 1; j <= m; ++j) if (a[j] + 0 < a[i] + 0) { x = a[i]; a[i] = a[j]; a[j] = x }
      return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
    NR > 1 && $1 == tool && $2 == t { for (k = 3; k <= 6; ++k) v[k] = v[k] " " $k }
    END { print median(v[3]), median(v[4]), median(v[5]), median(v[6]) }' "$3"
}
for f in "$here"/results-*.tsv; do
  n=${f##*results-}; n=${n%.tsv}
  for task in read feols feols3 feols3_tol6; do
    c=$(medians cbec "$task" "$f")
    r=$(medians R "${task%_tol6}" "$f")
    set -- $c $r
    awk -v n="$n" -v t="$task" -v cs="$1" -v ck="$2" -v cc="$3" -v cu="$4" -v rs="$5" -v rk="$6" -v rc="$7" -v ru="$8" \
      'BEGIN {printf "| %d | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s | %.0f | %.0f |\n", n, t, cs, rs, rs/cs, cc, rc, rc/cc,
              cu, ru, (cu == "NA" || ru == "NA") ? "NA" : sprintf("%.2f", ru/cu), ck/1024, rk/1024}'
  done
done
