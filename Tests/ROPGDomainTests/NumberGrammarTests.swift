import Testing
@testable import ROPGDomain
import ROPGText

@Suite struct NumberGrammarTests {
    @Test(arguments: [
        ("79", "79"), ("1,234.56", "1234.56"), ("¥79", "79"), ("￥79", "79"), ("79元", "79"), ("1200万", "12000000"),
        ("1200万元", "12000000"), ("10w", "100000"), ("10W", "100000"), ("3亿", "300000000"), ("12k", "12000"),
        ("12K", "12000"), ("3千", "3000"), ("0.05", "0.05"), ("1.5万", "15000"), ("-12.5", "-12.5"), ("+7", "7"),
        ("１２００万", "12000000"), ("1,234,567", "1234567"), (" 42 ", "42"), (".5", "0.5"), ("0.0001w", "1"),
    ])
    func readsAmounts(text: String, expected: String) throws {
        #expect(try NumberGrammar.amount(text).description == expected)
    }

    @Test(arguments: [("5%", "0.05"), ("0.6%", "0.006"), ("0.05", "0.05"), ("100%", "1"), ("５％", "0.05"), ("12.5%", "0.125")])
    func readsRates(text: String, expected: String) throws {
        #expect(try NumberGrammar.rate(text).description == expected)
        #expect(try NumberGrammar.parse(text).isPercent == text.contains("%") || text.contains("％"))
    }

    @Test(arguments: [
        ("", "nothing was written"), ("7x9", ""), ("abc", ""), ("1,23", "commas must separate groups of three digits"),
        ("12,3456", "commas must separate groups of three digits"), ("1234,567", "commas must separate groups of three digits"),
        ("1..2", "two decimal points"), ("1.2.3", "two decimal points"), ("1.", "no digits after the decimal point"),
        ("万", "no digits"), ("¥", "no digits"), ("%", "no digits"), ("1e5", ""), ("5%%", ""), ("10ww", ""),
        ("1.5,000", "a comma after the decimal point"), ("1 000", ""), ("0x10", ""), ("1,000.5.5", "two decimal points"),
        ("99999999999999999", "too large"), ("0.0000000000001", "more than 12 decimal places"), ("--5", ""), ("5-", ""),
    ])
    func refusesBadForms(text: String, reason: String) {
        // The typed reason, as the catalogue phrases it in English.
        let examples = "; write numbers like 1,234.56, ¥79, 1200万, 10w or 5%"
        let expected = reason.isEmpty ? "\(text.quotedExcerpt) is not a number\(examples)"
            : "\(text.quotedExcerpt) is not a number: \(reason)" + (reason == "no digits" ? examples : "")
        do {
            _ = try NumberGrammar.parse(text)
            Issue.record("\(text) was read")
        } catch {
            #expect(error.text == text)
            #expect(error.message == expected)
        }
    }

    @Test func errorMessagesNameTheText() {
        // Text that reads as no number says what numbers look like (review of issue 13, #14).
        #expect(NumberError(text: "7x9", reason: .unreadable).message == "\"7x9\" is not a number; write numbers like 1,234.56, ¥79, 1200万, 10w or 5%")
        #expect(NumberError(text: "万", reason: .noDigits).message == "\"万\" is not a number: no digits; write numbers like 1,234.56, ¥79, 1200万, 10w or 5%")
        #expect(NumberError(text: "1,23", reason: .badGrouping).message == "\"1,23\" is not a number: commas must separate groups of three digits")
        #expect(Interface.$language.withValue(.zh) { NumberError(text: "1,23", reason: .badGrouping).message } == "\"1,23\" 不是数字：逗号必须每三位分隔一组")
    }

    @Test func percentIsNotAnAmount() {
        #expect(throws: NumberError.self) { try NumberGrammar.amount("5%") }
    }

    @Test func wholeCounts() throws {
        #expect(try NumberGrammar.wholeCount("1.2万") == 12000)
        #expect(throws: NumberError.self) { try NumberGrammar.wholeCount("1.5") }
    }
}
