import ROPGDomain
import ROPGTables

/// `ladder SKU from=59 to=99 step=5`: a price ladder, each step's contribution, margin and break-even.
public enum LadderCommand: Command {
    public static let name = "ladder"
    public static let topic = HelpTopic.pricing
    public static let summary = "a table of prices against contribution, margin, break-even units and CPC"
    public static let usage = ["ladder SKU from=PRICE to=PRICE step=AMOUNT [PERIOD] [on=DAY]"]
    public static let examples = ["ladder TS-001 from=59 to=99 step=5", "ladder TS-001 from=49 to=89 step=10 2026-11"]
    public static let details = """
        One row per price from from= to to= (both included) in steps of step=, at most 500 rows. Break-even units cover
        the fixed costs of PERIOD (this month by default) with that product alone; break-even CPC is at the shop's cvr.
        The row at today's price is marked.
        """
    public static let keys = ["from=", "to=", "step=", "on="]
    static let maximumRows = 500

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["from", "to", "step", "on"], command: name)
        try arguments.checkPositionals(max: 2, usage: usage[0])
        guard let sku = arguments.positional(0) else { throw CommandError("ladder needs a SKU; usage: \(usage[0])") }
        let index = try ProductCommand.existing(sku, in: session)
        guard let from = try arguments.amount("from"), let to = try arguments.amount("to"), let step = try arguments.amount("step") else {
            throw CommandError("ladder needs from=, to= and step=, e.g. ladder \(sku) from=59 to=99 step=5")
        }
        guard from > .zero, to >= from else { throw CommandError("from=\(from.formatted()) to=\(to.formatted()): give prices above 0, from the lower to the higher") }
        guard step > .zero else { throw CommandError("step=\(step.formatted()): the step must be above 0") }
        let count = ((to - from).divided(by: step) ?? .zero).floorWhole().exactInt.map { $0 + 1 } ?? Int.max
        guard count <= maximumRows else {
            throw CommandError("from=\(from.formatted()) to=\(to.formatted()) step=\(step.formatted()) makes \(count) rows; at most \(maximumRows): take a larger step")
        }
        let period = try PricingContext.period(arguments.positional(1), session)
        let context = try PricingContext(session, arguments, fallback: period.firstDay)
        let fixed = context.fixedCosts(period)
        let base = context.economics(index)
        let showAds = base.adsPerUnit != .zero
        var rows: [[Cell]] = []
        for step_ in 0..<count {
            let price = from + step * step_
            let unit = base.at(price: price)
            var row: [Cell] = [.money(price), .money(unit.contribution), .rateOrEmpty(unit.contributionMargin)]
            if showAds { row.append(.optional(unit.contributionAfterAds) { .money($0) }) }
            row += [.optional(unit.breakEvenUnits(fixed: fixed)) { .count($0) },
                    .optional(context.rates.cvr) { .money(unit.breakEvenCPC(cvr: $0, unitsPerOrder: context.rates.unitsPerOrder)) },
                    .text(price == base.price ? "← now" : "")]
            rows.append(row)
        }
        var columns: [Column] = [.number("price", key: "price"), .number("contribution", key: "unit_contribution"), .number("margin", key: "contribution_margin")]
        if showAds { columns.append(.number("after ads", key: "contribution_after_ads")) }
        columns += [.number("break-even units", key: "break_even_units"),
                    .number("break-even CPC" + (context.rates.cvr.map { " at \($0.percentText())" } ?? ""), key: "break_even_cpc"),
                    .text("", key: "mark")]
        return [.table(Table(title: "price ladder \(sku) \(session.workspace.products[index].name), fixed costs \(period.text) \(fixed.formatted())",
                             columns: columns, rows: rows,
                             notes: [context.workingNote, "a blank break-even: at that price a unit earns nothing (after ads)"],
                             compare: ["unit_contribution", "break_even_units"]))]
    }
}
