/// An exact decimal number: a signed 128-bit count of 10⁻¹² units.
///
/// Money, rates and volumes all use it. Sums and differences are exact; a product or quotient
/// keeps twelve decimal places (rounded half away from zero), which is far below anything shown
/// at 0.01, so a unit cost of 8500/300 stays 28.333333333333 until it is displayed.
/// The range is ±1.7 × 10²⁶; user input is capped at ±10¹⁵ (`NumberGrammar.largestInput`).
/// A result that would overflow saturates instead of trapping (a shell must not crash on absurd
/// input), and a saturated value stays saturated through any further arithmetic, so that a
/// report holding one is refused as "too large" where it is shown, never printed as a figure.
public struct ExactDecimal: Hashable, Comparable, Sendable {
    /// The value times 10¹².
    public var units: Int128

    public static let fractionDigits = 12
    public static let unitsPerOne: Int128 = 1_000_000_000_000

    public init(units: Int128) { self.units = units }
    public init(_ value: Int) { self.units = Int128(value) * Self.unitsPerOne }
    /// Whole cents: below 2⁶³ × 10¹⁰ < 2⁹⁷, so the product needs no overflow check (a checked
    /// 128-bit multiplication is a library call, and reports turn millions of cents into decimals).
    public init(cents: Int64) { self.units = Int128(cents) &* (Self.unitsPerOne / 100) }

    /// `mantissa × 10^-places`, e.g. (7950, 2) is 79.50. Places beyond twelve are rounded.
    public init(mantissa: Int128, places: Int) {
        if places <= Self.fractionDigits {
            self.units = Self.saturatingMultiply(mantissa, Self.powerOfTen(Self.fractionDigits - places))
        } else {
            self.units = Self.divideRounded(mantissa, by: Self.powerOfTen(places - Self.fractionDigits))
        }
    }

    public static let zero = ExactDecimal(units: 0)
    public static let one = ExactDecimal(1)
    public static let hundred = ExactDecimal(100)

