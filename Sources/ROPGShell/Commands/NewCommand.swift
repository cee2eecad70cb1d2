import ROPGDomain
import ROPGText
import ROPGTables

/// `new NAME`: starts an empty workspace.
public enum NewCommand: Command {
    public static let name = "new"
    public static let topic = HelpTopic.workspace
    public static let summary = "start a new, empty workspace"
    public static let usage = ["new NAME [discard=yes]"]
    public static let examples = ["new 2027计划"]
    public static let details = "The new workspace is saved to NAME.json by save, or anywhere with save PATH."
    public static let syntax = Syntax(words: [.text], keys: [Key("discard", .choice(["yes"]))])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        if session.isWhatIfOpen { throw CommandError(phrase("a what-if is open: keep or drop it first")) }
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        guard let name = arguments.positional(0), !name.isEmpty else { throw CommandError(phrase("new needs a name, e.g. new 2027计划")) }
        try OpenCommand.confirmDiscard(session, arguments, doing: phrase("starting {name}", ["name": name]))
        session.replaceWorkspace(Workspace(name: name), path: nil)
        session.forgetFile()
        return [.message(phrase("new workspace {name}", ["name": "\(name)"]))]
    }
}
