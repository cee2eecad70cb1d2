import ROPGDomain
import ROPGTables

/// `history`: the changes undo and redo move through.
public enum HistoryCommand: Command {
    public static let name = "history"
    public static let topic = HelpTopic.session
    public static let summary = "list the changes that undo and redo move through"
    public static let usage = ["history"]
    public static let examples = ["history"]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 0, usage: usage[0])
        var rows: [[Cell]] = []
        for (offset, step) in session.undoSteps.enumerated() {
            let saved = step.id == session.savedStepID ? "saved" : ""
            rows.append([.count(offset + 1), .text(step.description), .text("done"), .text(saved)])
        }
        for step in session.redoSteps.reversed() {
            rows.append([.empty, .text(step.description), .text("undone (redo)"), .empty])
        }
        let table = Table(
            title: nil,
            columns: [.number("#", key: "step"), .text("change", key: "change"), .text("state", key: "state"), .text("", key: "saved")],
            rows: rows,
            notes: rows.isEmpty ? ["no changes yet"] : [])
        return [.table(table)]
    }
}