    public var isZero: Bool { units == 0 }
    /// True for a result too large to hold (an overflow, saturated at the range's end).
    public var isSaturated: Bool { units == .max || units == .min }
    public var isNegative: Bool { units < 0 }
    public var magnitude: ExactDecimal { ExactDecimal(units: units < 0 ? -units : units) }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { a.units < b.units }

    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        if a.isSaturated { return a }
        if b.isSaturated { return b }
        let (sum, overflow) = a.units.addingReportingOverflow(b.units)
        return overflow ? saturated(positive: a.units > 0) : ExactDecimal(units: sum)
    }
    public static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        if a.isSaturated { return a }
        if b.isSaturated { return saturated(positive: b.units < 0) }
        let (difference, overflow) = a.units.subtractingReportingOverflow(b.units)
        return overflow ? saturated(positive: a.units > 0) : ExactDecimal(units: difference)
    }
    public static prefix func - (a: ExactDecimal) -> ExactDecimal {
        a.isSaturated ? saturated(positive: a.units < 0) : ExactDecimal(units: -a.units)
    }
    public static func += (a: inout ExactDecimal, b: ExactDecimal) { a = a + b }
    public static func -= (a: inout ExactDecimal, b: ExactDecimal) { a = a - b }

    public static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        // Times one is exact: most quantities are 1, and a million of them are multiplied per fold.
        if b.units == unitsPerOne { return a }
        if a.units == unitsPerOne { return b }
        if a.isSaturated || b.isSaturated {
            return a.isZero || b.isZero ? .zero : saturated(positive: (a.units < 0) == (b.units < 0))
        }
        return ExactDecimal(units: multiplyByUnits(a.units, b.units))
    }
    public static func *= (a: inout ExactDecimal, b: ExactDecimal) { a = a * b }

    /// Multiplication by a whole number is exact (no rounding at the twelfth place).
    public static func * (a: ExactDecimal, b: Int) -> ExactDecimal {
        if a.isSaturated { return b == 0 ? .zero : saturated(positive: (a.units < 0) == (b < 0)) }
        return ExactDecimal(units: saturatingMultiply(a.units, Int128(b)))
    }

    /// `a / b`, or nil when `b` is zero.
    public func divided(by divisor: ExactDecimal) -> ExactDecimal? {
        guard divisor.units != 0 else { return nil }
        if isSaturated { return Self.saturated(positive: (units < 0) == (divisor.units < 0)) }
        if divisor.isSaturated { return .zero }
        return ExactDecimal(units: Self.multiplyDivide(units, Self.unitsPerOne, divisor.units))
    }

    /// `a / n` for a whole number n > 0, rounded at the twelfth place.
    public func divided(by n: Int) -> ExactDecimal {
        precondition(n != 0, "division by a zero count is a programming error")
        if isSaturated { return Self.saturated(positive: (units < 0) == (n < 0)) }
        return ExactDecimal(units: Self.divideRounded(units, by: Int128(n)))
    }

    /// Rounded half away from zero (四舍五入) to `places` decimal places.
    public func rounded(places: Int = 2) -> ExactDecimal {
        guard places < Self.fractionDigits, !isSaturated else { return self }
        let step = Self.powerOfTen(Self.fractionDigits - places)
        return ExactDecimal(units: Self.saturatingMultiply(Self.divideRounded(units, by: step), step))
    }

    /// Rounded up (towards +∞) to a whole number: visitors and orders needed are never fractional.
    public func ceilingWhole() -> ExactDecimal {
        if isSaturated { return self }
        let (quotient, remainder) = units.quotientAndRemainder(dividingBy: Self.unitsPerOne)
        let whole = remainder > 0 ? quotient + 1 : quotient
        return ExactDecimal(units: Self.saturatingMultiply(whole, Self.unitsPerOne))
    }

    /// Rounded down (towards −∞) to a whole number.
    public func floorWhole() -> ExactDecimal {
        if isSaturated { return self }
        let (quotient, remainder) = units.quotientAndRemainder(dividingBy: Self.unitsPerOne)
        let whole = remainder < 0 ? quotient - 1 : quotient
        return ExactDecimal(units: Self.saturatingMultiply(whole, Self.unitsPerOne))
    }

    /// The whole part when the value is a whole number that fits an Int; nil otherwise.
    public var exactInt: Int? {
        let (quotient, remainder) = units.quotientAndRemainder(dividingBy: Self.unitsPerOne)
        guard remainder == 0, let value = Int(exactly: quotient) else { return nil }
        return value
    }

    // MARK: - Arithmetic helpers

    /// 10⁰ … 10³⁸, the powers that fit Int128.
    static let powersOfTen: [Int128] = {
        var powers: [Int128] = [1]
        for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    static func powerOfTen(_ n: Int) -> Int128 {
        n < powersOfTen.count ? powersOfTen[n] : Int128.max
    }

    static func saturated(positive: Bool) -> ExactDecimal {
        ExactDecimal(units: positive ? Int128.max : Int128.min)
    }

    static func saturatingMultiply(_ a: Int128, _ b: Int128) -> Int128 {
        // Two factors of 64 bits multiply within 127 (the common case: a rounded amount times a
        // power of ten), natively; a checked 128-bit multiplication is a library call.
        if let a = Int64(exactly: a), let b = Int64(exactly: b) { return Int128(a) &* Int128(b) }
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { return (a < 0) != (b < 0) ? Int128.min : Int128.max }
        return product
    }

    /// `n / d` rounded half away from zero; d > 0.
    static func divideRounded(_ n: Int128, by d: Int128) -> Int128 {
        // Money below nine million fits 64 bits, whose division is several times cheaper.
        if let small = Int64(exactly: n), let divisor = Int64(exactly: d) {
            let (quotient, remainder) = small.quotientAndRemainder(dividingBy: divisor)
            if remainder.magnitude * 2 >= divisor.magnitude { return Int128(small < 0 ? quotient - 1 : quotient + 1) }
            return Int128(quotient)
        }
        let (quotient, remainder) = n.quotientAndRemainder(dividingBy: d)
        let twice = remainder.magnitude * 2
        if twice >= d.magnitude { return n < 0 ? quotient - 1 : quotient + 1 }
        return quotient
    }

    /// `a × b / 10¹²`: a product of two decimals' units. `multiplyDivide` with its divisor known
    /// when it is compiled, so that the division is a multiplication by the reciprocal (a pass
    /// over 100,000 products multiplies a few million times).
    static func multiplyByUnits(_ a: Int128, _ b: Int128) -> Int128 {
        let (narrow, overflow) = a.magnitude.multipliedReportingOverflow(by: b.magnitude)
        guard !overflow else { return multiplyDivide(a, b, unitsPerOne) }
        let negative = (a < 0) != (b < 0)
        let (quotient, remainder) = dividedByUnitsPerOne(narrow)
        var magnitude = quotient
        if remainder >= UInt128(unitsPerOne) - remainder { magnitude += 1 }
        guard magnitude <= UInt128(Int128.max) else { return negative ? Int128.min : Int128.max }
        return negative ? -Int128(magnitude) : Int128(magnitude)
    }

    /// `n / 10¹²` and what is left, exactly, without a 128-bit division: 10¹² is 2¹² × 5¹², so n is
    /// shifted by 12 bits and divided by 5¹² (below 2²⁸) in 32-bit digits, long division whose
    /// every step is a 64-bit division by a constant (a multiplication); the remainder is the last
    /// step's, shifted back, with the 12 bits shifted out.
    @inline(__always)
    static func dividedByUnitsPerOne(_ n: UInt128) -> (quotient: UInt128, remainder: UInt128) {
        let fiveToTwelve: UInt64 = 244_140_625
        let shifted = n >> 12
        let high = UInt64(truncatingIfNeeded: shifted >> 64), low = UInt64(truncatingIfNeeded: shifted)
        let (top, topLeft) = high.quotientAndRemainder(dividingBy: fiveToTwelve)
        // Each dividend is below 5¹² × 2³², so each quotient digit is below 2³².
        let (middle, middleLeft) = (topLeft << 32 | low >> 32).quotientAndRemainder(dividingBy: fiveToTwelve)
        let (bottom, left) = (middleLeft << 32 | low & 0xffff_ffff).quotientAndRemainder(dividingBy: fiveToTwelve)
        return (UInt128(top) << 64 | UInt128(middle) << 32 | UInt128(bottom), UInt128(left << 12 | UInt64(truncatingIfNeeded: n) & 0xfff))
    }

    /// `n / d` and what is left, exactly. A quotient below 2⁵⁰ (any money amount or rate) is
    /// estimated in floating point and made exact with 128-bit multiplication and subtraction:
    /// the estimate is within a unit or two of the quotient, and the steps below hold
    /// n = quotient × d + remainder, 0 ≤ remainder < d. A larger quotient is divided as it is.
    /// A 128-bit division is a library call several times slower than this.
    @inline(__always)
    static func divide(_ n: UInt128, by d: UInt128) -> (quotient: UInt128, remainder: UInt128) {
        func approximately(_ value: UInt128) -> Double {
            Double(UInt64(truncatingIfNeeded: value >> 64)) * 18_446_744_073_709_551_616.0 + Double(UInt64(truncatingIfNeeded: value))
        }
        let estimate = approximately(n) / approximately(d)
        guard estimate < 1e15, d > 0 else { return n.quotientAndRemainder(dividingBy: d) }
        var quotient = UInt128(UInt64(estimate))
        let (product, overflow) = quotient.multipliedReportingOverflow(by: d)
        guard !overflow else { return n.quotientAndRemainder(dividingBy: d) }
        var below = product
        while below > n {
            quotient -= 1
            below -= d
        }
        var remainder = n - below
        while remainder >= d {
            quotient += 1
            remainder -= d
        }
        return (quotient, remainder)
    }

    /// `a × b / d` with a 256-bit intermediate, rounded half away from zero, saturating.
    @inline(__always)
    static func multiplyDivide(_ a: Int128, _ b: Int128, _ d: Int128) -> Int128 {
        let negative = ((a < 0) != (b < 0)) != (d < 0)
        let divisor = d.magnitude
        // Usually the product fits 128 bits (a price times a rate does): one native division.
        let (narrow, overflow) = a.magnitude.multipliedReportingOverflow(by: b.magnitude)
        if !overflow {
            let (quotient, remainder) = divide(narrow, by: divisor)
            var magnitude = quotient
            if remainder >= divisor - remainder { magnitude += 1 }
            guard magnitude <= UInt128(Int128.max) else { return negative ? Int128.min : Int128.max }
            return negative ? -Int128(magnitude) : Int128(magnitude)
        }
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        // The quotient fits in 127 bits only when the high half is below divisor / 2.
        guard product.high < divisor / 2 else { return negative ? Int128.min : Int128.max }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        var magnitude = quotient
        if remainder >= divisor - remainder { magnitude += 1 }
        guard magnitude <= UInt128(Int128.max) else { return negative ? Int128.min : Int128.max }
        return negative ? -Int128(magnitude) : Int128(magnitude)
    }
}

