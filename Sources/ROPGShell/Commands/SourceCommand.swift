import Foundation
import ROPGDomain
import ROPGText
import ROPGTables

/// `source FILE`: replays a script of commands.
public enum SourceCommand: Command {
    public static let name = "source"
    public static let topic = HelpTopic.session
    public static let summary = "run the commands in a script file"
    public static let usage = ["source FILE [bail=yes] [echo=yes]"]
    public static let examples = ["source examples/morning-routine.ropg"]
    public static let details = "A script holds one command per line; # starts a comment; \\ at the end of a line continues it."
    public static let syntax = Syntax(words: [.file], required: 1, keys: [Key("bail", .choice(["yes"])), Key("echo", .choice(["yes"]))])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        guard let path = arguments.positional(0) else { throw CommandError(phrase("source needs a file, e.g. source plan.ropg")) }
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        guard !session.sourceStack.contains(canonical) else { throw CommandError(phrase("{path} is already being run: a script cannot source itself", ["path": "\(path)"])) }
        guard session.sourceStack.count < 16 else { throw CommandError(phrase("scripts are nested more than 16 deep")) }
        let script: Script
        do { script = try Script.load(path: path) } catch { throw CommandError(error.message) }
        session.sourceStack.append(canonical)
        defer { session.sourceStack.removeLast() }
        let failures = session.run(script, bail: arguments.value("bail") == "yes", echo: arguments.value("echo") == "yes")
        if failures > 0 { throw CommandError(phrase("{path}: {value} failed", ["path": "\(path)", "value": phrase(count: failures, "{count} command", "{count} commands")])) }
        return []
    }
}
