#!/usr/bin/env bash
# Every check CI runs, in stages, each timed: lint, fast tests, robustness, PostgreSQL, bundle.
#   bash scripts/test.sh              all stages (what CI runs; the README's test command)
#   bash scripts/test.sh fast lint    only the stages named
# Every stage runs even after one fails, so one run shows every failure; the exit code is 1 if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
PYTEST=("$PY" -m pytest -q -p no:cacheprovider --durations=5)
# the two cores each run a worker (pytest-xdist): most UI and process tests wait more than they compute
PARALLEL=(-n "${AICT_TEST_WORKERS:-2}")

stage_lint()       { "$PY" -m ruff check . && lint-imports && "$PY" -m mypy; }  # mypy: files and settings in pyproject.toml
stage_fast()       { "${PYTEST[@]}" "${PARALLEL[@]}" -m "not slow and not postgres" --ignore=tests/robustness; }
stage_robustness() { "${PYTEST[@]}" "${PARALLEL[@]}" -m "not postgres" tests/robustness; }
stage_postgres()   { "${PYTEST[@]}" "${PARALLEL[@]}" -m "postgres"; }
stage_bundle()     { "${PYTEST[@]}" -m "slow and not postgres" --ignore=tests/robustness; }

stages=("$@")
[ "${#stages[@]}" -gt 0 ] || stages=(lint fast robustness postgres bundle)
failed=()
summary=()
for name in "${stages[@]}"; do
  if ! declare -F "stage_$name" >/dev/null; then
    echo "unknown stage: $name (lint fast robustness postgres bundle)" >&2; exit 2
  fi
  echo "=== stage $name"
  start=$(date +%s)
  if "stage_$name"; then result=passed; else result=FAILED; failed+=("$name"); fi
  took=$(( $(date +%s) - start ))
  summary+=("$(printf '%-11s %-7s %4d s' "$name" "$result" "$took")")
  echo "=== stage $name $result in ${took} s"
done
echo "=== summary"
printf '%s\n' "${summary[@]}"
[ "${#failed[@]}" -eq 0 ] || { echo "failed stages: ${failed[*]}"; exit 1; }
