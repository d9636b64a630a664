#!/usr/bin/env bash
# Build the one-folder bundle (build_installer.spec) and check it as a user would.
#
#   bash scripts/build_bundle.sh            → build/ and dist/aict-desktop/ beside this checkout
#
# Environment: AICT_BUILD_DIR / AICT_DIST_DIR move build/ and dist/ elsewhere;
# AICT_BUNDLE_MAX_MB is the size the bundle must stay under: 192 on Linux
# (186 MB measured: each program carries its 13 MB module archive), whose bundle also carries Qt's ICU (10 MB, its data cut
# to root/Korean/English by scripts/bundle_linux.py, which needs binutils) and
# some distribution libraries (6 MB) that a Windows bundle takes from Windows —
# the parts are printed by benchmarks/bench_bundle.py.
# Fails (non-zero) when PyInstaller fails, the self-test or a bundled `aict`
# command fails, an excluded Qt module slipped in, or the bundle is too big.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${AICT_BUILD_DIR:-$ROOT/build}
DIST=${AICT_DIST_DIR:-$ROOT/dist}
MAX_MB=${AICT_BUNDLE_MAX_MB:-192}
APP=$DIST/aict-desktop
PY=${PYTHON:-python3}
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"  # this checkout, whatever else is installed

t0=$(date +%s)
echo "== PyInstaller: $ROOT/build_installer.spec → $APP"
"$PY" -m PyInstaller --noconfirm --log-level WARN --workpath "$BUILD" --distpath "$DIST" build_installer.spec
t1=$(date +%s)
echo "== built in $((t1 - t0)) s"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/aict-bundle-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export AICT_DATA_DIR="$WORK/data"  # the checks never touch the user's own data folder
unset AICT_DB PYTHONPATH           # the bundle must not need the checkout

echo "== self-test"
env -u DISPLAY -u WAYLAND_DISPLAY "$APP/aict-desktop" --self-test

echo "== bundled aict command"
DB=$WORK/x.sqlite
run() { echo "\$ aict $*"; "$APP/aict" --db "$DB" "$@"; }
run --version
run init
run demo
run list bodies --json > "$WORK/bodies.json"
run certificates issue --body 1 --out "$WORK/certificates.pdf"
run export roster --body 1 --format xlsx --out "$WORK/roster.xlsx"
run export minutes --meeting 1 --format pdf --out "$WORK/minutes.pdf"
run export minutes --meeting 1 --format hwpx --out "$WORK/minutes.hwpx"
run export minutes --meeting 1 --format docx --out "$WORK/minutes.docx"
run backup --out "$WORK/backup.sqlite"
run check
for f in certificates.pdf roster.xlsx minutes.pdf minutes.hwpx minutes.docx backup.sqlite; do
    [ -s "$WORK/$f" ] || { echo "FAILED: $f was not written" >&2; exit 1; }
done
head -c 4 "$WORK/certificates.pdf" | grep -q '%PDF' || { echo "FAILED: certificates.pdf is not a PDF" >&2; exit 1; }

echo "== contents"
unwanted=$(find "$APP" \( -iname '*WebEngine*' -o -iname '*Qt6Qml*' -o -iname '*Qt6Quick*' -o -iname '*Qt6Multimedia*' \
    -o -iname '*Qt6Designer*' -o -iname '*Qt6Sql*' -o -iname '*Qt63D*' -o -iname '*Qt6Bluetooth*' \) -print)
if [ -n "$unwanted" ]; then
    echo "FAILED: excluded Qt modules are in the bundle:" >&2
    echo "$unwanted" >&2
    exit 1
fi
size_kb=$(du -sk "$APP" | cut -f1)
du -sh "$APP"
"$PY" benchmarks/bench_bundle.py "$APP"
echo "== bundle: $((size_kb / 1024)) MB (limit $MAX_MB MB), build $((t1 - t0)) s, checks $(($(date +%s) - t1)) s"
if [ "$size_kb" -ge $((MAX_MB * 1024)) ]; then
    echo "FAILED: the bundle is larger than $MAX_MB MB" >&2
    exit 1
fi
echo "== bundle OK"
