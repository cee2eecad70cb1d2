import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage

/// Crash recovery: the journal of changes since the last save (issue 12).
@Suite(.serialized) struct JournalTests {
    func scratch() throws -> URL {
        let folder = try TestSupport.scratchCopy()
        return folder.appendingPathComponent("workspaces")
    }

    /// Every kind of change goes through the journal and comes back the same, so a replay
    /// rebuilds the workspace exactly; a record cut short at the end is left out, not misread.
    @Test func everyChangeRoundTripsAndATornRecordIsLeftOut() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent("demo.json").path
        let original = try WorkspaceReader.load(path: path)
        var edited = original
        let day = Day(year: 2026, month: 3, day: 14) ?? Day(number: 0)
        var settings = original.settings
        settings[.cvr] = ExactDecimal(mantissa: 35, places: 3)
        let changes: [WorkspaceChange] = [
            .insertProduct(Product(sku: "BG-9", name: "帆布包 \"q\"", price: ExactDecimal(88), cost: ExactDecimal(30)), at: 1),
            .replaceProduct(Product(sku: "TS-001", name: "纯棉T恤", price: ExactDecimal(70), cost: ExactDecimal(28)), at: 0),
            .insertCost(CostEntry(id: CostID(category: .O, number: 99), name: "主播", basis: .recurring(per: .month), amount: ExactDecimal(8000),
                                  product: "BG-9"), at: 0),
            .removeCost(at: 3),
            .insertGoal(Goal(period: .day(day), metric: .gmv, value: ExactDecimal(12345)), at: 0),
            .setSettings(settings),
            .setName("改名"),
            .setLastCostNumber(99, for: .O),
            .setHitPlans([SavedHitPlan(name: "试", spec: HitPlanSpec(sku: "BG-9", start: day, cpc: ExactDecimal(1), paidShares: Array(repeating: ExactDecimal(mantissa: 5, places: 1), count: 4)))]),
            .removeProduct(at: 2),
        ]
        let journal = Journal(workspacePath: path)
        for (index, change) in changes.enumerated() {
            let edit = Edit(description: "change \(index)", changes: [change])
            _ = edit.apply(to: &edited)
            try journal.append(edit)
        }
        let found = try #require(try Journal.find(for: path))
        #expect(found.edits.count == changes.count && !found.cutShort)
        #expect(found.base == Journal.Fingerprint.of(path: path))
        var replayed = original
        for edit in found.edits { #expect(edit.applyIfFits(to: &replayed) != nil) }
        #expect(replayed == edited)

        // A crash while writing: the last record is cut short.
        let bytes = try AtomicFile.readAll(path: found.path)
        try Data(bytes.dropLast(40)).write(to: URL(fileURLWithPath: found.path))
        let torn = try #require(try Journal.find(for: path))
        #expect(torn.edits.count == changes.count - 1 && torn.cutShort)
        Journal.discard(torn)
        let left = try Journal.find(for: path)
        #expect(left == nil)
    }

    /// A replayed change that no longer fits the file is reported, never applied out of range.
    @Test func aChangeThatNoLongerFitsIsSkipped() throws {
        var workspace = Workspace(name: "w")
        let edit = Edit(description: "product rm", changes: [.removeProduct(at: 5)])
        #expect(edit.applyIfFits(to: &workspace) == nil)
        #expect(workspace == Workspace(name: "w"))
    }

    /// A script that runs to its end, saved or not, leaves no journal; opening never writes one.
    @Test func aCleanEndLeavesNoJournal() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let result = try TestSupport.run(["demo.json", "-c", "product set TS-001 price=70; info"], in: folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".demo.json.journal").path))
    }

    /// Change things in the interactive shell, `kill -9` it, reopen, replay: the workspace equals
    /// what an uninterrupted session saves.
    @Test(.enabled(if: InteractiveShellTests.tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func crashAndRecover() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let fm = FileManager.default
        try fm.copyItem(at: folder.appendingPathComponent("demo.json"), to: folder.appendingPathComponent("expected.json"))
        let commands = ["product set TS-001 price=70", "cost add O \"主播\" 8000/month", "whatif", "product set TS-002 price=1", "drop",
                        "set cvr=3.5%", "goal set 2026-03 gmv=120万", "undo", "redo", "product add BG-9 name=\"帆布包\" price=88 cost=30"]
        // The same changes, uninterrupted and saved.
        let reference = try TestSupport.run(["expected.json", "-c", (commands + ["save"]).joined(separator: "; ")], in: folder)
        #expect(reference.status == 0, "\(reference.output)")

        let tmux = InteractiveShellTests.Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        let command = "cd '\(folder.path)' && exec env HOME='\(folder.path)' NO_COLOR=1 LANG=C.UTF-8 ROPG_TODAY=2026-03-16 '\(TestSupport.binary.path)' demo.json"
        try tmux.run(["new-session", "-d", "-s", "t", "-x", "150", "-y", "50", "bash", "-c", command])
        _ = try tmux.waitFor("demo>")
        for line in commands {
            try tmux.type(line)
            try tmux.type("Enter")
        }
        _ = try tmux.waitFor("added product BG-9")
        let pid = try tmux.run(["list-panes", "-t", "t", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let killed = try TestSupport.spawn(["/bin/kill", "-9", pid])
        #expect(killed.isEmpty, "\(killed)")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(fm.fileExists(atPath: folder.appendingPathComponent(".demo.json.journal").path))

        // The script is told; it replays and saves.
        let recovered = try TestSupport.run(["demo.json", "-c", "recover replay; save"], in: folder)
        #expect(recovered.status == 0, "\(recovered.output)")
        #expect(recovered.output.contains("unsaved changes left by a ropg session that ended without saving"))
        #expect(recovered.output.contains("replayed 9 changes"), "\(recovered.output)")
        let got = try Data(contentsOf: folder.appendingPathComponent("demo.json"))
        var expected = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        // The saved name is the file's own; the rest must be the same bytes.
        expected = Data(String(decoding: expected, as: UTF8.self).utf8)
        #expect(String(decoding: got, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(!fm.fileExists(atPath: folder.appendingPathComponent(".demo.json.journal").path), "saving removes the journal")
    }
}
