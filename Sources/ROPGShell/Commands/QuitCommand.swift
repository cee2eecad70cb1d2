import ROPGDomain
import ROPGText
import ROPGTables

/// `quit` / `exit`: leaves the shell, offering to save unsaved changes.
public enum QuitCommand: Command {
    public static let name = "quit"
    public static let aliases = ["exit"]
    public static let topic = HelpTopic.workspace
    public static let summary = "leave ropg (asks to save unsaved changes)"
    public static let usage = ["quit [discard=yes]"]
    public static let examples = ["quit"]
    public static let details = "In a script, quit ends the script; unsaved changes are not saved unless the script saves them."
    public static let syntax = Syntax(keys: [Key("discard", .choice(["yes"]))])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 0, usage: usage[0])
        if session.ask != nil { try OpenCommand.confirmDiscard(session, arguments, doing: phrase("quitting")) }
        if arguments.value("discard") == "yes" { session.discardChosen = true }
        session.quitRequested = true
        return []
    }
}
