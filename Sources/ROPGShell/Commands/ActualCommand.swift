import ROPGDomain
import ROPGText
import ROPGTables

/// `actual add|rm|list|import`: what really happened, day by day.
public enum ActualCommand: Command {
    public static let name = "actual"
    public static let aliases = ["actuals"]
    public static let topic = HelpTopic.plan
    public static let summary = "record each day's actual results, or import the platform's CSV export"
    public static let usage = [
        "actual add DATE [gmv=…] [uv=…] [orders=…] [units=…] [adspend=…] [profit=…] [bounce=…] [depth=…] [inquiry-cvr=…]",
        "actual rm DATE [DATE…]",
        "actual list [PERIOD]",
        "actual import FILE.csv [map=COLUMN:METRIC,…]",
    ]
    public static let examples = [
        "actual add 2026-03-14 gmv=3.2万 uv=9800 orders=268 units=281 adspend=3650 bounce=62% depth=2.8",
        "actual list 2026-03",
        "actual import examples/data/生意参谋-2026-03.csv",
        "actual import examples/data/2025-daily.csv",
    ]
    public static let details = """
        actual add on a day already recorded changes only the figures given. actual import reads a CSV with a
        header row: 日期, 支付金额/销售额, 访客数, 支付买家数/订单数, 支付件数, 推广花费, 跳失率, 人均浏览量/访问深度,
        询单转化率 or their English names (date, gmv, uv, orders, units, adspend, bounce, depth, inquiry-cvr);
        map= names other columns. A file with any bad row imports nothing and lists every bad row.
        Days in the file replace the same days already recorded.
        """
    static let figureKeys = GoalMetric.allCases.map(\.rawValue) + ["bounce", "depth", "inquiry-cvr"]
    public static let syntax = Syntax([
        Verb("add", words: [.day], required: 1, keys: Key.all(GoalMetric.allCases.map(\.rawValue) + ["bounce", "depth"], .amount) + [Key("inquiry-cvr", .rate)]),
        Verb("rm", words: [.day], required: 1, repeatsLast: true),
        Verb("list", words: [.period]),
        Verb("import", words: [.file], required: 1, keys: [Key("map", .text)]),
    ])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        switch try verb(arguments) {
        case "add": return try add(arguments, session)
        case "rm": return try remove(arguments, session)
        case "import": return try importFile(arguments, session)
        default: return try list(arguments, session)
        }
    }

    private static func day(_ text: String?, _ verb: String) throws(CommandError) -> Day {
        guard let text else { throw CommandError(phrase("actual {verb} needs a day, e.g. actual {verb} 2026-03-14", ["verb": verb])) }
        do { return try Period.parseDay(text) } catch { throw CommandError(error.message) }
    }

    private static func add(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "add")
        try arguments.checkPositionals(max: 2, usage: usage[0])
        let day = try day(arguments.positional(1), "add")
        guard !arguments.options.isEmpty else { throw CommandError(phrase("actual add {day} needs figures, e.g. gmv=3.2万 uv=9800", ["day": day.description])) }
        var actuals = session.workspace.actuals
        let existing = session.workspace.actualIndex(day: day)
        var actual = existing.map { actuals[$0] } ?? Actual(day: day)
        for metric in GoalMetric.allCases {
            if let value = try arguments.amount(metric.rawValue) { actual.values[metric] = value }
        }
        if let bounce = try arguments.rate("bounce") { actual.bounceRate = bounce }
        if let inquiry = try arguments.rate("inquiry-cvr") { actual.inquiryConversion = inquiry }
        if let depth = try arguments.amount("depth") { actual.visitDepth = depth }
        // The rules a workspace file is held to.
        if let issue = Validation.issues(in: actual).first { throw CommandError(phrase("{key}=: {problem}", ["key": issue.path, "problem": issue.message])) }
        if let impossible = Validation.impossibilities(in: actual).first { throw CommandError(phrase("not recorded: {problem}", ["problem": impossible.message])) }
        if let existing { actuals[existing] = actual } else {
            actuals.insert(actual, at: actuals.firstIndex { $0.day > day } ?? actuals.count)
        }
        session.perform(Edit(description: arguments.described("actual add \(day)"), changes: [.setActuals(actuals)]))
        return [.message(existing == nil ? phrase("recorded {day}: {figures}", ["day": day.isoText, "figures": describe(actual)]) : phrase("updated {day}: {figures}", ["day": day.isoText, "figures": describe(actual)]))]
    }

    private static func remove(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "rm")
        let texts = arguments.positionals.dropFirst().map(\.text)
        guard !texts.isEmpty else { throw CommandError(phrase("actual rm needs a day, e.g. actual rm 2026-03-14")) }
        var actuals = session.workspace.actuals
        for text in texts {
            let day = try day(text, "rm")
            guard let index = actuals.firstIndex(where: { $0.day == day }) else { throw CommandError(phrase("nothing is recorded for {day}", ["day": day.isoText])) }
            actuals.remove(at: index)
        }
        session.perform(Edit(description: "actual rm \(texts.joined(separator: " "))", changes: [.setActuals(actuals)]))
        return [.message(phrase("removed the actuals of {days}", ["days": commaList(texts)]))]
    }

    private static func list(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "list")
        try arguments.checkPositionals(max: 2, usage: usage[2])
        let period = try arguments.positional(1).map { (text) throws(CommandError) in try GoalCommand.period(text, "list") }
        let actuals = session.workspace.actuals.filter { period?.contains($0.day) ?? true }
        let metrics = GoalMetric.allCases.filter { metric in actuals.contains { $0.values[metric] != nil } }
        let rows: [[Cell]] = actuals.map { actual in
            [.text(GoalCommand.label(.day(actual.day), shown: .day(actual.day)))]
                + metrics.map { GoalCommand.cell(actual.values[$0], $0) }
                + [.optional(actual.bounceRate, { .rate($0, places: 1) }), .optional(actual.visitDepth, { .count($0) }),
                   .optional(actual.inquiryConversion, { .rate($0, places: 1) })]
        }
        var total: [Cell] = [.text(phrase("total ({days})", ["days": phrase(count: actuals.count, "{count} day", "{count} days")]))]
        for metric in metrics {
            total.append(GoalCommand.cell(actuals.reduce(ExactDecimal.zero) { $0 + ($1.values[metric] ?? .zero) }, metric))
        }
        total += [.empty, .empty, .empty]
        let table = Table(
            title: nil,
            columns: [.text("day", key: "date")] + metrics.map { .number($0.label, key: $0.rawValue) }
                + [.number("bounce", key: "bounce"), .number("depth", key: "depth"), .number("inquiry cvr", key: "inquiry_cvr")],
            rows: rows, footerRows: actuals.isEmpty ? [] : [total],
            notes: actuals.isEmpty ? [period.map { phrase("nothing recorded in {period}; actual add 2026-03-14 gmv=… or actual import FILE.csv", ["period": $0.text]) }
                                      ?? phrase("nothing recorded; actual add 2026-03-14 gmv=… or actual import FILE.csv")] : [])
        return [.table(table)]
    }

    private static func importFile(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "import")
        try arguments.checkPositionals(max: 2, usage: usage[3])
        guard let path = arguments.positional(1) else { throw CommandError(phrase("actual import needs a CSV file, e.g. actual import march.csv")) }
        let result = try ActualImport.read(path: path, map: arguments.value("map"))
        var byDay: [Day: Actual] = [:]
        for actual in session.workspace.actuals { byDay[actual.day] = actual }
        var replaced = 0
        for actual in result.actuals {
            if byDay[actual.day] != nil { replaced += 1 }
            byDay[actual.day] = actual
        }
        let actuals = byDay.values.sorted { $0.day < $1.day }
        session.perform(Edit(description: "actual import \(path)", changes: [.setActuals(actuals)]))
        let first = result.actuals.first?.day.isoText ?? ""
        let last = result.actuals.last?.day.isoText ?? ""
        let days = phrase(count: result.actuals.count, "{count} day", "{count} days")
        var message = phrase("imported {days} ({first}..{last}) from {path}", ["days": days, "first": first, "last": last, "path": path])
        if replaced > 0 { message += phrase(", replacing {days} recorded before", ["days": phrase(count: replaced, "{count} day", "{count} days")]) }
        if !result.ignoredColumns.isEmpty { message += phrase("; ignored columns: {columns}", ["columns": commaList(result.ignoredColumns)]) }
        return [.message(message)]
    }

    static func describe(_ actual: Actual) -> String {
        var parts = GoalMetric.allCases.compactMap { metric in
            actual.values[metric].map { "\(metric.rawValue) \(metric.isMoney ? $0.formatted() : $0.countText)" }
        }
        if let bounce = actual.bounceRate { parts.append("bounce \(bounce.percentText(places: 1))") }
        if let depth = actual.visitDepth { parts.append("depth \(depth)") }
        if let inquiry = actual.inquiryConversion { parts.append("inquiry-cvr \(inquiry.percentText(places: 1))") }
        return parts.joined(separator: ", ")
    }
}
