import Foundation
import Testing
@testable import ROPGShell

/// `notebook record` and `watch` in the interactive shell, driven through tmux as a person would:
/// the prompt numbers the commands, a recorded notebook names its cells by those numbers and
/// re-runs clean, and a watched report shows what moved after each change.
@Suite struct NotebookShellTests {
    typealias Tmux = InteractiveShellTests.Tmux

    static func start(_ tmux: Tmux, in folder: URL) throws {
        try tmux.startShell(in: folder, environment: "LANG=C.UTF-8 ROPG_TODAY=2026-11-01", width: 200, height: 60, after: "; sleep 30")
        _ = try tmux.waitFor("[1] demo>")
    }

    @Test(.enabled(if: InteractiveShellTests.tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func recordANotebookThatReRunsClean() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        try Self.start(tmux, in: folder)
        try tmux.enter("notebook record 十一月.md", in: "t")
        _ = try tmux.waitFor("recording into 十一月.md")
        _ = try tmux.waitFor("[2] demo>")
        try tmux.enter("breakeven TS-001 2026-11", in: "t")
        _ = try tmux.waitFor("[3] demo>")
        try tmux.enter("product set TS-001 price=75", in: "t")
        _ = try tmux.waitFor("[4] demo*>")
        try tmux.enter("notebook stop", in: "t")
        _ = try tmux.waitFor("stopped recording: 2 cells in 十一月.md")
        try tmux.enter("quit discard=yes", in: "t")

        let file = folder.appendingPathComponent("十一月.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("---\nworkspace: workspaces/demo.json\ntoday: 2026-11-01\n---\n\n# demo — 2026-11-01\n"), "\(text)")
        let notebook = try Notebook.parse(Array(text.utf8), name: "十一月.md")
        #expect(notebook.cells.map(\.label) == ["#2", "#3"], "cells named as the prompt numbered them")
        #expect(notebook.cells.map(\.source) == ["breakeven TS-001 2026-11\n", "product set TS-001 price=75\n"])
        #expect(notebook.cells[0].output?.contains("break-even") == true, "\(notebook.cells[0].output ?? "")")
        #expect(notebook.cells[1].output == "changed product TS-001: 纯棉T恤, price 75.00, cost 28.00, hit, stock 1200\n")
        // What was recorded is what a fresh run prints: --check passes on it.
        let check = try TestSupport.run(["run", "--check", "十一月.md"], in: folder)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test(.enabled(if: InteractiveShellTests.tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func watchShowsWhatMovedAfterEachChange() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        try Self.start(tmux, in: folder)
        try tmux.enter("watch pnl 2026-11", in: "t")
        _ = try tmux.waitFor("watching [1] pnl 2026-11")
        try tmux.run(["send-keys", "-t", "t", "C-l"])
        try tmux.enter("cost add P \"主播\" 8000/month", in: "t")
        let moved = try tmux.waitFor("watch [1] pnl 2026-11: profit and loss 2026-11 — before | now")
        #expect(moved.contains("│ P people    │    27,650.21 │    35,650.21 │  8,000.00 │ 28.93% │")
                || moved.contains("│ P people   │    27,650.21 │    35,650.21 │  8,000.00 │ 28.93% │"), "\(moved)")
        #expect(moved.contains("│ profit") && moved.contains("-8,000.00"), "\(moved)")
        #expect(!moved.contains("│ GMV "), "rows that did not move are left out:\n\(moved)")
        try tmux.run(["send-keys", "-t", "t", "C-l"])
        try tmux.enter("margin TS-001", in: "t")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(!(try tmux.screen()).contains("watch [1]"), "a report changes nothing: no watch output")
        try tmux.enter("unwatch", in: "t")
        _ = try tmux.waitFor("stopped watching 1 report")
        try tmux.run(["send-keys", "-t", "t", "C-l"])
        try tmux.enter("undo", in: "t")
        _ = try tmux.waitFor("undid")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!(try tmux.screen()).contains("before | now"), "after unwatch nothing re-runs")
        try tmux.enter("quit discard=yes", in: "t")
    }
}
