import ROPGDomain
import ROPGTables

/// `format text|md|csv|json`: how tables are printed from now on.
public enum FormatCommand: Command {
    public static let name = "format"
    public static let topic = HelpTopic.session
    public static let summary = "print tables as text, md (Markdown), csv or json"
    public static let usage = ["format [text|md|csv|json]"]
    public static let examples = ["format json", "format text"]
    public static let syntax = Syntax(words: [.choice(OutputFormat.allCases.map(\.rawValue))])
    public static let details = """
        csv and json keep standard output for data (docs/OUTPUT.md): json prints one document per command, its
        tables by name with their notes and messages; csv prints plain CSV, or with several tables a line
        "# table: NAME" before each. Messages, csv notes and --echo go to standard error.
        Any command takes table=NAME to keep one of its tables, e.g. breakeven table=breakeven_mix. Names: the
        command (pnl, product_list, hit_rank), or for reports of several tables: breakeven, breakeven_mix;
        hit_plan, hit_plan_summary; portfolio, portfolio_abc, portfolio_matrix; settings, settings_overrides;
        check, check_health.
        """

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        guard let text = arguments.positional(0) else { return [.message("format \(session.format.rawValue)")] }
        guard let format = OutputFormat(rawValue: text.lowercased()) else {
            throw CommandError("\(text.quotedExcerpt) is not a format; use text, md, csv or json")
        }
        session.format = format
        return [.message("format \(format.rawValue)")]
    }
}
