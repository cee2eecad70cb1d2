import ROPGDomain
import ROPGText
import ROPGReports
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
    public static let syntax = Syntax(words: [.sku], repeatsLast: true, keys: [Key("on", .day)])
    public static func comparedInWhatIf(_ arguments: Arguments) -> Bool { true }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        let workspace = session.workspace
        guard !workspace.products.isEmpty else { throw CommandError(ReportError.noProducts.message) }
        var named: [Int] = []
        for position in 0..<arguments.positionals.count {
            guard let sku = arguments.positional(position) else { continue }
            named.append(try ProductCommand.existing(sku, in: session))
        }
        let day = try PricingContext.day(arguments)
        let report = try PricingContext.report { () throws(ReportError) in
            try MarginReport.margin(session.context, products: named.isEmpty ? nil : named, on: day)
        }
        let rates = report.rates, products = workspace.products
        let showAds = report.showsAds
        let showFlags = report.losing + report.losingAfterAds > 0
        let roles = ProductRole.allCases
        let roleLabels = roles.map(\.label)
        // The rows are built on worker threads, where the task's language does not reach.
        let language = Interface.language
        // 100,000 rows are common: built side by side, each once at its final length.
        // Each piece its own role labels and phrases: a label shared by every row had its count of
        // holders changed by both cores a row at a time (here and when the table is drawn, in the
        // same pieces), and each phrase was looked up behind a lock.
        let rows = mapInPieces(report.rows.count, preparing: {
            (roleCells: roleLabels.map { Cell.text(String(decoding: Array($0.utf8), as: UTF8.self)) },
             losesPerUnit: PreparedPhrase("⚠ loses {amount} a unit", in: language),
             losesAfterAds: PreparedPhrase("⚠ loses {amount} a unit after ads", in: language))
        }) { piece, place -> [Cell] in
                // The product's fields read in place: a copy of each product was a tenth of the work.
                let row = report.rows[place], unit = row.economics
                let (sku, name, productRole) = products.withUnsafeBufferPointer { ($0[row.product].sku, $0[row.product].name, $0[row.product].role) }
                let role = productRole.flatMap { role in roles.firstIndex(of: role).map { piece.roleCells[$0] } }
                var flag = Cell.empty
                switch row.loss {
                case .perUnit(let loss): flag = Cell.text(piece.losesPerUnit(["amount": loss.formatted()])).emphasized(.negative)
                case .afterAds(let loss): flag = Cell.text(piece.losesAfterAds(["amount": loss.formatted()])).emphasized(.negative)
                case nil: break
                }
                var cells: [Cell] = [
                    .text(sku), .text(name), role ?? .empty,
                    .money(unit.price), .money(unit.goodsCost), .money(unit.otherPerUnit), .rate(unit.feeRate),
                    .money(row.contribution), .rateOrEmpty(row.contributionMargin), .rateOrEmpty(unit.grossMargin), .rateOrEmpty(unit.markup),
                    showAds ? .optional(unit.adsPerUnit) { .money($0) } : .empty, showAds ? .optional(row.contributionAfterAds) { .money($0) } : .empty,
                    flag,
                ]
                // The literal is built at full length; unshown columns come off the end, in place.
                if !showFlags { cells.removeLast() }
                if !showAds { cells.removeSubrange(11...12) }
                return cells
        }
        var columns: [Column] = [.text("SKU", key: "sku"), .text("name", key: "name"), .text("role", key: "role"),
                                 .number("price", key: "price"), .number("goods", key: "goods_cost"), .number("other/unit", key: "other_per_unit"),
                                 Column(title: phrase(in: "margin", "fees"), key: "fee_rate", alignment: .right), .number("contribution", key: "unit_contribution"),
                                 Column(title: phrase(in: "margin", "margin"), key: "contribution_margin", alignment: .right), .number("gross", key: "gross_margin"),
                                 .number("markup", key: "markup")]
        if showAds { columns += [.number("ads/unit", key: "ads_per_unit"), .number("after ads", key: "contribution_after_ads")] }
        if showFlags { columns.append(.text("flag", key: "flag")) }
        var notes = [PricingContext.workingNote(rates)]
        if showAds {
            notes.append(phrase("ads/unit: cpc=plan entries' share of paid clicks × cpc {cpc} × paid share {share} ÷ (cvr {cvr} × units per order)",
                                ["cpc": rates.cpc?.formatted() ?? "?", "share": rates.paidFraction.percentText(), "cvr": rates.cvr?.percentText() ?? "?"]))
        }
        let losing = report.losing, losingAfterAds = report.losingAfterAds
        if losing > 0 { notes.append(phrase(losing == 1 ? "{count} product loses money on every unit sold" : "{count} products lose money on every unit sold", ["count": ExactDecimal(losing).countText])) }
        if losingAfterAds > 0 {
            let message = losing > 0 ? (losingAfterAds == 1 ? "{count} more product loses money once ads are paid" : "{count} more products lose money once ads are paid")
                : (losingAfterAds == 1 ? "{count} product loses money once ads are paid" : "{count} products lose money once ads are paid")
            notes.append(phrase(message, ["count": ExactDecimal(losingAfterAds).countText]))
        }
        let title = report.rows.count == 1 ? phrase("unit economics {sku}", ["sku": products[report.rows[0].product].sku]) : phrase("unit economics")
        var table = Table(title: title, columns: columns, rows: rows, notes: notes, compare: ["unit_contribution", "contribution_margin"])
        table.moneyIsPerUnit = true
        return [.table(table)]
    }
}
