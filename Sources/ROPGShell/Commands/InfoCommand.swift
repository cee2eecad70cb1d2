import ROPGDomain
import ROPGText
import ROPGTables

/// `info`: what is open, what it holds, whether it is saved.
public enum InfoCommand: Command {
    public static let name = "info"
    public static let topic = HelpTopic.workspace
    public static let summary = "what the open workspace holds, where it is, whether it is saved"
    public static let usage = ["info"]
    public static let examples = ["info"]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 0, usage: usage[0])
        let workspace = session.workspace
        var perCategory: [CostCategory: Int] = [:]
        for entry in workspace.costs { perCategory[entry.category, default: 0] += 1 }
        let categories = CostCategory.allCases.map { "\($0.rawValue) \(ExactDecimal(perCategory[$0] ?? 0).countText)" }.joined(separator: ", ")
        let goalPeriods = workspace.goals.map(\.period)
        let rows: [(String, Cell)] = [
            ("name", .text(workspace.name)),
            ("file", .text(session.path ?? phrase("(not saved yet)"))),
            ("state", .text(phrase(state(session)))),
            ("products", .count(workspace.products.count)),
            ("cost entries", .count(workspace.costs.count)),
            ("by category", .text(categories)),
            ("goals", .count(workspace.goals.count)),
            ("goal periods", .text(Self.span(goalPeriods))),
            ("goal splits", .text(workspace.splits.isEmpty ? phrase("none") : workspace.splits.map { phrase("{period} to {grain} by {method}", ["period": $0.period.text, "grain": phrase($0.grain.name), "method": $0.method.text]) }.joined(separator: "; "))),
            ("scenarios", .text(workspace.scenarios.isEmpty ? phrase("none") : workspace.scenarios.map(\.name).joined(separator: ", "))),
            ("hit plans", .text(workspace.hitPlans.isEmpty ? phrase("none") : workspace.hitPlans.map(\.name).joined(separator: ", "))),
            ("what-if", .text(session.isWhatIfOpen ? phrase("open: keep or drop ends it") : phrase("none"))),
            ("profiles", .text(workspace.profiles.isEmpty ? phrase("none") : workspace.profiles.map(\.name).joined(separator: ", "))),
            ("actuals", .text(workspace.actuals.isEmpty ? phrase("none")
                : phrase("{days}, {first}..{last}", ["days": phrase(count: workspace.actuals.count, "{count} day", "{count} days"), "first": workspace.actuals.first?.day.isoText ?? "", "last": workspace.actuals.last?.day.isoText ?? ""]))),
            ("assumptions set", .text(Assumption.allCases.filter { workspace.settings.isSet($0) }.map(\.rawValue).joined(separator: ", ")
                + (workspace.settings.overrides.isEmpty ? "" : phrase("; {overrides} for particular periods", ["overrides": phrase(count: workspace.settings.overrides.count, "{count} override", "{count} overrides")])))),
            ("undo steps", .count(session.undoSteps.count)),
            ("schema", .count(Workspace.schemaVersion)),
        ]
        return [.table(propertyTable(title: nil, rows))]
    }

    /// Whether the workspace is saved: "saved" only when nothing changed here since the last
    /// save and the file on disk is still what was saved.
    /// "2026", "2026 … 2027-Q2", or "none": the earliest and the latest goal period, once when
    /// they are the same.
    static func span(_ periods: [Period]) -> String {
        guard let first = periods.min(), let last = periods.max() else { return phrase("none") }
        return first == last ? first.text : "\(first.text) … \(last.text)"
    }

    static func state(_ session: Session) -> String {
        let dirty = session.isDirty
        switch session.diskState {
        case .noFile:
            return dirty ? "unsaved changes" : "never saved"
        case .new:
            return dirty ? "unsaved changes; new, never saved" : "new, never saved"
        case .unchanged:
            return dirty ? "unsaved changes" : "saved"
        case .changed:
            return dirty ? phrase("unsaved changes; the file changed on disk {since} (see help save)", ["since": session.sinceRead])
                : phrase("the file changed on disk {since}: open it again to see it", ["since": session.sinceRead])
        case .removed:
            return dirty ? "the file was removed from disk; unsaved changes: save writes it anew" : "the file was removed from disk: save writes it anew"
        case .unreadable(let why):
            return dirty ? phrase("unsaved changes; the file cannot be read ({why})", ["why": why]) : phrase("the file cannot be read ({why})", ["why": why])
        }
    }
}
