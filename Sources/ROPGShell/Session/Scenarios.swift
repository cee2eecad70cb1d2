import ROPGDomain
import ROPGReports
import ROPGText
import ROPGTables

/// Scenarios in the session: the figure changes typed in a what-if (kept relative), a scenario
/// laid over the plan as a session of its own for reports, and a what-if turned into a scenario.
extension Session {
    /// Records figure changes as typed, for the open what-if (a scenario keeps them relative).
    func noteTyped(_ changes: [ScenarioChange]) {
        guard whatIf != nil, !changes.isEmpty, let step = undoSteps.last?.id else { return }
        whatIf?.typed += changes.map { (step, $0) }
    }

    /// The scenario named `name`, or an error with a "did you mean".
    func scenario(named name: String) throws(CommandError) -> Scenario {
        if let scenario = plan.scenario(named: name) { return scenario }
        let names = plan.scenarios.map(\.name)
        let near = Suggestions.nearest(to: name, among: names)
        let word = name.quotedExcerpt
        if !near.isEmpty { throw CommandError(phrase("no scenario {name}; did you mean {names}?", ["name": word, "names": orList(near)])) }
        throw CommandError(names.isEmpty ? phrase("no scenario {name}; there are none yet; scenario new NAME makes one", ["name": word])
                                         : phrase("no scenario {name}; there are {names}", ["name": word, "names": names.joined(separator: ", ")]))
    }

    /// A session over the plan with the scenario laid on top (its volume rule, or `volume`),
    /// and what did not apply. Kept while the plan stays as it is.
    func scenarioSession(_ name: String, volume: VolumeRule? = nil) throws(CommandError) -> (session: Session, outcome: ScenarioOutcome) {
        let scenario = try scenario(named: name)
        let rule = volume ?? scenario.volume
        let key = "\(name)\u{1F}\(rule.typed)"
        if let cached = scenarioCache[key], cached.revision == planRevision, cached.scenario == scenario { return (cached.session, cached.outcome) }
        if planLookup?.revision != planRevision { planLookup = (planRevision, ScenarioLookup(productsOf: plan)) }
        let outcome = scenario.applied(to: plan, volume: rule, lookup: planLookup?.lookup ?? ScenarioLookup())
        if let failure = outcome.volumeFailure { throw CommandError(phrase("scenario {name}: {failure}", ["name": "\(name)", "failure": failure.phrased])) }
        let session = Session(workspace: outcome.workspace, path: nil, console: Console(capturing: ()), interactive: false, today: today)
        if !outcome.productsMoved {
            // The plan's million entries need not be folded again: only the entries the scenario
            // changes, and what prices and shares change.
            let base = whatIf == nil ? context : planSession().context
            session.givenIndex = base.costIndex().forScenario(outcome, mapper: InPieces())
        }
        scenarioCache[key] = (planRevision, scenario, session, outcome)
        return (session, outcome)
    }

    /// What changes when the plan changes (not when an open what-if does).
    var planRevision: Int { whatIf?.planRevision ?? revision }

    /// The changes the open what-if made to the plan, as a scenario's changes.
    func whatIfAsScenarioChanges() throws(CommandError) -> [ScenarioChange] {
        guard let open = whatIf else { throw CommandError(phrase("no what-if is open; scenario new NAME opens one for a scenario")) }
        let steps = Set(whatIfSteps.map(\.id))
        let typed = open.typed.filter { steps.contains($0.stepID) }.map(\.change)
        do throws(ScenarioDelta.Unsupported) {
            return try ScenarioDelta.between(open.plan, workspace, typed: typed)
        } catch {
            throw CommandError(phrase("a scenario holds changes to products, cost entries, goals, assumptions and hit plans; this what-if also changes {parts}: undo those, or keep the what-if in the plan", ["parts": error.parts.joined(separator: ", ")]))
        }
    }

