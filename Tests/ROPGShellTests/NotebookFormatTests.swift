import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell

/// The notebook format in process: outputs spliced in and read back, everything else byte for
/// byte (CRLF and a byte order mark too), and a fuzzer: no input crashes the parser, and whatever
/// it accepts round-trips.
@Suite struct NotebookFormatTests {
    static let example = TestSupport.repositoryRoot.appendingPathComponent("examples/notebooks/2026-11.md")

    @Test func outputsRoundTripAndTheRestStays() throws {
        let bytes = Array(try Data(contentsOf: Self.example))
        let notebook = try Notebook.parse(bytes, name: "2026-11.md")
        #expect(notebook.header == .init(workspace: "../../workspaces/demo.json", today: Day(isoText: "2026-11-01")))
        #expect(notebook.cells.count == 6)
        #expect(notebook.withOutputs(notebook.cells.map { _ in nil }) == bytes, "no new output: the same bytes")
        #expect(notebook.withOutputs(notebook.cells.map(\.output)) == bytes, "the same outputs: the same bytes")
        let outputs = notebook.cells.map { "cell \($0.ordinal)\n```\nwith a fence inside\n" }
        let rewritten = try Notebook.parse(notebook.withOutputs(outputs), name: "x.md")
        #expect(rewritten.cells.map(\.output) == outputs)
        #expect(rewritten.cells.map(\.source) == notebook.cells.map(\.source))
    }

    @Test func crlfAndByteOrderMarkAreKept() throws {
        let text = "\u{FEFF}---\r\nworkspace: w.json\r\n---\r\n\r\n# t\r\n\r\n```ropg\r\nmargin\r\n```\r\ntail\r\n"
        let notebook = try Notebook.parse(Array(text.utf8), name: "crlf.md")
        #expect(notebook.cells.first?.source == "margin\n")
        let written = String(decoding: notebook.withOutputs(["a\nb\n"]), as: UTF8.self)
        #expect(written == "\u{FEFF}---\r\nworkspace: w.json\r\n---\r\n\r\n# t\r\n\r\n```ropg\r\nmargin\r\n```\r\n\r\n```output\r\na\r\nb\r\n```\r\ntail\r\n")
        #expect(try Notebook.parse(Array(written.utf8), name: "crlf.md").cells.first?.output == "a\nb\n")
    }

    @Test func fuzzedNotebooksNeverCrashAndRoundTrip() throws {
        let seed = Array(try Data(contentsOf: Self.example))
        let pieces = ["```", "```ropg\n", "```output\n", "~~~", "\n", "---\n", "    ```", "````", "`", "\r\n", "margin\n", "quit\n", "#", "\u{FEFF}", "纯棉"]
        var random = SplitMix(seed: 16)
        var accepted = 0
        for _ in 0..<400 {
            var bytes = seed
            for _ in 0..<(1 + random.next(6)) {
                let at = random.next(bytes.count + 1)
                switch random.next(3) {
                case 0: bytes.insert(contentsOf: Array(pieces[random.next(pieces.count)].utf8), at: at)
                case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.next(40))) }
                default: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: random.next(256)) }
                }
            }
            guard let notebook = try? Notebook.parse(bytes, name: "fuzz.md") else { continue }
            accepted += 1
            #expect(notebook.withOutputs(notebook.cells.map { _ in nil }) == bytes)
            let outputs = notebook.cells.map { "out \($0.ordinal)\n" }
            let again = try Notebook.parse(notebook.withOutputs(outputs), name: "fuzz.md")
            #expect(again.cells.count == notebook.cells.count)
            #expect(again.cells.map(\.output) == outputs)
        }
        #expect(accepted > 50, "the fuzzer reached the round trip (\(accepted) accepted)")
    }
}
