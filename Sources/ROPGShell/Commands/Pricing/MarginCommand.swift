import ROPGDomain

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
        var indices: [Int] = []
        for position in 0..<arguments.positionals.count {
            guard let sku = arguments.positional(position) else { continue }
            indices.append(try ProductCommand.existing(sku, in: session))
        }
        if indices.isEmpty { indices = Array(workspace.products.indices) }
        let context = try PricingContext(session, arguments)
        var items = indices.map { index in
            let unit = context.economics(index)
            return (index: index, unit: unit, margin: unit.contributionMargin)
        }
        // Best margin first; free products (no margin) last; ties in workspace order.
        items.sort { a, b in
            if a.margin != b.margin {
                guard let left = a.margin else { return false }
                guard let right = b.margin else { return true }
                return left > right
            }
            return a.index < b.index
        }
        let showAds = items.contains { $0.unit.adsPerUnit != .zero }
        var rows: [[Cell]] = []
        rows.reserveCapacity(items.count)
        var losing = 0, losingAfterAds = 0
        var flags: [String] = []
        for (index, unit, margin) in items {
            let product = workspace.products[index]
            var flag = ""
            if unit.contribution.rounded().isNegative {
                losing += 1
                flag = "loses \(unit.contribution.magnitude.formatted()) a unit"
            } else if showAds, let after = unit.contributionAfterAds, after.rounded().isNegative {
                losingAfterAds += 1
                flag = "loses \(after.magnitude.formatted()) a unit after ads"
            }
            var row: [Cell] = [.text(product.sku), .text(product.name), .text(product.role.map { "\($0.rawValue) \($0.chineseName)" } ?? ""),
                               .money(product.price), .money(product.cost), .money(unit.otherPerUnit), .rate(unit.feeRate),
                               .money(unit.contribution), .rateOrEmpty(margin), .rateOrEmpty(unit.grossMargin),
                               .rateOrEmpty(unit.markup)]
            if showAds {
                row += [.optional(unit.adsPerUnit) { .money($0) }, .optional(unit.contributionAfterAds) { .money($0) }]
            }
            flags.append(flag)
            rows.append(row)
        }
        var columns: [Column] = [.text("SKU", key: "sku"), .text("name", key: "name"), .text("role", key: "role"),
                                 .number("price", key: "price"), .number("goods", key: "goods_cost"), .number("other/unit", key: "other_per_unit"),
                                 .number("fees", key: "fee_rate"), .number("contribution", key: "unit_contribution"),
                                 .number("margin", key: "contribution_margin"), .number("gross", key: "gross_margin"),
                                 .number("markup", key: "markup")]
        if showAds { columns += [.number("ads/unit", key: "ads_per_unit"), .number("after ads", key: "contribution_after_ads")] }
        if flags.contains(where: { !$0.isEmpty }) {
            columns.append(.text("flag", key: "flag"))
            for position in rows.indices where !flags[position].isEmpty {
                rows[position].append(Cell.text("⚠ " + flags[position]).emphasized(.negative))
            }
        }
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
