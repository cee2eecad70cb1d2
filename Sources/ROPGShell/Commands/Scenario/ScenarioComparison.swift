import ROPGDomain
import ROPGText
import ROPGTables

/// `scenario compare [NAME…] REPORT …`: the report for the plan and each scenario side by side,
/// each with Δ and Δ% against the plan (the what-if's comparison of typed report values, with
/// one column group per scenario); and `REPORT scenario=NAME`, a report under one scenario.
enum ScenarioComparison {
    /// Commands that are not reports: they manage the session or change the plan.
    static let notReports: Set<String> = WhatIfCommand.notChanges.union(["scenario", "recover", "format", "help", "history"])

    /// The commands a comparison can show: a "did you mean" offers only these (never `open`).
    static var reportNames: [String] {
        CommandRegistry.allNames.filter { name in !notReports.contains(CommandRegistry.command(named: name)?.name ?? name) }
    }

    static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        let rule = try ScenarioCommand.rule(arguments)
        let words = Array(arguments.words.dropFirst()).filter { $0.key != "volume" }
        var names: [String] = []
        var position = 0
        while position < words.count {
            let word = words[position]
            guard word.key == nil else { break }
            if !word.wasQuoted, CommandRegistry.command(named: word.text) != nil { break }
            guard session.plan.scenario(named: word.text) != nil else {
                let near = Suggestions.nearest(to: word.text, among: session.plan.scenarios.map(\.name) + reportNames)
                throw CommandError(near.isEmpty ? phrase("{word} is neither a scenario nor a report; scenario list shows the scenarios", ["word": word.text.quotedExcerpt])
                    : phrase("{word} is neither a scenario nor a report; did you mean {names}?", ["word": word.text.quotedExcerpt, "names": orList(near)]))
            }
            if !names.contains(word.text) { names.append(word.text) }
            position += 1
        }
        guard position < words.count, let command = CommandRegistry.command(named: words[position].text) else {
            throw CommandError(phrase("scenario compare needs a report after the scenarios, e.g. scenario compare pnl 2026-11"))
        }
        guard !notReports.contains(command.name) else { throw CommandError(phrase("scenario compare takes a report such as pnl, costs or margin; {command} is not one", ["command": command.name])) }
        if names.isEmpty { names = session.plan.scenarios.map(\.name) }
        guard !names.isEmpty else { throw CommandError(phrase("there are no scenarios to compare yet; scenario new NAME makes one")) }
        let reportArguments = Arguments(Array(words[(position + 1)...]))

        var alternatives: [Comparison.Alternative] = []
        var notes: [String] = []
        var rules: [(String, VolumeRule, String?)] = []
        for name in names {
            let (derived, outcome) = try session.scenarioSession(name, volume: rule)
            let blocks = try report(command, reportArguments, in: derived, scenario: name)
            alternatives.append(Comparison.Alternative(name: name, blocks: blocks))
            notes += outcome.problems.map { phrase("{name}: {problem} (left out; the rest applies)", ["name": name, "problem": $0.message]) }
            rules.append((name, rule ?? (session.plan.scenario(named: name)?.volume ?? .holdGMV), outcome.volumeNote?.message))
        }
        let planBlocks: [Block]
        do throws(CommandError) {
            planBlocks = try command.run(reportArguments, in: session.isWhatIfOpen ? session.planSession() : session)
        } catch {
            throw CommandError(phrase("{name}: {error}", ["name": "\(command.name)", "error": "\(error.message)"]))
        }
        notes.insert(contentsOf: volumeNotes(rules), at: 0)
        let compared = Comparison.compare(plan: planBlocks, alternatives: alternatives, notes: notes)
        return Session.named(compared, defaultName: Session.defaultTableName(command, reportArguments))
    }

    /// Which volume rule each comparison used, said once when they all used the same.
    static func volumeNotes(_ rules: [(name: String, rule: VolumeRule, did: String?)]) -> [String] {
        let distinct = Set(rules.map(\.rule.typed))
        var notes: [String] = []
        if distinct.count == 1, let rule = rules.first?.rule {
            notes.append(rule == .holdGMV ? phrase("volume: {rule}, the default; volume=hold-units or volume=elasticity:E changes it", ["rule": rule.explanation])
                : phrase("volume: {rule}", ["rule": rule.explanation]))
        } else {
            notes += rules.map { phrase("volume in {name}: {rule}", ["name": $0.name, "rule": $0.rule.explanation]) }
        }
        notes += rules.compactMap { rule in rule.did.map { phrase("{name}: {problem}", ["name": rule.name, "problem": $0]) } }
        return notes
    }

    /// Runs a report on a scenario's session; a command that would change it is refused.
    static func report(_ command: any Command.Type, _ arguments: Arguments, in derived: Session, scenario: String) throws(CommandError) -> [Block] {
        guard !notReports.contains(command.name) else {
            throw CommandError(phrase("scenario={name} shows a report under the scenario; {command} is not a report (scenario open {name} edits it)", ["name": scenario, "command": command.name]))
        }
        let before = derived.undoSteps.count
        let blocks: [Block]
        do throws(CommandError) { blocks = try command.run(arguments, in: derived) } catch {
            throw CommandError(phrase("{command} under scenario {name}: {problem}", ["command": command.name, "name": scenario, "problem": error.message]))
        }
        if derived.undoSteps.count != before {
            // Throw the derived session's change away: it is rebuilt from the plan next time.
            derived.scenarioCache.removeAll()
            _ = derived.undo()
            throw CommandError(phrase("scenario={name} shows a report under the scenario; {command} changes it instead (scenario open {name} edits it)", ["name": scenario, "command": command.name]))
        }
        return blocks
    }
}

extension Session {
    /// `REPORT scenario=NAME`: the report worked out under the scenario, with what it says.
    func runUnderScenario(_ command: any Command.Type, _ arguments: Arguments, scenario name: String) throws(CommandError) -> [Block] {
        let (derived, outcome) = try scenarioSession(name)
        var blocks = try ScenarioComparison.report(command, arguments, in: derived, scenario: name)
        let scenario = try scenario(named: name)
        var notes = [phrase("under scenario {name} ({changes}); volume: {rule}", ["name": name, "changes": phrase(count: scenario.changes.count, "{count} change", "{count} changes"),
                                                                                   "rule": scenario.volume.explanation])]
        if let did = outcome.volumeNote { notes.append(did.message) }
        notes += outcome.problems.map { phrase("{problem} (left out; the rest applies)", ["problem": $0.message]) }
        var noted = false
        blocks = blocks.map { block in
            guard case .table(var table) = block else { return block }
            // The title names the scenario, so a file written with > FILE says whose figures these are.
            table.title = table.title.map { phrase("{title} — scenario {name}", ["title": $0, "name": name]) } ?? phrase("scenario {name}", ["name": name])
            table.notes += notes
            noted = true
            return .table(table)
        }
        if !noted { blocks.append(.message(notes.joined(separator: "\n"))) }
        return blocks
    }
}
