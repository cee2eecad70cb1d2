import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `goal drivers PERIOD`: what the GMV goals need in visitors, orders, units, clicks and ad money.
extension GoalCommand {
    static func drivers(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "drivers")
        try arguments.checkPositionals(max: 2, usage: usage[7])
        let period = try period(arguments.positional(1), "drivers")
        let grain = try grain(arguments.value("by"), for: period)
        let report: DriversReport
        do { report = try DriversReport.of(session.context, period: period, grain: grain) } catch { throw failure(error) }
        let rows: [[Cell]] = report.rows.map { row in
            let figures = row.figures
            return [.text(label(row.period, shown: row.shown)), .money(figures.gmv), .count(figures.visitors), .count(figures.orders),
                    .count(figures.units), .count(figures.paidClicks), .optional(figures.adSpend, { .money($0) })]
        }
        let whole = report.total
        let total: [Cell] = [.text(phrase("total {period}", ["period": period.text])), .optional(whole?.gmv, { .money($0) }), .optional(whole?.visitors, { .count($0) }),
                             .optional(whole?.orders, { .count($0) }), .optional(whole?.units, { .count($0) }),
                             .optional(whole?.paidClicks, { .count($0) }), .optional(whole?.adSpend, { .money($0) })]
        let assumptions = report.assumptions
        let cvr = assumptions.cvr.map(\.exactPercentText) ?? "—"
        let aov = assumptions.aov.map { $0.formatted() } ?? "—"
        let paid = assumptions.paidShare.map { phrase("paid share {share}", ["share": $0.exactPercentText]) }
            ?? phrase("{count} natural visitor per paid click", ["count": assumptions.naturalPerPaid?.description ?? "1"])
        let cpc = assumptions.cpc.map { $0.formatted() } ?? phrase("not set")
        var notes = [report.assumptionsVary
            ? phrase("assumptions: cvr {cvr}, aov {aov}, {paid}, cpc {cpc}; some days have their own (set … period=)", ["cvr": cvr, "aov": aov, "paid": paid, "cpc": cpc])
            : phrase("assumptions: cvr {cvr}, aov {aov}, {paid}, cpc {cpc}", ["cvr": cvr, "aov": aov, "paid": paid, "cpc": cpc])]
        if rows.count > 1 {
            notes.append(phrase("visitors, orders, units and clicks are rounded up in each row and in the total, so the rows may add to a little more"))
        }
        notes += report.contradictions.map(contradictionNote)
        if let units = report.mixUnitsPerOrder {
            // Two unit counts in one plan would price goods on one and packaging on the other.
            let mix = units.mix.rounded(places: 2).description
            notes.append(phrase("units come from the product mix (docs/DOMAIN.md §8.4): at aov {aov} the mix's prices make {mix} units an order, not units-per-order {assumed}; per-order costs of a product use units-per-order: set units-per-order={mix} or check the prices, shares and aov",
                                ["aov": assumptions.aov.map { $0.formatted() } ?? "—", "mix": mix, "assumed": units.assumed.description]))
        }
        if !report.adSpendKnown { notes.append(phrase("ad spend needs a CPC: set cpc=0.8")) }
        // A period shown as itself is one line: its total.
        let single = report.isSingle
        let table = Table(
            title: nil,
            columns: [.text(single ? "period" : grain.name, key: "period"), .number("GMV goal", key: "gmv"), .number("visitors", key: "visitors"),
                      .number("orders", key: "orders"), .number("units", key: "units"), .number("paid clicks", key: "paid_clicks"),
                      .number("ad spend", key: "ad_spend")],
            rows: single ? [total] : rows, footerRows: single ? [] : [total], notes: notes, compare: ["visitors", "ad_spend"])
        return [.table(table)]
    }

    /// "2026-06: the uv goal 200,000 does not fit the gmv goal, which needs 277,778 (-28.0%)".
    static func contradictionNote(_ contradiction: DriverContradiction) -> String {
        let metric = contradiction.metric
        let show = { (value: ExactDecimal) in metric.isMoney ? value.formatted() : value.countText }
        let sign = contradiction.goal > contradiction.needed ? "+" : ""
        return phrase("{period}: the {metric} goal {goal} does not fit the gmv goal, which needs {needed} ({change})",
                      ["period": contradiction.period.text, "metric": metric.rawValue, "goal": show(contradiction.goal), "needed": show(contradiction.needed),
                       "change": sign + contradiction.relative.percentText(places: 1)])
    }
}
