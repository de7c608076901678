// swift-tools-version:5.9
// The Swift package `Arrears`: the generated bindings (Sources/Arrears/Arrears.swift, made by
// `make -C bindings-swift bindings`) over the Rust library libarrears_ffi. On Linux the tests link
// the library from the directory given with `-Xlinker -L<dir>` (`make -C bindings-swift
// test-swift` does it); an iOS app uses the xcframework of scripts/xcframework.sh instead
// (docs/guide-swift.md).
import PackageDescription

let package = Package(
    name: "Arrears",
    products: [
        .library(name: "Arrears", targets: ["Arrears"]),
    ],
    targets: [
        .systemLibrary(name: "arrearsFFI", path: "Sources/arrearsFFI"),
        .target(name: "Arrears", dependencies: ["arrearsFFI"], path: "Sources/Arrears"),
        .testTarget(
            name: "ArrearsTests",
            dependencies: ["Arrears"],
            path: "Tests/ArrearsTests",
            resources: []
        ),
    ]
)
