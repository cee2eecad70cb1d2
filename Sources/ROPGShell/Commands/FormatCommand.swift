import ROPGDomain
import ROPGText
import ROPGTables

/// `format text|md|csv|json`: how tables are printed from now on.
public enum FormatCommand: Command {
    public static let name = "format"
    public static let topic = HelpTopic.session
    public static let summary = "print tables as text, md (Markdown), csv or json"
    public static let usage = ["format [text|md|csv|json] [money=万|亿|plain]"]
    public static let examples = ["format json", "format text", "format money=万", "format money=plain"]
    public static let syntax = Syntax(words: [.choice(OutputFormat.allCases.map(\.rawValue))],
                                      keys: [Key("money", .choice(MoneyUnit.allCases.map(\.rawValue)))])
    public static let details = """
        csv and json keep standard output for data (docs/OUTPUT.md): json prints one document per command, its
        tables by name with their notes and messages; csv prints plain CSV, or with several tables a line
        "# table: NAME" before each. Messages, csv notes and --echo go to standard error.
        format money=万|亿|plain shows money columns on screen in 万 or 亿 yuan, the unit in the header, totals still
        adding up to their parts as shown; files keep full precision.
        Any command takes table=NAME to keep one of its tables, e.g. breakeven table=breakeven_mix. Names: the
        command (pnl, product_list, hit_rank), or for reports of several tables: breakeven, breakeven_mix;
        hit_plan, hit_plan_summary; portfolio, portfolio_abc, portfolio_matrix; settings, settings_overrides;
        check, check_health.
        """

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        var unit: MoneyUnit?
        if let text = arguments.value("money") {
            guard let chosen = MoneyUnit(word: text) else {
                throw CommandError(phrase("money={word}: use 万, 亿 or plain", ["word": text.excerpt]))
            }
            unit = chosen
        }
        var format: OutputFormat?
        if let text = arguments.positional(0) {
            guard let chosen = OutputFormat(rawValue: text.lowercased()) else {
                throw CommandError(phrase("{word} is not a format; use text, md, csv or json", ["word": text.quotedExcerpt]))
            }
            format = chosen
        }
        if let format { session.format = format }
        if let unit { session.moneyUnit = unit }
        guard session.moneyUnit != .plain else { return [.message("format \(session.format.rawValue)")] }
        return [.message("format \(session.format.rawValue) money=\(session.moneyUnit.rawValue)")]
    }
}
