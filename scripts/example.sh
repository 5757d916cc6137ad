#!/usr/bin/env bash
# Installs the dependencies, builds cbec and runs the main job: the bundled example study
# (41 Yangtze River Delta cities, real pilot-zone years, SIMULATED outcomes with known effects).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
build/cbec simulate examples/yrd/cities.csv --unit city --first-treat first_treat --from 2011 --to 2020 \
  --effect 0.10 --dynamic 0.04 --cohort-gradient 0.15 --sigma 0.05 --seed 1 \
  --outcome ln_export --controls ln_gdppc --control2 ln_fdi \
  -o examples/yrd/panel.csv --truth-out examples/yrd/truth.json
build/cbec run examples/yrd/study.toml
