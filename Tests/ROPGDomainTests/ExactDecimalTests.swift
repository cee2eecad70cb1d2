import Testing
@testable import ROPGDomain

@Suite struct ExactDecimalTests {
    func d(_ text: String) -> ExactDecimal { ExactDecimal(plainText: text) ?? ExactDecimal(-999_999) }

    @Test func sumsAreExact() {
        var total = ExactDecimal.zero
        for _ in 0..<10 { total += d("0.1") }
        #expect(total == d("1"))
        #expect(d("0.1") + d("0.2") == d("0.3"))
    }

    @Test func roundsHalfAwayFromZero() {
        #expect(d("2.345").rounded().description == "2.35")
        #expect(d("2.344").rounded().description == "2.34")
        #expect(d("-2.345").rounded().description == "-2.35")
        #expect(d("41.076").rounded().description == "41.08")
        #expect(d("0.005").rounded().description == "0.01")
    }

    @Test func divisionKeepsTwelvePlacesUntilShown() {
        let unitCost = d("8500").divided(by: d("300"))
        #expect(unitCost?.description == "28.333333333333")
        #expect(unitCost?.formatted() == "28.33")
        #expect(d("1").divided(by: .zero) == nil)
        // A third of a third, times nine, is one again to display precision.
        let ninth = (d("1").divided(by: d("3")) ?? .zero).divided(by: d("3")) ?? .zero
        #expect((ninth * 9).formatted() == "1.00")
    }

    @Test func multiplication() {
        #expect(d("79") * d("0.944") == d("74.576"))
        #expect(d("0.8") * d("20000") == d("16000"))
        #expect(d("-1.5") * d("2") == d("-3"))
        #expect(d("-1.5") * d("-2") == d("3"))
    }

    @Test func overflowSaturatesInsteadOfTrapping() {
        let huge = ExactDecimal(units: Int128.max / 2)
        #expect((huge * d("1000")).units == Int128.max)
        #expect((huge + huge + huge).units == Int128.max)
        #expect((-huge * d("1000")).units == Int128.min)
    }

    @Test func formatting() {
        #expect(d("1234567.5").formatted() == "1,234,567.50")
        #expect(d("-1234.567").formatted() == "-1,234.57")
        #expect(d("0").formatted() == "0.00")
        #expect(d("999.999").formatted() == "1,000.00")
        #expect(d("0.5199").percentText() == "51.99%")
        #expect(d("0.006").exactPercentText == "0.6%")
        #expect(d("277778").countText == "277,778")
    }

    /// Property: the fast digit writer agrees with formatting done the slow, obvious way from the
    /// integer's own decimal digits, for values from a cent to beyond 64 bits, either sign.
    @Test func formattingAgreesWithTheObviousWay() {
        func reference(_ value: ExactDecimal, places: Int, grouping: Bool) -> String {
            let units = value.rounded(places: places).units
            var digits = String(units.magnitude)
            if digits.count < 13 { digits = String(repeating: "0", count: 13 - digits.count) + digits }
            var whole = String(digits.dropLast(12))
            let fraction = String(digits.suffix(12).prefix(places))
            if grouping {
                var grouped = ""
                for (offset, digit) in whole.enumerated() {
                    if offset > 0 && (whole.count - offset) % 3 == 0 { grouped.append(",") }
                    grouped.append(digit)
                }
                whole = grouped
            }
            return (units < 0 ? "-" : "") + whole + (places > 0 ? "." + fraction : "")
        }
        var random = SplitMix(seed: 7)
        for _ in 0..<5_000 {
            var units = Int128(random.next(Int.max)) >> random.next(63)
            if random.next(3) == 0 { units *= Int128(random.next(Int.max)) }  // beyond 64 bits, below 2¹²⁶
            if random.next(2) == 0 { units = -units }
            let value = ExactDecimal(units: units)
            let places = random.next(7)
            #expect(value.formatted(places: places) == reference(value, places: places, grouping: true))
            #expect(value.formatted(places: places, grouping: false) == reference(value, places: places, grouping: false))
            if units.magnitude < UInt128(1) << 100 {  // × 100 would saturate above
                #expect(value.percentText(places: places) == reference(value * .hundred, places: places, grouping: true) + "%")
            }
            let stored = value.rounded(places: places)
            if stored.magnitude < ExactDecimal(1_000_000_000_000) {  // files hold at most 18 digits
                #expect(ExactDecimal(plainText: stored.description) == stored)
            }
        }
        // The ends of the range are where overflow saturates: never printed as a figure.
        #expect(ExactDecimal(units: Int128.min).formatted() == ExactDecimal.tooLargeText)
        #expect(ExactDecimal(units: Int128.max - 1).formatted().hasPrefix("170,141,183,460,469,231,731,687,303.7"))  // the largest figure still prints
    }

