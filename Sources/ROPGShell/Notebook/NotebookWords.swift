import Foundation
import ROPGDomain
import ROPGText
import ROPGTables

/// Everything the notebook side says to a person, in one place (for the catalogue of strings).
enum NotebookWords {
    // MARK: The file
    static func noHeader(_ name: String) -> String {
        "\(name): a notebook starts with a header naming its workspace, e.g.\n---\nworkspace: ../workspaces/demo.json\ntoday: 2026-11-01\n---"
    }
    static func headerNotClosed(_ name: String) -> String { phrase("{name}:1: the header opened with --- is never closed: end it with a line ---", ["name": "\(name)"]) }
    static func noWorkspace(_ name: String) -> String { phrase("{name}: the header names no workspace: add a line workspace: PATH.json (relative to the notebook)", ["name": "\(name)"]) }
    static func badHeaderLine(_ name: String, _ line: Int, _ text: String) -> String {
        phrase("{name}:{line}: cannot read {text} in the header; write key: value (workspace: PATH.json, today: YYYY-MM-DD)", ["name": "\(name)", "line": "\(line)", "text": "\(text.quotedExcerpt)"])
    }
    static func badToday(_ name: String, _ line: Int, _ text: String) -> String {
        phrase("{name}:{line}: today: {text} is not a day; write it as 2026-11-01", ["name": "\(name)", "line": "\(line)", "text": "\(text.quotedExcerpt)"])
    }
    static func unknownHeaderKey(_ name: String, _ line: Int, _ key: String) -> String {
        phrase("{name}:{line}: the header has no key {key}; it takes workspace: and today:", ["name": "\(name)", "line": "\(line)", "key": "\(key.quotedExcerpt)"])
    }
    static func unterminatedFence(_ name: String, _ line: Int, _ marker: String) -> String {
        phrase("{name}:{line}: the {marker} fence opened on line {line} is never closed: end it with a line {marker}", ["name": "\(name)", "line": "\(line)", "marker": "\(marker)"])
    }
    static func missingWorkspace(_ name: String, _ written: String, _ resolved: String) -> String {
        phrase("{name}: its workspace {written} does not exist (looked for {resolved}); fix the header's workspace: line", ["name": "\(name)", "written": "\(written)", "resolved": "\(resolved)"])
    }
    static func notMarkdown(_ path: String) -> String { phrase("{path}: a notebook's name ends in .md", ["path": "\(path)"]) }
    static func cannotRead(_ path: String, _ error: any Error) -> String { phrase("cannot read {path}: {error}", ["path": "\(path)", "error": "\(error)"]) }
    static func cannotWrite(_ path: String, _ error: any Error) -> String { phrase("cannot write {path}: {error}", ["path": "\(path)", "error": "\(error)"]) }

    // MARK: Running
    static var usage: String { phrase(englishUsage) }
    static let englishUsage = """
        usage: ropg run NOTEBOOK.md [--check] [--bail] [--set KEY=VALUE]… [--scenario NAME] [--html FILE.html]

        Runs every ```ropg cell of the notebook top to bottom on a fresh load of the workspace its header
        names, and writes each cell's output in the ```output fence under it (the rest of the file is kept
        byte for byte). Nothing is saved to the workspace unless a cell says save.
          --check             run without writing; exit 1 with a diff of every output that changed
          --bail              stop at the first cell that fails
          --set KEY=VALUE     run under another assumption (set KEY=VALUE first; today=DAY moves today)
          --scenario NAME     run every cell under the workspace's scenario NAME
          --html FILE.html    also write the notebook as one self-contained page
        Under --set or --scenario the notebook is not rewritten: the outputs go to standard output
        (or, with --check, are compared with the notebook's).
        exit status: 0 every cell ran (or, with --check, nothing changed), 1 a cell failed (or an output
        changed), 2 usage error.
        """
    static func neverRun(_ name: String) -> String {
        phrase("{name} was never run: no cell has an output yet; run ropg run {name} first, then --check compares with it", ["name": "\(name)"])
    }
    static func unchanged(_ name: String, cells: Int) -> String { phrase("{name}: {value}, every output as recorded", ["name": "\(name)", "value": phrase(count: cells, "{count} cell", "{count} cells")]) }
    static func changedCount(_ name: String, changed: Int, cells: Int) -> String {
        phrase("{name}: {changed} of {value} changed (ropg run {name} records the new outputs)", ["name": "\(name)", "changed": "\(changed)", "value": phrase(count: cells, "{count} cell", "{count} cells")])
    }
    static func wrote(_ name: String, refreshed: Int, cells: Int) -> String {
        phrase("ran {value} of {name}: {refreshed} refreshed, {name} written", ["value": phrase(count: cells, "{count} cell", "{count} cells"), "name": "\(name)", "refreshed": phrase(count: refreshed, "{count} output", "{count} outputs")])
    }
    static func nothingNew(_ name: String, cells: Int) -> String { phrase("ran {value} of {name}: nothing new, the file is left as it was", ["value": phrase(count: cells, "{count} cell", "{count} cells"), "name": "\(name)"]) }
    static func cellFailed(_ cell: Notebook.Cell, _ name: String) -> String { phrase("{name}:{line}: {name2} failed; its error is its output", ["name": "\(name)", "line": "\(cell.line)", "name2": "\(cell.name)"]) }
    static func bailed(_ cell: Notebook.Cell) -> String { phrase("stopped at {name} (--bail); the cells after it keep their outputs", ["name": "\(cell.name)"]) }
    static func notRun(after cell: Notebook.Cell) -> String { "(not run: \(cell.name) quit the session)\n" }
    static var noSaveUnderAssumptions: String { phrase("save is not run under --set or --scenario: the workspace keeps the plan's figures") }
    static func underAssumptions(_ what: String) -> String { phrase("running under {what}: the notebook is not rewritten; its outputs follow", ["what": "\(what)"]) }
    static func wroteHTML(_ path: String) -> String { phrase("wrote {path}", ["path": "\(path)"]) }
    static func badSet(_ text: String) -> String { phrase("--set {text}: write KEY=VALUE, e.g. --set cvr=3.5% or --set today=2026-11-15", ["text": "\(text.quotedExcerpt)"]) }
    static func setFailed(_ text: String, _ message: String) -> String { phrase("--set {text}: {message}", ["text": "\(text)", "message": "\(message)"]) }
    static func changed(_ cell: Notebook.Cell) -> String { phrase("{name} {firstCommand}: output changed", ["name": "\(cell.name)", "firstCommand": "\(cell.firstCommand.excerpt)"]) }
    static func newOutput(_ cell: Notebook.Cell) -> String { phrase("{name} {firstCommand}: no output recorded yet", ["name": "\(cell.name)", "firstCommand": "\(cell.firstCommand.excerpt)"]) }

