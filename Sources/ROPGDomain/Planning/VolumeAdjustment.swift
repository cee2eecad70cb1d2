/// How volume answers a price change in a what-if or scenario (docs/DOMAIN.md §13).
///
/// The plan sells its GMV goals, shared among products by GMV share, and a product's units are
/// its revenue ÷ its price: a lower price sells more units for the same GMV (hold GMV, the plan's
/// own rule and the default). For product p whose price goes from P to P′, the other rules want
/// its GMV multiplied by g = (P′/P)·k, where k is the factor on its units: 1 to hold units, or
/// 1 + e·(P′ − P)/P for an elasticity e. With s the effective GMV shares and u the share no
/// product carries, the shop's GMV becomes F = Σ s·g + u times the plan's, so every GMV goal is
/// multiplied by F and each share becomes s·g/F: product p then sells exactly g times its plan GMV
/// and every other product what it sold. Orders and units goals, recorded actuals and saved hit
/// plans (planned in units already) are left as they are.
public enum VolumeAdjustment {
    public struct Failure: Error, Equatable, Sendable { public var message: KeyedMessage }

    /// Adjusts `workspace` (the plan with a scenario's changes) for `rule`; returns a note on
    /// what it did, nil when no price changed or the rule holds GMV.
    public static func apply(_ rule: VolumeRule, plan: Workspace, to workspace: inout Workspace) throws(Failure) -> VolumeNote? {
        guard rule != .holdGMV else { return nil }
        let planPrices = Dictionary(plan.products.map { ($0.sku, $0.price) }, uniquingKeysWith: { first, _ in first })
        var factors: [ExactDecimal] = []
        var moved: [VolumeNote.Move] = []
        for product in workspace.products {
            guard let old = planPrices[product.sku], old != product.price, !old.isZero else {
                factors.append(.one)
                continue
            }
            guard let ratio = product.price.divided(by: old) else { factors.append(.one); continue }
            var unitsFactor = ExactDecimal.one
            if case .elasticity(let elasticity) = rule {
                unitsFactor = .one + elasticity * (ratio - .one)
                guard unitsFactor > .zero else {
                    throw Failure(message: KeyedMessage("elasticity {elasticity} and {sku}'s price change from {old} to {new} would sell no units; use a smaller elasticity", ["elasticity": elasticity.description, "sku": product.sku, "old": old.formatted(), "new": product.price.formatted()]))
                }
            }
            // (P′·k)/P with one division, so the factor is as exact as twelve places allow.
            factors.append((product.price * unitsFactor).divided(by: old) ?? ratio * unitsFactor)
            moved.append(VolumeNote.Move(sku: product.sku, old: old, new: product.price, unitsFactor: unitsFactor))
        }
        guard !moved.isEmpty else { return nil }
        let shares = SalesModel.shares(of: workspace.products)
        let carried = shares.reduce(ExactDecimal.zero, +)
        let unassigned = carried < .one ? .one - carried : .zero
        let total = zip(shares, factors).reduce(unassigned) { $0 + $1.0 * $1.1 }
        guard total > .zero else { return nil }
        var given = ExactDecimal.zero
        for index in workspace.products.indices {
            let share = (shares[index] * factors[index]).divided(by: total) ?? .zero
            workspace.products[index].share = share
            given += share
        }
        // Rounding at the twelfth place must not take the shares past the whole.
        if given > .one, let last = workspace.products.indices.last, let share = workspace.products[last].share {
            workspace.products[last].share = share - (given - .one)
        }
        for index in workspace.goals.indices where workspace.goals[index].metric == .gmv {
            // Settled to the goal's step (the cent), as every goal is kept: the spreading shares
            // whole cents, and a scaled year and its scaled months each stay a whole number of them.
            let goal = workspace.goals[index]
            workspace.goals[index].value = (goal.value * total).rounded(places: goal.metric.isMoney ? 2 : 0)
        }
        return VolumeNote(moves: moved, gmvFactor: total)
    }
}
