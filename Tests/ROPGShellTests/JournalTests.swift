import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage

/// Crash recovery: the journal of changes since the last save (issue 12).
@Suite(.serialized) struct JournalTests {
    /// The journals beside the demo in a folder (`.demo.json.PID.journal`, one per shell).
    func journals(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".demo.json.") && $0.hasSuffix(".journal") }
    }

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
        let found = try #require(Journal.findAll(for: path).found.first)
        #expect(found.edits.count == changes.count && !found.cutShort)
        #expect(found.base == Journal.Fingerprint.of(path: path))
        var replayed = original
        for edit in found.edits { #expect(edit.applyIfFits(to: &replayed) != nil) }
        #expect(replayed == edited)

        // A crash while writing: the last record is cut short.
        let bytes = try AtomicFile.readAll(path: found.path)
        try Data(bytes.dropLast(40)).write(to: URL(fileURLWithPath: found.path))
        let torn = try #require(Journal.findAll(for: path).found.first)
        #expect(torn.edits.count == changes.count - 1 && torn.cutShort)
        Journal.discard(torn)
        #expect(Journal.findAll(for: path).found.isEmpty)
    }

    /// A session that ends inside a scenario or a what-if, as a crash ends it: its journal is left
    /// as if by another process (the journal of a live process is that process's own).
    func crashed(_ lines: [String], at path: String) throws -> Session {
        let session = Session(workspace: try WorkspaceReader.load(path: path), path: path, console: Console(capturing: ()), interactive: false)
        for line in lines { #expect(session.execute(line: line), "\(line): \(session.console.takeCapturedErrors())") }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let gone = finished.processIdentifier
        let own = Journal.path(for: path)
        let text = try String(contentsOfFile: own, encoding: .utf8).replacingOccurrences(of: "\npid \(getpid())\n", with: "\npid \(gone)\n")
        try text.write(toFile: Journal.path(for: path, pid: gone), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: own)
        let reopened = Session(workspace: try WorkspaceReader.load(path: path), path: path, console: Console(capturing: ()), interactive: false)
        reopened.lookForJournal()
        _ = reopened.console.takeCapturedErrors()
        return reopened
    }

    /// Changes made inside a scenario come back inside it after a crash, never into the plan: the
    /// plan is as the plan's own changes left it, the scenario is open again with its changes, and
    /// `keep` stores them in the scenario as it would have before the crash.
    @Test func aCrashInsideAScenarioReplaysIntoTheScenario() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent("demo.json").path
        let lines = ["product set TS-002 price=60", "whatif", "product set TS-001 price=1", "drop",
                     "whatif", "set cvr=4%", "keep",
                     "scenario new 冲刺", "product set TS-001 price=59", "cost add P \"主播\" 9000/month"]
        let uninterrupted = Session(workspace: try WorkspaceReader.load(path: folder.appendingPathComponent("demo.json").path), path: nil,
                                    console: Console(capturing: ()), interactive: false)
        for line in lines + ["keep"] { #expect(uninterrupted.execute(line: line)) }
        let session = try crashed(lines, at: path)
        #expect(session.execute(line: "recover replay"), "\(session.console.takeCapturedErrors())")
        let said = session.console.takeCaptured()
        #expect(said.contains("the session ended inside scenario 冲刺: it is open again with 2 changes"), "\(said)")
        #expect(session.whatIf?.scenario == "冲刺")
        // The plan holds the plan's changes and the kept what-if, not the dropped one nor the scenario's.
        #expect(session.plan.products.first { $0.sku == "TS-002" }?.price == ExactDecimal(60))
        #expect(session.plan.products.first { $0.sku == "TS-001" }?.price == ExactDecimal(79))
        #expect(session.plan.settings[.cvr] == ExactDecimal(mantissa: 4, places: 2))
        #expect(!session.plan.costs.contains { $0.name == "主播" })
        #expect(session.workspace.products.first { $0.sku == "TS-001" }?.price == ExactDecimal(59))
        #expect(session.execute(line: "keep"))
        #expect(session.workspace == uninterrupted.workspace)
    }

    /// A crash inside a plain what-if: replayed, the what-if is open again and the plan untouched;
    /// a later save writes the plan alone, as a save inside the what-if does.
    @Test func aCrashInsideAWhatIfReplaysIntoAWhatIf() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent("demo.json").path
        let before = try WorkspaceReader.load(path: path)
        let session = try crashed(["whatif", "product set TS-001 price=1", "product rm TS-002"], at: path)
        #expect(session.execute(line: "recover replay"))
        #expect(session.console.takeCaptured().contains("the session ended inside a what-if: it is open again with 2 changes"))
        #expect(session.isWhatIfOpen && session.whatIf?.scenario == nil)
        #expect(session.plan == before)
        #expect(session.workspace.products.first { $0.sku == "TS-001" }?.price == ExactDecimal(1))
        // The fresh journal keeps them as the what-if's: a second crash brings the what-if back again.
        let found = try #require(Journal.findAll(for: path).found.first { $0.pid == getpid() })
        #expect(found.entries.map(\.scope) == [.whatIf(scenario: nil), .whatIf(scenario: nil)])
        #expect(session.execute(line: "drop"))
        #expect(session.workspace == before)
    }

    /// The journal reader against damaged files: bytes flipped, inserted, deleted or cut off
    /// anywhere after the header, in journals of every scope (a scenario's name in hex among
    /// them). It never traps; the records wholly before the damage read back as written.
    @Test(arguments: 0..<4) func aDamagedJournalIsReadUpToTheDamage(seed: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-journal-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspacePath = folder.appendingPathComponent("w.json").path
        let journal = Journal(workspacePath: workspacePath, base: Journal.Fingerprint(size: 0, hash: 0))
        var random = SplitMix(seed: UInt64(seed) &+ 17)
        let scopes: [Journal.Scope] = [.plan, .whatIf(scenario: nil), .whatIf(scenario: "冲刺 2"), .dropWhatIf, .keepWhatIf]
        var written: [(edit: Edit, scope: Journal.Scope)] = []
        var ends: [Int] = []
        for index in 0..<12 {
            let scope = scopes[random.next(scopes.count)]
            let product = Product(sku: "P-\(index)", name: "纯棉 \"\(index)\"", price: ExactDecimal(10 + random.next(90)), cost: ExactDecimal(5))
            let edit = Edit(description: "change \(index) 改", changes: scope == .keepWhatIf ? [] : [.insertProduct(product, at: index), .setName("店\(index)")])
            try journal.append(edit, scope: scope)
            written.append((edit, scope))
            ends.append(try AtomicFile.readAll(path: journal.path).count)
        }
        let original = try AtomicFile.readAll(path: journal.path)
        // The header is four lines: "ropg-journal 1", base, pid, started.
        let headerEnd = try #require(original.indices.filter { original[$0] == 10 }.dropFirst(3).first) + 1
        let whole = try #require(try Journal.read(journal.path))
        #expect(whole.entries.count == written.count && !whole.cutShort)
        for _ in 0..<150 {
            var bytes = original
            let at = headerEnd + random.next(bytes.count - headerEnd)
            switch random.next(4) {
            case 0: bytes[at] ^= UInt8(1 + random.next(255))
            case 1: bytes.insert(UInt8(random.next(256)), at: at)
            case 2: bytes.remove(at: at)
            default: bytes.removeSubrange(at...)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: journal.path))
            guard let found = try? Journal.read(journal.path) else { continue }
            let intact = ends.filter { $0 <= at }.count
            #expect(found.entries.count >= intact, "damage at \(at) lost whole records before it")
            for (read, made) in zip(found.entries.prefix(intact), written) {
                #expect(read.edit.description == made.edit.description && read.edit.changes == made.edit.changes && read.scope == made.scope)
            }
        }
    }

    /// A script whose reader goes away (`| head`) runs to its end as written instead of being
    /// killed by SIGPIPE: its save happens, and it leaves no journal or lock for the next open.
    @Test func aClosedPipeDoesNotKillAScript() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // More than a pipe holds after head has gone, so that writes meet the closed pipe.
        let commands = "product set TS-001 price=70; pnl 2026 by=day; pnl 2026 by=day; pnl 2026 by=day; save"
        process.arguments = ["-c", "'\(TestSupport.binary.path)' demo.json -c '\(commands)' | head -c 10 > /dev/null; exit ${PIPESTATUS[0]}"]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "NO_COLOR": "1", "LANG": "C.UTF-8", "ROPG_TODAY": "2026-03-16"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!files.contains { $0.hasSuffix(".journal") || $0.hasSuffix(".lock") }, "\(files)")
        #expect(try WorkspaceReader.load(path: folder.appendingPathComponent("demo.json").path).products.first { $0.sku == "TS-001" }?.price == ExactDecimal(70))
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
        #expect(journals(in: folder).isEmpty)
    }

    /// Change things in the interactive shell, `kill -9` it; reopen, replay and change more, and
    /// `kill -9` it again; then replay: the workspace equals what an uninterrupted session saves.
    @Test(.enabled(if: InteractiveShellTests.tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func crashAndRecover() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let fm = FileManager.default
        try fm.copyItem(at: folder.appendingPathComponent("demo.json"), to: folder.appendingPathComponent("expected.json"))
        let first = ["product set TS-001 price=70", "cost add O \"主播\" 8000/month", "whatif", "product set TS-002 price=1", "drop",
                     "set cvr=3.5%", "goal set 2026-03 gmv=120万", "undo", "redo", "product add BG-9 name=\"帆布包\" price=88 cost=30"]
        let second = ["product set SK-001 price=20", "cost add P \"新客服\" 5000/month"]
        // The same changes, uninterrupted and saved.
        let reference = try TestSupport.run(["expected.json", "-c", (first + second + ["save"]).joined(separator: "; ")], in: folder)
        #expect(reference.status == 0, "\(reference.output)")

        let tmux = InteractiveShellTests.Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        func crash(_ session: String) throws {
            let pid = try tmux.run(["list-panes", "-t", session, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            let killed = try TestSupport.spawn(["/bin/kill", "-9", pid])
            #expect(killed.isEmpty, "\(killed)")
            Thread.sleep(forTimeInterval: 0.3)
        }
        try tmux.startShell(in: folder, environment: "LANG=C.UTF-8 ROPG_TODAY=2026-03-16", arguments: "demo.json")
        _ = try tmux.waitFor("demo>")
        for line in first {
            try tmux.enter(line)
        }
        _ = try tmux.waitFor("added product BG-9")
        try crash("t")
        #expect(journals(in: folder).count == 1)

        // Reopened: it offers the changes; y replays them; more changes follow; a second crash.
        Thread.sleep(forTimeInterval: 0.3)  // the killed pane's session ends; the name is free again
        try tmux.startShell(in: folder, environment: "LANG=C.UTF-8 ROPG_TODAY=2026-03-16", arguments: "demo.json")
        _ = try tmux.waitFor("Replay them?")
        try tmux.enter("y")
        _ = try tmux.waitFor("replayed 8 changes")
        for line in second {
            try tmux.enter(line)
        }
        _ = try tmux.waitFor("新客服")
        try crash("t")
        #expect(journals(in: folder).count == 1, "the replayed changes and the new ones are in one journal: \(journals(in: folder))")

        // The script is told; it replays and saves.
        let recovered = try TestSupport.run(["demo.json", "-c", "recover replay; save"], in: folder)
        #expect(recovered.status == 0, "\(recovered.output)")
        #expect(recovered.output.contains("unsaved changes left by a ropg session that ended without saving"))
        #expect(recovered.output.contains("replayed 9 changes"), "\(recovered.output)")
        let got = try Data(contentsOf: folder.appendingPathComponent("demo.json"))
        let expected = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        #expect(String(decoding: got, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(journals(in: folder).isEmpty, "saving removes the journal")
    }

    /// Two shells on one file keep a journal each: both crash, and both shells' changes come back.
    @Test(.enabled(if: InteractiveShellTests.tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func twoShellsKeepTheirOwnJournals() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let tmux = InteractiveShellTests.Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        for (session, line) in [("a", "product set TS-001 price=71"), ("b", "product set TS-002 price=72")] {
            try tmux.startShell(in: folder, environment: "LANG=C.UTF-8 ROPG_TODAY=2026-03-16", arguments: "demo.json", name: session)
            Thread.sleep(forTimeInterval: 0.5)
            try tmux.run(["send-keys", "-t", session, line, "Enter"])
            Thread.sleep(forTimeInterval: 0.5)
        }
        #expect(eventuallyCount(2, in: folder), "\(journals(in: folder))")
        for session in ["a", "b"] {
            let pid = try tmux.run(["list-panes", "-t", session, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try TestSupport.spawn(["/bin/kill", "-9", pid])
        }
        Thread.sleep(forTimeInterval: 0.3)
        let recovered = try TestSupport.run(["demo.json", "-c", "recover replay; product show TS-001; product show TS-002"], in: folder)
        #expect(recovered.output.contains("replayed 2 changes"), "\(recovered.output)")
        #expect(recovered.output.contains("71.00") && recovered.output.contains("72.00"), "\(recovered.output)")
    }

    func eventuallyCount(_ count: Int, in folder: URL) -> Bool {
        for _ in 0..<50 {
            if journals(in: folder).count == count { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}
