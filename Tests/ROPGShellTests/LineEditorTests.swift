import Foundation
import Testing
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

@Suite("LineEditor: completion logic and history")
struct LineEditorTests {
    @Test func chineseCandidatesCompleteToCommonPrefix() {
        let edit = LineEditor.completionEdit(word: "纯", candidates: ["纯棉T恤", "纯棉衬衫"])
        #expect(edit.insert == "纯棉")
        #expect(edit.list.isEmpty)
    }

    @Test func chineseCandidatesAreListedWhenPrefixCannotGrow() {
        let edit = LineEditor.completionEdit(word: "纯棉", candidates: ["纯棉T恤", "纯棉衬衫"])
        #expect(edit.insert == nil)
        #expect(edit.list == ["纯棉T恤", "纯棉衬衫"])
    }

    @Test func commonPrefixNeverSplitsACharacter() {
        // 衬 (U+886C) and 衫 (U+886B) share their first two UTF-8 bytes; a byte-wise prefix would
        // cut a character in half.
        #expect(LineEditor.commonPrefix(["纯棉衬", "纯棉衫"]) == "纯棉")
        // "é" precomposed and decomposed are the same Character.
        #expect(LineEditor.commonPrefix(["caf\u{E9}s", "cafe\u{301}x"]) == "caf\u{E9}")
        #expect(LineEditor.commonPrefix([]) == "")
        #expect(LineEditor.commonPrefix(["pnl"]) == "pnl")
        #expect(LineEditor.commonPrefix(["abc", "xyz"]) == "")
    }

    @Test func singleCandidateGetsASpace() {
        let edit = LineEditor.completionEdit(word: "pn", candidates: ["pnl"])
        #expect(edit.insert == "pnl ")
        #expect(edit.list.isEmpty)
        let chinese = LineEditor.completionEdit(word: "纯棉T", candidates: ["纯棉T恤"])
        #expect(chinese.insert == "纯棉T恤 ")
    }

    @Test func singleCandidateEndingWithEqualsGetsNoSpace() {
        let edit = LineEditor.completionEdit(word: "cat", candidates: ["category="])
        #expect(edit.insert == "category=")
    }

    @Test func duplicatesCountAsOneCandidate() {
        let edit = LineEditor.completionEdit(word: "pr", candidates: ["product", "product"])
        #expect(edit.insert == "product ")
    }

    @Test func growingPrefixIsInsertedWithoutListing() {
        let edit = LineEditor.completionEdit(word: "p", candidates: ["product", "profile"])
        #expect(edit.insert == "pro")
        #expect(edit.list.isEmpty)
    }

    @Test func stuckPrefixListsInCompleterOrder() {
        let edit = LineEditor.completionEdit(word: "p", candidates: ["product", "profile", "pnl"])
        #expect(edit.insert == nil)
        #expect(edit.list == ["product", "profile", "pnl"])
    }

    @Test func noCandidatesDoNothing() {
        let edit = LineEditor.completionEdit(word: "zzz", candidates: [])
        #expect(edit.insert == nil)
        #expect(edit.list.isEmpty)
    }

    @Test func emptyWordCompletesToCommonPrefix() {
        let edit = LineEditor.completionEdit(word: "", candidates: ["纯棉T恤", "纯棉衬衫"])
        #expect(edit.insert == "纯棉")
    }

    @Test func caseCanBeCorrectedByALongerPrefix() {
        let edit = LineEditor.completionEdit(word: "PR", candidates: ["product", "profile"])
        #expect(edit.insert == "pro")
    }

    @Test func candidateListIsLaidOutInColumnsByDisplayWidth() {
        let lines = LineEditor.formatCandidateList(["纯棉T恤", "纯棉衬衫", "pnl"], terminalWidth: 80)
        // column width = widest (8 cells) + 2
        #expect(lines == ["纯棉T恤   纯棉衬衫  pnl"])
        let narrow = LineEditor.formatCandidateList(["product", "profile", "pnl"], terminalWidth: 16)
        #expect(narrow == ["product  pnl", "profile"])
        let single = LineEditor.formatCandidateList(["product", "profile"], terminalWidth: 5)
        #expect(single == ["product", "profile"])
        #expect(LineEditor.formatCandidateList([], terminalWidth: 80).isEmpty)
    }

    @Test func tooManyCandidatesAreSummarised() {
        let many = (0..<500).map { "item\($0)" }
        let lines = LineEditor.formatCandidateList(many, terminalWidth: 80)
        #expect(lines.count == 1)
        #expect(lines[0].contains("500"))
    }

    @Test func trimmingAnswers() {
        #expect(LineEditor.trimmed("  y \t") == "y")
        #expect(LineEditor.trimmed("   ") == "")
        #expect(LineEditor.trimmed("是") == "是")
    }

    /// libedit works without a terminal too (it only reads the terminal in readLine), so history
    /// persistence can be checked here: blank lines and a repeat of the last entry are skipped,
    /// Chinese survives the round trip, and a reloaded history still refuses a repeat of its last line.
    @Test func historyIsSavedAndReloaded() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("ropg-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }

        let first = try #require(LineEditor(programName: "ropg-test", historyPath: path) { _ in (0, []) })
        first.addToHistory("show product")
        first.addToHistory("show product")
        first.addToHistory("")
        first.addToHistory("   ")
        first.addToHistory("set 纯棉T恤 price=99")
        first.saveHistory()
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        let entries = saved.split(separator: "\n").dropFirst()   // first line: libedit's format cookie
        #expect(entries.count == 2)
        #expect(entries.first == "show\\040product")              // libedit escapes spaces (strvis)
        #expect(saved.contains("纯棉T恤"))

        let second = try #require(LineEditor(programName: "ropg-test", historyPath: path) { _ in (0, []) })
        second.addToHistory("set 纯棉T恤 price=99")
        second.saveHistory()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == saved)
    }
}