    // MARK: Recording
    static var recordNeedsSavedWorkspace: String { phrase("the workspace has no file yet: save it first (save PATH.json), so that the notebook can name it") }
    static func recordingStarted(_ path: String) -> String {
        phrase("recording into {path}: every command from now on is a cell with its output; notebook stop ends it", ["path": "\(path)"])
    }
    static func recordingAppends(_ path: String, cells: Int) -> String {
        phrase("recording into {path} (it has {value}; new ones go at its end); notebook stop ends it", ["path": "\(path)", "value": phrase(count: cells, "{count} cell", "{count} cells")])
    }
    static func recordingInto(_ path: String, cells: Int) -> String { phrase("recording into {path}: {value} so far; notebook stop ends it", ["path": "\(path)", "value": phrase(count: cells, "{count} cell", "{count} cells")]) }
    static func recordingStopped(_ path: String, cells: Int) -> String {
        phrase("stopped recording: {value} in {path}; ropg run {path} re-runs it, --html publishes it", ["value": phrase(count: cells, "{count} cell", "{count} cells"), "path": "\(path)"])
    }
    static var notRecording: String { phrase("no notebook is being recorded; notebook record FILE.md starts one") }
    static func alreadyRecording(_ path: String) -> String { phrase("already recording into {path}; notebook stop first", ["path": "\(path)"]) }

    // MARK: Watching
    static var watchOneReport: String { phrase("watch takes one report, e.g. watch pnl 2026-11") }
    static func notAReport(_ name: String) -> String { phrase("watch takes a report that prints a table (pnl, costs, margin, goal drivers …); {name} is not one", ["name": "\(name)"]) }
    static var watchNoRedirect: String { phrase("watch shows the report on screen after every change; leave out > FILE") }
    static func watching(_ number: Int, _ text: String) -> String { phrase("watching [{number}] {text}: it re-runs after every change and shows what moved; unwatch ends it", ["number": "\(number)", "text": "\(text)"]) }
    static var nothingWatched: String { phrase("nothing is on watch; watch REPORT puts one there") }
    static func unwatchedAll(_ count: Int) -> String { phrase("stopped watching {value}", ["value": phrase(count: count, "{count} report", "{count} reports")]) }
    static func unwatched(_ text: String) -> String { phrase("stopped watching {text}", ["text": "\(text)"]) }
    static func noSuchWatch(_ text: String, count: Int) -> String { phrase("unwatch {text}: give a number from 1 to {count} (watch lists them)", ["text": "\(text.quotedExcerpt)", "count": "\(count)"]) }
    static var nothingMoved: String { phrase("nothing moved") }
    static var cannotRunNow: String { phrase("cannot run now:") }
    static func rowsDidNotMove(_ count: Int) -> String { count == 1 ? phrase("{count} row that did not move is left out", ["count": "\(count)"]) : phrase("{count} rows that did not move are left out", ["count": "\(count)"]) }
}
