import Foundation
import Testing
import ROPGDomain
import ROPGStorage
@testable import ROPGShell

/// After each kind of edit, and after undo and redo, the session's reports (worked out from the
/// cost index kept up to date change by change, and the sales models kept or rebased) give the
/// same figures as a fresh session opened on the same workspace, which folds everything anew.
@Suite struct IncrementalReportTests {
    static let reports = ["pnl 2026 by=month", "costs 2026-03 by=category", "costs 2026-Q2 by=entry", "pnl 2026-03 by=product",
                          "why pnl 2026-11 R", "margin on=2026-03-16", "breakeven TS-001 2026-03", "goal show 2026", "portfolio 2026"]

    static let edits = [
        "cost add O 主播 8000/month",
        "cost add G 包装 1.2/unit product=TS-001",
        "cost set O1 amount=3000/month",
        "cost set G1 amount=2.5/unit",
        "product set TS-001 price=69",
        "product set JN-001 share=30%",
        "cost rm R1",
        "set units-per-order=1.5",
        "cost add R 保证金 basis=deposit 20000 date=2026-02-01",
        "goal set 2026-03 gmv=150万",
        "hit plan JN-001 start=2026-10-15 peak-units=300/day",
        "hit save 双11",
        "cost set O8 clicks=12000/month",
        "cost set P4 product=TS-002",
        "product set TS-002 price=129",
    ]

    func outputs(_ session: Session) -> [String] {
        Self.reports.map { report in
            session.execute(line: report)
            return session.console.takeCaptured() + session.console.takeCapturedErrors()
        }
    }

    @Test func everyEditAndUndoGivesTheFiguresOfAFreshFold() throws {
        let demo = try WorkspaceReader.load(path: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path)
        let today = Day(year: 2026, month: 3, day: 16) ?? Day(number: 0)
        let session = Session(workspace: demo, path: nil, console: Console(capturing: ()), interactive: false, today: today)
        _ = outputs(session)  // the caches are filled, as after a first report
        func check(_ what: String) {
            let fresh = Session(workspace: session.workspace, path: nil, console: Console(capturing: ()), interactive: false, today: today)
            let kept = session.context.costIndex() == CostIndex(session.workspace)
            #expect(kept, "the index after \(what)")
            for (report, (incremental, folded)) in zip(Self.reports, zip(outputs(session), outputs(fresh))) {
                #expect(incremental == folded, "\(report) after \(what)")
            }
        }
        for edit in Self.edits {
            session.execute(line: edit)
            let said = session.console.takeCaptured() + session.console.takeCapturedErrors()
            #expect(!said.contains("error"), "\(edit): \(said)")
            check(edit)
        }
        for step in 0..<6 {
            session.execute(line: "undo")
            _ = session.console.takeCaptured()
            check("undo \(step + 1)")
        }
        for step in 0..<3 {
            session.execute(line: "redo")
            _ = session.console.takeCaptured()
            check("redo \(step + 1)")
        }
    }
}
