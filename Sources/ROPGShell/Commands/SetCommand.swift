import ROPGDomain
import ROPGTables

/// `set KEY=VALUE…`: the planning assumptions.
public enum SetCommand: Command {
    public static let name = "set"
    public static let topic = HelpTopic.settings
    public static let summary = "set planning assumptions (conversion rate, order value, CPC, fees…)"
    public static let usage = ["set KEY=VALUE [KEY=VALUE…] [period=PERIOD]", "set KEY+=CHANGE|KEY-=CHANGE|KEY*=FACTOR [period=PERIOD]", "set KEY=default [period=PERIOD]"]
    public static let examples = ["set cvr=3% aov=120 cpc=0.8 paid-share=50% units-per-order=1 payment-fee=0.6%",
                                  "set cvr=4.5% cpc=1.2 period=2026-11-11", "set cpc+=20%", "set aov-=5", "set refund-rate=default", "set cvr=default period=2026-11-11"]
    public static var details: String {
        Assumption.allCases.map { "\($0.rawValue): \($0.meaning)" }.joined(separator: "\n")
            + "\nRelative: cpc+=20% (20% more), aov-=5 (5 less), cvr*=0.9; money is kept to the cent. In a scenario, a relative change stays relative."
    }
    public static let syntax = Syntax(keys: Key.all(Assumption.allCases.map(\.rawValue), .amount, relative: true) + [Key("period", .period)])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        let period = try arguments.period("period")
        try arguments.checkPositionals(max: 0, usage: usage[0])
        guard arguments.options.contains(where: { $0.key != "period" }) else { throw CommandError("set needs KEY=VALUE, e.g. set cvr=3%; see settings for the keys") }
        var settings = session.workspace.settings
        var said: [String] = []
        var typed: [ScenarioChange] = []
        for option in arguments.options {
            if let key = option.key, let assumption = Assumption(rawValue: String(key.dropLast())), let change = try arguments.relativeChange(assumption.rawValue) {
                // `set cpc+=20%`: relative to the value in force (for a period, that period's).
                let current = period.flatMap { period in settings.overrides.first { $0.period == period && $0.assumption == assumption }?.value } ?? settings[assumption]
                guard let value = change.applied(to: current).map({ assumption.settled($0) }) else {
                    throw CommandError("\(key)=: \(assumption.rawValue) is not set yet; set it first, e.g. set \(assumption.rawValue)=…")
                }
                if let problem = FigureChange.sizeProblem(of: value) { throw CommandError("\(key)=\(option.value ?? ""): \(problem); nothing was changed") }
                if let problem = assumption.problem(with: value) { throw CommandError("\(key)=\(option.value ?? ""): \(assumption.rawValue) would be \(value.description), but it \(problem)") }
                if let period {
                    settings.overrides.removeAll { $0.period == period && $0.assumption == assumption }
                    settings.overrides.append(AssumptionOverride(period: period, assumption: assumption, value: value))
                    said.append("\(assumption.rawValue) \(SettingsCommand.show(value, assumption)) for \(period.text)")
                } else {
                    if let problem = settings.changeOverrides(of: assumption, by: change) { throw CommandError("\(key)=\(option.value ?? ""): \(problem); nothing was changed") }
                    settings[assumption] = value
                    typed.append(.assumption(assumption, change))
                    said.append("\(assumption.rawValue) \(SettingsCommand.show(value, assumption))")
                }
                continue
            }
            guard let key = option.key, let text = option.value, let assumption = Assumption(rawValue: key) else { continue }
            if text == "default" || text == "none" {
                if let period {
                    let before = settings.overrides.count
                    settings.overrides.removeAll { $0.period == period && $0.assumption == assumption }
                    guard settings.overrides.count < before else { throw CommandError("\(key) has no value of its own for \(period.text)") }
                    said.append("\(key) for \(period.text) back to \(SettingsCommand.show(settings[assumption], assumption))")
                    continue
                }
                settings[assumption] = nil
                said.append("\(key) \(SettingsCommand.show(assumption.defaultValue, assumption)) (default)")
                continue
            }
            let value: ExactDecimal
            do {
                value = assumption.kind == .rate ? try NumberGrammar.rate(text) : try NumberGrammar.amount(text)
            } catch {
                throw CommandError("\(key)=: \(error.message)")
            }
            if let problem = assumption.problem(with: value) {
                throw CommandError("\(key)=\(text): \(key) \(problem)")
            }
            if let period {
                settings.overrides.removeAll { $0.period == period && $0.assumption == assumption }
                settings.overrides.append(AssumptionOverride(period: period, assumption: assumption, value: value))
                said.append("\(key) \(SettingsCommand.show(value, assumption)) for \(period.text)")
            } else {
                settings[assumption] = value
                said.append("\(key) \(SettingsCommand.show(value, assumption))")
            }
        }
        session.perform(Edit(description: arguments.described("set", skipping: ["period"]) + (period.map { " for \($0.text)" } ?? ""),
                             changes: [.setSettings(settings)]))
        session.noteTyped(typed)
        return [.message("set \(said.joined(separator: ", "))")]
    }
}
