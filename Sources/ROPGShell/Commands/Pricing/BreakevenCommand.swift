import ROPGDomain
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
    public static let keys = ["on="]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["on"], command: name)
        try arguments.checkPositionals(max: 2, usage: usage[0])
        var sku: String?
        var periodText: String?
        for position in 0..<arguments.positionals.count {
            guard let word = arguments.positional(position) else { continue }
            if session.workspace.productIndex(sku: word) == nil, (try? Period.parse(word)) != nil {
                guard periodText == nil else { throw CommandError("give one period; usage: \(usage[0])") }
                periodText = word
            } else {
                guard sku == nil else { throw CommandError("give one SKU (or none for the whole shop); usage: \(usage[0])") }
                sku = word
            }
        }
        let period = try PricingContext.period(periodText, session)
        let context = try PricingContext(session, arguments, fallback: period.firstDay)
        let fixed = context.fixedCosts(period)
        if let sku {
            return [.table(try product(try ProductCommand.existing(sku, in: session), period: period, fixed: fixed, context))]
        }
        return try shop(period: period, fixed: fixed, context)
    }

    static func product(_ index: Int, period: Period, fixed: ExactDecimal, _ context: PricingContext) throws(CommandError) -> Table {
        let product = context.session.workspace.products[index]
        let unit = context.economics(index)
        let units = unit.breakEvenUnits(fixed: fixed)
        var rows: [(String, Cell)] = [
            ("product", .text("\(product.sku) \(product.name)")),
            ("price", .money(unit.price)),
            ("unit contribution", .money(unit.contribution)),
            ("contribution margin", .rateOrEmpty(unit.contributionMargin)),
            ("fixed costs \(period.text)", .money(fixed)),
        ]
        if unit.adsPerUnit != .zero {
            rows.append(("ads per unit (cpc=plan)", .optional(unit.adsPerUnit) { .money($0) }))
            rows.append(("contribution after ads", .optional(unit.contributionAfterAds) { .money($0) }))
        }
        rows += [
            ("break-even units", .optional(units) { .count($0) }),
            ("break-even units a day", .optional(units) { .count(($0.divided(by: period.dayCount)).rounded(places: 1)) }),
            ("break-even revenue", .optional(units) { .money($0 * unit.price) }),
        ]
        rows += clickFigures(contribution: unit.contribution, margin: unit.contributionMargin, context)
        var notes = [context.workingNote]
        if units == nil { notes.append("\(product.sku) earns nothing on a unit (after ads), so no number of units covers the fixed costs") }
        return propertyTable(title: "break-even \(product.sku) \(period.text)", rows, notes: notes)
    }

    /// Break-even CPC at the conversion rate, ROAS and ACoS.
    static func clickFigures(contribution: ExactDecimal?, margin: ExactDecimal?, _ context: PricingContext) -> [(String, Cell)] {
        let rates = context.rates
        var rows: [(String, Cell)] = []
        if let cvr = rates.cvr, let contribution {
            let cpc = UnitEconomics.breakEvenCPC(contribution: contribution, cvr: cvr, unitsPerOrder: rates.unitsPerOrder)
            rows.append(("break-even CPC at cvr \(cvr.percentText())", .money(cpc)))
        } else {
            rows.append(("break-even CPC", .text("set cvr= to know it")))
        }
        let positive = margin.flatMap { $0 > .zero ? $0 : nil }
        rows.append(("break-even ROAS", .optional(positive.flatMap { ExactDecimal.one.divided(by: $0) }) { .count($0.rounded()) }))
        rows.append(("break-even ACoS", .optional(positive) { .rate($0) }))
        return rows
    }

    static func shop(period: Period, fixed: ExactDecimal, _ context: PricingContext) throws(CommandError) -> [Block] {
        let workspace = context.session.workspace
        guard !workspace.products.isEmpty else { throw CommandError("no products yet: breakeven needs products with prices and costs") }
        let mix = MixBreakEven(workspace, rates: context.rates, fixed: fixed)
        guard !mix.items.isEmpty else { throw CommandError("no product has a price and a share of GMV") }
        let revenues = mix.revenue.map { _ in Allocation.roundedParts(mix.items.map { $0.revenue ?? .zero }) }
        var rows: [[Cell]] = []
        var totalUnits = ExactDecimal.zero
        for (position, item) in mix.items.enumerated() {
            let product = workspace.products[item.index]
            totalUnits += item.units ?? .zero
            rows.append([.text(product.sku), .text(product.name), .rate(item.share), .rateOrEmpty(item.economics.contributionMargin),
                         .optional(revenues?[position]) { .money($0) }, .optional(item.units) { .count($0) }])
        }
        let footer: [[Cell]] = [[.text("shop"), .text(""), .rate(mix.items.reduce(.zero) { $0 + $1.share }), .rate(mix.margin),
                                 .optional(revenues.map { $0.reduce(.zero, +) }) { .money($0) }, mix.revenue == nil ? .empty : .count(totalUnits)]]
        var notes = [context.workingNote, "each product's units are rounded up; the mix is each product's share= of GMV (an even part of the rest without one)"]
        // Shown to 4 places, as the shares are: an even split's last-digit rounding is not a gap.
        if mix.carriedShare.rounded(places: 4) < .one {
            notes.append("the products' shares of GMV add up to \(mix.carriedShare.percentText()) (free products carry none); "
                         + "each is taken as its part of that")
        }
        if mix.revenue == nil { notes.append("the mix earns nothing per yuan of revenue (after ads), so no revenue covers the fixed costs") }
        let table = Table(name: "breakeven_mix", title: "break-even \(period.text), the whole shop at the planned mix",
                          columns: [.text("SKU", key: "sku"), .text("name", key: "name"), .number("share", key: "share"),
                                    .number("margin", key: "contribution_margin"), .number("revenue", key: "revenue"), .number("units", key: "units")],
                          rows: rows, footerRows: footer, notes: notes, compare: ["revenue", "units"])
        var summary: [(String, Cell)] = [("fixed costs \(period.text)", .money(fixed)), ("contribution margin of the mix", .rate(mix.margin))]
        if mix.adsPerRevenue != .zero {
            summary.append(("ads per yuan of revenue (cpc=plan)", .optional(mix.adsPerRevenue) { .rate($0) }))
        }
        summary += [("break-even revenue", .optional(revenues.map { $0.reduce(.zero, +) }) { .money($0) }),
                    ("break-even units", mix.revenue == nil ? .empty : .count(totalUnits))]
        summary += clickFigures(contribution: mix.averageContribution, margin: mix.margin, context)
        return [.table(propertyTable(name: "breakeven", title: "break-even \(period.text)", summary)), .table(table)]
    }
}
