import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `hit rank [SKU…] [on=DAY]`: which product is worth pushing — what a visitor and a thousand
/// impressions are worth on each (the figures: `HitRankReport`).
enum HitRank {
    static func run(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: HitCommand.self, verb: "rank")
        guard !session.workspace.products.isEmpty else { throw CommandError(phrase("no products yet: add one with product add SKU price=… cost=…")) }
        var indices: [Int] = []
        for position in 1..<max(1, arguments.positionals.count) {
            guard let sku = arguments.positional(position) else { continue }
            indices.append(try ProductCommand.existing(sku, in: session))
        }
        var day: Day?
        if let text = arguments.value("on") {
            guard let chosen = Day(isoText: text) else { throw CommandError(phrase("on={text}: give a day such as 2026-03-15", ["text": "\(text)"])) }
            day = chosen
        }
        let report = HitRankReport.of(indices.isEmpty ? nil : indices, on: day, in: session.context)
        let rows: [[Cell]] = report.candidates.map { candidate in
            let measured = [candidate.ctrMeasured ? "CTR" : nil, candidate.cvrMeasured ? "CVR" : nil].compactMap { $0 }
            return [.text(candidate.sku), .text(candidate.name), ProductCommand.roleCell(candidate.role),
                    .optional(candidate.ctr) { .rate($0) }, .optional(candidate.cvr) { .rate($0) }, .money(candidate.unitContribution),
                    .optional(candidate.valuePerVisitor) { .money($0) }, .optional(candidate.valuePerMille) { .money($0) },
                    .optional(candidate.breakEvenCPC) { .money($0) },
                    .text(measured.isEmpty ? phrase("shop") : phrase("{rates} measured", ["rates": measured.joined(separator: ", ")]))]
        }
        let columns: [Column] = [.text("SKU", key: "sku"), .text("name", key: "name"), .text("role", key: "role"),
                                 .number("CTR", key: "ctr"), .number("CVR", key: "cvr"), .number("unit contribution", key: "unit_contribution"),
                                 .number("per visitor", key: "value_per_visitor"), .number("per 1000 impressions", key: "value_per_mille"),
                                 .number("break-even CPC", key: "break_even_cpc"), .text("rates", key: "rates")]
        var notes = [phrase("per visitor = CVR × units per order {units} × unit contribution; per 1000 impressions = per visitor × CTR × 1000; a paid click may cost at most what a visitor is worth (the break-even CPC)",
                            ["units": report.unitsPerOrder.description])]
        for note in report.notes {
            switch note {
            case .shopCVRMissing: notes.append(phrase("products without a measured CVR need the shop's: set cvr=3% (or product set SKU cvr=…)"))
            case .shopCTRMissing: notes.append(phrase("products without a measured CTR need the shop's for the value per 1000 impressions: set ctr=2%"))
            }
        }
        return [.table(Table(title: phrase("hit candidates"), columns: columns, rows: rows, notes: notes))]
    }
}
