/// Why GMV missed (or beat) its plan: the gap split into traffic, conversion and order value
/// (docs/DOMAIN.md §4.7).
///
/// GMV = U × C × A: visitors U, conversion rate C = orders ÷ U, order value A = GMV ÷ orders; 0
/// is the plan, 1 the actual. Each factor's part is its Shapley value, the average of what it
/// adds over the six orders in which the three factors can be changed from plan to actual one at a
/// time. For U that is
///
///     ΔU × (C₀A₀ ÷ 3 + (C₀A₁ + C₁A₀) ÷ 6 + C₁A₁ ÷ 3)
///
/// and alike for C and A. Unlike one fixed order of substitution, no factor is favoured, and
/// unlike log-mean weights it needs no logarithms, so it stays in exact decimals. The three parts
/// add up to U₁C₁A₁ − U₀C₀A₀ = actual GMV − planned GMV; the order-value part is worked out as the
/// gap less the other two, so the sum is exact at twelve places and not merely close.
public struct GapDecomposition: Equatable, Sendable {
    public enum Factor: String, Sendable, CaseIterable {
        case traffic, conversion, orderValue = "order value"
    }

    public var planGMV: ExactDecimal
    public var actualGMV: ExactDecimal
    /// actual − plan.
    public var gap: ExactDecimal { actualGMV - planGMV }
    public var traffic: ExactDecimal
    public var conversion: ExactDecimal
    public var orderValue: ExactDecimal

    public func part(_ factor: Factor) -> ExactDecimal {
        switch factor {
        case .traffic: traffic
        case .conversion: conversion
        case .orderValue: orderValue
        }
    }

    /// The factor that explains most of the gap: the largest part in the gap's direction (the most
    /// negative when behind); nil when there is no gap.
    public var mainCause: Factor? {
        guard !gap.isZero else { return nil }
        let behind = gap.isNegative
        return Factor.allCases.max { a, b in
            let x = part(a), y = part(b)
            return behind ? x > y : x < y
        }
    }

    /// The split of `actual` against `plan` (visitors, orders and GMV of the same days). Where the
    /// actual has no visitors or no orders, its conversion rate or order value is taken as planned
    /// (nothing to compare), so the whole gap falls to the factors that can be compared. Nil when the
    /// plan itself has no visitors or orders.
    public init?(plan: (visitors: ExactDecimal, orders: ExactDecimal, gmv: ExactDecimal),
                 actual: (visitors: ExactDecimal, orders: ExactDecimal, gmv: ExactDecimal)) {
        guard plan.visitors > .zero, plan.orders > .zero,
              let c0 = plan.orders.divided(by: plan.visitors), let a0 = plan.gmv.divided(by: plan.orders) else { return nil }
        let u0 = plan.visitors, u1 = actual.visitors
        let c1 = actual.visitors > .zero ? (actual.orders.divided(by: actual.visitors) ?? c0) : c0
        let a1 = actual.orders > .zero ? (actual.gmv.divided(by: actual.orders) ?? a0) : a0
        // Σ over the six orders ÷ 6 = (2x₀y₀ + x₀y₁ + x₁y₀ + 2x₁y₁) ÷ 6, divided once, after the
        // change is multiplied in, so that round figures stay round.
        func part(_ change: ExactDecimal, _ x0: ExactDecimal, _ x1: ExactDecimal, _ y0: ExactDecimal, _ y1: ExactDecimal) -> ExactDecimal {
            let two = ExactDecimal(2)
            return (change * (two * x0 * y0 + x0 * y1 + x1 * y0 + two * x1 * y1)).divided(by: ExactDecimal(6)) ?? .zero
        }
        planGMV = plan.gmv
        actualGMV = actual.gmv
        traffic = part(u1 - u0, c0, c1, a0, a1)
        conversion = part(c1 - c0, u0, u1, a0, a1)
        orderValue = actual.gmv - plan.gmv - traffic - conversion
    }
}
