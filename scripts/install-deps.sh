#!/usr/bin/env bash
# Installs everything cbec needs to build and test: Debian bookworm packages (apt) and the
# report's npm packages (npm).
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# Node.js and npm come from Debian unless the machine already has them (a NodeSource nodejs, say,
# which Debian's npm package cannot be installed beside).
NODE_PACKAGES="nodejs npm"
if command -v node >/dev/null && command -v npm >/dev/null; then NODE_PACKAGES=""; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake ninja-build ccache pkg-config \
  libeigen3-dev libboost-math-dev libfast-float-dev libreadstat-dev \
  libgdal-dev libgeos-dev libnanoflann-dev libpcg-cpp-dev \
  libcli11-dev libtomlplusplus-dev libssl-dev nlohmann-json3-dev libfmt-dev libxlsxwriter-dev \
  libgtest-dev libgmock-dev python3 \
  libopenmpi-dev openmpi-bin \
  python3-dev pybind11-dev python3-numpy python3-pandas python3-pytest python3-venv python3-setuptools python3-pip \
  chromium fonts-noto-cjk texlive-latex-base texlive-latex-recommended $NODE_PACKAGES >/dev/null
# Only to regenerate reference fixtures (tests/reference/; CI reads the committed fixtures and needs
# no R): CBEC_REFERENCE_R=1 also installs R packages not in the base reference set: gmm for
# tests/reference/iv/iv_diagnostics.R, spam and stringr for building splm (spatial_panel.R).
if [ "${CBEC_REFERENCE_R:-0}" = 1 ]; then $SUDO apt-get install -y -qq --no-install-recommends r-cran-gmm r-cran-spam r-cran-stringr >/dev/null; fi
# Front-end assets of the reports (Vega, Vega-Lite) and the browser test driver (playwright-core),
# pinned in web/package-lock.json, from the npm registry; they work offline once installed.
# Node trusts the system's certificate store (as curl and apt do). Without the npm packages cbec
# still builds and runs; reports then say that figures are missing and the browser test is skipped.
export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
cd "$(dirname "$0")/../web"
npm ci --no-audit --no-fund --loglevel=error ||
  echo "warning: the npm packages (web/package.json) could not be installed: reports will have no figures" >&2
