import ROPGDomain
import ROPGText
import ROPGTables
import ROPGReports

/// `why pnl PERIOD LINE` and `why costs PERIOD ENTRY-ID`: the working behind a figure.
public enum WhyCommand: Command {
    public static let name = "why"
    public static let topic = HelpTopic.reports
    public static let summary = "the working behind a pnl line or a cost entry's amount"
    public static let usage = [
        "why pnl PERIOD gmv|refunds|revenue|R|O|P|G|cost|profit [source=plan|actual] [view=accrual|cash]",
        "why costs PERIOD ENTRY-ID [source=…] [view=…]",
    ]
    public static let examples = ["why pnl 2026-03 R", "why pnl 2026-03 profit", "why costs 2026-03 R2", "why pnl 2026 G source=actual"]
    public static let syntax = Syntax([
        Verb("pnl", words: [.period, .choice(["gmv", "refunds", "revenue", "R", "O", "P", "G", "cost", "profit"])], required: 2, keys: [Key("source", .choice(["plan", "actual"])), Key("view", .choice(["accrual", "cash"]))]),
        Verb("costs", words: [.period, .costID], required: 2, keys: [Key("source", .choice(["plan", "actual"])), Key("view", .choice(["accrual", "cash"]))]),
    ])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: arguments.positional(0) == "costs" ? "costs" : "pnl")
        try arguments.checkPositionals(max: 3, usage: usage[0])
        let what = try verb(arguments)
        let rest = Arguments(Array(arguments.positionals.dropFirst()) + arguments.options)
        let options = try AccountingOptions(rest, command: "why \(what)", usage: what == "pnl" ? usage[0] : usage[1], session: session)
        let book = try options.book(options.period, perEntry: true)
        guard let item = arguments.positional(2) else {
            throw CommandError(what == "pnl" ? phrase("which line? why pnl {period} R (or gmv, refunds, revenue, O, P, G, cost, profit)", ["period": options.period.text])
                                             : phrase("which entry? why costs {period} R1 (see cost list)", ["period": options.period.text]))
        }
        return what == "pnl" ? try pnlLine(item, book, options, session) : try costEntry(item, book, options, session)
    }

    private static func pnlLine(_ item: String, _ book: CostBook, _ options: AccountingOptions, _ session: Session) throws(CommandError) -> [Block] {
        let figures = try options.figures(options.period, lines: CostCategory(text: item) != nil)
        let (gmv, refunds, net, cost, profit) = (figures.gmv, figures.refunds, figures.netRevenue, figures.totalCost, figures.profit)
        let sales = book.sales
        let period = options.period.text
        switch item.lowercased() {
        case "gmv":
            let days = options.period.dayCount - sales.daysWithoutRevenue
            let counted = phrase(count: days, "{count} day", "{count} days")
            let from = options.source == .plan ? phrase("the GMV goals spread to {days} of {period}", ["days": counted, "period": period])
                : phrase("the GMV recorded on {days} of {period}", ["days": counted, "period": period])
            return [answer(phrase("GMV"), gmv, from)]
        case "refunds":
            return [answer(phrase("refunds"), refunds, phrase("GMV {gmv} × each day's refund rate (overall {rate})", ["gmv": gmv.formatted(), "rate": AccountingOptions.refundRate(sales)]))]
        case "revenue", "net", "net-revenue":
            return [answer(phrase("net revenue"), net, phrase("GMV {gmv} − refunds {refunds}", ["gmv": gmv.formatted(), "refunds": refunds.formatted()]))]
        case "cost", "costs", "total":
            let parts = CostCategory.allCases.map { "\($0.rawValue) \(figures.cost($0).formatted())" }.joined(separator: " + ")
            return [answer(phrase("total cost"), cost, parts)]
        case "profit":
            let working: KeyValuePairs<String, String> = ["net": net.formatted(), "cost": cost.formatted(), "margin": (profit.divided(by: net) ?? .zero).percentText()]
            return [answer(phrase("profit"), profit, net.isZero ? phrase("net revenue {net} − total cost {cost}", working)
                : phrase("net revenue {net} − total cost {cost}; margin {margin} of net revenue", working))]
        default:
            guard let category = CostCategory(text: item) else {
                throw CommandError(phrase("{item} is not a pnl line: use gmv, refunds, revenue, R, O, P, G, cost or profit", ["item": "\(item)"]))
            }
            let shownTotal = figures.cost(category)
            let lines = AccountingOptions.shownLines(book, figures, session.workspace).filter { $0.category == category }
            let shown = lines.map { figures.lines[$0.source] ?? .zero }
            let rows: [[Cell]] = zip(lines, shown).map { line, amount in
                let (id, name) = AccountingOptions.name(line, session.workspace)
                return [.text(id), .text(name), .text(AccountingOptions.working(line, session.workspace, period: options.period, view: options.view, shown: amount)), .money(amount)]
            }
            return [.table(Table(
                title: phrase("why pnl {period} {category}", ["period": period, "category": AccountingOptions.categoryLabel(category)]),
                columns: [.text("ID", key: "id"), .text("name", key: "name"), .text("working", key: "working"), .number("amount", key: "amount")],
                rows: rows, footerRows: [[.empty, .text(phrase("{category} total", ["category": category.rawValue])), .empty, .money(shownTotal)]],
                notes: options.notes(book, session)))]
        }
    }

    /// One figure and its working, as a one-row table so that every format and `> FILE` work.
    private static func answer(_ line: String, _ value: ExactDecimal, _ working: String) -> Block {
        .table(Table(columns: [.text("line", key: "line"), .text("working", key: "working"), .number("amount", key: "amount")],
                     rows: [[.text(line), .text(working), .money(value)]]))
    }

    private static func costEntry(_ item: String, _ book: CostBook, _ options: AccountingOptions, _ session: Session) throws(CommandError) -> [Block] {
        guard let id = CostID(text: item), let index = session.workspace.costIndex(id: id) else {
            throw CommandError(phrase("no cost entry {item} (see cost list)", ["item": "\(item)"]))
        }
        let entry = session.workspace.costs[index]
        if case .deposit = entry.basis {
            let paid = book.deposits.first { $0.index == index }?.amount
            return [entryAnswer(entry, paid == nil ? phrase("a deposit: capital tied up, not a cost; nothing paid in {period}", ["period": options.period.text])
                                : phrase("a deposit: capital tied up, not a cost; paid in {period}", ["period": options.period.text]), paid ?? .zero)]
        }
        let figures = try options.figures(options.period, lines: true)
        guard let line = AccountingOptions.shownLines(book, figures, session.workspace).first(where: { $0.source == .entry(index) }) else {
            return [entryAnswer(entry, Accrual.window(of: entry, in: options.period) == nil
                                ? phrase("costs nothing in {period}: it does not apply then (start/end)", ["period": options.period.text])
                                : phrase("costs nothing in {period}: nothing it follows happens then", ["period": options.period.text]), .zero)]
        }
        let shown = figures.lines[line.source] ?? .zero
        return [entryAnswer(entry, AccountingOptions.working(line, session.workspace, period: options.period, view: options.view, shown: shown), shown)]
    }

    private static func entryAnswer(_ entry: CostEntry, _ working: String, _ amount: ExactDecimal) -> Block {
        .table(Table(columns: [.text("ID", key: "id"), .text("name", key: "name"), .text("working", key: "working"), .number("amount", key: "amount")],
                     rows: [[.text(entry.id.description), .text(entry.name), .text(working), .money(amount)]]))
    }
}
