import ROPGDomain
import ROPGText
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
        // The open what-if's changes are not the plan's: marked apart, with the scenario they belong to.
        let whatIfStart = session.whatIf?.firstStepID
        let whatIfState = session.whatIf?.scenario.map { phrase("in scenario {name} (keep or drop)", ["name": $0]) } ?? phrase("in the what-if (keep or drop)")
        for (offset, step) in session.undoSteps.enumerated() {
            var state = whatIfStart.map { step.id >= $0 } == true ? whatIfState : phrase("done")
            if step.id == session.savedStepID { state = phrase("{state}, saved", ["state": state]) }
            rows.append([.count(offset + 1), .text(step.description), .text(state)])
        }
        for step in session.redoSteps.reversed() {
            rows.append([.empty, .text(step.description), .text(phrase("undone (redo)"))])
        }
        let table = Table(
            title: nil,
            columns: [.number("#", key: "step"), .text("change", key: "change"), .text("state", key: "state")],
            rows: rows,
            notes: rows.isEmpty ? [phrase("no changes yet")] : [])
        return [.table(table)]
    }
}
