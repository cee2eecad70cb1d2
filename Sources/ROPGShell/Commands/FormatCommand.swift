import ROPGDomain
import ROPGText
import ROPGTables

/// `format text|md|csv|json`: how tables are printed from now on.
public enum FormatCommand: Command {
    public static let name = "format"
    public static let topic = HelpTopic.session
    public static let summary = "print tables as text, md (Markdown), csv or json"
    public static let usage = ["format [text|md|csv|json] [width=N|auto|full] [money=万|亿|plain]"]
    public static let examples = ["format json", "format text", "format width=80", "format width=full", "format width=auto", "format money=万", "format money=plain"]
    public static let syntax = Syntax(words: [.choice(OutputFormat.allCases.map(\.rawValue))],
                                      keys: [Key("width", .count), Key("money", .choice(MoneyUnit.allCases.map(\.rawValue)))])
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
        width=N draws text tables and charts on standard output N display columns wide: a table wider than that is
        shown in a layout that fits (see docs/OUTPUT.md) and says so. width=auto (the default) fits the terminal
        (COLUMNS, else its size) and keeps full tables in pipes; width=full never fits. Files (> FILE) always
        hold the full table.
        """

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        if let text = arguments.value("money") {
            guard let unit = MoneyUnit(word: text) else {
                throw CommandError(phrase("money={word}: use 万, 亿 or plain", ["word": text.excerpt]))
            }
            session.moneyUnit = unit
        }
        // "money=万" after what format says, while money is scaled.
        let money = session.moneyUnit == .plain ? "" : " money=\(session.moneyUnit.rawValue)"
        if let text = arguments.value("width") {
            let width: OutputWidth
            switch text.lowercased() {
            case "auto": width = .auto
            case "full": width = .full
            default:
                guard let n = Int(text), n >= OutputWidth.narrowest, n <= 10_000 else {
                    throw CommandError(phrase("width={word}: use a number of columns from {narrowest} to 10000, auto or full", ["word": text.excerpt, "narrowest": String(OutputWidth.narrowest)]))
                }
                width = .columns(n)
            }
            session.width = width
            if arguments.positional(0) == nil { return said(phrase("format width={width}{money}", ["width": width.text, "money": money]), session) }
        }
        guard let text = arguments.positional(0) else {
            return said(session.width == .auto
                ? phrase("format {format}{money}", ["format": session.format.rawValue, "money": money])
                : phrase("format {format} width={width}{money}", ["format": session.format.rawValue, "width": session.width.text, "money": money]), session)
        }
        guard let format = OutputFormat(rawValue: text.lowercased()) else {
            throw CommandError(phrase("{word} is not a format; use text, md, csv or json", ["word": text.quotedExcerpt]))
        }
        session.format = format
        return said(arguments.has("width")
            ? phrase("format {format} width={width}{money}", ["format": format.rawValue, "width": session.width.text, "money": money])
            : phrase("format {format}{money}", ["format": format.rawValue, "money": money]), session)
    }

    /// What format says, and when money is scaled but tables go out as csv or json, that they stay
    /// exact: those are data for programs and spreadsheets (which show 万 by a number format of
    /// their own), so money=万 never rounds them away; it scales text and md on screen.
    private static func said(_ text: String, _ session: Session) -> [Block] {
        guard session.moneyUnit != .plain, session.format == .csv || session.format == .json else { return [.message(text)] }
        return [.message(text), .message(phrase("money={unit} scales text and md on screen; csv, json, files and workbooks keep full precision",
                                                ["unit": session.moneyUnit.rawValue]))]
    }
}
