import Testing
@testable import ROPGDomain

/// The largest-remainder rule (docs/DOMAIN.md §7) as `ExactAmount.apportion` works it over many
/// parts (by selection, not a sort) gives what the plain rule gives: every part's whole cents,
/// and the cents left one each in order of the largest remainder, the earlier part on a tie,
/// round after round when more are left than parts (and taken back from the smallest, the later
/// part first, when the total is below the cents).
@Suite struct ApportionTests {
    /// The rule worked plainly: all the parts sorted.
    static func plain(_ total: ExactDecimal, among parts: [ExactAmount]) -> [ExactDecimal] {
        let cent = ExactDecimal.unitsPerOne / 100
        let floors = parts.map { $0.floorCents() }
        var cents = floors.map(\.cents)
        var left = total.units / cent - cents.reduce(0, +)
        let giving = left > 0
        let order = floors.indices.sorted { a, b in
            if floors[a].left != floors[b].left { return giving ? floors[a].left > floors[b].left : floors[a].left < floors[b].left }
            return giving ? a < b : a > b
        }
        var position = 0
        while left != 0 && !order.isEmpty {
            cents[order[position % order.count]] += giving ? 1 : -1
            left += giving ? -1 : 1
            position += 1
        }
        return cents.map { ExactDecimal(units: $0 * cent) }
    }

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Parts of every kind the reports share out: cents and fractions of a cent, calendar thirds
    /// and sevenths, many equal remainders, negative parts, zeros, sums beyond 64 bits.
    static func parts(count: Int, seed: UInt64) -> [ExactAmount] {
        var random = Generator(state: seed)
        // A few remainders shared by many parts, so that ties decide.
        let common = (0..<4).map { _ in ExactDecimal(mantissa: Int128(random.next(1_000_000)), places: 8) }
        return (0..<count).map { _ -> ExactAmount in
            switch random.next(6) {
            case 0: return ExactAmount(common[random.next(common.count)] + ExactDecimal(random.next(500)))
            case 1: return ExactAmount(ExactDecimal(mantissa: Int128(random.next(10_000_000)), places: 5), times: 1 + random.next(30), dividedBy: 7)
            case 2: return ExactAmount(-ExactDecimal(mantissa: Int128(random.next(1_000_000)), places: 4))
            case 3: return .zero
            case 4: return ExactAmount(ExactDecimal(mantissa: Int128(random.next(1_000_000_000)) * 1_000_000_000_000, places: 7))
            default: return ExactAmount(ExactDecimal(mantissa: Int128(random.next(100_000_000)), places: 6))
            }
        }
    }

    @Test(arguments: [3, 40, 300, 5_000], [UInt64(1), 7, 42])
    func selectionGivesWhatTheSortGives(count: Int, seed: UInt64) {
        let parts = Self.parts(count: count, seed: seed)
        let exact = parts.reduce(ExactAmount.zero, +)
        // The rounded sum (the usual total), cents more than parts (round after round), and less.
        let rounded = exact.roundedToCents()
        let cent = ExactDecimal(mantissa: 1, places: 2)
        for total in [rounded, rounded + cent * (count * 2 + 3), rounded - cent * (count + 5), rounded - cent * (count * 3 + 1)] {
            let shared = ExactAmount.apportion(total, among: parts)
            #expect(shared == Self.plain(total, among: parts), "\(count) parts, seed \(seed), total \(total)")
            #expect(shared.reduce(ExactDecimal.zero, +) == total)
        }
    }

