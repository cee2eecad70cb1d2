import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

/// `save reload`: this session's changes since its last save, re-applied on the file as someone
/// else saved it. Sessions run in process on the demo workspace.
@Suite struct RebaseTests {
    static let demoPath = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path

    func session(_ workspace: Workspace) -> Session {
        Session(workspace: workspace, path: nil, console: Console(capturing: ()), interactive: false,
                today: Day(year: 2026, month: 3, day: 16) ?? Day(number: 0))
    }

    func run(_ session: Session, _ lines: [String]) {
        for line in lines {
            #expect(session.execute(line: line), "\(line): \(session.console.takeCaptured())")
        }
        _ = session.console.takeCaptured()
    }

    /// Many kinds of change, with undo and redo among them and a dropped what-if.
    static let myChanges = [
        "product set TS-001 price=75 name=新T恤",
        "cost add G \"气泡膜\" 0.2/unit",
        "goal set 2026-12 gmv=150万",
        "set cvr=4% aov=130",
        "undo",
        "redo",
        "product add Z-1 name=试 price=10 cost=4",
        "product rm Z-1",
        "cost rm G1",
        "cost set R1 amount=70000/year",
        "profile set 电商 jan=1.1",
        "actual add 2026-03-01 gmv=2.9万 uv=8100",
        "product set SK-001 sku=SK-002",
        "whatif",
        "product set TS-002 price=1",
        "drop",
        "set cvr=5% period=2026-11",
        "goal rm 2026-12",
        "goal set 2026-11 gmv=200万",
    ]

    @Test func onAnUntouchedFileTheReplayGivesExactlyThisSessionsWorkspace() throws {
        let base = try WorkspaceReader.load(path: Self.demoPath)
        let mine = session(base)
        run(mine, Self.myChanges)
        #expect(mine.workspace != base)
        let rebase = Rebase(mine.changesSinceSave, onto: base)
        #expect(rebase.problems.isEmpty && rebase.notes.isEmpty, "\(rebase.problems) \(rebase.notes)")
        #expect(rebase.workspace == mine.workspace)
        #expect(WorkspaceWriter.encode(rebase.workspace) == WorkspaceWriter.encode(mine.workspace))
    }

    @Test func theLogCancelsOutUndoneChanges() throws {
        let base = try WorkspaceReader.load(path: Self.demoPath)
        let mine = session(base)
        run(mine, ["product set TS-001 price=75", "cost add G \"x\" 1/unit", "undo 2"])
        #expect(mine.changesSinceSave.isEmpty)
        run(mine, ["redo", "whatif", "product set TS-001 price=1"])
        #expect(mine.changesSinceSave.count == 2)
        run(mine, ["drop"])
        #expect(mine.changesSinceSave.count == 1)
        #expect(Rebase(mine.changesSinceSave, onto: base).workspace == mine.workspace)
    }

    @Test func changesOnTopOfSomeoneElsesMergeByKey() throws {
        let base = try WorkspaceReader.load(path: Self.demoPath)
        let theirs = session(base)
        run(theirs, ["product set TS-001 price=69", "cost add G \"纸箱\" 0.5/unit", "product rm DR-001", "set aov=140",
                     "product add NEW-1 name=新品 price=9 cost=3"])
        let mine = session(base)
        run(mine, ["product set TS-001 name=新T恤", "cost add G \"气泡膜\" 0.2/unit", "cost set G7 amount=0.3/unit",
                   "product set DR-001 price=499", "set cvr=4%", "product add MY-1 name=我的 price=5 cost=1"])
        let rebase = Rebase(mine.changesSinceSave, onto: theirs.workspace)
        let result = rebase.workspace
        // Both changes to TS-001 survive: their price, my name.
        let product = try #require(result.productIndex(sku: "TS-001").map { result.products[$0] })
        #expect(product.price == ExactDecimal(69) && product.name == "新T恤")
        // Their G7 stays; mine became G8, and my later change to "G7" followed it.
        let g7 = try #require(result.costIndex(id: CostID(category: .G, number: 7)).map { result.costs[$0] })
        let g8 = try #require(result.costIndex(id: CostID(category: .G, number: 8)).map { result.costs[$0] })
        #expect(g7.name == "纸箱" && g8.name == "气泡膜" && g8.amount == ExactDecimal(mantissa: 3, places: 1))
        #expect(result.lastCostNumber[.G] == 8)
        #expect(rebase.notes.contains { $0.contains("your cost G7 is now G8") })
        // DR-001 is gone from their file: my change to it is reported, not applied.
        #expect(result.productIndex(sku: "DR-001") == nil)
        #expect(rebase.problems == ["product set DR-001 price=499: product DR-001 is gone from the file; not applied"])
        #expect(rebase.failedEdits == 1)
        // Settings merge key by key; both new products are there, mine after theirs.
        #expect(result.settings[.aov] == ExactDecimal(140) && result.settings[.cvr] == ExactDecimal(mantissa: 4, places: 2))
        #expect(result.products.suffix(2).map(\.sku) == ["NEW-1", "MY-1"])
        #expect(Validation.issues(in: result).isEmpty)
    }

