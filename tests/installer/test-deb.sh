#!/usr/bin/env bash
# The Debian package as a user gets it: built with CPack, unpacked into a throw-away root,
# its Depends checked against every library and plugin the program loads, and the installed
# program run with the build tree, the sources and the system's proj.db and GDAL data out of
# reach (a private mount namespace), PROJ_DATA/PROJ_LIB unset: it must use its own proj.db.
# Usage: test-deb.sh BUILD_DIR SOURCE_DIR. Exit 77 (skipped) only when no mount namespace can
# be made (not root, or a container without CAP_SYS_ADMIN).
set -euo pipefail
build=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d /tmp/dvdash-deb-test.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. The packages. CPack works in its own folder, never in the build tree's _CPack_Packages.
(cd "$build" && cpack -G "DEB;TGZ" -B "$work/pkg" >"$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log" >&2; fail "cpack"; }
deb=$(ls "$work"/pkg/dvdash_*.deb)
tgz=$(ls "$work"/pkg/dvdash-*.tar.gz)
echo "packages: $(basename "$deb") $(du -h "$deb" | cut -f1), $(basename "$tgz") $(du -h "$tgz" | cut -f1)"

# 2. What the package says it needs: what shlibdeps cannot see is named by hand.
depends=$(dpkg-deb -f "$deb" Depends)
recommends=$(dpkg-deb -f "$deb" Recommends)
echo "Depends: $depends"
echo "Recommends: $recommends"
has() { tr ',|' '\n\n' <<<"$1" | sed 's/(.*//; s/:.*//; s/ //g' | grep -qx "$2"; }
for p in libqt6sql6-sqlite qt6-qpa-plugins qt6-translations-l10n proj-data gdal-data \
         libqt6widgets6 libgdal32 libproj25 libpaho-mqttpp3-1; do
    has "$depends" "$p" || fail "Depends lacks $p"
done
has "$recommends" fonts-noto-cjk || fail "Recommends lacks fonts-noto-cjk"

# 3. The files: program, its own data, desktop integration; the tarball the same tree.
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/deb.list"
for f in /usr/bin/dvdash /usr/share/dvdash/guizhou.gpkg /usr/share/dvdash/proj/proj.db \
         /usr/share/dvdash/gdal/gdalvrt.xsd /usr/share/dvdash/licenses/LICENSES.txt \
         /usr/share/applications/dvdash.desktop \
         /usr/share/metainfo/io.github.dvdash.dvdash.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/dvdash.svg; do
    grep -qx "$f" "$work/deb.list" || fail "the .deb lacks $f"
done
for size in 16 22 24 32 48 64 128 256; do
    grep -qx "/usr/share/icons/hicolor/${size}x${size}/apps/dvdash.png" "$work/deb.list" \
        || fail "the .deb lacks the ${size}x${size} icon"
done
tar -tzf "$tgz" >"$work/tgz.list"
grep -q '/share/dvdash/proj/proj.db$' "$work/tgz.list" || fail "the tarball lacks proj.db"
grep -q '/bin/dvdash$' "$work/tgz.list" || fail "the tarball lacks bin/dvdash"

# 4. Installed into a throw-away root.
root="$work/root"
dpkg -x "$deb" "$root"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.dvdash.dvdash.metainfo.xml" \
    >/dev/null || fail "appstreamcli validate on the installed metainfo"

# 5. Run it where the build tree, the sources and the system's PROJ and GDAL data are hidden.
if ! unshare -m --propagation private true 2>/dev/null; then
    echo "SKIP: no mount namespace here (needs root with CAP_SYS_ADMIN): cannot hide proj.db"
    exit 77
fi
cat >"$work/inside.sh" <<'INSIDE'
set -euo pipefail
work=$1 build=$2 src=$3
for hidden in /usr/share/proj /usr/share/gdal "$build" "$src"; do
    mount -t tmpfs -o size=1m,mode=0755 none "$hidden"
done
[ ! -e /usr/share/proj/proj.db ] || { echo "the system proj.db is still visible"; exit 1; }
[ ! -e "$build/bin/dvdash" ] || { echo "the build tree is still visible"; exit 1; }
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
export XDG_CACHE_HOME=$work/home/cache LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen
unset PROJ_DATA PROJ_LIB GDAL_DATA DVDASH_DATA_DIR
mkdir -p "$HOME" "$work/ld"
dvdash=$work/root/usr/bin/dvdash
# glibc writes every object the run loads (its path, and who dlopen()ed it) to these files.
LD_DEBUG=files,libs LD_DEBUG_OUTPUT=$work/ld/help "$dvdash" help >"$work/help.out"
grep -q render-map "$work/help.out" || { echo "dvdash help lists no render-map"; exit 1; }
LD_DEBUG=files,libs LD_DEBUG_OUTPUT=$work/ld/render "$dvdash" render-map \
    --out "$work/map.png" --size 400x300 2>"$work/render.err" \
    || { echo "render-map failed:"; cat "$work/render.err"; exit 1; }
