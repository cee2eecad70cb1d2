import Testing
@testable import ROPGDomain

@Suite struct AccrualTests {
    func entry(_ basis: CostBasis, _ amount: String, qty: String = "1", start: String? = nil, end: String? = nil) -> CostEntry {
        CostEntry(id: CostID(category: .O, number: 1), name: "e", basis: basis, amount: dec(amount), quantity: dec(qty),
                  start: start.map(day), end: end.map(day))
    }
    func cost(_ entry: CostEntry, _ period: String, view: CostView = .accrual) throws -> String {
        (Accrual.amount(of: entry, in: try Period.parse(period), view: view) ?? ExactAmount(dec("-1"))).formatted()
    }

    /// DOMAIN §3: the fixed costs of a month are 34,000.00.
    @Test func domainExampleFixedCostsOfAMonth() throws {
        let entries = [
            entry(.recurring(per: .year), "60000"),
            entry(.amortized(months: 12), "12000", start: "2026-01-01"),
            entry(.recurring(per: .month), "4500", qty: "2"),
            entry(.recurring(per: .month), "3000"),
            entry(.cpc(clicks: dec("20000"), per: .month), "0.8"),
        ]
        for month in ["2026-01", "2026-02", "2026-07", "2026-12"] {
            let amounts = try entries.map { Accrual.amount(of: $0, in: try Period.parse(month)) ?? ExactAmount.zero }
            #expect(amounts.map { $0.formatted() } == ["5,000.00", "1,000.00", "9,000.00", "3,000.00", "16,000.00"])
            #expect(amounts.reduce(ExactAmount.zero, +).formatted() == "34,000.00")
        }
    }

    @Test func yearlyIsATwelfthAMonthSpreadOverItsDays() throws {
        let fee = entry(.recurring(per: .year), "60000")
        #expect(try cost(fee, "2026") == "60,000.00")
        #expect(try cost(fee, "2026-Q1") == "15,000.00")
        #expect(try cost(fee, "2026-02") == "5,000.00")
        #expect(try cost(fee, "2026-01-15") == "161.29")            // 5,000 / 31
        #expect(try cost(fee, "2026-02-15") == "178.57")            // 5,000 / 28
        #expect(try cost(fee, "2028-02-15") == "172.41")            // 5,000 / 29 in a leap year
        // 2026-W05 is 26–31 January and 1 February: 6 × 5,000/31 + 5,000/28.
        #expect(try cost(fee, "2026-W05") == "1,146.31")
        #expect(try cost(fee, "2026-03..2026-05") == "15,000.00")
    }

    @Test func quarterlyWeeklyDailyAndPerTime() throws {
        #expect(try cost(entry(.recurring(per: .quarter), "6000"), "2026-04") == "2,000.00")
        #expect(try cost(entry(.recurring(per: .quarter), "6000"), "2026") == "24,000.00")
        #expect(try cost(entry(.recurring(per: .week), "700"), "2026-W10") == "700.00")
        #expect(try cost(entry(.recurring(per: .week), "700"), "2026-03-14") == "100.00")
        #expect(try cost(entry(.recurring(per: .week), "700"), "2026-02") == "2,800.00")
        #expect(try cost(entry(.recurring(per: .day), "80"), "2028-02") == "2,320.00")  // 29 days
        #expect(try cost(entry(.cpt(per: .day), "3000", start: "2026-11-01", end: "2026-11-11"), "2026-11") == "33,000.00")
        #expect(try cost(entry(.cpt(per: .day), "3000", start: "2026-11-01", end: "2026-11-11"), "2026-W46") == "9,000.00")
        #expect(try cost(entry(.cpm(impressions: dec("400000"), per: .month), "25"), "2026-06") == "10,000.00")
    }

    @Test func startAndEndBoundEveryRecurringEntry() throws {
        let salary = entry(.recurring(per: .month), "3100", start: "2026-03-16", end: "2026-05-10")
        #expect(try cost(salary, "2026-03") == "1,600.00")   // 16 of 31 days
        #expect(try cost(salary, "2026-04") == "3,100.00")
        #expect(try cost(salary, "2026-05") == "1,000.00")   // 10 of 31 days
        #expect(try cost(salary, "2026") == "5,700.00")
        #expect(try cost(salary, "2026-06") == "0.00")
        #expect(try cost(salary, "2025") == "0.00")
    }

    @Test func onceOnItsDay() throws {
        let printer = entry(.once(date: day("2026-01-05")), "1800")
        #expect(try cost(printer, "2026-01-05") == "1,800.00")
        #expect(try cost(printer, "2026-W02") == "1,800.00")
        #expect(try cost(printer, "2026-01-06") == "0.00")
        #expect(try cost(printer, "2026") == "1,800.00")
    }

    @Test func amortizedTheLastMonthTakesTheRemainder() throws {
        let erp = entry(.amortized(months: 7), "1000", start: "2026-01-01")
        let months = try (1...8).map { try cost(erp, "2026-0\($0)") }
        #expect(months == ["142.86", "142.86", "142.86", "142.86", "142.86", "142.86", "142.84", "0.00"])
        #expect(try cost(erp, "2026") == "1,000.00")
        #expect(try cost(erp, "2026-01-01") == "4.61")                 // 142.86 / 31
        #expect(try cost(erp, "2026", view: .cash) == "1,000.00")
        #expect(try cost(erp, "2026-01-01", view: .cash) == "1,000.00")
        #expect(try cost(erp, "2026-02", view: .cash) == "0.00")
    }

    @Test func depositsAreNotExpensesAndSalesLinkedEntriesNeedVolumes() throws {
        let deposit = CostEntry(id: CostID(category: .R, number: 1), name: "保证金", basis: .deposit(date: day("2026-01-02")), amount: dec("50000"))
        #expect(try cost(deposit, "2026") == "0.00")
        #expect(Accrual.deposit(of: deposit, in: .year(2026)) == dec("50000"))
        #expect(Accrual.deposit(of: deposit, in: .year(2027)) == nil)
        #expect(Accrual.amount(of: entry(.perUnit, "1.5"), in: .year(2026)) == nil)
        #expect(Accrual.amount(of: entry(.percent, "0.05"), in: .year(2026)) == nil)
    }
}
