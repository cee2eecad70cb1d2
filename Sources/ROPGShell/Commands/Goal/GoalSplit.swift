import ROPGDomain

/// `goal split PERIOD to=GRAIN by=METHOD`: how a parent's goals spread over its children.
extension GoalCommand {
    static func split(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["to", "by"], command: "goal split")
        try arguments.checkPositionals(max: 3, usage: usage[3])
        let period = try period(arguments.positional(1), "split")
        guard [.year, .quarter, .month].contains(period.grain) else {
            throw CommandError("goal split takes a year, quarter or month; a week's goal spreads over its days by itself")
        }
        var splits = session.workspace.splits.filter { $0.period != period }
        if arguments.positional(2) == "clear" {
            guard splits.count < session.workspace.splits.count else { throw CommandError("\(period.text) has no split to clear") }
            session.perform(Edit(description: "goal split \(period.text) clear", changes: [.setSplits(splits)]))
            return [.message("\(period.text) spreads by calendar days again")]
        }
        if let extra = arguments.positional(2) { throw CommandError("unexpected \"\(extra)\"; usage: \(usage[3])") }
        guard let grainText = arguments.value("to") else { throw CommandError("goal split needs to=quarter, to=month or to=day") }
        guard let grain = [PeriodGrain.quarter, .month, .day].first(where: { $0.name == grainText }) else {
            throw CommandError("to=\(grainText): split to quarter, month or day")
        }
        guard grain > period.grain else {
            throw CommandError("\(period.text) is a \(period.grain.name); split it to something smaller than a \(period.grain.name)")
        }
        let method = try method(arguments.value("by") ?? "days", session)
        splits.append(GoalSplit(period: period, grain: grain, method: method))
        splits.sort { $0.period < $1.period }
        var workspace = session.workspace
        workspace.splits = splits
        let metrics = GoalMetric.allCases.filter { metric in workspace.goals.contains { $0.metric == metric } }
        for metric in metrics { _ = try plan(workspace, metric) }
        session.perform(Edit(description: "goal split \(period.text) to=\(grain.name) by=\(method.text)", changes: [.setSplits(splits)]))
        var blocks: [Block] = [.message("\(period.text) spreads to \(grain.name)s by \(method.text)")]
        if !metrics.isEmpty {
            blocks += try showTable(period, grain: grain, metrics: metrics, session)
        }
        return blocks
    }

    /// Reads `by=`: days, even, weights:8,7,9 (numbers as typed anywhere), profile:NAME, prior.
    static func method(_ text: String, _ session: Session) throws(CommandError) -> SplitMethod {
        switch text {
        case "days": return .days
        case "even": return .even
        case "prior": return .prior
        default:
            if text.hasPrefix("weights:") {
                var weights: [ExactDecimal] = []
                for part in text.dropFirst(8).split(separator: ",", omittingEmptySubsequences: false) {
                    do { weights.append(try NumberGrammar.amount(String(part))) } catch { throw CommandError("by=\(text): \(error.message)") }
                }
                if weights.contains(where: \.isNegative) { throw CommandError("by=\(text): weights must not be negative") }
                return .weights(weights)
            }
            if text.hasPrefix("profile:") {
                let name = String(text.dropFirst(8))
                guard session.workspace.profile(named: name) != nil else {
                    let known = session.workspace.profiles.map(\.name)
                    throw CommandError("no profile \(name)" + (known.isEmpty ? "; make one with profile set \(name) nov=1.8 …" : "; there is \(known.joined(separator: ", "))"))
                }
                return .profile(name)
            }
            throw CommandError("by=\(text): use days, even, weights:8,7,9…, profile:NAME or prior")
        }
    }
}
