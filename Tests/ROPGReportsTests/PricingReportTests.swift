import Foundation
import Testing
import ROPGDomain
import ROPGReports
import ROPGStorage

/// The pricing reports called directly on the demo workspace (workspaces/demo.json), and on the
/// demo trimmed to docs/DOMAIN.md §3.4's worked example, against figures worked out by hand.
@Suite struct PricingReportTests {
    static let today = Day(year: 2026, month: 3, day: 16)!
    static let march = Period.month(year: 2026, month: 3)

    static func demo() throws -> Workspace {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try WorkspaceReader.load(path: root.appendingPathComponent("workspaces/demo.json").path)
    }

    /// The demo trimmed to §3.4: TS-001 alone at 79.00, goods 28.00; packaging 1.50/unit, shipping
    /// 4.00/order, platform fee 5%, payment fee 0.6%, 1 unit per order, cvr 3%; fixed costs a month
    /// of 5,000 (60,000/year) + 1,000 (ERP 12,000 over 12 months) + 9,000 (2 × 4,500) + 3,000
    /// (warehouse) + 16,000 (CPC 0.80 × 20,000 clicks) = 34,000.
    static func worked() throws -> Workspace {
        var workspace = try demo()
        workspace.products = workspace.products.filter { $0.sku == "TS-001" }
        workspace.costs = workspace.costs.compactMap { entry in
            switch entry.id.description {
            case "R1", "R2", "O1", "P1", "G1", "G2", "G3": return entry
            case "O8":
                var clicks = entry
                clicks.amount = dec("0.8")
                clicks.basis = .cpc(clicks: ExactDecimal(20_000), per: .month)
                return clicks
            default: return nil
            }
        }
        return workspace
    }

    static func context(_ workspace: Workspace) -> ReportContext { ReportContext(workspace: workspace, today: today) }

    // MARK: - §3.4, the worked example

    @Test func workedExampleMargin() throws {
        let report = try MarginReport.margin(Self.context(try Self.worked()))
        #expect(report.rows.count == 1)
        let row = try #require(report.rows.first)
        #expect(row.contribution == dec("41.076"))  // 79 × 0.944 − 28 − 1.5 − 4
        #expect(row.contribution.rounded() == dec("41.08"))
        #expect(row.contributionMargin?.rounded(places: 4) == dec("0.5199"))
        #expect(row.economics.grossMargin?.rounded(places: 4) == dec("0.6456"))
        #expect(row.economics.markup?.rounded(places: 4) == dec("1.8214"))
        #expect(row.economics.feeRate == dec("0.056"))
        #expect(row.economics.otherPerUnit == dec("5.5"))
        #expect(row.loss == nil)
        #expect(!report.showsAds && report.losing == 0 && report.losingAfterAds == 0)
        #expect(report.rates.day == Self.today)  // today when no day is given
    }

    @Test func workedExamplePrice() throws {
        let report = try PriceReport.price(Self.context(try Self.worked()), product: 0, target: .margin(dec("0.3")))
        #expect(report.exactPrice.rounded(places: 4) == dec("52.0186"))  // 33.5 ÷ 0.644
        #expect(report.price == dec("52.02"))
        #expect(report.then.contributionMargin?.rounded(places: 4) == dec("0.3"))
        #expect(report.now.price == dec("79"))
    }

    @Test func workedExampleBreakeven() throws {
        let report = try BreakevenReport.breakeven(Self.context(try Self.worked()), product: 0, period: Self.march)
        #expect(report.fixed == dec("34000"))
        #expect(report.units == dec("828"))  // 34,000 ÷ 41.076 = 827.73, rounded up
        #expect(report.revenue == dec("65412"))  // 828 × 79
        #expect(report.clicks.cvr == dec("0.03"))
        #expect(report.clicks.cpc == dec("1.23228"))  // 0.03 × 41.076
        #expect(report.clicks.cpc?.rounded() == dec("1.23"))
        #expect(report.clicks.roas?.rounded() == dec("1.92"))  // 79 ÷ 41.076
        #expect(report.clicks.acos == report.economics.contributionMargin)
        #expect(report.rates.day == Self.march.firstDay)  // the period's first day when no day is given
    }

