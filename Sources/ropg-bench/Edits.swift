import Foundation
import ROPGShell

/// After an edit at a million entries, the next `pnl 2026 by=month` against the same report
/// without the edit: the edit and the report together, less the report alone, in one session.
/// The cost index is kept up to date change by change, so this is the edit's own cost and a
/// report over fresh ledgers, not a refold of the million entries.
@MainActor func benchEdits(_ session: Session) {
    let pnl = "pnl 2026 by=month"
    func time(_ line: String) -> Double {
        let elapsed = seconds { session.execute(line: line) }
        _ = session.console.takeCaptured()
        _ = session.console.takeCapturedErrors()
        return elapsed
    }
    _ = time(pnl)
    let edits = ["cost add O 主播 8000/month", "cost set O1 amount=3000/month", "product set SKU-000001 price=99", "undo"]
    for edit in edits {
        if edit == "undo" { _ = time(edits[0]) }  // a change to take back
        var extras: [Double] = []
        for _ in 0..<3 {
            let alone = median((0..<3).map { _ in time(pnl) })
            let cpuBefore = threadCPU()
            let editing = time(edit)
            let cpuEdit = threadCPU() - cpuBefore
            let after = time(pnl)
            if ProcessInfo.processInfo.environment["ROPG_BENCH_DETAIL"] != nil {
                print(String(format: "  %@: edit %.1f ms (cpu %.1f ms), pnl after %.1f ms, pnl alone %.1f ms", edit, editing * 1000, cpuEdit * 1000,
                             after * 1000, alone * 1000))
            }
            extras.append(editing + after - alone)
            // Each round leaves the workspace as it found it (undo's round redoes what it undid).
            _ = time(edit == "undo" ? "redo" : "undo")
        }
        report("\(edit) then \(pnl): more than without (median of 3)", String(format: "%.1f ms", median(extras) * 1000), "≤ 50 ms")
    }
}

/// This thread's CPU time in seconds (less noisy than wall time on a shared machine).
func threadCPU() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
