import ROPGDomain
import ROPGStorage
import ROPGTables

/// `open PATH`: replaces the open workspace with the one in PATH.
public enum OpenCommand: Command {
    public static let name = "open"
    public static let topic = HelpTopic.workspace
    public static let summary = "open another workspace file"
    public static let usage = ["open PATH [discard=yes]"]
    public static let examples = ["open workspaces/demo.json"]
    public static let details = "With unsaved changes, open asks first (or, in a script, refuses unless discard=yes)."
    public static let syntax = Syntax(words: [.file], required: 1, keys: [Key("discard", .choice(["yes"]))])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        if session.isWhatIfOpen { throw CommandError("a what-if is open: keep or drop it first") }
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        guard let path = arguments.positional(0) else { throw CommandError("open needs a file, e.g. open workspaces/demo.json") }
        // Read (and locked) before asking about unsaved changes, so that a file that cannot be
        // opened costs nothing; if the question is cancelled, the new lock goes with `opened`.
        let opened = try WorkspaceFile.open(path, allowNew: false, currentLock: session.fileLock)
        guard let workspace = opened.workspace else { throw CommandError("cannot open \(path): No such file or directory") }
        try confirmDiscard(session, arguments, doing: "opening \(path)")
        session.adopt(opened)
        session.lookForJournal()
        if session.interactive { session.prepareReports() }
        return opened.allNotes.map { .message($0) } + [.message("opened \(workspace.name) from \(path): \(workspace.summary)")]
    }

    /// Before unsaved changes are thrown away: asks a person, or refuses in a script.
    static func confirmDiscard(_ session: Session, _ arguments: Arguments, doing action: String) throws(CommandError) {
        guard session.isDirty, arguments.value("discard") != "yes" else { return }
        if let ask = session.ask, let name = session.whatIf?.scenario {
            // A scenario's open edits are kept into the scenario, not the plan: offer that, so
            // that "y" never saves the plan and leaves them behind.
            let count = session.whatIfSteps.count
            let answer = ask("scenario \(name) has \(counted(count, "change")) not kept yet (keep stores them into the scenario). Keep them into \(name) and save before \(action)? [y/n/c] ")?.lowercased()
            switch answer {
            case "y", "yes":
                let scenario = try session.storeWhatIf(as: name, volume: nil)
                session.say("kept scenario \(name): \(counted(scenario.changes.count, "change"))")
                session.say(try SaveCommand.save(session, to: nil))
            case "n", "no":
                return
            default:
                throw CommandError("cancelled; nothing changed")
            }
        } else if let ask = session.ask {
            // A what-if is never saved: say so, so that "y" is not taken to keep it.
            let whatIf = session.isWhatIfOpen
                ? " (the open what-if's \(counted(session.whatIfSteps.count, "change")) are not saved: keep makes them part of the plan first)" : ""
            let answer = ask("\(session.workspace.name) has unsaved changes\(whatIf). Save \(whatIf.isEmpty ? "them" : "the plan") before \(action)? [y/n/c] ")?.lowercased()
            switch answer {
            case "y", "yes":
                session.say(try SaveCommand.save(session, to: nil))
            case "n", "no":
                return
            default:
                throw CommandError("cancelled; nothing changed")
            }
        } else {
            throw CommandError("\(session.workspace.name) has unsaved changes; save them first, or add discard=yes")
        }
    }
}