extension ExactDecimal: CustomStringConvertible {
    /// The shortest exact text: "79", "0.006", "-12.5". This is the form stored in workspace files.
    public var description: String { plainText(minimumPlaces: 0) }
}

extension ExactDecimal {
    /// Reads the plain form files hold: `-12.5`, `0.006`, `79`. No grouping, signs other than a
    /// leading minus, exponents or suffixes; nil for anything else.
    public init?(plainText text: String) {
        var text = text
        guard let value = text.withUTF8({ ExactDecimal(plainBytes: $0) }) else { return nil }
        self = value
    }

    /// `init(plainText:)` over UTF-8 bytes, for readers that never build a String.
    public init?(plainBytes bytes: UnsafeBufferPointer<UInt8>) {
        var mantissa: Int64 = 0  // at most 18 digits: files hold inputs, which are capped far below
        var places = 0
        var sawDot = false
        var digits = 0
        var negative = false
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if sawDot { places += 1 }
            case UInt8(ascii: ".") where !sawDot && digits > 0:
                sawDot = true
            default:
                return nil
            }
        }
        guard digits > 0, !(sawDot && places == 0), places <= ExactDecimal.fractionDigits else { return nil }
        self.init(mantissa: Int128(negative ? -mantissa : mantissa), places: places)
        guard magnitude <= NumberGrammar.largestInput else { return nil }
    }
}

extension ExactDecimal {
    /// Appends the shortest exact text (`description`) as ASCII bytes; writers of large files use
    /// it to avoid building a String per value.
    public func appendPlainText(to bytes: inout [UInt8]) {
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        appendDigits(of: magnitude / UInt128(Self.unitsPerOne), to: &bytes, width: 1)
        var fraction = magnitude % UInt128(Self.unitsPerOne)
        guard fraction > 0 else { return }
        var places = Self.fractionDigits
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        bytes.append(UInt8(ascii: "."))
        appendDigits(of: fraction, to: &bytes, width: places)
    }

    /// Decimal digits of `value`, zero-padded on the left to `width`, written in place (no
    /// temporary array: a file of a million entries writes millions of numbers).
    private func appendDigits(of value: UInt128, to bytes: inout [UInt8], width: Int) {
        var count = 1
        var probe = value / 10
        while probe > 0 {
            count += 1
            probe /= 10
        }
        count = max(count, width)
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var rest = value
        var index = start + count - 1
        while rest > 0 {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }
}
