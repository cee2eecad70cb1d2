import ROPGDomain
import ROPGText
import ROPGTables

/// `notebook record FILE.md` … `notebook stop`: records the session as a plan notebook, each
/// command line a cell with its output under it, ready for `ropg run` (docs/NOTEBOOKS.md).
public enum NotebookCommand: Command {
    public static let name = "notebook"
    public static let topic = HelpTopic.session
    public static let summary = "record the session as a plan notebook (notebook record FILE.md … notebook stop)"
    public static let usage = ["notebook record FILE.md", "notebook stop", "notebook"]
    public static let examples = ["notebook record 11月计划.md", "goal drivers 2026-11", "notebook", "notebook stop"]
    public static let details = """
        notebook record FILE.md appends every following command line and its output to FILE.md as a cell (a ```ropg
        fence, then its ```output fence), named by the number the prompt shows ([3] demo> makes cell #3), until
        notebook stop. A new file starts with a header naming the workspace (relative to the notebook) and pinning
        today, and a title; an existing notebook is appended to. Write your reasoning between the cells in any
        editor. ropg run FILE.md re-runs it on a fresh load of the workspace and refreshes the outputs;
        ropg run --check FILE.md says which numbers changed; ropg run FILE.md --html FILE.html publishes it.
        notebook alone says whether a recording is on.
        """
    public static let syntax = Syntax([
        Verb("record", words: [.file], required: 1),
        Verb("stop"),
    ])

    /// Lines that manage the recording or leave the shell, and are not recorded themselves (a
    /// recorded quit would end every re-run there).
    static func managesRecording(_ line: String) -> Bool {
        guard let first = line.split(separator: " ", omittingEmptySubsequences: true).first,
              let command = CommandRegistry.command(named: String(first)) else { return false }
        return command == NotebookCommand.self || command == QuitCommand.self
    }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        if arguments.isEmpty {
            guard let recording = session.notebook.recording else { return [.message(NotebookWords.notRecording)] }
            return [.message(NotebookWords.recordingInto(recording.path, cells: recording.cells))]
        }
        switch try verb(arguments) {
        case "record":
            try arguments.checkPositionals(max: 2, usage: usage[0])
            guard let path = arguments.positional(1) else { throw CommandError(phrase("notebook record needs a file, e.g. {value}", ["value": "\(examples[0])"])) }
            if let recording = session.notebook.recording { throw CommandError(NotebookWords.alreadyRecording(recording.path)) }
            let said = try NotebookRecorder.start(path, workspacePath: session.path, workspaceName: session.workspace.name, today: session.today)
            session.notebook.recording = NotebookRecording(path: path)
            return [.message(said)]
        default:
            try arguments.checkPositionals(max: 1, usage: usage[1])
            guard let recording = session.notebook.recording else { throw CommandError(NotebookWords.notRecording) }
            session.notebook.recording = nil
            return [.message(NotebookWords.recordingStopped(recording.path, cells: recording.cells))]
        }
    }
}
