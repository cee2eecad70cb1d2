import Foundation
@testable import ROPGStorage
@testable import ROPGTables

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
        // A fixed today, so that what "this month" means does not change with the clock.
        var environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "NO_COLOR": "1", "LANG": "C.UTF-8", "ROPG_TODAY": "2026-03-16"]
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

    /// Runs a program and waits for it with posix_spawn and waitpid; returns what it printed.
    /// Used for tmux, whose server outlives the client and inherits its output: output goes
    /// through a file so nothing waits for a pipe to close.
    static func spawn(_ arguments: [String]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    /// A fresh folder holding copies of workspaces/ and examples/, so scripts can save freely.
    static func scratchCopy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["workspaces", "examples"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            // A lock or journal a ropg run by hand left in the tree is not part of the examples.
            let copied = folder.appendingPathComponent(name)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: copied.path)) ?? []
            where file.hasPrefix(".") && (file.hasSuffix(".lock") || file.hasSuffix(".journal") || file.contains(".tmp-")) {
                try? FileManager.default.removeItem(at: copied.appendingPathComponent(file))
            }
        }
        return folder
    }
}

/// A seeded generator, so property tests try the same cases on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// A `ropg` started and left running: its standard input stays open until `finish`, so a test
/// can let it open its workspace, do something else meanwhile, and then give it commands.
final class RunningShell {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws {
        process.executableURL = TestSupport.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "NO_COLOR": "1", "LANG": "C.UTF-8", "ROPG_TODAY": "2026-03-16"]
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends `text` as standard input, closes it, waits for the exit; returns what it printed.
    func finish(_ text: String) throws -> TestSupport.Result {
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return TestSupport.Result(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
    }

    /// Kills it at once (SIGKILL) and waits for it.
    func kill9() {
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }
}

/// Waits up to `seconds` for `condition`, looking every `interval` seconds; returns whether it came true.
func eventually(_ seconds: Double = 10, every interval: Double = 0.01, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        Thread.sleep(forTimeInterval: interval)
    }
    return condition()
}
