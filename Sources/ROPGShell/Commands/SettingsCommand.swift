import ROPGDomain
import ROPGText
import ROPGTables

/// `settings`: every assumption, its value and where it comes from.
public enum SettingsCommand: Command {
    public static let name = "settings"
    public static let topic = HelpTopic.settings
    public static let summary = "show the planning assumptions"
    public static let usage = ["settings"]
    public static let examples = ["settings"]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 0, usage: usage[0])
        let settings = session.workspace.settings
        let table = Table(
            name: "settings",
            title: nil,
            columns: [.text("key", key: "key"), .number("value", key: "value"), .text("source", key: "source"),
                      .text("meaning", key: "meaning")],
            rows: Assumption.allCases.map { assumption in
                let value = settings[assumption]
                let source = settings.isSet(assumption) ? "set" : (value == nil ? "not set" : "default")
                return [.text(assumption.rawValue), cell(value, assumption), .word(source), .text(phrase(assumption.meaning))]
            })
        guard !settings.overrides.isEmpty else { return [.table(table)] }
        let overrides = Table(
            name: "settings_overrides",
            title: phrase("for particular periods"),
            columns: [.text("period", key: "period"), .text("key", key: "key"), .number("value", key: "value")],
            rows: settings.overrides.sorted { $0.period != $1.period ? $0.period < $1.period : $0.assumption.rawValue < $1.assumption.rawValue }
                .map { [.text($0.period.text), .text($0.assumption.rawValue), cell($0.value, $0.assumption)] })
        return [.table(table), .table(overrides)]
    }

    static func cell(_ value: ExactDecimal?, _ assumption: Assumption) -> Cell {
        guard let value else { return .empty }
        switch assumption.kind {
        case .rate: return Cell(text: value.exactPercentText, plain: value.description, kind: .rate, alignment: .right, emphasis: .none)
        case .money: return .money(value)
        case .ratio: return Cell(text: value.description, plain: value.description, kind: .decimal, alignment: .right, emphasis: .none)
        }
    }

    static func show(_ value: ExactDecimal?, _ assumption: Assumption) -> String {
        guard let value else { return phrase("not set") }
        switch assumption.kind {
        case .rate: return value.exactPercentText
        case .money: return value.formatted()
        case .ratio: return value.description
        }
    }
}
