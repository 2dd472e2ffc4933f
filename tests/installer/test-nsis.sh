#!/usr/bin/env bash
# The Windows installer script, compiled here by Debian's makensis: the Windows binaries cannot
# be built on Linux, so the tree CMake installs (share/dvdash: data, proj.db, GDAL data,
# licences) gets stand-ins for what windeployqt and the VC++ runtime add on Windows. Checks that
# the script compiles without warnings, packs the whole tree, and refuses a tree that lacks a
# file a clean PC needs. Usage: test-nsis.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
src=$(realpath "$2")
command -v makensis >/dev/null || { echo "FAIL: makensis missing (Debian: nsis; scripts/setup.sh)"; exit 1; }
work=$(mktemp -d /tmp/dvdash-nsis-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

stage=$work/stage
cmake --install "$build" --prefix "$stage" >"$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; fail "cmake --install"; }
rm -f "$stage/bin/dvdash" # the Linux program; stand-ins below
# What the Windows build adds: the two programs, windeployqt's Qt, the offscreen platform, the
# SQLite driver, Qt's merged catalogue, the VC++ runtime, and the icon.
windows_files=(bin/dvdash.exe bin/dvdash-cli.exe bin/Qt6Core.dll bin/Qt6Gui.dll bin/Qt6Widgets.dll
    bin/platforms/qwindows.dll bin/platforms/qoffscreen.dll bin/sqldrivers/qsqlite.dll
    bin/translations/qt_zh_CN.qm bin/gdal.dll bin/proj_9.dll bin/paho-mqttpp3.dll
    bin/vcruntime140.dll bin/msvcp140.dll)
for f in "${windows_files[@]}"; do
    mkdir -p "$(dirname "$stage/$f")"
    printf 'stand-in for %s\n' "$f" >"$stage/$f"
done
cp "$src/installer/windows/dvdash.ico" "$stage/share/dvdash/dvdash.ico"

compile() { # compile OUT.exe: makensis with warnings as errors, listing every file it packs
    makensis -V4 -WX -DSTAGE_DIR="$stage" -DVERSION=0.1.0 -DOUTFILE="$1" \
        "$src/installer/windows/dvdash.nsi" >"$work/makensis.log" 2>&1
}
compile "$work/dvdash-setup.exe" || { tail -40 "$work/makensis.log" >&2; fail "makensis"; }
[ -s "$work/dvdash-setup.exe" ] || fail "no installer written"
head -c 2 "$work/dvdash-setup.exe" | grep -q MZ || fail "the installer is not a Windows program"

# Every staged file is in the installer: makensis names each one as it packs it.
(cd "$stage" && find . -type f | sed 's|^\./||') | sort >"$work/staged"
[ "$(wc -l <"$work/staged")" -gt 20 ] || fail "the staged tree is nearly empty"
grep -q '^share/dvdash/proj/proj.db$' "$work/staged" || fail "cmake --install put no proj.db in share/dvdash/proj"
grep -q '^share/dvdash/gdal/gdalvrt.xsd$' "$work/staged" || fail "cmake --install put no GDAL data in share/dvdash/gdal"
grep -q '^share/dvdash/licenses/LICENSES.txt$' "$work/staged" || fail "no licences for the licence page"
while read -r f; do
    grep -qF "File: \"$(basename "$f")\"" "$work/makensis.log" || fail "the installer lacks $f"
done <"$work/staged"
echo "installer: $(du -h "$work/dvdash-setup.exe" | cut -f1), $(wc -l <"$work/staged") files"

# A tree without what a clean PC needs is refused, naming the file.
for f in share/dvdash/proj/proj.db bin/platforms/qoffscreen.dll bin/vcruntime140.dll; do
    mv "$stage/$f" "$work/held"
    if compile "$work/broken.exe"; then fail "makensis accepted a tree without $f"; fi
    grep -qF "lacks ${f//\//\\}" "$work/makensis.log" || { cat "$work/makensis.log" >&2; fail "no message naming $f"; }
    mv "$work/held" "$stage/$f"
done
echo "makensis refuses a tree without proj.db, the offscreen platform or the VC++ runtime"