[ -s "$work/map.png" ] || { echo "render-map wrote no map"; exit 1; }
if [ -s "$work/render.err" ]; then echo "render-map said:"; cat "$work/render.err"; exit 1; fi
# An indicator map opens (and makes) the store, so Qt's SQLite driver is loaded too.
LD_DEBUG=files,libs LD_DEBUG_OUTPUT=$work/ld/indicator "$dvdash" render-map \
    --indicator internet_penetration --store "sqlite:$work/home/store.sqlite" \
    --out "$work/indicator.png" --size 400x300 2>"$work/indicator.err" \
    || { echo "render-map --indicator failed:"; cat "$work/indicator.err"; exit 1; }
[ -s "$work/indicator.png" ] || { echo "render-map --indicator wrote no map"; exit 1; }
INSIDE
unshare -m --propagation private bash "$work/inside.sh" "$work" "$build" "$src" \
    || fail "the installed program with its build tree and the system's proj.db hidden"
echo "render-map and help ran from the package with /usr/share/proj hidden"

# 6. Every shared object the runs loaded belongs to a package the .deb depends on (directly
#    or through those packages' own Depends): plugins are what shlibdeps cannot see.
grep -h 'calling init: ' "$work"/ld/* | sed 's/.*calling init: //' | sort -u >"$work/loaded"
grep -h 'dynamically loaded by' "$work"/ld/* | sed -n 's/.*file=\([^ ]*\) \[0\];.*/\1/p' \
    | sort -u >"$work/plugins"
for p in libqsqlite.so libqoffscreen.so; do
    grep -q "/$p\$" "$work/plugins" || fail "the runs did not load $p: the check means little"
done
paths=()
while read -r f; do
    [[ $f == "$root"* ]] && continue
    [[ $f == /* && -e $f ]] || continue
    # Packages own /lib/... or /usr/lib/... (usrmerge): match either by the path's tail.
    paths+=("*${f#/usr}")
done < <(cat "$work/loaded" "$work/plugins")
[ ${#paths[@]} -gt 20 ] || fail "only ${#paths[@]} loaded objects seen: the check means little"
# dpkg -S fails for a file no package owns (none should be): those are reported below.
owners=$({ dpkg -S "${paths[@]}" 2>"$work/unowned" || true; } | sed 's/: .*//; s/, /\n/g' \
    | sed 's/:.*//' | sort -u)
# Alternatives (libblas.so.3 -> /etc/alternatives -> the chosen BLAS): the file behind the link.
while read -r pattern; do
    f=$(realpath "/usr${pattern#\*}" 2>/dev/null || true)
    owner=$(dpkg -S "*${f#/usr}" 2>/dev/null | sed 's/: .*//; s/:.*//' | head -1 || true)
    [ -n "$owner" ] || fail "a loaded file no package owns: ${pattern#\*}"
    owners+=$'\n'"$owner"
done < <(sed -n 's/.*no path found matching pattern //p' "$work/unowned")
closure=$(python3 - "$depends" <<'PY'
import subprocess, sys, re
def names(field):
    out = []
    for alt in field.split(','):
        for n in alt.split('|'):
            n = re.sub(r'\(.*?\)', '', n).strip().split(':')[0]
            if n:
                out.append(n)
    return out
providers = {}
listing = subprocess.run(['dpkg-query', '-W', '-f=${Package}\t${Provides}\n'],
                         capture_output=True, text=True).stdout
for line in listing.splitlines():
    package, _, provides = line.partition('\t')
    for virtual in names(provides):
        providers.setdefault(virtual, []).append(package)
seen, todo = set(), names(sys.argv[1])
while todo:
    p = todo.pop()
    if p in seen:
        continue
    seen.add(p)
    r = subprocess.run(['dpkg-query', '-W', '-f=${Depends},${Pre-Depends}\n', p],
                       capture_output=True, text=True)
    if r.returncode == 0:
        for line in r.stdout.splitlines():
            todo.extend(names(line))
    # A virtual package: whatever installed package provides it counts.
    todo.extend(providers.get(p, []))
print('\n'.join(sorted(seen)))
PY
)
missing=()
for o in $owners; do
    grep -qx "$o" <<<"$closure" || missing+=("$o")
done
[ ${#missing[@]} -eq 0 ] || fail "loaded from packages the .deb does not depend on: ${missing[*]}"
echo "$(wc -l <"$work/loaded") loaded objects, $(wc -l <"$work/plugins") plugins: all covered by Depends"
