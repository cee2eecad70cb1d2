import Foundation
import ROPGDomain
import ROPGStorage
import ROPGTables

/// What a command showed, in the order it was shown: a notebook's page renders it, and
/// `notebook record` writes it under the command.
public enum ShownOutput: Sendable {
    case blocks([Block])
    /// Words for the person ("wrote 12 rows to pnl.csv").
    case said(String)
    /// An error, as the shell reports it (without "error: ").
    case error(String)

    /// As the shell prints it in text, without colour: what an output fence holds.
    static func text(_ events: [ShownOutput]) -> String {
        var out = ""
        for event in events {
            switch event {
            case .blocks(let blocks):
                for block in blocks {
                    switch block {
                    case .message(let text):
                        let safe = escapingControlCharacters(text, keeping: .lineFeed)
                        out += safe.hasSuffix("\n") ? safe : safe + "\n"
                    case .table(let table): out += render(table, as: .text, color: false)
                    }
                }
            case .said(let text):
                let safe = escapingControlCharacters(text, keeping: .lineFeed)
                out += safe.hasSuffix("\n") ? safe : safe + "\n"
            case .error(let message):
                out += "error: " + escapingControlCharacters(message, keeping: .lineFeed) + "\n"
            }
        }
        return out
    }
}

/// The session's notebook side: the command count the prompt shows, the notebook being
/// recorded, the reports on watch, and a tap on what commands show (for a notebook run).
struct NotebookState {
    /// The number the prompt shows: the next command line's.
    var commandNumber = 1
    /// `notebook record FILE`: where each command line and its output go.
    var recording: NotebookRecording?
    /// `watch REPORT`: re-run after every change.
    var watches: [WatchedReport] = []
    /// Sees everything shown (a notebook run keeps each cell's tables for its page).
    var tap: ((ShownOutput) -> Void)?
    /// How deep in `execute(line:)` we are: a sourced script's lines are part of the outer line.
    var depth = 0
    /// What the current top-level line showed, while recording.
    var lineOutput: [ShownOutput] = []

    mutating func notice(_ event: ShownOutput) {
        if recording != nil, depth > 0 { lineOutput.append(event) }
        tap?(event)
    }
}

/// A notebook being recorded: each command line typed is appended to it as a cell with its output.
struct NotebookRecording {
    var path: String
    /// Cells written so far.
    var cells = 0
}

extension Session {
    /// Called as a command line starts: returns whether it is a top-level line being recorded.
    func beginLine() -> Bool {
        notebook.depth += 1
        guard notebook.depth == 1 else { return false }
        notebook.lineOutput = []
        return notebook.recording != nil
    }

    /// Called as a command line ends: a recorded line is appended to the notebook; a top-level
    /// line that held a command moves the prompt's count on.
    func endLine(_ line: String, _ recorded: Bool) {
        notebook.depth -= 1
        guard notebook.depth == 0 else { return }
        let trimmed = line.trimmingSpaces()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        defer { notebook.commandNumber += 1 }
        // `notebook record` and `notebook stop` manage the recording; they are not part of it.
        guard recorded, let recording = notebook.recording, !NotebookCommand.managesRecording(trimmed) else { return }
        let output = ShownOutput.text(notebook.lineOutput)
        notebook.lineOutput = []
        do throws(CommandError) {
            try NotebookRecorder.append(command: trimmed, number: notebook.commandNumber, output: output, to: recording.path)
            notebook.recording?.cells += 1
        } catch {
            notebook.recording = nil
            console.writeError("error: \(error.message); recording stopped\n")
        }
    }
}