    /// Stores the open what-if's changes as scenario `name` (replacing its changes when it
    /// exists), closes the what-if and leaves the plan as it was; one undo step.
    func storeWhatIf(as name: String, volume: VolumeRule?) throws(CommandError) -> Scenario {
        let changes = try whatIfAsScenarioChanges()
        let rule = volume ?? whatIf?.volume ?? .holdGMV
        dropWhatIf()
        var scenarios = workspace.scenarios
        let scenario = Scenario(name: name, changes: changes, volume: rule)
        if let index = scenarios.firstIndex(where: { $0.name == name }) { scenarios[index] = scenario } else { scenarios.append(scenario) }
        perform(Edit(description: phrase("scenario {name} ({changes})", ["name": name, "changes": phrase(count: changes.count, "{count} change", "{count} changes")]), changes: [.setScenarios(scenarios)]))
        return scenario
    }

    /// Opens a what-if for scenario `name`, with its changes made as the what-if's first step.
    func openScenario(_ name: String, volume: VolumeRule, changes: [ScenarioChange]) -> [String] {
        openWhatIf()
        whatIf?.scenario = name
        whatIf?.volume = volume
        let outcome = Scenario(name: name, changes: changes, volume: .holdGMV).applied(to: workspace)
        let edit = Edit(description: phrase("scenario {name}: {changes}", ["name": name, "changes": phrase(count: changes.count, "{count} change", "{count} changes")]), changes: Session.difference(from: workspace, to: outcome.workspace))
        perform(edit)
        // The scenario's own relative changes stay relative when it is kept again.
        noteTyped(zip(changes, outcome.applied).filter { $0.1 }.map(\.0))
        return outcome.problems.map(\.message)
    }

    /// Changes that turn `old` into `new`, entity by entity (products, costs, goals by position
    /// after the common prefix; the collections whole).
    static func difference(from old: Workspace, to new: Workspace) -> [WorkspaceChange] {
        var changes: [WorkspaceChange] = []
        if old.settings != new.settings { changes.append(.setSettings(new.settings)) }
        func list<T: Equatable>(_ a: [T], _ b: [T], replace: (T, Int) -> WorkspaceChange, insert: (T, Int) -> WorkspaceChange,
                                remove: (Int) -> WorkspaceChange) {
            let common = min(a.count, b.count)
            for index in 0..<common where a[index] != b[index] { changes.append(replace(b[index], index)) }
            if b.count > common { for index in common..<b.count { changes.append(insert(b[index], index)) } }
            if a.count > common { for index in (common..<a.count).reversed() { changes.append(remove(index)) } }
        }
        list(old.products, new.products, replace: { .replaceProduct($0, at: $1) }, insert: { .insertProduct($0, at: $1) }, remove: { .removeProduct(at: $0) })
        list(old.costs, new.costs, replace: { .replaceCost($0, at: $1) }, insert: { .insertCost($0, at: $1) }, remove: { .removeCost(at: $0) })
        list(old.goals, new.goals, replace: { .replaceGoal($0, at: $1) }, insert: { .insertGoal($0, at: $1) }, remove: { .removeGoal(at: $0) })
        if old.hitPlans != new.hitPlans { changes.append(.setHitPlans(new.hitPlans)) }
        for category in CostCategory.allCases where old.lastCostNumber[category] != new.lastCostNumber[category] {
            changes.append(.setLastCostNumber(new.lastCostNumber[category] ?? 0, for: category))
        }
        return changes
    }
}

extension Session {
    /// Removes `scenario=NAME` from a command's words; returns the rest and the name.
    static func takeScenarioKey(_ words: [Word]) throws(CommandError) -> (words: [Word], scenario: String?) {
        let keyed = words.filter { $0.key == "scenario" }
        guard let last = keyed.last else { return (words, nil) }
        guard keyed.count == 1 else { throw CommandError(phrase("{key}= is given twice", ["key": "scenario"])) }
        guard let name = last.value, !name.isEmpty else { throw CommandError(phrase("scenario= needs a scenario's name, e.g. pnl 2026-11 scenario=激进")) }
        return (words.filter { $0.key != "scenario" }, name)
    }
}