    /// Parts of twelve places shared out directly give what their exact amounts give.
    @Test(arguments: [UInt64(3), 11])
    func decimalPartsGiveWhatTheirAmountsGive(seed: UInt64) {
        var random = Generator(state: seed)
        let parts = (0..<2_000).map { index -> ExactDecimal in
            let value = ExactDecimal(mantissa: Int128(random.next(1_000_000_000)), places: 1 + random.next(12))
            // Some beyond 64 bits of units (above nine million), some negative.
            return index % 7 == 0 ? value * 1_000_000_000 : index % 5 == 0 ? -value : value
        }
        let total = parts.reduce(ExactDecimal.zero, +).rounded()
        for shown in [total, total + ExactDecimal(50)] {
            #expect(ExactAmount.apportion(shown, among: parts) == ExactAmount.apportion(shown, among: parts.map(ExactAmount.init)))
        }
        // Beyond what an exact amount holds, every part is refused as before.
        let huge = parts + [ExactDecimal(units: Int128.max / 2)]
        #expect(ExactAmount.apportion(total, among: huge) == ExactAmount.apportion(total, among: huge.map(ExactAmount.init)))
    }

    /// Shared out in 64-bit cents, the parts are `sharedOut`'s; beyond 64 bits of cents (a part
    /// above 9 × 10¹⁶) or too large to hold, they are given as decimals, still `sharedOut`'s.
    @Test(arguments: [UInt64(5), 23])
    func centsAreTheSharedOutParts(seed: UInt64) {
        let parts = Self.parts(count: 3_000, seed: seed)
        let beyondCents = ExactAmount(units: Int128.max / 4)
        for (among, fitsCents) in [(parts, true), (parts + [beyondCents], false), (parts + [ExactAmount(units: .max)], false)] {
            let total = among.reduce(ExactAmount.zero, +).roundedToCents()
            for shown in [total, total + ExactDecimal(mantissa: 1_234, places: 2)] {
                var sharing = ExactAmount.Apportioning(capacity: among.count)
                for part in among { sharing.append(part) }
                // The plain rule, where it holds (a part too large to hold is refused, not shared).
                let want = among.contains(where: \.isSaturated) ? ExactAmount.apportion(shown, among: among) : Self.plain(shown, among: among)
                switch sharing.sharedOutInCents(shown) {
                case .cents(let cents):
                    #expect(fitsCents, "\(among.count) parts in cents")
                    #expect(cents.map { ExactDecimal(mantissa: Int128($0), places: 2) } == want)
                case .decimals(let decimals):
                    #expect(!fitsCents, "\(among.count) parts as decimals")
                    #expect(decimals == want)
                }
            }
        }
    }

    /// Decimal parts taken in one pass (`Apportioning(count:_:)`) are shared out as parts
    /// appended one at a time are, by the plain rule: with a third of them whole cents (tens of
    /// remainders of 0 a hundred: the selection narrows to them without copying them out), with a
    /// part beyond 64 bits of units among them, and with a shown total above and below their sum.
    @Test(arguments: [UInt64(7), 31])
    func partsTakenInOnePassAreTheAppendedOnes(seed: UInt64) {
        var decimals = Self.parts(count: 4_000, seed: seed).map(\.decimal)
        for index in stride(from: 0, to: decimals.count, by: 3) { decimals[index] = decimals[index].rounded(places: 2) }
        let beyond = decimals + [ExactDecimal(units: Int128(Int64.max) * 3)] + decimals.prefix(10)
        for among in [decimals, beyond] {
            let sum = among.map(ExactAmount.init).reduce(ExactAmount.zero, +).roundedToCents()
            for shown in [sum, sum + ExactDecimal(mantissa: 2_345, places: 2), sum - ExactDecimal(mantissa: 1_717, places: 2)] {
                var appended = ExactAmount.Apportioning(capacity: among.count)
                for part in among { appended.append(part) }
                let taken = ExactAmount.Apportioning(count: among.count) { among[$0] }
                let want = Self.plain(shown, among: among.map(ExactAmount.init))
                #expect(taken.sharedOut(shown) == want)
                #expect(appended.sharedOut(shown) == want)
            }
        }
    }

