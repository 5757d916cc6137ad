#!/usr/bin/env bash
# Installs the dependencies, builds cbec and runs the main job: the bundled example study
# (41 Yangtze River Delta cities, real pilot-zone years, SIMULATED outcomes with known effects).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
bash examples/yrd/simulate.sh build/cbec
build/cbec run examples/yrd/study.toml
