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
        /// Each part's whole cents while every one fits 64 bits: shared out in place and handed
        /// back as they are (a report keeps a hundred thousand of them a column, and a copy or a
        /// 16-byte array a column is memory touched afresh).
        private var cents: [Int64] = []
        /// Every part's whole cents once one does not fit 64 bits (`cents` is then left empty).
        private var wide: [Int128]?
        /// Below one cent: an exact amount's units (under 2⁵⁶), or a decimal's (under 10¹⁰, the
        /// same order: an exact amount of a decimal is its units times `denominator`).
        private var remainders: [UInt64] = []
        /// Each part too large to hold, by its sign (0 for the others); empty while there is none.
        private var saturated: [Int8] = []

        public init(capacity: Int) {
            cents.reserveCapacity(capacity)
            remainders.reserveCapacity(capacity)
        }

        /// `count` decimal parts, `part(i)` the i-th (called once or, for a part beyond 64 bits
        /// of units, again), taken as `append(_:)` takes them: in one pass with each array
        /// written in place, not a part appended at a time (a column of a hundred thousand).
        public init(count: Int, _ part: (Int) -> ExactDecimal) {
            var taken = 0
            var remainders: [UInt64] = []
            let cents = [Int64](unsafeUninitializedCapacity: count) { cents, centsWritten in
                remainders = [UInt64](unsafeUninitializedCapacity: count) { remainders, remaindersWritten in
                    while taken < count {
                        // Money below nine million fits 64 bits of units; any other part is appended as it comes.
                        guard let small = Int64(exactly: part(taken).units) else { break }
                        (cents[taken], remainders[taken]) = Self.floorCents(units: small)
                        taken += 1
                    }
                    remaindersWritten = taken
                }
                centsWritten = taken
            }
            self.cents = cents
            self.remainders = remainders
            guard taken < count else { return }
            self.cents.reserveCapacity(count)
            self.remainders.reserveCapacity(count)
            for place in taken..<count { append(part(place)) }
        }

        public mutating func append(_ part: ExactAmount) {
            guard !part.isSaturated else { return appendSaturated(positive: part.units > 0) }
            let (whole, left) = part.floorCents()
            appendCents(whole)
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
                let (whole, left) = Self.floorCents(units: small)
                appendCents(Int128(whole))
                remainders.append(left)
            } else {
                var (whole, left) = part.units.quotientAndRemainder(dividingBy: cent)
                if left < 0 {
                    whole -= 1
                    left += cent
                }
                appendCents(whole)
                remainders.append(UInt64(truncatingIfNeeded: left))
            }
            if !saturated.isEmpty { saturated.append(0) }
        }

        private mutating func appendSaturated(positive: Bool) {
            if saturated.isEmpty { saturated = Array(repeating: 0, count: count) }
            saturated.append(positive ? 1 : -1)
            appendCents(0)
            remainders.append(0)
        }

        /// A decimal's units below 2⁶³ as whole cents (rounded down) and what is left below a cent:
        /// a 64-bit division by a constant, which is a multiplication.
        @inline(__always)
        private static func floorCents(units: Int64) -> (whole: Int64, left: UInt64) {
            let cent = Int64(ExactDecimal.unitsPerOne / 100)
            var (whole, left) = units.quotientAndRemainder(dividingBy: cent)
            if left < 0 {
                whole -= 1
                left += cent
            }
            return (whole, UInt64(left))
        }

        /// How many parts there are.
        private var count: Int { wide?.count ?? cents.count }

        @inline(__always)
        private mutating func appendCents(_ whole: Int128) {
            if wide == nil, let fits = Int64(exactly: whole) { return cents.append(fits) }
            if wide == nil {
                wide = cents.map { Int128($0) }
                cents = []
            }
            wide?.append(whole)
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

            /// Parts of whole cents: in 64 bits where every one fits them, as decimals otherwise.
            public init(wholeCents: [Int128]) {
                var narrow: [Int64] = []
                narrow.reserveCapacity(wholeCents.count)
                for whole in wholeCents {
                    guard let fits = Int64(exactly: whole) else {
                        self = .decimals(wholeCents.map { ExactDecimal(units: $0 * (ExactDecimal.unitsPerOne / 100)) })
                        return
                    }
                    narrow.append(fits)
                }
                self = .cents(narrow)
            }
        }

        /// `sharedOut(_:)` as whole cents where they fit 64 bits (any amount below 9 × 10¹⁶ does).
        public consuming func sharedOutInCents(_ total: ExactDecimal) -> Shares {
            // Too large to hold: every part is refused where it is shown.
            if total.isSaturated || !saturated.isEmpty {
                return .decimals(saturated.isEmpty ? Array(repeating: total, count: count)
                    : saturated.map { $0 == 0 ? total : ExactDecimal(units: $0 > 0 ? Int128.max : Int128.min) })
            }
            let cent = ExactDecimal.unitsPerOne / 100
            if wide == nil {
                // Below 2⁶³ cents a part, a hundred thousand parts sum far inside 128 bits.
                var sum: Int128 = 0, lowest = Int64.max, highest = Int64.min
                for whole in cents {
                    sum += Int128(whole)
                    lowest = min(lowest, whole)
                    highest = max(highest, whole)
                }
                let left = total.units / cent - sum
                // A part gets (or gives back) at most a cent more than the rounds: in 64 bits, in place, when every part stays in them.
                let most = left.magnitude / UInt128(max(cents.count, 1)) + 1
                if most <= UInt128(Int64.max), left > 0 ? Int128(highest) + Int128(most) <= Int128(Int64.max) : Int128(lowest) - Int128(most) >= Int128(Int64.min) {
                    Self.giveOut(left, to: &cents, by: remainders)
                    return .cents(cents)
                }
                wide = cents.map { Int128($0) }
                cents = []
            }
            var wide = wide ?? []
            Self.giveOut(total.units / cent - wide.reduce(0, +), to: &wide, by: remainders)
            return Shares(wholeCents: wide)
        }

        /// `left` cents given out to `cents` (taken back when it is negative): round after round
        /// to every part while there are more than parts, the rest by the largest remainder.
        private static func giveOut<Whole: FixedWidthInteger & SignedInteger>(_ left: Int128, to cents: inout [Whole], by remainders: [UInt64]) {
            guard left != 0, !cents.isEmpty else { return }
            let step: Whole = left > 0 ? 1 : -1
            let (rounds, rest) = left.magnitude.quotientAndRemainder(dividingBy: UInt128(cents.count))
            if rounds > 0 {
                let each = step * Whole(rounds)
                for index in cents.indices { cents[index] += each }
            }
            ExactAmount.forEachOfFirst(Int(rest), of: remainders, largest: left > 0) { cents[$0] += step }
        }
    }

    /// The positions of the first `count` parts in largest-remainder order, each handed to
    /// `body`: the largest remainder first and the earlier part on a tie, or (not `largest`) the
    /// smallest first and the later part on a tie. A few parts are sorted; many are selected in
    /// linear time: the remainder the last chosen part has is found digit by digit
    /// (`remainder(ranked:of:flip:)`), every part above it is chosen, and of those with it, the
    /// earliest (or latest) as many as are still needed. No array of the chosen is made.
    static func forEachOfFirst(_ count: Int, of remainders: [UInt64], largest: Bool, _ body: (Int) -> Void) {
        guard count > 0 else { return }
        // Ranked as the largest first: taking back ranks the complements.
        let flip: UInt64 = largest ? 0 : .max
        guard remainders.count > 256 else {
            let order = remainders.indices.sorted {
                let a = remainders[$0] ^ flip, b = remainders[$1] ^ flip
                return a != b ? a > b : (largest ? $0 < $1 : $0 > $1)
            }
            for index in order.prefix(count) { body(index) }
            return
        }
        let threshold = remainder(ranked: count, of: remainders, flip: flip)
        var needed = count
        for index in remainders.indices where remainders[index] ^ flip > threshold {
            body(index)
            needed -= 1
        }
        if largest {
            for index in remainders.indices where needed > 0 && remainders[index] ^ flip == threshold {
                body(index)
                needed -= 1
            }
        } else {
            for index in remainders.indices.reversed() where needed > 0 && remainders[index] ^ flip == threshold {
                body(index)
                needed -= 1
            }
        }
    }

    /// The `rank`-th largest of the keys `remainders[i] ^ flip` (1 ≤ rank ≤ count), by radix
    /// selection from the highest bit on which the keys differ, eleven bits at a time: each pass
    /// counts the digits of the keys that still have the digits chosen so far, so the work is
    /// linear whatever the keys. The candidates are copied out only once they are few (a column
    /// of exact cents has tens of thousands of remainders of 0, and a copy of them is memory
    /// touched afresh).
    static func remainder(ranked rank: Int, of remainders: [UInt64], flip: UInt64) -> UInt64 {
        var all = UInt64.max, any: UInt64 = 0
        for remainder in remainders {
            all &= remainder ^ flip
            any |= remainder ^ flip
        }
        guard all != any else { return any }
        /// The bits from `bit` up.
        func from(_ bit: Int) -> UInt64 { bit >= UInt64.bitWidth ? 0 : ~((UInt64(1) << UInt64(bit)) &- 1) }
        var bits = UInt64.bitWidth - (all ^ any).leadingZeroBitCount
        // The digits chosen so far (to begin with, the bits every key has alike).
        var prefix = all & from(bits)
        var rank = rank
        var counts = [Int](repeating: 0, count: 1 << 11)
        var pool = remainders, poolFlip = flip
        while bits > 0 {
            let width = min(11, bits)
            let fixed = from(bits)
            bits -= width
            let mask = (UInt64(1) << UInt64(width)) - 1, shift = UInt64(bits)
            for digit in 0...Int(mask) { counts[digit] = 0 }
            var candidates = 0
            for remainder in pool {
                let key = remainder ^ poolFlip
                guard key & fixed == prefix else { continue }
                counts[Int((key >> shift) & mask)] += 1
                candidates += 1
            }
            var digit = Int(mask)
            while counts[digit] < rank {
                rank -= counts[digit]
                digit -= 1
            }
            prefix |= UInt64(digit) << shift
            let chosen = from(bits)
            if counts[digit] == 1 {
                for remainder in pool where (remainder ^ poolFlip) & chosen == prefix { return remainder ^ poolFlip }
            }
            if counts[digit] <= candidates / 16 {
                pool = pool.compactMap { remainder in
                    let key = remainder ^ poolFlip
                    return key & chosen == prefix ? key : nil
                }
                poolFlip = 0
            }
        }
        return prefix
    }
}
