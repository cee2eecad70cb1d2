import Foundation
import Testing
@testable import ROPGStorage
@testable import ROPGTables

/// `scripts/shell` (the README's way in) opens a copy of the demo in the user's home, so saving
/// there never changes workspaces/demo.json, which the tests compare against.
@Suite struct DemoCopyTests {
    @Test func scriptsShellOpensACopyOfTheDemoAndNeverTheTrackedFile() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let tracked = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json")
        let before = try Data(contentsOf: tracked)
        func shell(_ input: String) throws -> TestSupport.Result {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [TestSupport.repositoryRoot.appendingPathComponent("scripts/shell").path]
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": home.path, "NO_COLOR": "1", "LANG": "C.UTF-8",
                                   "ROPG_TODAY": "2026-03-16", "ROPG_BINARY": TestSupport.binary.path]
            let output = Pipe(), stdin = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = stdin
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return TestSupport.Result(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
        }
        let copy = home.appendingPathComponent(".ropg/demo.json")
        let first = try shell("product set TS-001 price=1\nsave\n")
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("copied the demo to \(copy.path): change and save it freely; workspaces/demo.json stays as it is\n"))
        #expect(first.output.contains("saved demo to \(copy.path)"))
        #expect(try Data(contentsOf: tracked) == before, "the tracked demo is untouched")
        #expect(try WorkspaceReader.load(path: copy.path).products[0].price.description == "1")
        // The copy is never overwritten: the change is still there the next time.
        let second = try shell("product show TS-001\n")
        #expect(second.output.hasPrefix("opening your copy of the demo, \(copy.path) (delete it to start again from workspaces/demo.json)\n"))
        #expect(second.output.contains("│ price        │ 1.00"))
        #expect(try Data(contentsOf: tracked) == before)
        #expect(!listFolder(TestSupport.repositoryRoot.appendingPathComponent("workspaces").path).contains { $0.hasPrefix(".demo.json") })
    }
}
