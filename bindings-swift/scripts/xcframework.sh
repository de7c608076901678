#!/bin/sh
# Builds Arrears.xcframework for an iOS app (device, and the simulator on Apple silicon and
# Intel), from the static library of arrears-ffi and the generated C header; run on macOS with
# Xcode and the Rust targets installed:
#
#   rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios
#   make -C bindings-swift bindings          # generates swift/Sources/Arrears/Arrears.swift and the header
#   bindings-swift/scripts/xcframework.sh    # writes bindings-swift/build/Arrears.xcframework
#
# Then add the xcframework to the app target and the Swift sources of swift/Sources/Arrears/
# (Arrears.swift, Conversions.swift) to the app, or wrap both in a binary-target Swift package
# (docs/guide-mobile.md). Not run by the test suite: it needs macOS.
set -eu
cd "$(dirname "$0")/.."
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
OUT=build/Arrears.xcframework
HEADERS=build/xcframework-headers

for target in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios; do
    cargo build --release -p arrears-ffi --target "$target"
done

# One library for both simulator architectures.
mkdir -p build/ios-sim
lipo -create \
    "$TARGET_DIR/aarch64-apple-ios-sim/release/libarrears_ffi.a" \
    "$TARGET_DIR/x86_64-apple-ios/release/libarrears_ffi.a" \
    -output build/ios-sim/libarrears_ffi.a

# The C module the generated Swift imports (`import arrearsFFI`).
rm -rf "$HEADERS" "$OUT"
mkdir -p "$HEADERS"
cp swift/Sources/arrearsFFI/arrearsFFI.h "$HEADERS/"
cat > "$HEADERS/module.modulemap" <<'MAP'
module arrearsFFI {
    header "arrearsFFI.h"
    export *
}
MAP

xcodebuild -create-xcframework \
    -library "$TARGET_DIR/aarch64-apple-ios/release/libarrears_ffi.a" -headers "$HEADERS" \
    -library build/ios-sim/libarrears_ffi.a -headers "$HEADERS" \
    -output "$OUT"
echo "wrote bindings-swift/$OUT"
