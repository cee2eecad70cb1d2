/// An amount with the calendar's fractions kept exact (docs/DOMAIN.md §7): a signed 128-bit count
/// of 10⁻¹² ÷ `denominator` units.
///
/// Accrual divides by 7 (a week's days), by 1, 3 or 12 (months of a period) times 28…31 (a month's
/// days). `ExactDecimal` keeps twelve decimal places, so 76,714.66 ÷ 12 × 3 would come out as
/// 19,178.664999999999 and round to .66 although the true value is 19,178.665. Every one of those
/// divisors divides `denominator`, so sums of accrued shares are exact here and are rounded once,
/// when they are shown.
public struct ExactAmount: Hashable, Comparable, Sendable {
    /// 12 × lcm(28, 29, 30, 31): every months × days-in-month, and 7.
    public static let denominator: Int128 = 4_530_960
    /// The value times 10¹² × `denominator`.
    public var units: Int128

    public init(units: Int128) { self.units = units }

    /// A decimal amount, exactly.
    public init(_ value: ExactDecimal) {
        units = value.isSaturated ? value.units : ExactDecimal.saturatingMultiply(value.units, Self.denominator)
    }

    /// `value × count ÷ divisor`, exactly; `divisor` must divide `denominator` (a calendar divisor).
    public init(_ value: ExactDecimal, times count: Int, dividedBy divisor: Int) {
        let scale = Self.denominator / Int128(divisor)
        precondition(scale * Int128(divisor) == Self.denominator, "\(divisor) is not a calendar divisor")
        units = value.isSaturated ? (count == 0 ? 0 : value.units)
            : ExactDecimal.saturatingMultiply(ExactDecimal.saturatingMultiply(value.units, scale), Int128(count))
    }

    public static let zero = ExactAmount(units: 0)
    public var isZero: Bool { units == 0 }
    /// True for a sum too large to hold; it stays so, and shows as a saturated `ExactDecimal`.
    public var isSaturated: Bool { units == .max || units == .min }

    public static func < (a: ExactAmount, b: ExactAmount) -> Bool { a.units < b.units }
    public static func + (a: ExactAmount, b: ExactAmount) -> ExactAmount {
        if a.isSaturated { return a }
        if b.isSaturated { return b }
        let (sum, overflow) = a.units.addingReportingOverflow(b.units)
        return overflow ? ExactAmount(units: a.units > 0 ? .max : .min) : ExactAmount(units: sum)
    }
    public static func - (a: ExactAmount, b: ExactAmount) -> ExactAmount { a + -b }
    public static func += (a: inout ExactAmount, b: ExactAmount) { a = a + b }
    public static func -= (a: inout ExactAmount, b: ExactAmount) { a = a - b }
    public static prefix func - (a: ExactAmount) -> ExactAmount {
        a.isSaturated ? ExactAmount(units: a.units == .max ? .min : .max) : ExactAmount(units: -a.units)
    }

    /// Units of one cent.
    static let centUnits: Int128 = ExactDecimal.unitsPerOne / 100 * denominator

    /// Rounded half away from zero (四舍五入) to the cent: the one rounding a shown figure gets.
    public func roundedToCents() -> ExactDecimal {
        if isSaturated { return ExactDecimal(units: units) }
        return ExactDecimal(units: ExactDecimal.divideRounded(units, by: Self.centUnits) * (ExactDecimal.unitsPerOne / 100))
    }

    /// Whole cents towards −∞, and what is left over (in units, 0 ≤ left < one cent).
    func floorCents() -> (cents: Int128, left: Int128) {
        var (quotient, remainder) = units.quotientAndRemainder(dividingBy: Self.centUnits)
        if remainder < 0 {
            quotient -= 1
            remainder += Self.centUnits
        }
        return (quotient, remainder)
    }

    /// Rounded to the cent and grouped: "1,234.57".
    public func formatted() -> String { roundedToCents().formatted() }

    /// The nearest `ExactDecimal` (twelve places): for working and rates, never for a shown total.
    public var decimal: ExactDecimal {
        isSaturated ? ExactDecimal(units: units) : ExactDecimal(units: ExactDecimal.divideRounded(units, by: Self.denominator))
    }
}

extension ExactAmount {
    /// Shares `total` (whole cents) among exact `parts` by the largest-remainder method: each part
    /// gets its whole cents, and the cents left go one each to the largest remainders, the earlier
    /// part first on a tie (docs/DOMAIN.md §7). The results add up to `total` exactly.
    public static func apportion(_ total: ExactDecimal, among parts: [ExactAmount]) -> [ExactDecimal] {
        // Too large to hold: every part is refused where it is shown.
        if total.isSaturated || parts.contains(where: \.isSaturated) {
            return parts.map { $0.isSaturated ? ExactDecimal(units: $0.units) : total }
        }
        let cent = ExactDecimal.unitsPerOne / 100
        let floors = parts.map { $0.floorCents() }
        var cents = floors.map(\.cents)
        var left = total.units / cent - cents.reduce(0, +)
        if left > 0 {
            // Only the parts that get a cent need sorting; stable on position for ties.
            let order = floors.indices.sorted { floors[$0].left != floors[$1].left ? floors[$0].left > floors[$1].left : $0 < $1 }
            var position = 0
            while left > 0 && !order.isEmpty {
                cents[order[position % order.count]] += 1
                left -= 1
                position += 1
            }
        } else if left < 0 {
            // Cannot happen when `total` is the rounded sum of `parts`; kept exact anyway.
            let order = floors.indices.sorted { floors[$0].left != floors[$1].left ? floors[$0].left < floors[$1].left : $0 > $1 }
            var position = 0
            while left < 0 && !order.isEmpty {
                cents[order[position % order.count]] -= 1
                left += 1
                position += 1
            }
        }
        return cents.map { ExactDecimal(units: $0 * cent) }
    }
}
