#!/usr/bin/env bash
# Installs a built package into a fresh minimal Debian 12 (debootstrap, as root, needs Debian's
# package mirror) and runs what a user runs first: the version, an analysis of the bundled
# example, a screenshot, and the validators on what the package installed.
#   packaging/test-in-fresh-debian.sh build/faultline_0.1.0_amd64.deb [CHROOT_DIR]
set -euo pipefail
deb=$(realpath "$1")
root=${2:-/tmp/faultline-fresh-bookworm}
[ -d "$root/usr" ] || debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
cp "$deb" "$root/tmp/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
chroot "$root" bash -euxc "
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install --reinstall -y -qq /tmp/$(basename "$deb") >/dev/null
    faultline --version
    faultline blast-radius /usr/share/faultline/examples/acme-on-aws.json | head -5
    QT_QPA_PLATFORM=offscreen faultline --screenshot /tmp/shot.png
    test -s /tmp/shot.png
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq desktop-file-utils appstream >/dev/null
    desktop-file-validate /usr/share/applications/io.faultline.Faultline.desktop
    appstreamcli validate --no-net /usr/share/metainfo/io.faultline.Faultline.metainfo.xml
"
echo "The package installs and runs on a fresh Debian 12; screenshot: $root/tmp/shot.png"
