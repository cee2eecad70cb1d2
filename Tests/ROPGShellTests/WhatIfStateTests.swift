import Foundation
import Testing
import ROPGDomain
import ROPGReports
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

/// The what-if and undo state machine, in process: which changes undo takes back, what keep
/// and drop leave, what is saved, and that the plan column of a comparison is the plan's figure.
@Suite struct WhatIfStateTests {
    let today = Day(year: 2026, month: 3, day: 16) ?? Day(number: 0)

    func demo() throws -> Session {
        let path = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path
        return Session(workspace: try WorkspaceReader.load(path: path), path: nil, console: Console(capturing: ()), interactive: false,
                       today: today)
    }

    func price(_ session: Session, _ sku: String = "TS-001") -> ExactDecimal? {
        session.workspace.productIndex(sku: sku).map { session.workspace.products[$0].price }
    }

    func run(_ session: Session, _ line: String) {
        #expect(session.execute(line: line), "\(line): \(session.console.takeCaptured())")
        _ = session.console.takeCaptured()
    }

    func profit(_ session: Session, _ period: String) throws -> ExactDecimal {
        try session.context.ledger(.plan, .accrual).figures(try Period.parse(period)).profit
    }

    @Test func undoInsideAWhatIfStopsAtItsFirstChange() throws {
        let session = try demo()
        run(session, "product set TS-001 price=80")
        run(session, "whatif")
        run(session, "product set TS-001 price=70")
        run(session, "product set TS-001 price=60")
        #expect(session.undo() != nil)
        #expect(price(session) == ExactDecimal(70))
        #expect(session.undo() != nil)
        #expect(price(session) == ExactDecimal(80))
        // The plan's own change (price=80) is not taken back from inside the what-if.
        #expect(session.undo() == nil)
        #expect(price(session) == ExactDecimal(80))
        #expect(session.redo() != nil)
        #expect(price(session) == ExactDecimal(70))
    }

    @Test func keepMakesTheChangesOneUndoStep() throws {
        let session = try demo()
        let before = price(session)
        run(session, "whatif")
        run(session, "product set TS-001 price=70")
        run(session, "set cvr=4%")
        run(session, "keep")
        #expect(!session.isWhatIfOpen)
        #expect(price(session) == ExactDecimal(70))
        #expect(session.undoSteps.count == 1)
        #expect(session.undo() != nil)
        #expect(price(session) == before)
        #expect(session.workspace.settings[.cvr] == (try demo()).workspace.settings[.cvr])
    }

    @Test func dropPutsThePlanBackAndItsRedo() throws {
        let session = try demo()
        run(session, "product set TS-001 price=80")
        run(session, "undo")  // leaves a redo step on the plan
        let plan = session.workspace
        run(session, "whatif")
        run(session, "product set TS-001 price=70")
        run(session, "drop")
        #expect(!session.isWhatIfOpen)
        #expect(session.workspace == plan)
        #expect(session.redo() != nil)
        #expect(price(session) == ExactDecimal(80))
    }

    @Test func saveInsideAWhatIfSavesThePlan() throws {
        let session = try demo()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("whatif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plan.json").path
        run(session, "whatif")
        run(session, "product set TS-001 price=70")
        run(session, "save \(file)")
        let saved = try WorkspaceReader.load(path: file)
        let index = try #require(saved.productIndex(sku: "TS-001"))
        #expect(saved.products[index].price == ExactDecimal(79))
        #expect(session.isDirty, "the what-if's change is not saved")
        run(session, "drop")
        #expect(!session.isDirty)
    }

    @Test func oneLineWhatIfChangesNothing() throws {
        let session = try demo()
        let plan = session.workspace
        run(session, "whatif product set TS-001 price=69 then pnl 2026-03")
        #expect(session.workspace == plan)
        #expect(!session.isWhatIfOpen)
        #expect(session.undoSteps.isEmpty)
    }

    /// The comparison's plan column is the plan's own figure and its what-if column the what-if's,
    /// both from the ledger, and Δ is their difference.
    @Test func theComparisonIsTheTwoLedgersFigures() throws {
        let session = try demo()
        let planProfit = try profit(session, "2026-03")
        run(session, "whatif")
        run(session, "product set TS-001 price=69")
        let whatIfProfit = try profit(session, "2026-03")
        #expect(planProfit != whatIfProfit)
        session.format = .json
        #expect(session.execute(line: "pnl 2026-03"))
        let text = session.console.takeCaptured()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let tables = try #require(document["tables"] as? [String: Any])
        let pnl = try #require(tables["pnl"] as? [String: Any])
        let rows = try #require(pnl["rows"] as? [[String: Any]])
        let row = try #require(rows.first { ($0["figure"] as? String) == "profit" }, "\(rows)")
        let values = row.values.compactMap { $0 as? String }.compactMap { ExactDecimal(plainText: $0) }
        #expect(values.contains(planProfit), "\(row)")
        #expect(values.contains(whatIfProfit), "\(row)")
        #expect(values.contains(whatIfProfit - planProfit), "\(row)")
    }

    /// `whatif keep` and `whatif drop` do what `keep` and `drop` do.
    @Test func whatIfKeepAndDropAreUnderstood() throws {
        let session = try demo()
        run(session, "whatif")
        run(session, "product set TS-001 price=70")
        run(session, "whatif drop")
        #expect(!session.isWhatIfOpen && price(session) == ExactDecimal(79))
        run(session, "whatif")
        run(session, "product set TS-001 price=70")
        run(session, "whatif keep")
        #expect(!session.isWhatIfOpen && price(session) == ExactDecimal(70))
    }

    /// A script that ends with a what-if open is told that save leaves the what-if out.
    @Test func aScriptEndingInAWhatIfIsToldToKeepOrDrop() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.run(["workspaces/demo.json", "-c", "seek cvr until profit:2026-11=800000"], in: folder)
        #expect(result.output.contains("a what-if is open: add `keep` before `save`"), "\(result.output)")
    }
}
