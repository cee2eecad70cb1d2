import ROPGDomain

/// `goal set|rm|list`: targets for any period and metric.
public enum GoalCommand: Command {
    public static let name = "goal"
    public static let aliases = ["goals"]
    public static let topic = HelpTopic.plan
    public static let summary = "set, remove and list goals (GMV, orders, units, visitors, profit, ad spend)"
    public static let usage = [
        "goal set PERIOD METRIC=VALUE [METRIC=VALUE…]",
        "goal rm PERIOD [METRIC…]",
        "goal list [PERIOD] [metric=METRIC]",
    ]
    public static let examples = [
        "goal set 2026 gmv=1200万",
        "goal set 2026-11 gmv=250万 uv=60w",
        "goal list 2026",
        "goal rm 2026-11 uv",
    ]
    public static let details = """
        Metrics: gmv (sales), orders, units, uv (visitors), profit, adspend. PERIOD is 2026, 2026-Q1, 2026-03,
        2026-W11, 2026-03-14 or a range 2026-03..2026-06. Money goals keep cents; the others are whole counts.
        A goal set by hand is pinned.
        """
    public static let subcommands = ["set", "rm", "list"]
    public static let keys = GoalMetric.allCases.map { "\($0.rawValue)=" } + ["metric="]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        switch try verb(arguments) {
        case "set": return try set(arguments, session)
        case "rm": return try remove(arguments, session)
        default: return try list(arguments, session)
        }
    }

    private static func period(_ text: String?, _ verb: String) throws(CommandError) -> Period {
        guard let text else { throw CommandError("goal \(verb) needs a period, e.g. goal \(verb) 2026") }
        do { return try Period.parse(text) } catch { throw CommandError(error.message) }
    }

    static func metric(_ text: String) throws(CommandError) -> GoalMetric {
        guard let metric = GoalMetric(rawValue: text.lowercased()) else {
            let names = GoalMetric.allCases.map(\.rawValue)
            let near = Suggestions.nearest(to: text, among: names)
            throw CommandError("\(text) is not a metric; use \(names.joined(separator: ", "))" + (near.isEmpty ? "" : " (did you mean \(near[0])?)"))
        }
        return metric
    }

    private static func set(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: GoalMetric.allCases.map(\.rawValue), command: "goal set")
        try arguments.checkPositionals(max: 2, usage: usage[0])
        let period = try period(arguments.positional(1), "set")
        if case .range = period {
            throw CommandError("goals are set on a year, quarter, month, week or day, not a range; set each month, or the quarter")
        }
        guard !arguments.options.isEmpty else { throw CommandError("goal set \(period.text) needs a metric, e.g. gmv=1200万") }
        var workspace = session.workspace
        var changes: [WorkspaceChange] = []
        var said: [String] = []
        for option in arguments.options {
            guard let key = option.key, let text = option.value else { continue }
            let metric = try metric(key)
            let value: ExactDecimal
            do { value = try NumberGrammar.amount(text) } catch { throw CommandError("\(key)=: \(error.message)") }
            let goal = Goal(period: period, metric: metric, value: value, pinned: true)
            if let issue = Validation.issues(in: goal).first { throw CommandError("\(key)=: \(issue.message)") }
            let change: WorkspaceChange
            if let index = workspace.goalIndex(period: period, metric: metric) {
                change = .replaceGoal(goal, at: index)
            } else {
                change = .insertGoal(goal, at: workspace.goalInsertionIndex(for: goal))
            }
            change.apply(to: &workspace)
            changes.append(change)
            said.append("\(metric.rawValue) \(metric.isMoney ? value.formatted() : value.countText)")
        }
        session.perform(Edit(description: "goal set \(period.text)", changes: changes))
        return [.message("goal \(period.text): \(said.joined(separator: ", "))")]
    }

    private static func remove(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: [], command: "goal rm")
        let period = try period(arguments.positional(1), "rm")
        let metrics = try arguments.positionals.dropFirst(2).map { (word) throws(CommandError) in try metric(word.text) }
        let indices = session.workspace.goals.indices.filter { index in
            let goal = session.workspace.goals[index]
            return goal.period == period && (metrics.isEmpty || metrics.contains(goal.metric))
        }
        guard !indices.isEmpty else {
            throw CommandError("no goal for \(period.text)" + (metrics.isEmpty ? "" : " on \(metrics.map(\.rawValue).joined(separator: ", "))"))
        }
        let removed = indices.map { session.workspace.goals[$0].metric.rawValue }
        session.perform(Edit(description: "goal rm \(period.text)", changes: indices.sorted(by: >).map { .removeGoal(at: $0) }))
        return [.message("removed goal \(period.text): \(removed.joined(separator: ", "))")]
    }

    private static func list(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["metric"], command: "goal list")
        try arguments.checkPositionals(max: 2, usage: usage[2])
        let within = try arguments.positional(1).map { (text) throws(CommandError) in try period(text, "list") }
        let metric = try arguments.value("metric").map { (text) throws(CommandError) in try self.metric(text) }
        let goals = session.workspace.goals.filter { goal in
            (within == nil || (within.map { $0.firstDay <= goal.period.firstDay && goal.period.lastDay <= $0.lastDay } ?? true))
                && (metric == nil || goal.metric == metric)
        }
        let table = Table(
            title: nil,
            columns: [.text("period", key: "period"), .text("grain", key: "grain"), .text("metric", key: "metric"),
                      .number("goal", key: "value"), .text("days", key: "days"), .text("pinned", key: "pinned")],
            rows: goals.map { goal in
                [.text(goal.period.text), .text(goal.period.grain.name), .text(goal.metric.label),
                 goal.metric.isMoney ? .money(goal.value) : .count(goal.value),
                 .text("\(goal.period.firstDay.isoText)..\(goal.period.lastDay.isoText)"), .text(goal.pinned ? "yes" : "")]
            },
            notes: goals.isEmpty ? ["no goals yet; set one with goal set 2026 gmv=1200万"] : [])
        return [.table(table)]
    }
}
