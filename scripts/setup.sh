# Shared by run.sh and test.sh: install what is missing (Debian 12, as root), configure, build.
# Sourced, not run: it defines functions and changes nothing until they are called.

DVDASH_PACKAGES=(
    # toolchain
    cmake ninja-build g++ pkg-config
    # Qt 6: Widgets, Charts, Positioning, Sql, PrintSupport (in qt6-base-dev), Svg, Test, Linguist
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-positioning-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite qt6-qpa-plugins libgl-dev libvulkan-dev
    # GIS
    libgdal-dev gdal-bin libproj-dev proj-bin
    # MQTT (sensor feed) and the broker its end-to-end tests start
    libpaho-mqttpp-dev libpaho-mqtt-dev mosquitto mosquitto-clients
    # Chinese fonts for the map, labels and exports; a virtual display and PDF tools for checks
    fonts-noto-cjk xvfb xauth poppler-utils
    # Packages and their checks: PNG icons from the SVG, the Windows installer script compiled
    # by makensis, the AppStream metainfo validated, the .deb's dependencies looked up
    librsvg2-bin nsis appstream dpkg-dev proj-data gdal-data
    # The shared store: libpq (COPY, LISTEN/NOTIFY), the keychain for its password, and the
    # server with PostGIS that the tests start as a throw-away cluster
    libpq-dev qtkeychain-qt6-dev postgresql-15 postgresql-15-postgis-3 postgresql-client-15
)

dv_missing_packages() {
    local missing=() p
    for p in "${DVDASH_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    echo "${missing[@]}"
}

dv_ensure_packages() {
    local missing
    missing=$(dv_missing_packages)
    [ -z "$missing" ] && return 0
    echo "Installing missing packages: $missing"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

# dv_build PRESET: configure once (or when the preset's cache is missing), then build.
dv_build() {
    local preset=$1 dir=$2
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        cmake --preset "$preset"
    fi
    cmake --build "$dir" -j "$(nproc)"
}
