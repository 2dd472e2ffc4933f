#!/usr/bin/env bash
# Installs what is missing, builds, and starts the dashboard on the bundled data.
# Without a display it renders the province map headless and says where the images are.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
dv_ensure_packages
dv_build dev build

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec build/bin/dvdash "$@"
fi

echo "No display found: rendering the province map headless instead."
mkdir -p build/export
build/bin/dvdash render-map --lang zh_CN --out build/export/guizhou-map-zh_CN.png
build/bin/dvdash render-map --lang en --out build/export/guizhou-map-en.png
echo "Images are in $(pwd)/build/export/"
