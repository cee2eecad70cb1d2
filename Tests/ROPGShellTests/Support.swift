import Foundation

/// Paths and a process runner shared by the tests that drive the built `ropg` binary.
enum TestSupport {
    /// The repository root (this file is Tests/ROPGShellTests/Support.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `ropg` executable built next to the test bundle (or ROPG_BINARY).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ROPG_BINARY"] { return URL(fileURLWithPath: path) }
        return Bundle.main.bundleURL.appendingPathComponent("ropg")
    }

    struct Result {
        var output: String
        var status: Int32
    }

    /// Runs ropg with stdout and stderr on one pipe (so they interleave as a user sees them).
    static func run(_ arguments: [String], in directory: URL, stdin: String? = nil,
                    environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "NO_COLOR": "1", "LANG": "C.UTF-8"]
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
    }

    /// A fresh folder holding copies of workspaces/ and examples/, so scripts can save freely.
    static func scratchCopy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["workspaces", "examples"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
