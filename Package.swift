// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ropg",
    products: [
        .executable(name: "ropg", targets: ["ropg"]),
        .executable(name: "ropg-bench", targets: ["ropg-bench"]),
        .library(name: "ROPGDomain", targets: ["ROPGDomain"]),
        .library(name: "ROPGShell", targets: ["ROPGShell"]),
    ],
    targets: [
        // The pure domain: money, periods, the model, validation. No I/O, no Foundation.
        .target(name: "ROPGDomain"),
        // libedit, wrapped with non-variadic shims (see Sources/CEditLine/shim.h).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The shell: command language, tables and renderers, persistence, scripts, line editing.
        .target(name: "ROPGShell", dependencies: ["ROPGDomain", "CEditLine"]),
        // The thin executable.
        .executableTarget(name: "ropg", dependencies: ["ROPGShell"]),
        // Benchmarks: generates a large workspace and times open, save, reports.
        .executableTarget(name: "ropg-bench", dependencies: ["ROPGShell", "ROPGDomain"]),
        .testTarget(name: "ROPGDomainTests", dependencies: ["ROPGDomain"]),
        .testTarget(name: "ROPGShellTests", dependencies: ["ROPGShell", "ROPGDomain", "ropg"]),
    ],
    swiftLanguageModes: [.v6]
)
