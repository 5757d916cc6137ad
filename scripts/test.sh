#!/usr/bin/env bash
# Installs the dependencies, builds cbec and runs the whole test suite (CTest + GoogleTest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
set -o pipefail
ctest --test-dir build --output-on-failure --parallel "$(nproc)" | tee build/ctest.log
# A skipped test is not a pass: say which were skipped and why, after the totals.
if grep -q "\*\*\*Skipped" build/ctest.log; then
  echo
  echo "NOTE: some tests were SKIPPED, not passed:"
  grep "\*\*\*Skipped" build/ctest.log | sed 's/^/  /'
  if grep -q "report_in_browser.*Skipped" build/ctest.log; then
    echo "  report_in_browser needs the npm packages of web/ (Vega, Vega-Lite, playwright-core) and Chromium;"
    echo "  run 'cd web && npm ci' (see README, 'What the report needs') and re-run ctest to check the report in a browser."
  fi
fi