    @Test func aClashKeepsMineAndSaysSo() throws {
        let base = try WorkspaceReader.load(path: Self.demoPath)
        let theirs = session(base)
        run(theirs, ["product set TS-001 price=69", "goal set 2026 gmv=1000万"])
        let mine = session(base)
        run(mine, ["product set TS-001 price=59", "goal set 2026 gmv=1500万"])
        let rebase = Rebase(mine.changesSinceSave, onto: theirs.workspace)
        #expect(rebase.workspace.products[0].price == ExactDecimal(59))
        #expect(rebase.problems.isEmpty)
        #expect(rebase.notes == ["product set TS-001 price=59: the file changed TS-001 price too; yours kept",
                                 "goal set 2026 gmv=1500万: the file changed goal 2026 gmv too; yours kept"])
    }

    @Test func anEditThatWouldMakeTheWorkspaceInvalidIsLeftOutWhole() throws {
        let base = try WorkspaceReader.load(path: Self.demoPath)
        let theirs = session(base)
        run(theirs, ["product rm DR-001"])
        let mine = session(base)
        run(mine, ["cost add G \"镭射吊牌\" 2/unit product=DR-001", "product set TS-001 price=75"])
        let rebase = Rebase(mine.changesSinceSave, onto: theirs.workspace)
        #expect(Validation.issues(in: rebase.workspace).isEmpty)
        #expect(!rebase.workspace.costs.contains { $0.name == "镭射吊牌" })
        #expect(rebase.workspace.lastCostNumber[.G] == base.lastCostNumber[.G], "the whole edit is left out, its counter too")
        #expect(rebase.workspace.products[0].price == ExactDecimal(75))
        #expect(rebase.problems.count == 1 && rebase.problems[0].hasPrefix("cost add G7 镭射吊牌 2/unit product=DR-001: no longer applies ("), "\(rebase.problems)")
    }

    /// Two sessions on one file, in process: B saves first; A's save is refused, `info` does not
    /// say saved, `save reload` puts A's change on top of B's and saves both.
    @Test func saveReloadEndToEnd() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/shop.json"
        try AtomicFile.write(try AtomicFile.readAll(path: Self.demoPath), to: path)
        let base = try WorkspaceReader.load(path: path)
        let a = session(base), b = session(base)
        let openedA = try WorkspaceFile.open(path, allowNew: false)
        #expect(openedA.lockNote == nil)
        a.adopt(openedA)
        let openedB = try WorkspaceFile.open(path, allowNew: false)
        #expect(openedB.lockNote?.hasPrefix("another ropg (pid \(getpid()), since ") == true, "\(openedB.lockNote ?? "")")
        #expect(openedB.lockNote?.contains("has \(path) open") == true)
        b.adopt(openedB)
        #expect(b.fileLock == nil)

        run(b, ["product set TS-001 price=69", "save"])
        run(a, ["product set TS-002 name=冰丝T恤二代"])
        #expect(!a.execute(line: "save"))
        let refused = a.console.takeCaptured()
        #expect(refused.contains("error: \(path) changed on disk since it was opened (another ropg, an editor or git wrote it); nothing was saved. Choose one:"))
        #expect(refused.contains("save reload        read it again and re-apply your 1 change on top"))
        #expect(refused.contains("save --force"))
        #expect(InfoCommand.state(a) == "unsaved changes; the file changed on disk since it was opened (see help save)")
        #expect(InfoCommand.state(b) == "saved")

        run(a, ["save reload"])
        let saved = try WorkspaceReader.load(path: path)
        #expect(saved.products[0].price == ExactDecimal(69))
        #expect(saved.products[1].name == "冰丝T恤二代")
        #expect(InfoCommand.state(a) == "saved")
        #expect(InfoCommand.state(b) == "the file changed on disk since ropg last saved it: open it again to see it")
        // B has no changes: save reload just reads A's save (and writes nothing).
        let before = try FileFingerprint.read(path).get()
        #expect(b.execute(line: "save reload"))
        #expect(b.console.takeCaptured() == "reloaded \(path) as it is on disk; you had no changes to re-apply\n")
        #expect(b.workspace == saved)
        #expect(InfoCommand.state(b) == "saved")
        #expect(try FileFingerprint.read(path).get() == before)
        run(b, ["open \(path)"])
        #expect(b.workspace == saved)
        a.forgetFile()
        b.forgetFile()
        #expect(listFolder(folder) == ["shop.json"])
    }

    @Test func saveForceOverwritesAndSaveElsewhereLeavesTheFile() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/shop.json"
        try AtomicFile.write(try AtomicFile.readAll(path: Self.demoPath), to: path)
        let base = try WorkspaceReader.load(path: path)
        let a = session(base), b = session(base)
        a.adopt(try WorkspaceFile.open(path, allowNew: false))
        b.adopt(try WorkspaceFile.open(path, allowNew: false))
        run(b, ["product set TS-001 price=69", "save"])
        let theirs = try AtomicFile.readAll(path: path)
        run(a, ["product set TS-001 price=59"])
        #expect(!a.execute(line: "save"))
        run(a, ["save \(folder)/mine.json"])
        #expect(try AtomicFile.readAll(path: path) == theirs)
        #expect(try WorkspaceReader.load(path: folder + "/mine.json").products[0].price == ExactDecimal(59))
        #expect(InfoCommand.state(a) == "saved")
        // Back on the shared file, overwriting on purpose.
        run(a, ["open \(path)", "product set TS-001 price=49"])
        run(b, ["product set TS-001 price=39", "save"])
        #expect(!a.execute(line: "save"))
        run(a, ["save --force"])
        #expect(try WorkspaceReader.load(path: path).products[0].price == ExactDecimal(49))
        a.forgetFile()
        b.forgetFile()
    }
}