    @Test func workedExampleDiscount() throws {
        let report = try DiscountReport.discount(Self.context(try Self.worked()), product: 0, cut: .rate(dec("0.2")))
        #expect(report.price == dec("63.2"))
        #expect(report.then.contribution == dec("26.1608"))  // 63.20 × 0.944 − 33.5
        #expect(report.volumeFactor.rounded() == dec("1.57"))  // 41.076 ÷ 26.1608
        #expect(report.shownVolumeFactor == dec("1.5701"))
        #expect(report.cut == dec("15.8"))
        #expect(report.contributionChange == dec("-14.9152"))  // the cut less the fees it saves: 15.80 × 0.944
    }

    // MARK: - The demo shop on 2026-03-16

    // TS-001 in the demo: P 79, C 28; fees f = 5% (R2) + 0.5% (G4) + 10% × 15% (O7, CPS) + 0.6%
    // payment = 7.6%; other v = 1.50 (G1) + 4.00 (G2, 1 unit an order) + 1.00 (P4, TS-001's own)
    // = 6.50; u = 79 × 0.924 − 34.5 = 38.496. The plan's paid clicks (O4, cpc=plan, 80% of them)
    // cost 0.8 × cpc 0.80 × paid share 50% ÷ cvr 3% = 10.6667 a unit.

    @Test func demoMargin() throws {
        let workspace = try Self.demo()
        let report = try MarginReport.margin(Self.context(workspace))
        #expect(report.rows.count == workspace.products.count)
        let ts = try #require(report.rows.first { workspace.products[$0.product].sku == "TS-001" })
        #expect(ts.economics.feeRate == dec("0.076"))
        #expect(ts.economics.otherPerUnit == dec("6.5"))
        #expect(ts.contribution == dec("38.496"))
        #expect(ts.contributionMargin?.rounded(places: 4) == dec("0.4873"))
        #expect(ts.economics.adsPerUnit?.rounded(places: 4) == dec("10.6667"))
        #expect(ts.contributionAfterAds?.rounded() == dec("27.83"))
        // Best margin first: the silk dress (599, 56.42%) leads, the socks (19.90, 32.10%) close,
        // and the socks lose 6.3876 − 10.6667 = 4.28 a unit once the ads are paid.
        #expect(workspace.products[report.rows[0].product].sku == "DR-001")
        let last = try #require(report.rows.last)
        #expect(workspace.products[last.product].sku == "SK-001")
        #expect(last.contribution == dec("6.3876"))  // 19.90 × 0.924 − 6.5 − 5.5
        #expect(last.loss == .afterAds(dec("4.279066666667")))
        #expect(report.showsAds && report.losing == 0 && report.losingAfterAds == 1)
        let margins = report.rows.map { $0.contributionMargin ?? .zero }
        #expect(margins == margins.sorted(by: >))
        // Asking for some products gives the same rows, in the same order.
        let some = try MarginReport.margin(Self.context(workspace), products: [last.product, ts.product])
        #expect(some.rows.map(\.product) == [ts.product, last.product])
        #expect(some.rows.first == ts)
    }

    @Test func demoMarginOnAnotherDay() throws {
        // On 11.11 the cvr is 4.5% and the cpc 1.20: ads are 0.8 × 1.2 × 0.5 ÷ 0.045 = 10.6667 again.
        let workspace = try Self.demo()
        let day = Day(year: 2026, month: 11, day: 11)!
        let report = try MarginReport.margin(Self.context(workspace), products: [0], on: day)
        #expect(report.rates.day == day)
        #expect(report.rates.cvr == dec("0.045"))
        #expect(report.rows[0].economics.adsPerUnit?.rounded(places: 4) == dec("10.6667"))
    }

    @Test func demoBreakeven() throws {
        let workspace = try Self.demo()
        let context = Self.context(workspace)
        let ts = try #require(workspace.productIndex(sku: "TS-001"))
        let report = try BreakevenReport.breakeven(context, product: ts, period: Self.march)
        // March's fixed costs: R1 5,000 + O1 1,000 + O2 300 + O5 25 × 400 = 10,000 + O8 0.60 × 10,000
        // = 6,000 + P1 9,000 + P2 8,000 + P3 6,000 + P5 2,000 + G3 3,000 + G6 80 × 31 = 2,480.
        #expect(report.fixed == dec("52780"))
        #expect(PricingBasis(context, on: Self.today).fixedCosts(Self.march) == dec("52780"))
        // 52,780 ÷ (38.496 − 10.6667) = 1,896.56, rounded up.
        #expect(report.units == dec("1897"))
        #expect(report.unitsPerDay?.rounded(places: 1) == dec("61.2"))
        #expect(report.revenue == dec("149863"))
        #expect(report.clicks.cpc == dec("1.15488"))  // 0.03 × 38.496
        #expect(report.clicks.roas?.rounded() == dec("2.05"))
    }

