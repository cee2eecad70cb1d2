import ROPGDomain
import ROPGText
import ROPGTables

/// `redo`: makes an undone change again.
public enum RedoCommand: Command {
    public static let name = "redo"
    public static let topic = HelpTopic.session
    public static let summary = "make the latest undone change again"
    public static let usage = ["redo [COUNT]"]
    public static let examples = ["redo"]
    public static let syntax = Syntax(words: [.count])
    public static let exampleSetup = ["product set TS-001 price=89", "undo"]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        let count = try UndoCommand.stepCount(arguments)
        var done: [String] = []
        for _ in 0..<count {
            guard let description = session.redo() else { break }
            done.append(phrase("redid: {change}", ["change": description]))
        }
        guard !done.isEmpty else { throw CommandError(phrase("nothing to redo")) }
        return [.message(done.joined(separator: "\n"))]
    }
}
