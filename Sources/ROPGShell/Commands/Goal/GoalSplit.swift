import ROPGDomain
import ROPGText
import ROPGTables

/// `goal split PERIOD to=GRAIN by=METHOD`: how a parent's goals spread over its children.
extension GoalCommand {
    static func split(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "split")
        try arguments.checkPositionals(max: 3, usage: usage[3])
        let period = try period(arguments.positional(1), "split")
        guard [.year, .quarter, .month].contains(period.grain) else {
            throw CommandError(phrase("goal split takes a year, quarter or month; a week's goal spreads over its days by itself"))
        }
        var splits = session.workspace.splits.filter { $0.period != period }
        if arguments.positional(2) == "clear" {
            guard splits.count < session.workspace.splits.count else { throw CommandError(phrase("{period} has no split to clear", ["period": "\(period.text)"])) }
            session.perform(Edit(description: "goal split \(period.text) clear", changes: [.setSplits(splits)]))
            return [.message(phrase("{period} spreads by calendar days again", ["period": period.text]))]
        }
        if let extra = arguments.positional(2) { throw CommandError(phrase("unexpected {extra}; usage: {value}", ["extra": "\(extra.quotedExcerpt)", "value": "\(usage[3])"])) }
        guard let grainText = arguments.value("to") else { throw CommandError(phrase("goal split needs to=quarter, to=month or to=day")) }
        guard let grain = [PeriodGrain.quarter, .month, .day].first(where: { $0.name == grainText }) else {
            throw CommandError(phrase("to={grainText}: split to quarter, month or day", ["grainText": "\(grainText)"]))
        }
        guard grain > period.grain else {
            throw CommandError(phrase("{period} is a {name}; split it to something smaller than a {name}", ["period": "\(period.text)", "name": "\(period.grain.name)"]))
        }
        let method = try method(arguments.value("by") ?? "days", session)
        let split = GoalSplit(period: period, grain: grain, method: method)
        // The same rules a workspace file is held to, so that what is saved can be opened again.
        if let issue = Validation.issues(in: split, profiles: session.workspace.profiles).first {
            throw CommandError(phrase("by={method}: {issue}", ["method": "\(method.text)", "issue": "\(issue.message)"]))
        }
        splits.append(split)
        splits.sort { $0.period < $1.period }
        var workspace = session.workspace
        workspace.splits = splits
        let metrics = GoalMetric.allCases.filter { metric in workspace.goals.contains { $0.metric == metric } }
        for metric in metrics { _ = try plan(workspace, metric) }
        session.perform(Edit(description: "goal split \(period.text) to=\(grain.name) by=\(method.text)", changes: [.setSplits(splits)]))
        var blocks: [Block] = [.message(phrase("{period} spreads to {grain}s by {method}", ["period": period.text, "grain": grain.name, "method": method.text]))]
        if !metrics.isEmpty {
            blocks += try showTable(period, grain: grain, metrics: metrics, session)
        }
        return blocks
    }

    /// Reads `by=`: days, even, weights:8,7,9 (numbers as typed anywhere), profile:NAME, prior.
    static func method(_ text: String, _ session: Session) throws(CommandError) -> SplitMethod {
        // Weights are read as typed anywhere (1.5万, 10w); the rest as the file writes it.
        if text.hasPrefix("weights:") {
            var weights: [ExactDecimal] = []
            for part in text.dropFirst(8).split(separator: ",", omittingEmptySubsequences: false) {
                do { weights.append(try NumberGrammar.amount(String(part))) } catch { throw CommandError(phrase("by={text}: {error}", ["text": "\(text)", "error": "\(error.message)"])) }
            }
            return .weights(weights)
        }
        guard let method = SplitMethod(text: text) else {
            throw CommandError(phrase("by={text}: use days, even, weights:8,7,9…, profile:NAME or prior", ["text": "\(text)"]))
        }
        if case .profile(let name) = method, session.workspace.profile(named: name) == nil {
            let known = session.workspace.profiles.map(\.name)
            throw CommandError(known.isEmpty
                ? phrase("no profile {name}; make one with profile set {name} nov=1.8 …", ["name": name])
                : phrase("no profile {name}; there is {names}", ["name": name, "names": commaList(known)]))
        }
        return method
    }
}
