#!/usr/bin/env bash
# CTest entry: a study shows a progress bar on a terminal (emulated with script(1)) and stays quiet
# when its output is a pipe. Usage: progress_on_terminal.sh <cbec> <source dir> <scratch dir>
set -euo pipefail
cbec=$1 src=$2 out=$3
command -v script >/dev/null || { echo "script(1) not found: skipped"; exit 77; }
rm -rf "$out" && mkdir -p "$out"
cp "$src/tests/data/studies/"{spatial.toml,zhejiang_panel.csv} "$out/"
sed -i "s|\.\./zhejiang_|$src/tests/data/zhejiang_|" "$out/spatial.toml"
tty_out=$(env -u CI -u CBEC_NO_PROGRESS script -qec "'$cbec' run '$out/spatial.toml' -o '$out/r1'" /dev/null | tr '\r' '\n')
grep -aq '\[2/5\] moran \[.*\] *[0-9]*% [0-9]*/' <<< "$tty_out" || { echo "no progress bar on a terminal:"; echo "$tty_out"; exit 1; }
pipe_out=$(env -u CI "$cbec" run "$out/spatial.toml" -o "$out/r2" 2>&1)
if grep -q '%' <<< "$pipe_out"; then echo "progress printed to a pipe:"; echo "$pipe_out"; exit 1; fi
echo "progress bar on a terminal, quiet in a pipe"
