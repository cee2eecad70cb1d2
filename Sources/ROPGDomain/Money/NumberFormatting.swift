// Turning exact decimals into text. Reports print a million of these at a time (`margin` over
// 100,000 products), so the digits are written straight into a small stack buffer and become a
// String once, instead of being assembled from intermediate strings.

extension ExactDecimal {
    /// Money as shown: thousands separators, `places` decimals, half away from zero: "1,234,567.50".
    /// What a saturated value (docs: `ExactDecimal.isSaturated`) shows as, wherever it is written.
    public static let tooLargeText = "(too large)"

    public func formatted(places: Int = 2, grouping: Bool = true) -> String {
        if isSaturated { return Self.tooLargeText }
        let places = min(max(places, 0), Self.fractionDigits)
        let mantissa = Self.divideRounded(units, by: Self.powerOfTen(Self.fractionDigits - places))
        return Self.text(mantissa: mantissa, places: places, grouping: grouping)
    }

    /// `rounded(places:)` and how `formatted(places:)` shows that rounded value, with the one
    /// division both need: a table of 100,000 rows makes half a million money cells.
    public func roundedAndFormatted(places: Int = 2) -> (rounded: ExactDecimal, text: String) {
        guard places >= 0, places < Self.fractionDigits, !isSaturated else {
            let shown = rounded(places: places)
            return (shown, shown.formatted(places: places))
        }
        let step = Self.powerOfTen(Self.fractionDigits - places)
        let mantissa = Self.divideRounded(units, by: step)
        let shown = ExactDecimal(units: Self.saturatingMultiply(mantissa, step))
        return (shown, shown.isSaturated ? Self.tooLargeText : Self.text(mantissa: mantissa, places: places, grouping: true))
    }

    /// `rounded(places: places + 2)` and `percentText(places:)`, with the one division both need.
    public func roundedAndPercentText(places: Int = 2) -> (rounded: ExactDecimal, text: String) {
        guard places >= 0, places + 2 < Self.fractionDigits, !isSaturated else {
            return (rounded(places: places + 2), percentText(places: places))
        }
        let step = Self.powerOfTen(Self.fractionDigits - places - 2)
        let mantissa = Self.divideRounded(units, by: step)
        return (ExactDecimal(units: Self.saturatingMultiply(mantissa, step)),
                Self.text(mantissa: mantissa, places: places, grouping: true, suffix: UInt8(ascii: "%")))
    }

    /// A rate as a percentage: 0.51996 → "52.00%" with two places.
    public func percentText(places: Int = 2) -> String {
        if isSaturated { return Self.tooLargeText }
        // Rounding the rate at places + 2 and moving the point two places is exactly rounding the
        // percentage at `places`, without the multiplication.
        let places = min(max(places, 0), Self.fractionDigits - 2)
        let mantissa = Self.divideRounded(units, by: Self.powerOfTen(Self.fractionDigits - places - 2))
        return Self.text(mantissa: mantissa, places: places, grouping: true, suffix: UInt8(ascii: "%"))
    }

    /// The shortest percentage that states the rate exactly: 0.006 → "0.6%", 0.05 → "5%".
    public var exactPercentText: String { (self * .hundred).description + "%" }

    /// A count as shown: "277,778"; fractional counts keep their decimals.
    public var countText: String {
        if isSaturated { return Self.tooLargeText }
        let places = significantPlaces(atLeast: 0)
        return Self.text(mantissa: units / Self.powerOfTen(Self.fractionDigits - places), places: places, grouping: true)
    }

    /// Plain text with at least `minimumPlaces` decimals (at most twelve) and no grouping: "1234.50".
    public func plainText(minimumPlaces: Int) -> String {
        let places = significantPlaces(atLeast: minimumPlaces)
        return Self.text(mantissa: units / Self.powerOfTen(Self.fractionDigits - places), places: places, grouping: false)
    }

    /// The fewest decimal places, not below `minimum` (clamped to 0…12), that hold the value exactly.
    func significantPlaces(atLeast minimum: Int) -> Int {
        var places = min(max(minimum, 0), Self.fractionDigits)
        // The twelve fraction digits fit a UInt64, whose division is far cheaper than Int128's.
        var fraction = UInt64(units.magnitude % UInt128(Self.unitsPerOne))
        var trailingZeros = 0
        if fraction == 0 { return places }
        while fraction % 10 == 0 {
            fraction /= 10
            trailingZeros += 1
        }
        places = max(places, Self.fractionDigits - trailingZeros)
        return places
    }

    /// `mantissa × 10^-places` with exactly `places` decimals, a leading "-" when negative,
    /// commas between thousands when `grouping`, and `suffix` after the digits.
    static func text(mantissa: Int128, places: Int, grouping: Bool, suffix: UInt8? = nil) -> String {
        // 39 digits, 12 commas, sign, point and suffix fit in 64 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var end = buffer.count
            func put(_ byte: UInt8) {
                end -= 1
                buffer[end] = byte
            }
            if let suffix { put(suffix) }
            // Digits from the last: `position` counts the whole digits written, below zero while
            // the decimals are.
            var position = -places
            func putDigit(_ digit: UInt8) {
                if position == 0 && places > 0 { put(UInt8(ascii: ".")) }
                if grouping && position > 0 && position % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + digit)
                position += 1
            }
            var magnitude = mantissa.magnitude
            // Beyond 64 bits a digit at a time in 128 (a library division each); the common case,
            // every digit of any amount below 1.8 × 10¹⁷ at two places, in 64-bit arithmetic.
            while magnitude > UInt128(UInt64.max) {
                putDigit(UInt8(magnitude % 10))
                magnitude /= 10
            }
            var small = UInt64(magnitude)
            repeat {
                putDigit(UInt8(small % 10))
                small /= 10
            } while small > 0 || position < 1
            if mantissa < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[end...]), as: UTF8.self)
        }
    }
}
