// swift-tools-version: 6.0
// libFuzzer targets for Parley. A separate package so the root `swift build` / `swift test` never
// see targets without `main` (libFuzzer supplies it). Build and run with `scripts/fuzz.sh TARGET SECONDS`.
// The only build spelling that works on Swift 6.3.1/Linux (see ../shared/docs/LIBXML2.md):
//   swift build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "ParleyFuzz",
    dependencies: [.package(name: "Parley", path: "..")],
    targets: [
        .executableTarget(name: "FuzzHTML", dependencies: [.product(name: "ParleyKit", package: "Parley")]),
        .executableTarget(name: "FuzzText", dependencies: [.product(name: "ParleyKit", package: "Parley")]),
        .executableTarget(name: "FuzzPipeline", dependencies: [.product(name: "ParleyKit", package: "Parley")]),
    ],
    swiftLanguageModes: [.v6]
)
