#!/usr/bin/env bash
# Installs the Debian 12 packages Faultline needs to build, test and run, and only those that
# are missing: when everything is there it installs nothing and asks for no password.
#
#   install-deps.sh          what the build, the tests and the app need
#   install-deps.sh --fuzz   also clang and its libFuzzer runtime, for the fuzz targets of
#                            tests/fuzz (a separate build: see "Fuzzing" in README.md)
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins
    libgraphviz-dev graphviz libsqlite3-dev
    libyaml-cpp-dev # Backstage catalog import
    xvfb xauth fonts-dejavu-core python3
    poppler-utils # pdfinfo and pdftotext: the PDF export tests read pages back
    # The package and its desktop integration: cpack's dependency scan, and the validators
    # the packaging suite runs on the desktop file, the metainfo and the MIME type.
    dpkg-dev desktop-file-utils appstream shared-mime-info
)
if [ "${1:-}" = "--fuzz" ]; then
    # libclang_rt.fuzzer (-fsanitize=fuzzer) comes with libclang-rt-14-dev on Debian 12.
    packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
