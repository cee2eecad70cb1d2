import ROPGDomain
import ROPGText
import ROPGTables

/// `undo`: takes back the latest change.
public enum UndoCommand: Command {
    public static let name = "undo"
    public static let topic = HelpTopic.session
    public static let summary = "take back the latest change (up to \(Session.undoLimit))"
    public static let usage = ["undo [COUNT]"]
    public static let examples = ["undo", "undo 3"]
    public static let syntax = Syntax(words: [.count])
    public static let exampleSetup = ["product set TS-001 price=89", "product set TS-002 price=65", "set cvr=3.2%", "product set TS-001 stock=1500"]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        let count = try stepCount(arguments)
        var done: [String] = []
        for _ in 0..<count {
            guard let description = session.undo() else { break }
            done.append(phrase("undid: {change}", ["change": description]))
        }
        guard !done.isEmpty else {
            throw CommandError(session.isWhatIfOpen ? phrase("nothing to undo in the what-if: drop leaves it, keep makes it part of the plan") : phrase("nothing to undo"))
        }
        return [.message(done.joined(separator: "\n"))]
    }

    static func stepCount(_ arguments: Arguments) throws(CommandError) -> Int {
        guard let text = arguments.positional(0) else { return 1 }
        guard let count = Int(text), count >= 1 else { throw CommandError(phrase("{word} is not a number of steps", ["word": text.quotedExcerpt])) }
        return count
    }
}
