#!/bin/sh
# Prints the command prefix that runs Swift here, setting a toolchain up when there is none.
#
# A `swift` on PATH is used as it is. Otherwise (Debian 12 has no Swift package) a minimal Debian 13
# root with Debian's `swiftlang` 6.0.3 is made once with debootstrap under $ARREARS_CACHE
# (default ~/.cache/arrears), outside the repository, and reused by later runs; see
# docs/guide-swift.md §"Swift on Linux". Needs root (debootstrap, chroot, a bind mount of /proc).
#
# Output (one line on stdout): `native` or `chroot <root>`.
set -eu
if command -v swift >/dev/null 2>&1; then
    echo native
    exit 0
fi
CACHE="${ARREARS_CACHE:-$HOME/.cache/arrears}"
ROOT="$CACHE/swift-root"
if [ ! -x "$ROOT/usr/libexec/swift/bin/swift" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "swift-root: no swift on PATH, and making a Debian 13 root with Swift needs root" >&2
        exit 1
    fi
    command -v debootstrap >/dev/null 2>&1 || {
        echo "swift-root: installing debootstrap" >&2
        apt-get install -y -q debootstrap >&2
    }
    MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    MIRROR="${MIRROR:-http://deb.debian.org/debian}"
    echo "swift-root: making $ROOT (Debian 13 with swiftlang, about 450 MB, once)" >&2
    rm -rf "$ROOT.partial"
    mkdir -p "$CACHE"
    debootstrap --variant=minbase \
        --include=swiftlang,libc6-dev,libstdc++-14-dev,ca-certificates \
        trixie "$ROOT.partial" "$MIRROR" >&2
    rm -rf "$ROOT"
    mv "$ROOT.partial" "$ROOT"
fi
echo "chroot $ROOT"
