#!/usr/bin/env bash
# Builds and runs the benchmarks; pass a run count (default 15). Medians go into the README.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/setup.sh
dv_ensure_packages
dv_build dev build
QT_QPA_PLATFORM=offscreen build/bin/bench_map "${1:-15}"
build/bin/bench_store "${2:-5}"
QT_QPA_PLATFORM=offscreen build/bin/bench_livechart 15 10
build/bin/bench_alerts
QT_QPA_PLATFORM=offscreen build/bin/bench_choropleth
build/bin/bench_indicators 7
# 10,000 registered sites: import (median of 3) and the province map with them (5 frames).
QT_QPA_PLATFORM=offscreen build/bin/bench_sites 5 3
# A minute of browsing the window on a store that answers every query 300 ms late.
QT_QPA_PLATFORM=offscreen build/bin/bench_stall 60
