import ROPGDomain
import ROPGTables

/// `hit rank [SKU…]`: which product is worth pushing — what a visitor and a thousand impressions
/// are worth on each.
enum HitRank {
    static func run(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["on"], command: "hit rank")
        let workspace = session.workspace
        guard !workspace.products.isEmpty else { throw CommandError("no products yet: add one with product add SKU price=… cost=…") }
        var indices: [Int] = []
        for position in 1..<max(1, arguments.positionals.count) {
            guard let sku = arguments.positional(position) else { continue }
            indices.append(try ProductCommand.existing(sku, in: session))
        }
        if indices.isEmpty { indices = Array(workspace.products.indices) }
        let context = try PricingContext(session, arguments)
        let shopCTR = workspace.settings.value(.ctr, on: context.day)
        let shopCVR = workspace.settings.value(.cvr, on: context.day)
        let unitsPerOrder = context.rates.unitsPerOrder
        struct Candidate {
            var index: Int
            var ctr: ExactDecimal?
            var cvr: ExactDecimal?
            var unit: ExactDecimal
            var perVisitor: ExactDecimal?
        }
        var candidates = indices.map { index -> Candidate in
            let product = workspace.products[index]
            let cvr = product.cvr ?? shopCVR
            let unit = context.economics(index).contribution
            let perVisitor = cvr.map { UnitEconomics.valuePerVisitor(contribution: unit, cvr: $0, unitsPerOrder: unitsPerOrder) }
            return Candidate(index: index, ctr: product.ctr ?? shopCTR, cvr: cvr, unit: unit, perVisitor: perVisitor)
        }
        // Best value per visitor first; products whose CVR is unknown last; ties in workspace order.
        candidates.sort { a, b in
            if a.perVisitor != b.perVisitor {
                guard let left = a.perVisitor else { return false }
                guard let right = b.perVisitor else { return true }
                return left > right
            }
            return a.index < b.index
        }
        let rows: [[Cell]] = candidates.map { candidate in
            let product = workspace.products[candidate.index]
            let source = [product.ctr == nil ? nil : "CTR", product.cvr == nil ? nil : "CVR"].compactMap { $0 }
            return [.text(product.sku), .text(product.name), ProductCommand.roleCell(product.role),
                    .optional(candidate.ctr) { .rate($0) }, .optional(candidate.cvr) { .rate($0) }, .money(candidate.unit),
                    .optional(candidate.perVisitor) { .money($0) },
                    .optional(candidate.perVisitor.flatMap { value in candidate.ctr.map { value * $0 * 1000 } }) { .money($0) },
                    // The break-even CPC is the value per visitor (UnitEconomics.breakEvenCPC): shown from the same number.
                    .optional(candidate.perVisitor) { .money($0) },
                    .text(source.isEmpty ? "shop" : source.joined(separator: ", ") + " measured")]
        }
        let columns: [Column] = [.text("SKU", key: "sku"), .text("name", key: "name"), .text("role", key: "role"),
                                 .number("CTR", key: "ctr"), .number("CVR", key: "cvr"), .number("unit contribution", key: "unit_contribution"),
                                 .number("per visitor", key: "value_per_visitor"), .number("per 1000 impressions", key: "value_per_mille"),
                                 .number("break-even CPC", key: "break_even_cpc"), .text("rates", key: "rates")]
        var notes = ["per visitor = CVR × units per order \(unitsPerOrder.description) × unit contribution; per 1000 impressions = "
                     + "per visitor × CTR × 1000; a paid click may cost at most what a visitor is worth (the break-even CPC)"]
        if shopCVR == nil && candidates.contains(where: { $0.cvr == nil }) {
            notes.append("products without a measured CVR need the shop's: set cvr=3% (or product set SKU cvr=…)")
        }
        if shopCTR == nil && candidates.contains(where: { $0.ctr == nil }) {
            notes.append("products without a measured CTR need the shop's for the value per 1000 impressions: set ctr=2%")
        }
        return [.table(Table(title: "hit candidates", columns: columns, rows: rows, notes: notes))]
    }
}
