import Foundation
import ROPGDomain
import ROPGStorage
import ROPGTables

/// `ropg run NOTEBOOK.md`: runs a notebook's cells top to bottom on a fresh load of its
/// workspace (no state is carried from one run to the next: marimo's rule), and refreshes, checks
/// or publishes their outputs.
public struct NotebookRun {
    public struct Options: Sendable {
        public var check = false
        public var bail = false
        /// `--set KEY=VALUE`, in the order given.
        public var settings: [(key: String, value: String)] = []
        public var scenario: String?
        public var html: String?

        public init() {}

        /// Under other assumptions than the notebook's own: the file is left alone.
        var underAssumptions: Bool { !settings.isEmpty || scenario != nil }
    }

    /// One cell as this run left it.
    public struct CellResult: Sendable {
        public var cell: Notebook.Cell
        /// The new output; nil when the cell did not run (after --bail) and keeps its own.
        public var output: String?
        /// What it showed, for the page.
        public var shown: [ShownOutput]
        public var failed: Bool
    }

    public struct Outcome: Sendable {
        public var notebook: Notebook
        public var results: [CellResult]
        /// The notebook's bytes with the new outputs.
        public var bytes: [UInt8]
        public var failures: Int
    }

    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// Reads and parses the notebook at `path`.
    public static func load(_ path: String) throws(Failure) -> Notebook {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.readAll(path: path) } catch {
            throw Failure(message: (error as? FileError)?.message ?? NotebookWords.cannotRead(path, error))
        }
        do throws(Notebook.Failure) { return try Notebook.parse(bytes, name: path) } catch { throw Failure(message: error.message) }
    }

    /// The workspace file the notebook at `path` names, relative to the notebook's folder.
    public static func workspacePath(of notebook: Notebook, at path: String) -> String {
        let written = notebook.header.workspace
        if written.hasPrefix("/") { return written }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? written : folder + "/" + written
    }

    /// Runs every cell; `say` gets what goes to standard error (notes of the opening, failures).
    public static func run(_ notebook: Notebook, at path: String, options: Options, environment: [String: String],
                           say: (String) -> Void) throws(Failure) -> Outcome {
        let workspacePath = workspacePath(of: notebook, at: path)
        guard FileManager.default.fileExists(atPath: workspacePath) else {
            throw Failure(message: NotebookWords.missingWorkspace(path, notebook.header.workspace, workspacePath))
        }
        var today = notebook.header.today ?? Session.today(in: environment)
        var settings: [(key: String, value: String)] = []
        for setting in options.settings {
            if setting.key == "today" {
                guard let day = Day(isoText: setting.value) else { throw Failure(message: NotebookWords.badSet("today=\(setting.value)")) }
                today = day
            } else {
                settings.append(setting)
            }
        }
        let opened: WorkspaceFile.Opened
        do throws(CommandError) { opened = try WorkspaceFile.open(workspacePath, allowNew: false) } catch { throw Failure(message: error.message) }
        let fileSession = Session(workspace: Workspace(name: "untitled"), path: nil, console: Console(capturing: ()), interactive: false, today: today)
        fileSession.adopt(opened)
        defer {
            fileSession.endJournal()
            fileSession.fileLock?.release()
        }
        for note in opened.allNotes { say(note) }
        fileSession.lookForJournal()
        let opening = fileSession.console.takeCaptured()
        if !opening.isEmpty { say(opening.hasSuffix("\n") ? String(opening.dropLast()) : opening) }

        var session = fileSession
        if let name = options.scenario {
            do throws(CommandError) { session = try fileSession.scenarioSession(name).session } catch { throw Failure(message: "--scenario \(name): \(error.message)") }
        }
        for setting in settings {
            let line = "set \(setting.key)=\(Arguments.quotedIfNeeded(setting.value))"
            guard session.execute(line: line) else {
                let said = session.console.takeCaptured().trimmingSpaces()
                throw Failure(message: NotebookWords.setFailed("\(setting.key)=\(setting.value)", said.hasPrefix("error: ") ? String(said.dropFirst(7)) : said))
            }
            _ = session.console.takeCaptured()
        }

        var shown: [ShownOutput] = []
        session.notebook.tap = { shown.append($0) }
        defer { session.notebook.tap = nil }
        var results: [CellResult] = []
        var failures = 0
        var stopped = false
        var quitAt: Notebook.Cell?
        for cell in notebook.cells {
            if stopped {
                results.append(CellResult(cell: cell, output: nil, shown: [], failed: false))
                continue
            }
            if let quitAt {
                results.append(CellResult(cell: cell, output: NotebookWords.notRun(after: quitAt), shown: [], failed: false))
                continue
            }
            shown = []
            var failed = false
            for line in Script(name: "", text: cell.source).lines {
                if options.underAssumptions, Self.saves(line.text) {
                    session.reportError(NotebookWords.noSaveUnderAssumptions)
                    failed = true
                } else if !session.execute(line: line.text, bail: options.bail) {
                    failed = true
                }
                if session.quitRequested || (options.bail && failed) { break }
            }
            let output = session.console.takeCaptured()
            results.append(CellResult(cell: cell, output: output, shown: shown, failed: failed))
            if failed {
                failures += 1
                say(NotebookWords.cellFailed(cell, path))
                if options.bail {
                    stopped = true
                    if cell.ordinal < notebook.cells.count { say(NotebookWords.bailed(cell)) }
                }
            }
            if session.quitRequested { quitAt = cell }
        }
        let bytes = notebook.withOutputs(results.map(\.output))
        return Outcome(notebook: notebook, results: results, bytes: bytes, failures: failures)
    }

    /// The run as one self-contained HTML page (`--html`).
    public static func page(_ outcome: Outcome) -> String { NotebookPage.html(outcome) }

    /// Whether a command line holds `save`.
    static func saves(_ line: String) -> Bool {
        guard let commands = try? Tokenizer.commands(in: line) else { return false }
        return commands.contains { $0.words.first.map { !$0.wasQuoted && CommandRegistry.command(named: $0.text) == SaveCommand.self } ?? false }
    }

    /// The cells whose output this run changed: (cell, recorded output or nil, new output).
    public static func changes(_ outcome: Outcome) -> [(cell: Notebook.Cell, before: String?, after: String)] {
        outcome.results.compactMap { result in
            guard let after = result.output, after != result.cell.output else { return nil }
            return (result.cell, result.cell.output, after)
        }
    }
}
