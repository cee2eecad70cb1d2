import ROPGDomain
import ROPGText
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
        if session.isWhatIfOpen { throw CommandError(phrase("a what-if is open: keep or drop it first")) }
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        guard let path = arguments.positional(0) else { throw CommandError(phrase("open needs a file, e.g. open workspaces/demo.json")) }
        // Read (and locked) before asking about unsaved changes, so that a file that cannot be
        // opened costs nothing; if the question is cancelled, the new lock goes with `opened`.
        let opened = try WorkspaceFile.open(path, allowNew: false, currentLock: session.fileLock)
        guard let workspace = opened.workspace else { throw CommandError(phrase("cannot open {path}: No such file or directory", ["path": "\(path)"])) }
        try confirmDiscard(session, arguments, doing: phrase("opening {path}", ["path": path]))
        session.adopt(opened)
        session.lookForJournal()
        if session.interactive { session.prepareReports() }
        return opened.allNotes.map { .message($0) } + [.message(phrase("opened {name} from {path}: {summary}", ["name": "\(workspace.name)", "path": "\(path)", "summary": "\(workspace.summary)"]))]
    }

    /// Before unsaved changes are thrown away: asks a person, or refuses in a script.
    static func confirmDiscard(_ session: Session, _ arguments: Arguments, doing action: String) throws(CommandError) {
        guard session.isDirty, arguments.value("discard") != "yes" else { return }
        if let ask = session.ask, let name = session.whatIf?.scenario {
            // A scenario's open edits are kept into the scenario, not the plan: offer that, so
            // that "y" never saves the plan and leaves them behind.
            let count = session.whatIfSteps.count
            let changes = phrase(count: count, "{count} change", "{count} changes")
            let answer = ask(phrase("scenario {name} has {changes} not kept yet (keep stores them into the scenario). Keep them into {name} and save before {action}? [y/n/c] ",
                                    ["name": name, "changes": changes, "action": action]))?.lowercased()
            switch answer {
            case "y", "yes":
                let scenario = try session.storeWhatIf(as: name, volume: nil)
                session.say(phrase("kept scenario {name}: {changes}", ["name": name, "changes": phrase(count: scenario.changes.count, "{count} change", "{count} changes")]))
                session.say(try SaveCommand.save(session, to: nil))
            case "n", "no":
                return
            default:
                throw CommandError(phrase("cancelled; nothing changed"))
            }
        } else if let ask = session.ask {
            // A what-if is never saved: say so, so that "y" is not taken to keep it.
            let question = session.isWhatIfOpen
                ? phrase("{name} has unsaved changes (the open what-if's {changes} are not saved: keep makes them part of the plan first). Save the plan before {action}? [y/n/c] ",
                         ["name": session.workspace.name, "changes": phrase(count: session.whatIfSteps.count, "{count} change", "{count} changes"), "action": action])
                : phrase("{name} has unsaved changes. Save them before {action}? [y/n/c] ", ["name": session.workspace.name, "action": action])
            let answer = ask(question)?.lowercased()
            switch answer {
            case "y", "yes":
                session.say(try SaveCommand.save(session, to: nil))
            case "n", "no":
                return
            default:
                throw CommandError(phrase("cancelled; nothing changed"))
            }
        } else {
            throw CommandError(phrase("{name} has unsaved changes; save them first, or add discard=yes", ["name": session.workspace.name]))
        }
    }
}
