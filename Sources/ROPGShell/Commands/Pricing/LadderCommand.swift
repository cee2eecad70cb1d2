import ROPGDomain
import ROPGText
import ROPGReports
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
    public static let syntax = Syntax(words: [.sku, .period], required: 1, keys: [Key("from", .amount), Key("to", .amount), Key("step", .amount), Key("on", .day)])
    public static func comparedInWhatIf(_ arguments: Arguments) -> Bool { true }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 2, usage: usage[0])
        guard let sku = arguments.positional(0) else { throw CommandError(phrase("ladder needs a SKU; usage: {usage}", ["usage": usage[0]])) }
        let index = try ProductCommand.existing(sku, in: session)
        guard let from = try arguments.amount("from"), let to = try arguments.amount("to"), let step = try arguments.amount("step") else {
            throw CommandError(phrase("ladder needs from=, to= and step=, e.g. ladder {sku} from=59 to=99 step=5", ["sku": sku]))
        }
        let steps = try PricingContext.report { () throws(ReportError) in try LadderReport.Steps(from: from, to: to, step: step) }
        let period = try PricingContext.period(arguments.positional(1), session)
        let day = try PricingContext.day(arguments)
        let report = try PricingContext.report { () throws(ReportError) in
            try LadderReport.ladder(session.context, product: index, steps: steps, period: period, on: day)
        }
        let showAds = report.showsAds, cvr = report.rates.cvr
        let rows: [[Cell]] = report.rows.map { row in
            let unit = row.economics
            var cells: [Cell] = [.money(row.price), .money(unit.contribution), .rateOrEmpty(unit.contributionMargin)]
            if showAds { cells.append(.optional(unit.contributionAfterAds) { .money($0) }) }
            cells += [.optional(row.breakEvenUnits) { .count($0) }, .optional(row.breakEvenCPC) { .money($0) },
                      .text(row.isNow ? phrase("← now") : "")]
            return cells
        }
        var columns: [Column] = [.number("price", key: "price"), .number("contribution", key: "unit_contribution"), Column(title: phrase(in: "margin", "margin"), key: "contribution_margin", alignment: .right)]
        if showAds { columns.append(.number("after ads", key: "contribution_after_ads")) }
        columns += [.number("break-even units", key: "break_even_units"),
                    Column(title: cvr.map { phrase("break-even CPC at {cvr}", ["cvr": $0.percentText()]) } ?? phrase("break-even CPC"), key: "break_even_cpc", alignment: .right),
                    .text("", key: "mark")]
        var table = Table(title: phrase("price ladder {sku} {name}, fixed costs {period} {amount}", ["sku": sku, "name": session.workspace.products[index].name,
                                                                                                  "period": period.text, "amount": report.fixed.formatted()]),
                          columns: columns, rows: rows,
                          notes: [PricingContext.workingNote(report.rates), phrase("a blank break-even: at that price a unit earns nothing (after ads)")],
                          compare: ["unit_contribution", "break_even_units"])
        table.moneyIsPerUnit = true
        return [.table(table)]
    }
}
