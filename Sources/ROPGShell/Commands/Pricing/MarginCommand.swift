import ROPGDomain
import ROPGTables

/// `margin [SKU…]`: what each unit of each product really earns after fees, packaging and shipping.
public enum MarginCommand: Command {
    public static let name = "margin"
    public static let topic = HelpTopic.pricing
    public static let summary = "unit economics: what each product earns per unit after fees and unit costs"
    public static let usage = ["margin [SKU…] [on=DAY]"]
    public static let examples = ["margin", "margin TS-001", "margin TS-001 TS-002 on=2026-11-11"]
    public static let details = """
        Per product: price P, goods cost C, other unit costs v (per-unit entries, per-order entries ÷ units-per-order),
        fees f (percent entries, CPS at rate × share, payment-fee), unit contribution u = P·(1 − f) − C − v, contribution
        margin u ÷ P, gross margin (P − C) ÷ P and markup (P − C) ÷ C. Sorted by contribution margin, best first;
        products that lose money on every unit are flagged. When cpc=plan entries buy the plan's paid clicks, the ads
        each unit takes (share × cpc × paid-share ÷ (cvr × units-per-order)) and the contribution after them are shown
        too. Entries and assumptions are those of today (on=DAY for another day).
        """
    public static let keys = ["on="]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["on"], command: name)
        let workspace = session.workspace
        guard !workspace.products.isEmpty else { throw CommandError("no products yet: add one with product add SKU price=… cost=…") }
        var named: [Int] = []
        for position in 0..<arguments.positionals.count {
            guard let sku = arguments.positional(position) else { continue }
            named.append(try ProductCommand.existing(sku, in: session))
        }
        let indices = named.isEmpty ? Array(workspace.products.indices) : named
        let context = try PricingContext(session, arguments)
        let rates = context.rates, products = workspace.products
        let units = mapInPieces(indices.count) { rates.economics(of: products[indices[$0]], at: indices[$0]) }
        let margins = units.map(\.contributionMargin)
        // Best margin first; free products (no margin) last; ties in workspace order. Positions
        // are sorted rather than the economics themselves, which are large to move, on one
        // integer key each.
        let keys = margins.map { $0?.units ?? Int128.min }
        let order = indices.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] > keys[b] : indices[a] < indices[b]
        }
        let showAds = units.contains { $0.adsPerUnit != .zero }
        // Which products lose money, before any row is built, so that each row is built once at
        // its final length (100,000 rows are common).
        let contributions = units.map(\.contribution)
        let losing = contributions.count { $0.rounded().isNegative }
        let losingAfterAds = showAds ? zip(units, contributions).count { unit, contribution in
            !contribution.rounded().isNegative && unit.adsPerUnit.map { (contribution - $0).rounded().isNegative } == true
        } : 0
        let showFlags = losing + losingAfterAds > 0
        let roleCells = ProductRole.allCases.map { Cell.text("\($0.rawValue) \($0.chineseName)") }
        let rows = mapInPieces(order.count) { place -> [Cell] in
                let position = order[place]
                let index = indices[position], unit = units[position], contribution = contributions[position]
                let after = unit.adsPerUnit.map { contribution - $0 }
                let role = products[index].role.flatMap { role in ProductRole.allCases.firstIndex(of: role).map { roleCells[$0] } }
                var flag = Cell.empty
                if contribution.rounded().isNegative {
                    flag = Cell.text("⚠ loses " + contribution.magnitude.formatted() + " a unit").emphasized(.negative)
                } else if showAds, let after, after.rounded().isNegative {
                    flag = Cell.text("⚠ loses " + after.magnitude.formatted() + " a unit after ads").emphasized(.negative)
                }
                var row: [Cell] = [
                    .text(products[index].sku), .text(products[index].name), role ?? .empty,
                    .money(unit.price), .money(unit.goodsCost), .money(unit.otherPerUnit), .rate(unit.feeRate),
                    .money(contribution), .rateOrEmpty(margins[position]), .rateOrEmpty(unit.grossMargin), .rateOrEmpty(unit.markup),
                    showAds ? .optional(unit.adsPerUnit) { .money($0) } : .empty, showAds ? .optional(after) { .money($0) } : .empty,
                    flag,
                ]
                // The literal is built at full length; unshown columns come off the end, in place.
                if !showFlags { row.removeLast() }
                if !showAds { row.removeSubrange(11...12) }
                return row
        }
        var columns: [Column] = [.text("SKU", key: "sku"), .text("name", key: "name"), .text("role", key: "role"),
                                 .number("price", key: "price"), .number("goods", key: "goods_cost"), .number("other/unit", key: "other_per_unit"),
                                 .number("fees", key: "fee_rate"), .number("contribution", key: "unit_contribution"),
                                 .number("margin", key: "contribution_margin"), .number("gross", key: "gross_margin"),
                                 .number("markup", key: "markup")]
        if showAds { columns += [.number("ads/unit", key: "ads_per_unit"), .number("after ads", key: "contribution_after_ads")] }
        if showFlags { columns.append(.text("flag", key: "flag")) }
        var notes = [context.workingNote]
        if showAds {
            notes.append("ads/unit: cpc=plan entries' share of paid clicks × cpc \(context.rates.cpc?.formatted() ?? "?") × paid share "
                         + "\(context.rates.paidFraction.percentText()) ÷ (cvr \(context.rates.cvr?.percentText() ?? "?") × units per order)")
        }
        if losing > 0 { notes.append("\(counted(losing, "product")) \(losing == 1 ? "loses" : "lose") money on every unit sold") }
        if losingAfterAds > 0 { notes.append("\(counted(losingAfterAds, losing > 0 ? "more product" : "product")) \(losingAfterAds == 1 ? "loses" : "lose") money once ads are paid") }
        let title = "unit economics" + (indices.count == 1 ? " \(workspace.products[indices[0]].sku)" : "")
        return [.table(Table(title: title, columns: columns, rows: rows, notes: notes, compare: ["unit_contribution", "contribution_margin"]))]
    }
}
