#!/usr/bin/env bash
# One-step set-up on a fresh machine: the system libraries Qt needs (Debian/Ubuntu),
# the Korean fonts and PDF tools the tests look with, and the Python packages.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0
  libxcb-xkb1 libxcb-cursor0 libxcb-xinerama0 xvfb poppler-utils sqlite3
  binutils  # PyInstaller reads and strips the bundle's libraries with objdump/strip (scripts/build_bundle.sh)
)
# PostgreSQL server binaries for the server-mode tests (tests/postgres starts a private cluster)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then APT_PACKAGES+=(postgresql); fi

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PY=${PYTHON:-python3}
"$PY" -m pip install --quiet --disable-pip-version-check -e ".[test,build]"