    /// Overflow saturates and stays saturated through further arithmetic (issue 12).
    @Test func saturationIsSticky() {
        let huge = ExactDecimal(999_999_999_999_999)
        let product = huge * huge
        #expect(product.isSaturated)
        #expect((product - huge).isSaturated && (product + (-huge)).isSaturated)
        #expect((product.divided(by: 7)).isSaturated && product.rounded().isSaturated)
        #expect((product * ExactDecimal.zero).isZero)
        #expect((-product).isSaturated && (-product).isNegative)
        #expect(ExactAmount(product).isSaturated && ExactAmount(product).roundedToCents().isSaturated)
        let parts = ExactAmount.apportion(ExactAmount(product).roundedToCents(), among: [ExactAmount(huge), ExactAmount(product)])
        #expect(parts[0].isSaturated && parts[1].isSaturated)
        #expect(!(huge * ExactDecimal(1000)).isSaturated)  // 10¹⁸ is held; 10³⁰ is not
    }

    @Test func plainTextIsShortestAndRoundTrips() {
        for text in ["79", "0.006", "-12.5", "12000000", "0.000000000001", "28.333333333333"] {
            #expect(d(text).description == text)
        }
        #expect(ExactDecimal(plainText: "1,234") == nil)
        #expect(ExactDecimal(plainText: "7x9") == nil)
        #expect(ExactDecimal(plainText: "1.") == nil)
        #expect(ExactDecimal(plainText: "") == nil)
        #expect(ExactDecimal(plainText: "--1") == nil)
        #expect(ExactDecimal(plainText: "1e5") == nil)
    }

    @Test func wholeNumberRounding() {
        #expect(d("277777.78").ceilingWhole() == d("277778"))
        #expect(d("8333.333").ceilingWhole() == d("8334"))
        #expect(d("828").ceilingWhole() == d("828"))
        #expect(d("-1.5").floorWhole() == d("-2"))
        #expect(d("12").exactInt == 12)
        #expect(d("12.5").exactInt == nil)
    }

    /// Rounding and formatting with one division equals rounding, then formatting the rounded
    /// value (money), and rounding at two more places beside the percentage (rates): random
    /// values of every size and sign, halves, the range's ends and saturated values, every
    /// number of places.
    @Test func roundedAndFormattedTogetherEqualsEachOnItsOwn() {
        var state: UInt64 = 3
        func next() -> Int128 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let digits = Int(state >> 59) + 6  // 6 to 37 digits: within the range
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let magnitude = Int128(state >> 1) % ExactDecimal.powerOfTen(min(digits, 18)) * ExactDecimal.powerOfTen(max(0, digits - 18))
            return state & 1 == 0 ? magnitude : -magnitude
        }
        var values = [ExactDecimal.zero, d("0.005"), d("-0.005"), d("0.00499999"), d("1234567.125"), ExactDecimal(units: .max), ExactDecimal(units: .min),
                      ExactDecimal(units: .max - 1), ExactDecimal(units: .min + 1), ExactDecimal(units: .max - 4_000_000_000)]
        for _ in 0..<3_000 { values.append(ExactDecimal(units: next())) }
        for value in values {
            for places in -1...13 {
                let money = value.roundedAndFormatted(places: places)
                #expect(money.rounded == value.rounded(places: places), "\(value.units) at \(places)")
                #expect(money.text == value.rounded(places: places).formatted(places: places), "\(value.units) at \(places)")
                let rate = value.roundedAndPercentText(places: places)
                #expect(rate.rounded == value.rounded(places: places + 2), "\(value.units) at \(places)")
                #expect(rate.text == value.percentText(places: places), "\(value.units) at \(places)")
            }
        }
    }
}
