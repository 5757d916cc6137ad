#!/usr/bin/env bash
# CTest entry: simulates the YRD example into a scratch folder, runs the study, renders the report
# in headless Chromium (check_report.mjs). Artifacts (report and screenshot) stay in <build>/artifacts.
# Usage: run_browser_test.sh <cbec binary> <source dir> <build dir>
set -euo pipefail
cbec="$1"; src="$2"; out="$3/artifacts/browser"
web="${CBEC_WEB_DIR:-$src/web}"
if [ ! -d "$web/node_modules/vega" ] || ! command -v node >/dev/null || [ ! -x "${CBEC_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "SKIPPED: needs node, chromium and the npm packages of web/ (scripts/install-deps.sh installs them)"
  exit 77
fi
rm -rf "$out"; mkdir -p "$out"
cp "$src/examples/yrd/study.toml" "$out/"
bash "$src/examples/yrd/simulate.sh" "$cbec" "$out" > /dev/null
"$cbec" run "$out/study.toml" --threads 2
export CBEC_WEB_DIR="${CBEC_WEB_DIR:-$src/web}"
node "$src/tests/browser/check_report.mjs" "$out/report/index.html" "$out/report_screenshot.png"
# Every figure specification was also exported as SVG and PNG.
specs=$(ls "$out"/report/figures/*.vl.json | wc -l)
test "$specs" -gt 0
test "$(ls "$out"/report/figures/*.svg | wc -l)" -eq "$specs"
test "$(ls "$out"/report/figures/*.png | wc -l)" -eq "$specs"
