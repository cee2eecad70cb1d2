import ROPGDomain
import ROPGText
import ROPGTables

/// `goal set|rm|list`: targets for any period and metric.
public enum GoalCommand: Command {
    public static let name = "goal"
    public static let aliases = ["goals"]
    public static let topic = HelpTopic.plan
    public static let summary = "goals at five levels: set, spread down, show, the driver tree"
    public static let usage = [
        "goal set PERIOD METRIC=VALUE [METRIC=VALUE…]",
        "goal rm PERIOD [METRIC…]",
        "goal list [PERIOD] [metric=METRIC]",
        "goal split PERIOD to=quarter|month|day [by=days|even|weights:W,W,…|profile:NAME|prior]",
        "goal split PERIOD clear",
        "goal show PERIOD [by=quarter|month|week|day] [metrics=gmv,uv,…] [vs=actual] [chart[=FIGURE]]",
        "goal tree PERIOD [metrics=…]",
        "goal drivers PERIOD [by=quarter|month|week|day]",
    ]
    public static let examples = [
        "goal set 2026 gmv=1200万",
        "goal split 2026 to=month by=profile:电商",
        "goal set 2026-11 gmv=250万",
        "goal show 2026 by=month",
        "goal show 2026-W45 by=day",
        "goal show 2026-03 by=week vs=actual",
        "goal show 2026 by=month chart=gmv",
        "goal show 2026 by=month,product top=5",
        "goal drivers 2026-11 by=week",
        "goal set 2026-12 gmv=150万; goal rm 2026-12 gmv",
    ]
    public static let details = """
        Metrics: gmv (sales), orders, units, uv (visitors), profit, adspend, on a year, quarter, month, ISO week
        or day. A goal set by hand is pinned: spreading a parent keeps it and shares only the rest among the
        other children; goal rm unpins. Without a split a year or quarter spreads to months and a month to days
        in proportion to calendar days. Money is shared in cents and counts in whole units so that the children
        always add up exactly to their parent (largest remainder; ties go to the earlier period). A week's goal
        pins its days, which may lie in two months; those months re-spread their other days around them.
        goal drivers works out the visitors, orders, units, paid clicks and ad spend a GMV goal needs from
        the assumptions (set cvr= aov= cpc= paid-share= units-per-order=, also per period with period=).
        goal show PERIOD vs=actual sets each metric's goal beside what was recorded, row by row, over the days
        with that metric recorded (profit: the actual P&L); days with nothing recorded are missing, never zero.
        goal show PERIOD by=month,product is a grid of the GMV goal as the plan spreads it to products: months in rows,
        products in columns (by=product,month: the other way), totals both ways: a month's total is goal show PERIOD
        by=month's GMV, a product's total pnl PERIOD by=product's GMV. top=N (20 by default) shows the N products with
        the most GMV and sums the others in one line.
        goal show chart=FIGURE (or chart alone: the main figure) draws a bar chart of one of the metrics, row by row, fitted to the terminal's width; GMV by default.
        """
    public static let syntax = Syntax([
        Verb("set", words: [.period], required: 1, keys: GoalMetric.allCases.map { Key($0.rawValue, $0.isMoney ? .amount : .count) }),
        Verb("rm", words: [.period, .choice(GoalMetric.allCases.map(\.rawValue))], required: 1, repeatsLast: true),
        Verb("list", words: [.period], keys: [Key("metric", .choice(GoalMetric.allCases.map(\.rawValue)))]),
        Verb("split", words: [.period, .choice(["clear"])], required: 1, keys: [Key("to", .choice(["quarter", "month", "day"])), Key("by", .splitMethod)]),
        Verb("show", words: [.period], required: 1, keys: [Key("by", .choice(["quarter", "month", "week", "day", "month,product", "product,month"])), Key("top", .count), Key("metrics", .choice(GoalMetric.allCases.map(\.rawValue))), Key("vs", .choice(["actual"])), Key("chart", .figure)]),
        Verb("tree", words: [.period], required: 1, keys: [Key("metrics", .choice(GoalMetric.allCases.map(\.rawValue)))]),
        Verb("drivers", words: [.period], required: 1, keys: [Key("by", .choice(["quarter", "month", "week", "day"]))]),
    ])
    /// Only the driver tree compares: goals themselves are what a what-if changes.
    public static func comparedInWhatIf(_ arguments: Arguments) -> Bool { arguments.positional(0) == "drivers" }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        switch try verb(arguments) {
        case "set": return try set(arguments, session)
        case "rm": return try remove(arguments, session)
        case "split": return try split(arguments, session)
        case "show": return try show(arguments, session)
        case "tree": return try tree(arguments, session)
        case "drivers": return try drivers(arguments, session)
        default: return try list(arguments, session)
        }
    }

    static func period(_ text: String?, _ verb: String) throws(CommandError) -> Period {
        guard let text else { throw CommandError(phrase("goal {verb} needs a period, e.g. goal {verb} 2026", ["verb": verb])) }
        do { return try Period.parse(text) } catch { throw CommandError(error.message) }
    }

    static func metric(_ text: String) throws(CommandError) -> GoalMetric {
        guard let metric = GoalMetric(rawValue: text.lowercased()) else {
            let names = GoalMetric.allCases.map(\.rawValue)
            let near = Suggestions.nearest(to: text, among: names)
            throw CommandError(near.isEmpty ? phrase("{word} is not a metric; use {metrics}", ["word": text, "metrics": names.joined(separator: ", ")])
                : phrase("{word} is not a metric; use {metrics} (did you mean {near}?)", ["word": text, "metrics": names.joined(separator: ", "), "near": near[0]]))
        }
        return metric
    }

    private static func set(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "set")
        try arguments.checkPositionals(max: 2, usage: usage[0])
        let period = try period(arguments.positional(1), "set")
        if case .range = period {
            throw CommandError(phrase("goals are set on a year, quarter, month, week or day, not a range; set each month, or the quarter"))
        }
        guard !arguments.options.isEmpty else { throw CommandError(phrase("goal set {period} needs a metric, e.g. gmv=1200万", ["period": period.text])) }
        var workspace = session.workspace
        var changes: [WorkspaceChange] = []
        var said: [String] = []
        for option in arguments.options {
            guard let key = option.key, let text = option.value else { continue }
            let metric = try metric(key)
            let value: ExactDecimal
            do { value = try NumberGrammar.amount(text) } catch { throw CommandError(phrase("{key}=: {problem}", ["key": key, "problem": error.message])) }
            let goal = Goal(period: period, metric: metric, value: value)
            if let issue = Validation.issues(in: goal).first { throw CommandError(phrase("{key}=: {issue}", ["key": "\(key)", "issue": "\(issue.message)"])) }
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
        // The new pins must fit their parents and children: spread every metric before keeping it.
        for metric in Set(arguments.options.compactMap { $0.key.flatMap(GoalMetric.init(rawValue:)) }) {
            _ = try plan(workspace, metric)
        }
        session.perform(Edit(description: arguments.described("goal set \(period.text)"), changes: changes))
        return [.message(phrase("goal {period}: {what}", ["period": period.text, "what": said.joined(separator: ", ")]))]
    }

    private static func remove(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "rm")
        let period = try period(arguments.positional(1), "rm")
        let metrics = try arguments.positionals.dropFirst(2).map { (word) throws(CommandError) in try metric(word.text) }
        let indices = session.workspace.goals.indices.filter { index in
            let goal = session.workspace.goals[index]
            return goal.period == period && (metrics.isEmpty || metrics.contains(goal.metric))
        }
        guard !indices.isEmpty else {
            throw CommandError(metrics.isEmpty ? phrase("no goal for {period}", ["period": period.text])
                : phrase("no goal for {period} on {metrics}", ["period": period.text, "metrics": metrics.map(\.rawValue).joined(separator: ", ")]))
        }
        let removed = indices.map { session.workspace.goals[$0].metric.rawValue }
        session.perform(Edit(description: "goal rm \(period.text)", changes: indices.sorted(by: >).map { .removeGoal(at: $0) }))
        return [.message(phrase("removed goal {period}: {what}", ["period": period.text, "what": removed.joined(separator: ", ")]))]
    }

    /// One metric's goals spread to days, or the reason they cannot be.
    static func plan(_ workspace: Workspace, _ metric: GoalMetric) throws(CommandError) -> GoalPlan {
        do { return try GoalPlan(workspace, metric: metric) } catch { throw CommandError(error.message) }
    }

    /// The cell for a goal value of a metric; empty when there is none.
    static func cell(_ value: ExactDecimal?, _ metric: GoalMetric) -> Cell {
        guard let value else { return .empty }
        return metric.isMoney ? .money(value) : .count(value)
    }

    private static func list(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "list")
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
                      .number("goal", key: "value"), .text("days", key: "days")],
            rows: goals.map { goal in
                [.text(goal.period.text), .text(goal.period.grain.name), .text(goal.metric.label),
                 goal.metric.isMoney ? .money(goal.value) : .count(goal.value),
                 .text("\(goal.period.firstDay.isoText)..\(goal.period.lastDay.isoText)")]
            },
                notes: goals.isEmpty ? [phrase("no goals yet; set one with goal set 2026 gmv=1200万")] : [phrase("these are the goals set by hand (pinned); goal show spreads them")])
        return [.table(table)]
    }
}
