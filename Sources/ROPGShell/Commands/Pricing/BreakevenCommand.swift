import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `breakeven [SKU] [PERIOD]`: the units and revenue that cover a period's fixed costs, and the most
/// a click may cost.
public enum BreakevenCommand: Command {
    public static let name = "breakeven"
    public static let topic = HelpTopic.pricing
    public static let summary = "break-even units, revenue, CPC, ROAS and ACoS for a product or the whole shop"
    public static let usage = ["breakeven [SKU] [PERIOD] [on=DAY]"]
    public static let examples = ["breakeven TS-001 2026-03", "breakeven 2026-11", "breakeven TS-001"]
    public static let details = """
        Fixed costs F are what the period's calendar-based entries cost (once, recurring, amortized, CPC/CPM/CPT with
        their own volumes); sales-linked entries are in the unit contribution u instead, and deposits are not costs.
        With a SKU: F ÷ u units of that product alone, rounded up (less the ads each unit takes when cpc=plan entries
        buy the plan's clicks); break-even CPC = cvr × u × units-per-order, the most a click may cost before it loses
        money; break-even ROAS = 1 ÷ contribution margin, ACoS = contribution margin. Without a SKU: the whole shop at
        the planned mix (share= of GMV, each taken as its part of the shares the products carry: free products carry
        none), each product's units rounded up. PERIOD defaults to this month; unit costs and assumptions are those of
        the period's first day (on=DAY for another).
        """
    public static let syntax = Syntax(words: [.sku, .period], keys: [Key("on", .day)])
    public static func comparedInWhatIf(_ arguments: Arguments) -> Bool { true }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 2, usage: usage[0])
        var sku: String?
        var periodText: String?
        for position in 0..<arguments.positionals.count {
            guard let word = arguments.positional(position) else { continue }
            if session.workspace.productIndex(sku: word) == nil, (try? Period.parse(word)) != nil {
                guard periodText == nil else { throw CommandError(phrase("give one period; usage: {usage}", ["usage": usage[0]])) }
                periodText = word
            } else {
                guard sku == nil else { throw CommandError(phrase("give one SKU (or none for the whole shop); usage: {usage}", ["usage": usage[0]])) }
                sku = word
            }
        }
        let period = try PricingContext.period(periodText, session)
        let day = try PricingContext.day(arguments)
        if let sku {
            let index = try ProductCommand.existing(sku, in: session)
            let report = try PricingContext.report { () throws(ReportError) in
                try BreakevenReport.breakeven(session.context, product: index, period: period, on: day)
            }
            return [.table(product(report, session.workspace.products[index]))]
        }
        let report = try PricingContext.report { () throws(ReportError) in
            try MixBreakevenReport.breakeven(session.context, period: period, on: day)
        }
        return shop(report, session.workspace)
    }

    static func product(_ report: BreakevenReport, _ product: Product) -> Table {
        let unit = report.economics, period = report.period
        var rows: [(String, Cell)] = [
            ("product", .text("\(product.sku) \(product.name)")),
            ("price", .money(unit.price)),
            ("unit contribution", .money(unit.contribution)),
            ("contribution margin", .rateOrEmpty(unit.contributionMargin)),
            (phrase("fixed costs {period}", ["period": period.text]), .money(report.fixed)),
        ]
        if unit.adsPerUnit != .zero {
            rows.append(("ads per unit (cpc=plan)", .optional(unit.adsPerUnit) { .money($0) }))
            rows.append(("contribution after ads", .optional(unit.contributionAfterAds) { .money($0) }))
        }
        rows += [
            ("break-even units", .optional(report.units) { .count($0) }),
            ("break-even units a day", .optional(report.unitsPerDay) { .count($0.rounded(places: 1)) }),
            ("break-even revenue", .optional(report.revenue) { .money($0) }),
        ]
        rows += clickRows(report.clicks)
        var notes = [PricingContext.workingNote(report.rates)]
        if report.units == nil { notes.append(phrase("{sku} earns nothing on a unit (after ads), so no number of units covers the fixed costs", ["sku": product.sku])) }
        return propertyTable(title: phrase("break-even {sku} {period}", ["sku": product.sku, "period": period.text]), rows, notes: notes)
    }

    /// Break-even CPC at the conversion rate, ROAS and ACoS.
    static func clickRows(_ clicks: ClickFigures) -> [(String, Cell)] {
        var rows: [(String, Cell)] = []
        if let cvr = clicks.cvr, let cpc = clicks.cpc {
            rows.append((phrase("break-even CPC at cvr {cvr}", ["cvr": cvr.percentText()]), .money(cpc)))
        } else {
            rows.append(("break-even CPC", .text(phrase("set cvr= to know it"))))
        }
        rows.append(("break-even ROAS", .optional(clicks.roas) { .count($0.rounded()) }))
        rows.append(("break-even ACoS", .optional(clicks.acos) { .rate($0) }))
        return rows
    }

    static func shop(_ report: MixBreakevenReport, _ workspace: Workspace) -> [Block] {
        let period = report.period
        let rows: [[Cell]] = report.rows.map { row in
            let product = workspace.products[row.product]
            return [.text(product.sku), .text(product.name), .rate(row.share), .rateOrEmpty(row.contributionMargin),
                    .optional(row.revenue) { .money($0) }, .optional(row.units) { .count($0) }]
        }
        let footer: [[Cell]] = [[.text(phrase("shop")), .text(""), .rate(report.share), .rate(report.margin),
                                 .optional(report.revenue) { .money($0) }, .optional(report.units) { .count($0) }]]
        var notes = [PricingContext.workingNote(report.rates), phrase("each product's units are rounded up; the mix is each product's share= of GMV (an even part of the rest without one)")]
        if report.sharesFallShort {
            notes.append(phrase("the products' shares of GMV add up to {share} (free products carry none); each is taken as its part of that", ["share": report.carriedShare.percentText()]))
        }
        if report.revenue == nil { notes.append(phrase("the mix earns nothing per yuan of revenue (after ads), so no revenue covers the fixed costs")) }
        let table = Table(name: "breakeven_mix", title: phrase("break-even {period}, the whole shop at the planned mix", ["period": period.text]),
                          columns: [.text("SKU", key: "sku"), .text("name", key: "name"), .number("share", key: "share"),
                                    Column(title: phrase(in: "margin", "margin"), key: "contribution_margin", alignment: .right), .number("revenue", key: "revenue"), .number("units", key: "units")],
                          rows: rows, footerRows: footer, notes: notes, compare: ["revenue", "units"])
        var summary: [(String, Cell)] = [(phrase("fixed costs {period}", ["period": period.text]), .money(report.fixed)), ("contribution margin of the mix", .rate(report.margin))]
        if report.adsPerRevenue != .zero {
            summary.append(("ads per yuan of revenue (cpc=plan)", .optional(report.adsPerRevenue) { .rate($0) }))
        }
        summary += [("break-even revenue", .optional(report.revenue) { .money($0) }),
                    ("break-even units", .optional(report.units) { .count($0) })]
        summary += clickRows(report.clicks)
        return [.table(propertyTable(name: "breakeven", title: phrase("break-even {period}", ["period": period.text]), summary)), .table(table)]
    }
}
