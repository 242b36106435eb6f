#!/usr/bin/env bash
# Debian packages ConsultDesk needs beyond Python: the libraries Qt's wheels load, the Korean
# font's tools, and the PDF tools the tests use to look at reports (see the two lists below). Installs only what is
# missing, and only where it may (root, or passwordless sudo); otherwise it says what to install.
set -euo pipefail
# What running the app needs: Python's venv, and the libraries Qt's wheels load.
run_packages=(python3-venv libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
              libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0)
# What the tests need besides: PDF tools to look at reports, a virtual screen, and the
# validators of the desktop entry and the AppStream metainfo; xdotool drives the packaged app;
# syncthing carries a team folder between two laptops in tests/e2e/test_syncthing.py.
# `system-deps.sh run` skips them.
test_packages=(poppler-utils qpdf xvfb xdotool appstream desktop-file-utils syncthing)
packages=("${run_packages[@]}")
[ "${1:-test}" = "run" ] || packages+=("${test_packages[@]}")
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system; skipped"; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  echo "system-deps: please install: ${missing[*]}" >&2; exit 0
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
