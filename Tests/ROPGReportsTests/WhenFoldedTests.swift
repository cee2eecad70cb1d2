import ROPGDomain
@testable import ROPGReports
import Testing

/// A context tells its owner once it has folded the cost entries itself (the shell then has freed
/// memory kept for reuse, `MemoryPolicy`): once however many reports follow, and not at all when
/// the index was given to it or folded in the background by a `PreparedIndex`, which calls its own.
@Suite struct WhenFoldedTests {
    final class Count: @unchecked Sendable {
        private let lock = NSLockLike()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var current: Int { lock.withLock { value } }
    }

    @Test func aContextSaysOnceThatItFolded() throws {
        let workspace = try demo()
        let folds = Count()
        let folding = ReportContext(workspace: workspace, today: day("2026-03-16"), whenFolded: { folds.add() })
        #expect(folds.current == 0, "nothing is folded before a report asks")
        let index = folding.costIndex()
        _ = folding.costIndex()
        _ = try folding.ledger(.plan, .accrual)
        #expect(folds.current == 1)

        let given = ReportContext(workspace: workspace, today: day("2026-03-16"), index: index, whenFolded: { folds.add() })
        _ = given.costIndex()
        #expect(folds.current == 1, "an index given is not folded again")

        let prepared = PreparedIndex.start(workspace, whenFolded: { folds.add() })
        let waiting = ReportContext(workspace: workspace, today: day("2026-03-16"), prepared: prepared, whenFolded: { folds.add() })
        _ = waiting.costIndex()
        #expect(folds.current == 2, "the background fold calls its own, once")
    }
}
