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
        var sharing = Apportioning(capacity: parts.count)
        for part in parts { sharing.append(part) }
        return sharing.sharedOut(total)
    }

    /// The same for parts of twelve places: the result is `apportion(total, among:
    /// parts.map(ExactAmount.init))`'s, worked on the decimals' own units.
    public static func apportion(_ total: ExactDecimal, among parts: [ExactDecimal]) -> [ExactDecimal] {
        var sharing = Apportioning(capacity: parts.count)
        for part in parts { sharing.append(part) }
        return sharing.sharedOut(total)
    }

    /// Parts to be shared out by the largest remainder (`apportion(_:among:)`), taken one at a
    /// time: each part's whole cents and what it has below a cent are kept, not the part, so that
    /// a report can share out a hundred thousand parts without an array of them first.
    public struct Apportioning: Sendable {
        private var cents: [Int128] = []
        /// Below one cent: an exact amount's units (under 2⁵⁶), or a decimal's (under 10¹⁰, the
        /// same order: an exact amount of a decimal is its units times `denominator`).
        private var remainders: [UInt64] = []
        /// Each part too large to hold, by its sign (0 for the others); empty while there is none.
        private var saturated: [Int8] = []

        public init(capacity: Int) {
            cents.reserveCapacity(capacity)
            remainders.reserveCapacity(capacity)
        }

        public mutating func append(_ part: ExactAmount) {
            guard !part.isSaturated else { return appendSaturated(positive: part.units > 0) }
            let (whole, left) = part.floorCents()
            cents.append(whole)
            remainders.append(UInt64(truncatingIfNeeded: left))
            if !saturated.isEmpty { saturated.append(0) }
        }

        /// A decimal part, as its exact amount would be taken, without the 128-bit division.
        public mutating func append(_ part: ExactDecimal) {
            // Beyond this, its exact amount is too large to hold.
            let largest = Int128.max / ExactAmount.denominator
            guard part.units <= largest && part.units >= -largest else { return appendSaturated(positive: part.units > 0) }
            let cent = ExactDecimal.unitsPerOne / 100
            // Money below nine million fits 64 bits, whose division by a constant is a multiplication.
            if let small = Int64(exactly: part.units) {
                var (whole, left) = small.quotientAndRemainder(dividingBy: Int64(cent))
                if left < 0 {
                    whole -= 1
                    left += Int64(cent)
                }
                cents.append(Int128(whole))
                remainders.append(UInt64(left))
            } else {
                var (whole, left) = part.units.quotientAndRemainder(dividingBy: cent)
                if left < 0 {
                    whole -= 1
                    left += cent
                }
                cents.append(whole)
                remainders.append(UInt64(truncatingIfNeeded: left))
            }
            if !saturated.isEmpty { saturated.append(0) }
        }

        private mutating func appendSaturated(positive: Bool) {
            if saturated.isEmpty { saturated = Array(repeating: 0, count: cents.count) }
            saturated.append(positive ? 1 : -1)
            cents.append(0)
            remainders.append(0)
        }

        /// The parts' whole cents with the cents `total` leaves over given out by the largest
        /// remainder, the earlier part first on a tie (when there are more cents left than parts,
        /// round after round). A total below the cents (which the rounded sum of the parts never
        /// is) takes cents back from the smallest remainders, the later part first.
        public consuming func sharedOut(_ total: ExactDecimal) -> [ExactDecimal] {
            switch sharedOutInCents(total) {
            case .cents(let cents): return cents.map(ExactDecimal.init(cents:))
            case .decimals(let decimals): return decimals
            }
        }

        /// `sharedOut(_:)`'s parts, or (a report keeping a hundred thousand of them) 8 bytes a part.
        public enum Shares: Sendable {
            /// Each part in whole cents: every part is a number that is shown.
            case cents([Int64])
            /// A part too large for 64 bits of cents (or refused as too large to hold).
            case decimals([ExactDecimal])
        }

        /// `sharedOut(_:)` as whole cents where they fit 64 bits (any amount below 9 × 10¹⁶ does).
        public consuming func sharedOutInCents(_ total: ExactDecimal) -> Shares {
            // Too large to hold: every part is refused where it is shown.
            if total.isSaturated || !saturated.isEmpty {
                return .decimals(saturated.isEmpty ? cents.map { _ in total }
                    : saturated.map { $0 == 0 ? total : ExactDecimal(units: $0 > 0 ? Int128.max : Int128.min) })
            }
            let cent = ExactDecimal.unitsPerOne / 100
            let left = total.units / cent - cents.reduce(0, +)
            if left != 0, !cents.isEmpty {
                let step: Int128 = left > 0 ? 1 : -1
                let (rounds, rest) = left.magnitude.quotientAndRemainder(dividingBy: UInt128(cents.count))
                if rounds > 0 {
                    for index in cents.indices { cents[index] += step * Int128(rounds) }
                }
                for index in ExactAmount.first(Int(rest), of: remainders, largest: left > 0) { cents[index] += step }
            }
            var narrow: [Int64] = []
            narrow.reserveCapacity(cents.count)
            for whole in cents {
                guard let fits = Int64(exactly: whole) else { return .decimals(cents.map { ExactDecimal(units: $0 * cent) }) }
                narrow.append(fits)
            }
            return .cents(narrow)
        }
    }

    /// The positions of the first `count` parts in largest-remainder order: the largest remainder
    /// first and the earlier part on a tie, or (not `largest`) the smallest first and the later
    /// part on a tie. A few parts are sorted; many are selected in linear time: the remainder
    /// the last chosen part has is found digit by digit (`remainder(ranked:)`), every part above
    /// it is chosen, and of those with it, the earliest (or latest) as many as are still needed.
    static func first(_ count: Int, of remainders: [UInt64], largest: Bool) -> [Int] {
        guard count > 0 else { return [] }
        // Ranked as the largest first: taking back ranks the complements.
        let keys = largest ? remainders : remainders.map { ~$0 }
        guard keys.count > 256 else {
            let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : (largest ? $0 < $1 : $0 > $1) }
            return Array(order.prefix(count))
        }
        let threshold = remainder(ranked: count, of: keys)
        var chosen: [Int] = []
        chosen.reserveCapacity(count)
        for index in keys.indices where keys[index] > threshold { chosen.append(index) }
        var needed = count - chosen.count
        if largest {
            for index in keys.indices where needed > 0 && keys[index] == threshold {
                chosen.append(index)
                needed -= 1
            }
        } else {
            for index in keys.indices.reversed() where needed > 0 && keys[index] == threshold {
                chosen.append(index)
                needed -= 1
            }
        }
        return chosen
    }

    /// The `rank`-th largest of `keys` (1 ≤ rank ≤ count), by radix selection from the highest
    /// bit on which the keys differ, eleven bits at a time: each pass keeps only the keys of the
    /// digit the rank falls in, so the work is linear whatever the keys.
    static func remainder(ranked rank: Int, of keys: [UInt64]) -> UInt64 {
        let all = keys.reduce(UInt64.max, &), any = keys.reduce(0, |)
        guard all != any else { return any }
        var bits = UInt64.bitWidth - (all ^ any).leadingZeroBitCount
        var rank = rank
        var counts = [Int](repeating: 0, count: 1 << 11)
        /// The keys of the digit the rank falls in, out of `candidates`.
        func narrowed(_ candidates: [UInt64]) -> [UInt64] {
            let width = min(11, bits)
            bits -= width
            let mask = (UInt64(1) << width) - 1, shift = UInt64(bits)
            for digit in 0...Int(mask) { counts[digit] = 0 }
            for key in candidates { counts[Int((key >> shift) & mask)] += 1 }
            var digit = Int(mask)
            while counts[digit] < rank {
                rank -= counts[digit]
                digit -= 1
            }
            return candidates.filter { Int(($0 >> shift) & mask) == digit }
        }
        // The first pass reads the keys themselves; the later ones, those left, until they are
        // all one remainder (many parts of an even split have the same).
        var candidates = narrowed(keys)
        while bits > 0 && candidates.count > 1 {
            let all = candidates.reduce(UInt64.max, &), any = candidates.reduce(0, |)
            if all == any { return any }
            bits = min(bits, UInt64.bitWidth - (all ^ any).leadingZeroBitCount)
            candidates = narrowed(candidates)
        }
        return candidates.sorted(by: >)[rank - 1]
    }
}
