import ROPGDomain
import ROPGText
import ROPGTables

/// `scenario new|save|open|list|show|rm|rename|volume|compare`: named versions of the plan kept
/// in the workspace, each a list of changes laid over the plan as it is (docs/DOMAIN.md §13).
public enum ScenarioCommand: Command {
    public static let name = "scenario"
    public static let aliases = ["scenarios"]
    public static let topic = HelpTopic.pricing
    public static let summary = "named versions of the plan (保守, 激进) kept in the workspace and compared side by side"
    public static let usage = [
        "scenario new NAME [volume=RULE]",
        "scenario save NAME [volume=RULE]",
        "scenario open NAME",
        "scenario list",
        "scenario show NAME",
        "scenario rm NAME",
        "scenario rename OLD NEW",
        "scenario volume NAME hold-gmv|hold-units|elasticity:E",
        "scenario compare [NAME…] REPORT [ARGUMENTS…] [volume=RULE]",
        "REPORT … scenario=NAME",
    ]
    public static let examples = [
        "scenario compare pnl 2026-11",
        "scenario compare 保守 激进 pnl 2026 by=quarter",
        "scenario compare margin volume=hold-units",
        "pnl 2026-11 scenario=激进",
        "scenario show 激进",
        "scenario new 稳健",
    ]
    public static let details = """
        scenario new NAME opens a what-if that belongs to NAME: change products, costs, goals, assumptions and hit
        plans as usual (product set role:traffic price-=10%, set cpc+=20%, cost add P "主播" 8000/month, hit save 双11),
        then keep stores the changes in the scenario (the plan is unchanged) or drop throws them away. scenario save
        NAME turns an open what-if into a scenario; scenario open NAME edits one, and keep stores the edits back.
        A scenario is a delta on the plan as it is now: when the plan changes, its changes still apply on top (a
        relative change such as price-=10% follows the plan's price); a change whose product or entry is gone is
        reported by name and the rest still apply. Scenarios are saved in the workspace file, one line per change.
        scenario compare REPORT shows the report for the plan and every scenario (or those named) side by side,
        each with Δ and Δ% against the plan: pnl, costs, margin, breakeven, goal show, goal drivers, hit plan,
        portfolio and any other report, at any grain they take; > FILE and every format work. REPORT scenario=NAME
        shows any report under one scenario.
        Volume that answers price (every comparison says which rule it used): hold-gmv, the default, keeps the
        goals' GMV, so a cheaper product sells more units; hold-units keeps each product's units, so its GMV moves
        with its price; elasticity:E changes its units by E × the price change (elasticity:-1.5 and a 10% cut sell
        15% more). Set it per scenario (scenario new NAME volume=hold-units, scenario volume NAME RULE) or for one
        comparison (scenario compare … volume=RULE).
        """
    static let volumeKey = Key("volume", .choice(["hold-gmv", "hold-units", "elasticity:"]))
    public static let syntax = Syntax([
        Verb("new", words: [.text], required: 1, keys: [volumeKey]),
        Verb("save", words: [.text], required: 1, keys: [volumeKey]),
        Verb("open", words: [.scenario], required: 1),
        Verb("list"),
        Verb("show", words: [.scenario], required: 1),
        Verb("rm", words: [.scenario], required: 1, repeatsLast: true),
        Verb("rename", words: [.scenario, .text], required: 2),
        Verb("volume", words: [.scenario, .choice(["hold-gmv", "hold-units", "elasticity:"])], required: 1),
        // The scenarios to compare, then the report with its own words and keys (checked by the report).
        Verb("compare", words: [.scenario, .command], keys: [volumeKey]),
    ])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        switch try verb(arguments) {
        case "new": return try new(arguments, session)
        case "save": return try save(arguments, session)
        case "open": return try open(arguments, session)
        case "list": return try list(arguments, session)
        case "show": return try show(arguments, session)
        case "rm": return try remove(arguments, session)
        case "rename": return try rename(arguments, session)
        case "volume": return try volume(arguments, session)
        default: return try ScenarioComparison.run(arguments, in: session)
        }
    }

    static func name(_ arguments: Arguments, _ verb: String, at position: Int = 1) throws(CommandError) -> String {
        guard let name = arguments.positional(position) else { throw CommandError(phrase("scenario {verb} needs a name, e.g. scenario {verb} 保守", ["verb": verb])) }
        return name
    }

    /// A name for a new scenario: valid, and not taken.
    static func freshName(_ name: String, _ session: Session) throws(CommandError) -> String {
        if let problem = Scenario.problem(withName: name) { throw CommandError(phrase("{name}: {problem}", ["name": name.quotedExcerpt, "problem": problem.message])) }
        if CommandRegistry.command(named: name) != nil {
            throw CommandError(phrase("{name} is the name of a command; scenario compare could not tell them apart. Pick another name", ["name": name.quotedExcerpt]))
        }
        if session.plan.scenario(named: name) != nil {
            throw CommandError(phrase("scenario {name} exists already; scenario open {name} edits it, scenario rm {name} removes it", ["name": name]))
        }
        return name
    }

    static func rule(_ arguments: Arguments) throws(CommandError) -> VolumeRule? {
        guard let text = arguments.value("volume") else { return nil }
        guard let rule = VolumeRule.parse(text) else { throw CommandError(phrase("volume={value} is not a rule; use {rules}", ["value": text.excerpt, "rules": VolumeRule.choices])) }
        return rule
    }

    private static func new(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "new")
        try arguments.checkPositionals(max: 2, usage: usage[0])
        let name = try freshName(try name(arguments, "new"), session)
        guard !session.isWhatIfOpen else { throw CommandError(phrase("a what-if is open: scenario save {name} makes it a scenario, or keep or drop it first", ["name": name])) }
        let rule = try rule(arguments) ?? .holdGMV
        _ = session.openScenario(name, volume: rule, changes: [])
        return [.message(phrase("scenario {name} opened: changes from now on belong to it; keep stores them in it, drop throws them away (volume: {rule})", ["name": name, "rule": rule.typed]))]
    }

    private static func save(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "save")
        try arguments.checkPositionals(max: 2, usage: usage[1])
        let given = try name(arguments, "save")
        guard let open = session.whatIf else { throw CommandError(phrase("no what-if is open to save; whatif opens one, or scenario new {name} opens one for a scenario", ["name": given])) }
        if open.scenario != given { _ = try freshName(given, session) }
        let scenario = try session.storeWhatIf(as: given, volume: try rule(arguments))
        return [.message(phrase("saved scenario {name}: {changes}; the what-if is closed and the plan is unchanged", ["name": given, "changes": phrase(count: scenario.changes.count, "{count} change", "{count} changes")]))]
    }

    private static func open(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "open")
        try arguments.checkPositionals(max: 2, usage: usage[2])
        let scenario = try session.scenario(named: try name(arguments, "open"))
        guard !session.isWhatIfOpen else { throw CommandError(phrase("a what-if is open: keep or drop it before opening scenario {name}", ["name": scenario.name])) }
        let problems = session.openScenario(scenario.name, volume: scenario.volume, changes: scenario.changes)
        var text = phrase("scenario {name} opened with its {changes}: change it as usual; keep stores the edits back in it, drop leaves it as it was",
                          ["name": scenario.name, "changes": phrase(count: scenario.changes.count, "{count} change", "{count} changes")])
        if !problems.isEmpty {
            text += "\n" + (problems.count == 1 ? phrase("1 change no longer applies and is left out on keep:")
                : phrase("{count} changes no longer apply and are left out on keep:", ["count": String(problems.count)]))
                + "\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
        return [.message(text)]
    }

    private static func list(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "list")
        try arguments.checkPositionals(max: 1, usage: usage[3])
        var rows: [[Cell]] = []
        for scenario in session.plan.scenarios {
            let outcome = scenario.applied(to: session.plan)
            rows.append([.text(scenario.name), .count(ExactDecimal(scenario.changes.count)), .text(scenario.volume.typed),
                         outcome.problems.isEmpty ? .text(phrase("all apply"))
                            : .text(phrase(outcome.problems.count == 1 ? "{changes} no longer applies" : "{changes} no longer apply",
                                           ["changes": phrase(count: outcome.problems.count, "{count} change", "{count} changes")])).emphasized(.warning)])
        }
        let table = Table(title: nil, columns: [.text("scenario", key: "scenario"), .number("changes", key: "changes"),
                                                .text("volume", key: "volume"), .text("on the plan", key: "status")],
                          rows: rows, notes: [phrase(count: rows.count, "{count} scenario", "{count} scenarios")])
        return [.table(table)]
    }

    private static func show(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "show")
        try arguments.checkPositionals(max: 2, usage: usage[4])
        let scenario = try session.scenario(named: try name(arguments, "show"))
        var workspace = session.plan
        var lookup = ScenarioLookup()
        var rows: [[Cell]] = []
        for (position, change) in scenario.changes.enumerated() {
            let before = figure(of: change, in: workspace, &lookup)
            let problem = change.apply(to: &workspace, lookup: &lookup)
            let after = problem == nil ? figure(of: change, in: workspace, &lookup) : nil
            rows.append([.count(ExactDecimal(position + 1)), .text(change.subject), .text(change.howPhrased),
                         before.map { .text($0) } ?? .empty, after.map { .text($0) } ?? .empty,
                         problem.map { Cell.text(phrase("no longer applies: {problem}", ["problem": $0.message])).emphasized(.warning) } ?? .text(phrase("applies"))])
        }
        var notes = [phrase("{changes}; volume: {rule}", ["changes": phrase(count: scenario.changes.count, "{count} change", "{count} changes"), "rule": scenario.volume.explanation])]
        if scenario.changes.isEmpty { notes = [phrase("no changes yet: scenario open {name} to make some", ["name": scenario.name])] }
        let table = Table(title: phrase("scenario {name}", ["name": scenario.name]),
                          columns: [.number("#", key: "position"), .text("change", key: "change"), .text("how", key: "how"),
                                    .text("plan", key: "plan"), .text("scenario", key: "scenario"), .text("status", key: "status")],
                          rows: rows, notes: notes)
        return [.table(table)]
    }

    /// The figure a change touches, as shown: "69.00", "2.5%", "8,000.00/month".
    static func figure(of change: ScenarioChange, in workspace: Workspace, _ lookup: inout ScenarioLookup) -> String? {
        switch change {
        case .assumption(let assumption, _):
            return workspace.settings[assumption].map { SettingsCommand.show($0, assumption) }
        case .product(let sku, let figure, _):
            guard let product = lookup.product(sku, in: workspace).map({ workspace.products[$0] }) else { return nil }
            guard let value = figure.value(of: product) else { return "none" }
            switch figure {
            case .price, .cost: return value.formatted()
            case .stock: return value.countText
            case .share, .ctr, .cvr: return value.exactPercentText
            }
        case .productName(let sku, _):
            return lookup.product(sku, in: workspace).map { workspace.products[$0].name }
        case .productRole(let sku, _):
            return lookup.product(sku, in: workspace).map { workspace.products[$0].role?.rawValue ?? "none" }
        case .cost(let id, let figure, _):
            guard let entry = lookup.cost(id, in: workspace).map({ workspace.costs[$0] }) else { return nil }
            return figure == .amount ? CostSpec.describe(entry) : entry.quantity.countText
        case .replaceCost(let entry), .addCost(let entry):
            return workspace.costs.last(where: { $0.id.category == entry.category && $0.name == entry.name }).map { CostSpec.describe($0) }
        case .goal(let period, let metric, _):
            return workspace.goalIndex(period: period, metric: metric).map { workspace.goals[$0].value.formatted() }
        case .hitPlan(let saved):
            return workspace.hitPlans.first { $0.name == saved.name }.map { phrase("{sku} from {day}", ["sku": $0.spec.sku, "day": $0.spec.start.isoText]) }
        case .addProduct(let product):
            return lookup.product(product.sku, in: workspace).map { phrase("price {price}", ["price": workspace.products[$0].price.formatted()]) }
        case .removeProduct(let sku):
            return lookup.product(sku, in: workspace) == nil ? nil : phrase("in the plan")
        case .removeCost(let id):
            return lookup.cost(id, in: workspace) == nil ? nil : phrase("in the plan")
        case .removeHitPlan(let name):
            return workspace.hitPlans.contains { $0.name == name } ? phrase("in the plan") : nil
        }
    }

    private static func remove(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "rm")
        let names = arguments.positionals.dropFirst().map(\.text)
        guard !names.isEmpty else { throw CommandError(phrase("scenario rm needs a name, e.g. scenario rm 保守")) }
        try noOpenWhatIf(session, phrase("removing a scenario"))
        for name in names { _ = try session.scenario(named: name) }
        let scenarios = session.workspace.scenarios.filter { !names.contains($0.name) }
        session.perform(Edit(description: "scenario rm \(names.joined(separator: " "))", changes: [.setScenarios(scenarios)]))
        return [.message(phrase(names.count == 1 ? "removed scenario {names} (undo brings it back)" : "removed scenario {names} (undo brings them back)", ["names": names.joined(separator: ", ")]))]
    }

    private static func rename(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "rename")
        try arguments.checkPositionals(max: 3, usage: usage[6])
        let old = try session.scenario(named: try name(arguments, "rename"))
        guard let new = arguments.positional(2) else { throw CommandError(phrase("scenario rename needs the new name too, e.g. scenario rename {name} 稳健", ["name": old.name])) }
        try noOpenWhatIf(session, phrase("renaming a scenario"))
        _ = try freshName(new, session)
        let scenarios = session.workspace.scenarios.map { scenario in
            var renamed = scenario
            if renamed.name == old.name { renamed.name = new }
            return renamed
        }
        session.perform(Edit(description: "scenario rename \(old.name) \(new)", changes: [.setScenarios(scenarios)]))
        return [.message(phrase("renamed scenario {old} to {new}", ["old": old.name, "new": new]))]
    }

    private static func volume(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "volume")
        try arguments.checkPositionals(max: 3, usage: usage[7])
        let scenario = try session.scenario(named: try name(arguments, "volume"))
        guard let text = arguments.positional(2) else {
            return [.message(phrase("scenario {name}: volume {rule}", ["name": scenario.name, "rule": scenario.volume.explanation]))]
        }
        guard let rule = VolumeRule.parse(text) else { throw CommandError(phrase("{word} is not a volume rule; use hold-gmv, hold-units or elasticity:E (e.g. elasticity:-1.5)", ["word": text.quotedExcerpt])) }
        try noOpenWhatIf(session, phrase("changing a scenario"))
        let scenarios = session.workspace.scenarios.map { item in
            var changed = item
            if changed.name == scenario.name { changed.volume = rule }
            return changed
        }
        session.perform(Edit(description: "scenario volume \(scenario.name) \(rule.typed)", changes: [.setScenarios(scenarios)]))
        return [.message(phrase("scenario {name}: volume {rule}", ["name": scenario.name, "rule": rule.explanation]))]
    }

    static func noOpenWhatIf(_ session: Session, _ doing: String) throws(CommandError) {
        guard !session.isWhatIfOpen else { throw CommandError(phrase("a what-if is open: keep or drop it before {doing}", ["doing": doing])) }
    }
}
