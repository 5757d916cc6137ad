#!/usr/bin/env bash
# Writes the example's SIMULATED panel (panel.csv) and its known truth (truth.json) into a folder
# (default: this one), from the 41 real cities and pilot-zone years in cities.csv. The data-generating
# process is documented in README.md. Usage: simulate.sh <cbec binary> [folder]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cbec="$1"
out="${2:-$here}"
"$cbec" simulate "$here/cities.csv" --unit city --first-treat first_treat --from 2011 --to 2020 \
  --effect 0.10 --dynamic 0.04 --cohort-gradient 0.15 --sigma 0.05 --seed 1 \
  --outcome ln_export --controls ln_gdppc --control2 ln_fdi \
  -o "$out/panel.csv" --truth-out "$out/truth.json"
