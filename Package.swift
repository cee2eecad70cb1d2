// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ropg",
    products: [
        .executable(name: "ropg", targets: ["ropg"]),
        .executable(name: "ropg-bench", targets: ["ropg-bench"]),
        .library(name: "ROPGDomain", targets: ["ROPGDomain"]),
        .library(name: "ROPGReports", targets: ["ROPGReports"]),
        .library(name: "ROPGShell", targets: ["ROPGShell"]),
    ],
    dependencies: [
        // Markdown to HTML for the prose of a notebook's page (Sources/ROPGShell/Notebook/NotebookPage.swift).
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // The pure domain: money, periods, the model, validation. No I/O, no Foundation.
        .target(name: "ROPGDomain"),
        // The catalogue: everything ropg says to a person, in English and Chinese, keyed by message.
        // Pure text; the layers that phrase (tables, storage, the shell) depend on it; the domain and the
        // reports (typed values only) do not.
        .target(name: "ROPGText", dependencies: ["ROPGDomain"]),
        // Reports: pure functions from a workspace and a context (today, caches) to typed figures.
        // Every command that shows a figure gets it here, so the figure is the same everywhere.
        .target(name: "ROPGReports", dependencies: ["ROPGDomain"]),
        // Tables and their renderers: the table model, text, Markdown, CSV and JSON, display width.
        .target(name: "ROPGTables", dependencies: ["ROPGDomain", "ROPGText"]),
        // Storage: the JSON reader and writer, atomic files, the workspace file.
        .target(name: "ROPGStorage", dependencies: ["ROPGDomain", "ROPGText", "CMalloc"]),
        // glibc's mallopt (see Sources/CMalloc/shim.h).
        .systemLibrary(name: "CMalloc"),
        // libedit, wrapped with non-variadic shims (see Sources/CEditLine/shim.h).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libxlsxwriter: Excel workbooks with number formats and native charts.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Workbooks: tables and their charts written to .xlsx as real numbers with formats.
        .target(name: "ROPGWorkbook", dependencies: ["ROPGDomain", "ROPGText", "ROPGTables", "CXLSXWriter"]),
        // The shell: command language, tables and renderers, persistence, scripts, line editing.
        .target(name: "ROPGShell", dependencies: ["ROPGDomain", "ROPGText", "ROPGReports", "ROPGTables", "ROPGStorage", "ROPGWorkbook", "CEditLine",
                                                .product(name: "Ink", package: "Ink")]),
        // The thin executable.
        .executableTarget(name: "ropg", dependencies: ["ROPGShell"]),
        // Benchmarks: generates a large workspace and times open, save, reports.
        .executableTarget(name: "ropg-bench", dependencies: ["ROPGShell", "ROPGReports", "ROPGTables", "ROPGStorage", "ROPGDomain"]),
        .testTarget(name: "ROPGDomainTests", dependencies: ["ROPGDomain", "ROPGText"]),
        // The reports called in process on the demo workspace, against figures worked out by hand.
        .testTarget(name: "ROPGReportsTests", dependencies: ["ROPGReports", "ROPGStorage", "ROPGDomain"]),
        .testTarget(name: "ROPGShellTests", dependencies: ["ROPGShell", "ROPGText", "ROPGReports", "ROPGTables", "ROPGStorage", "ROPGWorkbook", "ROPGDomain", "ropg"]),
    ],
    swiftLanguageModes: [.v6]
)
