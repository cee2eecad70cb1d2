import ROPGDomain
import ROPGText
import ROPGTables

/// `set KEY=VALUE…`: the planning assumptions.
public enum SetCommand: Command {
    public static let name = "set"
    public static let topic = HelpTopic.settings
    public static let summary = "set planning assumptions (conversion rate, order value, CPC, fees…)"
    public static let usage = ["set KEY=VALUE [KEY=VALUE…] [period=PERIOD]", "set KEY+=CHANGE|KEY-=CHANGE|KEY*=FACTOR [period=PERIOD]", "set KEY=default [period=PERIOD]",
                               "set lang=zh|en|default"]
    public static let examples = ["set cvr=3% aov=120 cpc=0.8 paid-share=50% units-per-order=1 payment-fee=0.6%",
                                  "set cvr=4.5% cpc=1.2 period=2026-11-11", "set cpc+=20%", "set aov-=5", "set refund-rate=default", "set cvr=default period=2026-11-11",
                                  "set lang=zh", "set lang=en"]
    public static var details: String {
        (Assumption.allCases.map { "\($0.rawValue): \(phrase($0.meaning))" }
            + ["\(Settings.languageKey): \(phrase("the language ropg speaks to this workspace's team, kept in the file: zh (中文) or en (English); default follows --lang or the locale"))",
               phrase("Relative: cpc+=20% (20% more), aov-=5 (5 less), cvr*=0.9; money is kept to the cent. In a scenario, a relative change stays relative.")])
            .joined(separator: "\n")
    }
    public static let syntax = Syntax(keys: Key.all(Assumption.allCases.map(\.rawValue), .amount, relative: true) + [Key("period", .period)]
                                      + [Key(Settings.languageKey, .choice(Language.allCases.map(\.rawValue) + ["default"]))])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        let period = try arguments.period("period")
        try arguments.checkPositionals(max: 0, usage: usage[0])
        guard arguments.options.contains(where: { $0.key != "period" }) else { throw CommandError(phrase("set needs KEY=VALUE, e.g. set cvr=3%; see settings for the keys")) }
        var settings = session.workspace.settings
        var said: [String] = []
        if let text = arguments.value(Settings.languageKey) {
            guard period == nil else { throw CommandError(phrase("lang= holds for the whole workspace; it takes no period=")) }
            if text == "default" || text == "none" {
                settings.language = nil
            } else {
                guard let language = Language(code: text) else {
                    throw CommandError(phrase("lang={word}: use zh (中文), en (English) or default", ["word": text.excerpt]))
                }
                settings.language = language
            }
            // This session's own choice gives way: the team's language now holds.
            session.languageGivenOnCommandLine = false
        }
        var typed: [ScenarioChange] = []
        for option in arguments.options {
            if let key = option.key, let assumption = Assumption(rawValue: String(key.dropLast())), let change = try arguments.relativeChange(assumption.rawValue) {
                // `set cpc+=20%`: relative to the value in force (for a period, that period's).
                let current = period.flatMap { period in settings.overrides.first { $0.period == period && $0.assumption == assumption }?.value } ?? settings[assumption]
                guard let value = change.applied(to: current).map({ assumption.settled($0) }) else {
                    throw CommandError(phrase("{key}=: {assumption} is not set yet; set it first, e.g. set {assumption}=…", ["key": "\(key)", "assumption": "\(assumption.rawValue)"]))
                }
                if let problem = FigureChange.sizeProblem(of: value) { throw CommandError(phrase("{key}={value}: {problem}; nothing was changed", ["key": "\(key)", "value": "\(option.value ?? "")", "problem": problem.message])) }
                if let problem = assumption.problem(with: value) { throw CommandError(phrase("{key}={value}: {assumption} would be {value2}, but it {problem}", ["key": "\(key)", "value": "\(option.value ?? "")", "assumption": "\(assumption.rawValue)", "value2": "\(value.description)", "problem": phrase(problem)])) }
                if let period {
                    settings.overrides.removeAll { $0.period == period && $0.assumption == assumption }
                    settings.overrides.append(AssumptionOverride(period: period, assumption: assumption, value: value))
                    said.append(phrase("{key} {value} for {period}", ["key": assumption.rawValue, "value": SettingsCommand.show(value, assumption), "period": period.text]))
                } else {
                    if let problem = settings.changeOverrides(of: assumption, by: change) { throw CommandError(phrase("{key}={value}: {problem}; nothing was changed", ["key": "\(key)", "value": "\(option.value ?? "")", "problem": problem.message])) }
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
                    guard settings.overrides.count < before else { throw CommandError(phrase("{key} has no value of its own for {period}", ["key": key, "period": period.text])) }
                    said.append(phrase("{key} for {period} back to {value}", ["key": key, "period": period.text, "value": SettingsCommand.show(settings[assumption], assumption)]))
                    continue
                }
                settings[assumption] = nil
                said.append(phrase("{key} {value} (default)", ["key": key, "value": SettingsCommand.show(assumption.defaultValue, assumption)]))
                continue
            }
            let value: ExactDecimal
            do {
                value = assumption.kind == .rate ? try NumberGrammar.rate(text) : try NumberGrammar.amount(text)
            } catch {
                throw CommandError(phrase("{key}=: {problem}", ["key": key, "problem": error.message]))
            }
            if let problem = assumption.problem(with: value) {
                throw CommandError(phrase("{key}={value}: {key} {problem}", ["key": key, "value": text, "problem": phrase(problem)]))
            }
            if let period {
                settings.overrides.removeAll { $0.period == period && $0.assumption == assumption }
                settings.overrides.append(AssumptionOverride(period: period, assumption: assumption, value: value))
                said.append(phrase("{key} {value} for {period}", ["key": key, "value": SettingsCommand.show(value, assumption), "period": period.text]))
            } else {
                settings[assumption] = value
                said.append("\(key) \(SettingsCommand.show(value, assumption))")
            }
        }
        session.perform(Edit(description: arguments.described("set", skipping: ["period"]) + (period.map { " for \($0.text)" } ?? ""),
                             changes: [.setSettings(settings)]))
        session.noteTyped(typed)
        let language = session.language
        if arguments.value(Settings.languageKey) != nil {
            said.append(settings.language == nil
                ? Interface.$language.withValue(language) { phrase("lang {name} (default)", ["name": language.rawValue]) }
                : "lang \(language.rawValue)")
        }
        // Said in the language just chosen.
        return [.message(Interface.$language.withValue(language) { phrase("set {what}", ["what": said.joined(separator: ", ")]) })]
    }
}