    /// All remainders equal: the earliest parts get the cents left (the latest give them back).
    @Test func equalRemaindersGoToTheEarliest() {
        let third = ExactAmount(ExactDecimal(1), times: 1, dividedBy: 3)
        let parts = Array(repeating: third, count: 900)
        let shared = ExactAmount.apportion(ExactDecimal(300), among: parts)
        #expect(shared.prefix(300).allSatisfy { $0 == ExactDecimal(mantissa: 34, places: 2) })
        #expect(shared.dropFirst(300).allSatisfy { $0 == ExactDecimal(mantissa: 33, places: 2) })
        let short = ExactAmount.apportion(ExactDecimal(mantissa: 29_696, places: 2), among: parts)
        #expect(short.prefix(896).allSatisfy { $0 == ExactDecimal(mantissa: 33, places: 2) })
        #expect(short.suffix(4).allSatisfy { $0 == ExactDecimal(mantissa: 32, places: 2) })
    }
}

/// `ExactDecimal.divide`'s quotient estimated in floating point and made exact equals the 128-bit
/// division's, and products and quotients of decimals round as the full-width arithmetic does.
@Suite struct ExactDivisionTests {
    @Test(arguments: [UInt64(5), 17, 99])
    func theEstimatedQuotientIsTheDivisionsQuotient(seed: UInt64) {
        var random = ApportionTests.Generator(state: seed)
        func word() -> UInt128 { UInt128(random.next(1 << 30)) << 34 | UInt128(random.next(1 << 30)) << 4 | UInt128(random.next(16)) }
        for round in 0..<20_000 {
            // Dividends of every size, divisors from one to beyond 64 bits; quotients near 2⁵⁰ and beyond.
            let n = (word() << (random.next(3) * 30)) &+ UInt128(round)
            let d = max(1, word() >> random.next(60))
            let (quotient, remainder) = ExactDecimal.divide(n, by: d)
            let want = n.quotientAndRemainder(dividingBy: d)
            #expect(quotient == want.quotient && remainder == want.remainder, "\(n) / \(d)")
        }
        // Exactly on and beside multiples, where an estimate is most often a unit off.
        let one = UInt128(1)
        let multiples: [UInt128] = [one, 999_999_999_999, one << 49, (one << 50) - 1, one << 50, one << 60]
        let divisors: [UInt128] = [3, 1_000_000_000_000, 4_530_960, (one << 64) + 7]
        for multiple in multiples {
            for d in divisors {
                let exact: UInt128 = multiple * d
                for n in [exact - 1, exact, exact + 1] {
                    let (quotient, remainder) = ExactDecimal.divide(n, by: d)
                    let want = n.quotientAndRemainder(dividingBy: d)
                    #expect(quotient == want.quotient && remainder == want.remainder, "\(n) / \(d)")
                }
            }
        }
    }

    /// Division by 10¹² in 32-bit digits is the 128-bit division, for dividends of every size.
    @Test func theDivisionByOneInUnitsIsTheDivisions() {
        var random = ApportionTests.Generator(state: 1_000_000_000_000)
        let one = UInt128(1)
        let unitsPerOne = UInt128(ExactDecimal.unitsPerOne)
        var dividends: [UInt128] = [0, 1, unitsPerOne - 1, unitsPerOne, unitsPerOne + 1, UInt128(UInt64.max), one << 64, (one << 64) - 1,
                                    UInt128.max, UInt128.max - 1, UInt128(Int128.max), unitsPerOne * (one << 64), unitsPerOne * (one << 64) - 1]
        for _ in 0..<100_000 {
            let word = UInt128(random.next(1 << 30)) << 60 | UInt128(random.next(1 << 30)) << 30 | UInt128(random.next(1 << 30))
            dividends.append(word << random.next(39))
            // Beside multiples of 10¹², where a remainder is 0 or 10¹² − 1.
            dividends.append(unitsPerOne * UInt128(1 + random.next(1 << 30)) << random.next(30) + UInt128(random.next(3)) - 1)
        }
        for n in dividends {
            let (quotient, remainder) = ExactDecimal.dividedByUnitsPerOne(n)
            let want = n.quotientAndRemainder(dividingBy: unitsPerOne)
            #expect(quotient == want.quotient && remainder == want.remainder, "\(n)")
        }
    }

