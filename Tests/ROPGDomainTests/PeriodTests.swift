import Testing
@testable import ROPGDomain
import ROPGText

@Suite struct PeriodTests {
    func days(_ text: String) throws -> String {
        let period = try Period.parse(text)
        return "\(period.firstDay)..\(period.lastDay)"
    }

    @Test func grains() throws {
        #expect(try days("2026") == "2026-01-01..2026-12-31")
        #expect(try days("2026-Q1") == "2026-01-01..2026-03-31")
        #expect(try days("2026-q4") == "2026-10-01..2026-12-31")
        #expect(try days("2026-03") == "2026-03-01..2026-03-31")
        #expect(try days("2026-02") == "2026-02-01..2026-02-28")
        #expect(try days("2028-02") == "2028-02-01..2028-02-29")
        #expect(try days("2026-03-14") == "2026-03-14..2026-03-14")
        #expect(try days("2026-03..2026-06") == "2026-03-01..2026-06-30")
        #expect(try days("2026-W11") == "2026-03-09..2026-03-15")
    }

    @Test func isoWeeksStraddleYears() throws {
        #expect(try days("2026-W01") == "2025-12-29..2026-01-04")
        #expect(try days("2026-W53") == "2026-12-28..2027-01-03")
        #expect(try days("2020-W53") == "2020-12-28..2021-01-03")
        #expect(Period.isoWeeks(in: 2025) == 52)
        #expect(Period.isoWeeks(in: 2026) == 53)
        #expect(throws: PeriodError(text: "2025-W53", reason: .noSuchWeek(year: 2025, weeks: 52, week: 53))) {
            try Period.parse("2025-W53")
        }
        let day = try Period.parseDay("2027-01-02")
        #expect(Period.isoWeek(of: day) == .week(isoYear: 2026, week: 53))
        #expect(Period.isoWeek(of: try Period.parseDay("2025-12-29")) == .week(isoYear: 2026, week: 1))
    }

    @Test func textRoundTrips() throws {
        for text in ["2026", "2026-Q1", "2026-03", "2026-W05", "2026-03-14", "2026-03..2026-06", "2026-W52..2027-Q1"] {
            #expect(try Period.parse(text).text == text)
        }
        #expect(try Period.parse("2026-3").text == "2026-03")
        #expect(try Period.parse("2026-w5").text == "2026-W05")
    }

    @Test(arguments: [
        ("", "write 2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14"), ("26", "write 2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14"),
        ("2026-13", "a month is 01 to 12"), ("2026-00", "a month is 01 to 12"), ("2026-Q5", "a quarter is Q1 to Q4"),
        ("2026-Q0", "a quarter is Q1 to Q4"), ("2026-W00", "a week is W01 to W52 or W53"), ("2026-W54", "2026 has 53 ISO weeks, so there is no week 54"),
        ("2026-02-30", "2026-02 has 28 days"), ("2026-04-31", "2026-04 has 30 days"), ("2026-1-1-1", "write 2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14"),
        ("1800", "the year must be between 1900 and 2999"), ("2026-06..2026-03", "the range ends (2026-03-31) before it starts (2026-06-01)"),
        ("2026..", "a range needs a start and an end, e.g. 2026-03..2026-06"), ("march", "write 2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14"),
        ("2026/03", "write 2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14"), ("2026-003", "write 2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14"),
    ])
    func refusesBadPeriods(text: String, reason: String) {
        // The typed reason, as the catalogue phrases it in English.
        do {
            _ = try Period.parse(text)
            Issue.record("\(text) was read")
        } catch {
            #expect(error.text == text)
            #expect(error.message == "\(text.quotedExcerpt) is not a period: \(reason)")
        }
    }

    @Test func leapYears() {
        #expect(Day.isLeap(2028))
        #expect(!Day.isLeap(2100))
        #expect(Day.isLeap(2000))
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2028, month: 2, day: 29) != nil)
    }

    @Test func dayArithmeticIsExactOverCenturies() {
        var day = Day(year: 1900, month: 1, day: 1) ?? Day(number: 0)
        var previous = day.civil
        for _ in 0..<(365 * 200) {
            day = day.advanced(by: 1)
            let civil = day.civil
            #expect(Day(year: civil.year, month: civil.month, day: civil.day) == day)
            if civil.day != 1 { #expect(civil.day == previous.day + 1) }
            previous = civil
        }
        #expect(Day(year: 1970, month: 1, day: 1)?.number == 0)
        #expect(Day(year: 2026, month: 11, day: 22)?.weekday == 7)  // a Sunday
    }

    @Test func ordering() throws {
        let sorted = try ["2026-03", "2026", "2026-Q1", "2026-03-01", "2025-12"].map { try Period.parse($0) }.sorted()
        #expect(sorted.map(\.text) == ["2025-12", "2026", "2026-Q1", "2026-03", "2026-03-01"])
    }
}
