import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

/// Helpers for the tests of hostile text and awkward input (issue 12).
enum SafeInputSupport {
    static func session(_ workspace: Workspace = Workspace(name: "shop"), path: String? = nil) -> Session {
        Session(workspace: workspace, path: path, console: Console(capturingApart: ()), interactive: false,
                today: Session.today(in: ["ROPG_TODAY": "2026-03-16"]))
    }

    /// Runs the built binary with raw bytes on standard input; standard output and standard
    /// error apart.
    static func run(_ arguments: [String], in directory: URL, stdin: [UInt8] = []) throws -> (out: String, err: String, status: Int32) {
        let process = Process()
        process.executableURL = TestSupport.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "NO_COLOR": "1", "LANG": "C.UTF-8", "ROPG_TODAY": "2026-03-16"]
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        // Read standard error on the side, so that neither pipe fills up and stops the process.
        let errorData = LockedData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { Thread.sleep(forTimeInterval: 0.01) }
        return (String(decoding: out, as: UTF8.self), String(decoding: errorData.get(), as: UTF8.self), process.terminationStatus)
    }

    final class LockedData: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?
        func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
        func get() -> Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
    }

}