    @Test func productsAndQuotientsRoundAsTheFullWidthArithmetic() {
        var random = ApportionTests.Generator(state: 2026)
        func reference(_ a: Int128, _ b: Int128, _ d: Int128) -> Int128 {
            let (quotient, remainder) = d.magnitude.dividingFullWidth(a.magnitude.multipliedFullWidth(by: b.magnitude))
            let magnitude = remainder >= d.magnitude - remainder ? quotient + 1 : quotient
            return ((a < 0) != (b < 0)) != (d < 0) ? -Int128(magnitude) : Int128(magnitude)
        }
        for _ in 0..<50_000 {
            let a = Int128(random.next(1 << 30)) * Int128(random.next(1 << 30)) * Int128(1 + random.next(1 << 20)) * (random.next(2) == 0 ? 1 : -1)
            let b = Int128(random.next(1 << 30)) * Int128(1 + random.next(1 << 20))
            let d = Int128(1 + random.next(1 << 30)) * Int128(1 + random.next(1 << 30))
            #expect(ExactDecimal.multiplyDivide(a, b, d) == reference(a, b, d))
            #expect(ExactDecimal.multiplyByUnits(a, b) == reference(a, b, ExactDecimal.unitsPerOne))
        }
    }
}

/// Controlled rounding (`ControlledRounding`): random tables in pnl's shape (GMV = net revenue +
/// refunds, net revenue = total cost + profit, total cost = R + O + P + G, a totals row the sum of
/// the rows), with figures of a few cents and of either sign, rounded so that every figure is
/// within a cent of its exact value and every row and column still adds up.
@Suite struct ControlledRoundingTests {
    // gmv, net, refunds, cost, profit, R, O, P, G
    static let parent: [Int?] = [nil, 0, 0, 1, 1, 3, 3, 3, 3]

    @Test(arguments: 0..<20)
    func everyFigureWithinACentAndEverySumKept(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed) &* 7919 &+ 3)
        let count = 1 + random.next(40)
        func part() -> ExactDecimal { ExactDecimal(units: Int128(random.next(40_000_000_000_000)) - 5_000_000_000_000) }  // −5 to +35, 12 places
        var rows: [[ExactDecimal]] = []
        for _ in 0..<count {
            let refunds = part().magnitude, r = part(), o = part(), p = part(), g = part(), profit = part()
            let cost = r + o + p + g, net = cost + profit
            rows.append([net + refunds, net, refunds, cost, profit, r, o, p, g])
        }
        let footer = (0..<9).map { column in rows.reduce(ExactDecimal.zero) { $0 + $1[column] } }
        let rounded = try #require(ControlledRounding.rounded(rows: rows, footer: footer, parent: Self.parent,
                                                                          workedOut: [false, true, false, true, true, false, false, false, false]))
        let cent = ExactDecimal(mantissa: 1, places: 2)
        for (exact, shown) in zip(rows + [footer], rounded.rows + [rounded.footer]) {
            for (value, cents) in zip(exact, shown) {
                #expect((ExactDecimal(cents: cents) - value).magnitude < cent, "\(value) shown as \(cents) cents")
            }
            for column in 0..<9 {
                let children = (0..<9).filter { Self.parent[$0] == column }
                if !children.isEmpty { #expect(children.reduce(0) { $0 + shown[$1] } == shown[column]) }
            }
        }
        for column in 0..<9 { #expect(rounded.rows.reduce(0) { $0 + $1[column] } == rounded.footer[column]) }
    }

    @Test func figuresThatDoNotAddUpAreRefused() {
        let rows: [[ExactDecimal]] = [[ExactDecimal(3), ExactDecimal(1), ExactDecimal(1)]]
        #expect(ControlledRounding.rounded(rows: rows, footer: rows[0], parent: [nil, 0, 0], workedOut: [true, false, false]) == nil)
    }
}