    @Test func demoShopBreakeven() throws {
        let workspace = try Self.demo()
        let report = try MixBreakevenReport.breakeven(Self.context(workspace), period: Self.march)
        #expect(report.fixed == dec("52780"))
        #expect(report.rows.count == 9)
        // No product has share=: each is an even ninth of the mix.
        #expect(report.rows.allSatisfy { $0.share.rounded(places: 4) == dec("0.1111") })
        #expect(report.share.rounded(places: 4) == .one)  // nine ninths at twelve places: 0.999999999999
        #expect(!report.sharesFallShort)
        let revenue = try #require(report.revenue)
        #expect(report.rows.reduce(ExactDecimal.zero) { $0 + ($1.revenue ?? .zero) } == revenue)
        #expect(report.rows.reduce(ExactDecimal.zero) { $0 + ($1.units ?? .zero) } == report.units)
        // Revenue × (margin − ads per yuan) covers the fixed costs, to the cent of the parts.
        let earned = revenue * (report.margin - (report.adsPerRevenue ?? .zero))
        #expect((earned - report.fixed).magnitude < dec("0.01"))
        #expect(revenue.rounded() == dec("151023.34"))
        #expect(report.units == dec("2060"))
    }

    @Test func demoDiscount() throws {
        let workspace = try Self.demo()
        let report = try DiscountReport.discount(Self.context(workspace), product: 0, cut: .price(dec("63.2")))
        #expect(report.then.contribution == dec("23.8968"))  // 63.20 × 0.924 − 34.5
        #expect(report.shownVolumeFactor == dec("1.6109"))  // 38.496 ÷ 23.8968
        #expect(report.feesChange == dec("-1.2008"))  // 15.80 × 7.6%
        #expect(report.wholeUnitsForHundred == dec("162"))
        // Below the variable cost no volume makes it up: refused with the numbers.
        #expect(throws: ReportError.self) {
            try DiscountReport.discount(Self.context(workspace), product: 0, cut: .rate(dec("0.6")))
        }
    }

    @Test func demoLadder() throws {
        let workspace = try Self.demo()
        let steps = try LadderReport.Steps(from: dec("59"), to: dec("99"), step: dec("5"))
        #expect(steps.count == 9)
        let report = try LadderReport.ladder(Self.context(workspace), product: 0, steps: steps, period: Self.march)
        #expect(report.rows.map(\.price) == steps.prices)
        #expect(report.rows.filter(\.isNow).map(\.price) == [dec("79")])
        // At 59: u = 59 × 0.924 − 34.5 = 20.016; 52,780 ÷ (20.016 − 10.6667) = 5,645.3, rounded up.
        #expect(report.rows[0].economics.contribution == dec("20.016"))
        #expect(report.rows[0].breakEvenUnits == dec("5646"))
        #expect(report.rows[4].breakEvenUnits == dec("1897"))  // the price now: breakeven's figure
        #expect(report.rows[4].breakEvenCPC == dec("1.15488"))
        #expect(throws: ReportError.self) { try LadderReport.Steps(from: dec("1"), to: dec("1000"), step: dec("0.1")) }
    }

    @Test func demoPrice() throws {
        let report = try PriceReport.price(Self.context(try Self.demo()), product: 0, target: .margin(dec("0.3")))
        #expect(report.price == dec("55.29"))  // 34.5 ÷ (1 − 0.076 − 0.3) = 55.2885
        let markup = try PriceReport.price(Self.context(try Self.demo()), product: 0, target: .markup(.one))
        #expect(markup.price == dec("56"))  // 28 × 2
    }

    @Test func noProducts() {
        #expect(throws: ReportError.noProducts) { try MarginReport.margin(Self.context(Workspace(name: "empty"))) }
    }
}

