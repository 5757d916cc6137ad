#!/usr/bin/env bash
# The LaTeX tables typeset: a regression table (a booktabs float with stars, brackets and
# underscores), eleven models side by side (scaled to the line: no overfull box), and the LISA table of the 49 Columbus neighbourhoods (a longtable across pages) from
# `cbec ... -o t.tex`, inside a minimal document the tables' header comment asks for, through
# pdflatex twice (longtable settles its widths on the second pass); any LaTeX error fails.
# usage: check_latex.sh CBEC SOURCE_DIR WORK_DIR
set -euo pipefail
cbec=$1 src=$2 work=$3
command -v pdflatex >/dev/null || { echo "pdflatex is missing: scripts/install-deps.sh installs texlive-latex-base and texlive-latex-recommended"; exit 1; }
rm -rf "$work" && mkdir -p "$work" && cd "$work"
"$cbec" reg "$src/tests/data/grunfeld.csv" "inv ~ value + capital" "inv ~ value + capital | firm + year" --vcov cluster:firm \
  --title "Investment [Grunfeld] & 100% of firms_1935" -o reg.tex
"$cbec" reg "$src/tests/data/grunfeld.csv" "inv ~ value" "inv ~ capital" "inv ~ value + capital" "inv ~ value | firm" \
  "inv ~ capital | firm" "inv ~ value + capital | firm" "inv ~ value | year" "inv ~ value + capital | firm + year" "value ~ inv" \
  "capital ~ inv" "capital ~ inv + value" -o wide.tex
"$cbec" spatial lisa "$src/tests/data/columbus.csv" --variable CRIME --w "$src/tests/data/columbus.gal" --id POLYID --permutations 99 -o lisa.tex
grep -q '\\begin{table}' reg.tex || { echo "reg.tex is not a table float"; exit 1; }
grep -q '\\begin{longtable}' lisa.tex || { echo "lisa.tex (49 rows) is not a longtable"; exit 1; }
printf '%s\n' '\documentclass{article}' '\usepackage{booktabs,graphicx,longtable}' '\begin{document}' '\input{reg.tex}' '\input{wide.tex}' '\input{lisa.tex}' '\end{document}' > doc.tex
for pass in 1 2; do
  if ! pdflatex -interaction=nonstopmode -halt-on-error doc.tex > pdflatex.out 2>&1; then
    grep -A3 '^!' doc.log || tail -20 pdflatex.out
    echo "pdflatex failed on pass $pass"
    exit 1
  fi
done
if grep -q 'Overfull \\hbox' doc.log; then grep -A2 'Overfull \\hbox' doc.log; echo "a table is wider than the line"; exit 1; fi
pages=$(grep -o 'Output written on doc.pdf ([0-9]* pages' doc.log | grep -o '[0-9]* pages')
case "$pages" in
  1\ pages|"") echo "expected the 49-row table to run over more than one page, got '$pages'"; exit 1 ;;
esac
echo "ok: the tables typeset ($pages)"
