import Foundation
import Testing
@testable import ROPGStorage
@testable import ROPGTables

/// Golden transcripts: every examples/NAME.ropg is replayed through the built `ropg` binary
/// (`ropg --echo -f examples/NAME.ropg`, after any arguments on a first line `# args: …`) in a
/// scratch folder, and its output must equal examples/NAME.out byte for byte.
/// `ROPG_RECORD=1 swift test` writes the .out files anew; review the diff before committing.
/// A script named NAME.zh.ropg runs with LANG=zh_CN.UTF-8, so the Chinese interface has golden
/// transcripts of its own; every other script runs with LANG=C.UTF-8 (English).
@Suite struct TranscriptTests {
    static func exampleNames() -> [String] {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".ropg") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func examplesExist() {
        #expect(Self.exampleNames().count >= 5)
    }

    @Test(arguments: exampleNames())
    func transcript(_ name: String) throws {
        let examples = TestSupport.repositoryRoot.appendingPathComponent("examples")
        let script = try String(contentsOf: examples.appendingPathComponent("\(name).ropg"), encoding: .utf8)
        var arguments: [String] = []
        if let first = script.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("# args:") {
            arguments = first.dropFirst("# args:".count).split(separator: " ").map(String.init)
        }
        arguments += ["--echo", "-f", "examples/\(name).ropg"]
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let locale = name.hasSuffix(".zh") ? "zh_CN.UTF-8" : "C.UTF-8"
        let result = try TestSupport.run(arguments, in: folder, environment: ["LANG": locale])
        var transcript = result.output
        if result.status != 0 { transcript += "[exit \(result.status)]\n" }
        let expectedURL = examples.appendingPathComponent("\(name).out")
        if ProcessInfo.processInfo.environment["ROPG_RECORD"] == "1" {
            // In place, not atomically: an atomic write's temporary file in examples/ can vanish
            // while a test running beside this one copies the folder to its scratch place.
            try transcript.write(to: expectedURL, atomically: false, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        if transcript != expected {
            let got = transcript.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            Issue.record("""
                \(name).out differs at line \(line + 1):
                  expected: \(line < want.count ? String(want[line]) : "<end>")
                  actual:   \(line < got.count ? String(got[line]) : "<end>")
                (ROPG_RECORD=1 swift test re-records)
                """)
        }
    }
}
