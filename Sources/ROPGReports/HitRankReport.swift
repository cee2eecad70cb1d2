import ROPGDomain

/// Which product is worth pushing (`hit rank`, docs/DOMAIN.md §5.2): per product, what a visitor
/// and a thousand impressions are worth on a day, best value per visitor first.
public struct HitRankReport: Equatable, Sendable {
    public struct Candidate: Equatable, Sendable {
        /// The product's index in the workspace.
        public var productIndex: Int
        public var sku: String
        public var name: String
        public var role: ProductRole?
        /// The product's measured CTR, else the shop's; nil when neither is set.
        public var ctr: ExactDecimal?
        /// The product's measured CVR, else the shop's; nil when neither is set.
        public var cvr: ExactDecimal?
        public var ctrMeasured: Bool
        public var cvrMeasured: Bool
        /// u: the unit contribution after fees and unit costs, before the hit's own ads.
        public var unitContribution: ExactDecimal
        /// CVR × units per order × u; nil without a CVR.
        public var valuePerVisitor: ExactDecimal?
        /// Value per visitor × CTR × 1000; nil without a CVR or a CTR.
        public var valuePerMille: ExactDecimal?
        /// The most a paid click may cost: what the visitor it brings is worth.
        public var breakEvenCPC: ExactDecimal?
    }

    /// What is missing for some candidates' figures.
    public enum Note: Equatable, Sendable {
        /// Some products have no measured CVR and the shop's is not set.
        case shopCVRMissing
        /// Some products have no measured CTR and the shop's is not set.
        case shopCTRMissing
    }

    /// The day whose cost entries and assumptions apply.
    public let day: Day
    public let unitsPerOrder: ExactDecimal
    /// Best value per visitor first; products without a CVR last; ties in workspace order.
    public let candidates: [Candidate]
    public let notes: [Note]

    /// The products at `indices` (every product when nil) ranked on `day` (today when nil).
    public static func of(_ indices: [Int]? = nil, on day: Day? = nil, in context: ReportContext) -> HitRankReport {
        let workspace = context.workspace
        let day = day ?? context.today
        let rates = context.unitCostRates(on: day)
        let shopCTR = workspace.settings.value(.ctr, on: day)
        let shopCVR = workspace.settings.value(.cvr, on: day)
        let unitsPerOrder = rates.unitsPerOrder
        var candidates = (indices ?? Array(workspace.products.indices)).map { index -> Candidate in
            let product = workspace.products[index]
            let cvr = product.cvr ?? shopCVR, ctr = product.ctr ?? shopCTR
            let unit = rates.economics(of: product, at: index).contribution
            let perVisitor = cvr.map { UnitEconomics.valuePerVisitor(contribution: unit, cvr: $0, unitsPerOrder: unitsPerOrder) }
            return Candidate(productIndex: index, sku: product.sku, name: product.name, role: product.role, ctr: ctr, cvr: cvr,
                             ctrMeasured: product.ctr != nil, cvrMeasured: product.cvr != nil, unitContribution: unit,
                             valuePerVisitor: perVisitor, valuePerMille: perVisitor.flatMap { value in ctr.map { value * $0 * 1000 } },
                             breakEvenCPC: cvr.map { UnitEconomics.breakEvenCPC(contribution: unit, cvr: $0, unitsPerOrder: unitsPerOrder) })
        }
        candidates.sort { a, b in
            if a.valuePerVisitor != b.valuePerVisitor {
                guard let left = a.valuePerVisitor else { return false }
                guard let right = b.valuePerVisitor else { return true }
                return left > right
            }
            return a.productIndex < b.productIndex
        }
        var notes: [Note] = []
        if shopCVR == nil && candidates.contains(where: { $0.cvr == nil }) { notes.append(.shopCVRMissing) }
        if shopCTR == nil && candidates.contains(where: { $0.ctr == nil }) { notes.append(.shopCTRMissing) }
        return HitRankReport(day: day, unitsPerOrder: unitsPerOrder, candidates: candidates, notes: notes)
    }
}
