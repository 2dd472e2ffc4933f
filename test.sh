#!/usr/bin/env bash
# Installs what is missing, builds everything (tests and benchmarks included), runs every test.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
dv_ensure_packages
# CI builds with warnings as errors in its own folder; by hand the developer build is reused.
if [ -n "${CI:-}" ]; then preset=ci; dir=build-ci; else preset=dev; dir=build; fi
dv_build "$preset" "$dir"
cd "$dir"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$(nproc)" --timeout 600 "$@"
