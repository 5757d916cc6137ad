#!/usr/bin/env bash
# Installs the dependencies, builds cbec and runs the main job on the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
build/cbec describe examples/grunfeld/grunfeld.csv
