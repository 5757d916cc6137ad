#!/usr/bin/env bash
# Summarizes bench/feols/results-*.tsv as Markdown ratios (R time / cbec time; >1 means cbec is faster).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
echo "| rows | task | cbec s | R s | R/cbec | cbec CPU s | R CPU s | R/cbec CPU | cbec user s | R user s | R/cbec user | cbec peak MB | R peak MB |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for f in "$here"/results-*.tsv; do
  n=${f##*results-}; n=${n%.tsv}
  for task in read feols feols3 feols3_tol6; do
    c=$(awk -v t=$task '$1=="cbec" && $2==t {print $3, $4, $5, ($6 == "" ? "NA" : $6)}' "$f")
    r=$(awk -v t=${task%_tol6} '$1=="R" && $2==t {print $3, $4, $5, ($6 == "" ? "NA" : $6)}' "$f")
    set -- $c $r
    awk -v n="$n" -v t="$task" -v cs="$1" -v ck="$2" -v cc="$3" -v cu="$4" -v rs="$5" -v rk="$6" -v rc="$7" -v ru="$8" \
      'BEGIN {printf "| %d | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s | %.0f | %.0f |\n", n, t, cs, rs, rs/cs, cc, rc, rc/cc,
              cu, ru, (cu == "NA" || ru == "NA") ? "NA" : sprintf("%.2f", ru/cu), ck/1024, rk/1024}'
  done
done
