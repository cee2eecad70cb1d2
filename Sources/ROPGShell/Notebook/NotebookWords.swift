import Foundation
import ROPGDomain
import ROPGTables

/// Everything the notebook side says to a person, in one place (for the catalogue of strings).
enum NotebookWords {
    // MARK: The file
    static func noHeader(_ name: String) -> String {
        "\(name): a notebook starts with a header naming its workspace, e.g.\n---\nworkspace: ../workspaces/demo.json\ntoday: 2026-11-01\n---"
    }
    static func headerNotClosed(_ name: String) -> String { "\(name):1: the header opened with --- is never closed: end it with a line ---" }
    static func noWorkspace(_ name: String) -> String { "\(name): the header names no workspace: add a line workspace: PATH.json (relative to the notebook)" }
    static func badHeaderLine(_ name: String, _ line: Int, _ text: String) -> String {
        "\(name):\(line): cannot read \(text.quotedExcerpt) in the header; write key: value (workspace: PATH.json, today: YYYY-MM-DD)"
    }
    static func badToday(_ name: String, _ line: Int, _ text: String) -> String {
        "\(name):\(line): today: \(text.quotedExcerpt) is not a day; write it as 2026-11-01"
    }
    static func unknownHeaderKey(_ name: String, _ line: Int, _ key: String) -> String {
        "\(name):\(line): the header has no key \(key.quotedExcerpt); it takes workspace: and today:"
    }
    static func unterminatedFence(_ name: String, _ line: Int, _ marker: String) -> String {
        "\(name):\(line): the \(marker) fence opened on line \(line) is never closed: end it with a line \(marker)"
    }
    static func missingWorkspace(_ name: String, _ written: String, _ resolved: String) -> String {
        "\(name): its workspace \(written) does not exist (looked for \(resolved)); fix the header's workspace: line"
    }
    static func notMarkdown(_ path: String) -> String { "\(path): a notebook's name ends in .md" }
    static func cannotRead(_ path: String, _ error: any Error) -> String { "cannot read \(path): \(error)" }
    static func cannotWrite(_ path: String, _ error: any Error) -> String { "cannot write \(path): \(error)" }

    // MARK: Running
    static let usage = """
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
        "\(name) was never run: no cell has an output yet; run ropg run \(name) first, then --check compares with it"
    }
    static func unchanged(_ name: String, cells: Int) -> String { "\(name): \(counted(cells, "cell")), every output as recorded" }
    static func changedCount(_ name: String, changed: Int, cells: Int) -> String {
        "\(name): \(changed) of \(counted(cells, "cell")) changed (ropg run \(name) records the new outputs)"
    }
    static func wrote(_ name: String, refreshed: Int, cells: Int) -> String {
        "ran \(counted(cells, "cell")) of \(name): \(refreshed) \(refreshed == 1 ? "output" : "outputs") refreshed, \(name) written"
    }
    static func nothingNew(_ name: String, cells: Int) -> String { "ran \(counted(cells, "cell")) of \(name): nothing new, the file is left as it was" }
    static func cellFailed(_ cell: Notebook.Cell, _ name: String) -> String { "\(name):\(cell.line): \(cell.name) failed; its error is its output" }
    static func bailed(_ cell: Notebook.Cell) -> String { "stopped at \(cell.name) (--bail); the cells after it keep their outputs" }
    static func notRun(after cell: Notebook.Cell) -> String { "(not run: \(cell.name) quit the session)\n" }
    static let noSaveUnderAssumptions = "save is not run under --set or --scenario: the workspace keeps the plan's figures"
    static func underAssumptions(_ what: String) -> String { "running under \(what): the notebook is not rewritten; its outputs follow" }
    static func wroteHTML(_ path: String) -> String { "wrote \(path)" }
    static func badSet(_ text: String) -> String { "--set \(text.quotedExcerpt): write KEY=VALUE, e.g. --set cvr=3.5% or --set today=2026-11-15" }
    static func setFailed(_ text: String, _ message: String) -> String { "--set \(text): \(message)" }
    static func changed(_ cell: Notebook.Cell) -> String { "\(cell.name) \(cell.firstCommand.excerpt): output changed" }
    static func newOutput(_ cell: Notebook.Cell) -> String { "\(cell.name) \(cell.firstCommand.excerpt): no output recorded yet" }

    // MARK: Recording
    static let recordNeedsSavedWorkspace = "the workspace has no file yet: save it first (save PATH.json), so that the notebook can name it"
    static func recordingStarted(_ path: String) -> String {
        "recording into \(path): every command from now on is a cell with its output; notebook stop ends it"
    }
    static func recordingAppends(_ path: String, cells: Int) -> String {
        "recording into \(path) (it has \(counted(cells, "cell")); new ones go at its end); notebook stop ends it"
    }
    static func recordingInto(_ path: String, cells: Int) -> String { "recording into \(path): \(counted(cells, "cell")) so far; notebook stop ends it" }
    static func recordingStopped(_ path: String, cells: Int) -> String {
        "stopped recording: \(counted(cells, "cell")) in \(path); ropg run \(path) re-runs it, --html publishes it"
    }
    static let notRecording = "no notebook is being recorded; notebook record FILE.md starts one"
    static func alreadyRecording(_ path: String) -> String { "already recording into \(path); notebook stop first" }

    // MARK: Watching
    static let watchOneReport = "watch takes one report, e.g. watch pnl 2026-11"
    static func notAReport(_ name: String) -> String { "watch takes a report that prints a table (pnl, costs, margin, goal drivers …); \(name) is not one" }
    static let watchNoRedirect = "watch shows the report on screen after every change; leave out > FILE"
    static func watching(_ number: Int, _ text: String) -> String { "watching [\(number)] \(text): it re-runs after every change and shows what moved; unwatch ends it" }
    static let nothingWatched = "nothing is on watch; watch REPORT puts one there"
    static func unwatchedAll(_ count: Int) -> String { "stopped watching \(counted(count, "report"))" }
    static func unwatched(_ text: String) -> String { "stopped watching \(text)" }
    static func noSuchWatch(_ text: String, count: Int) -> String { "unwatch \(text.quotedExcerpt): give a number from 1 to \(count) (watch lists them)" }
    static let nothingMoved = "nothing moved"
    static let cannotRunNow = "cannot run now:"
    static func rowsDidNotMove(_ count: Int) -> String { "\(counted(count, "row")) that did not move \(count == 1 ? "is" : "are") left out" }
}
