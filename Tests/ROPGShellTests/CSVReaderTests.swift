import Testing
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

@Suite struct CSVReaderTests {
    @Test func quotesCRLFAndBOM() throws {
        let text = "\u{FEFF}日期,支付金额,备注\r\n2026-03-01,\"31,250.50\",\"他说\"\"好\"\"\"\r\n2026-03-02,100,\"两\r\n行\"\r\n\r\n2026-03-03,5,\n"
        let records = try CSVReader.records(in: text)
        #expect(records.map(\.line) == [1, 2, 3, 6])
        #expect(records[0].fields == ["日期", "支付金额", "备注"])
        #expect(records[1].fields == ["2026-03-01", "31,250.50", "他说\"好\""])
        #expect(records[2].fields == ["2026-03-02", "100", "两\r\n行"])
        #expect(records[3].fields == ["2026-03-03", "5", ""])
    }

    @Test func unclosedQuoteIsAnError() {
        #expect(throws: CSVReader.Failure(message: "line 2: a quoted field is never closed")) {
            try CSVReader.records(in: "a,b\n1,\"2\n")
        }
    }

    @Test func datesInThePlatformsFormats() {
        for text in ["2026-03-14", "2026/03/14", "2026/3/14", "2026.3.14", "20260314"] {
            #expect(ActualImport.parseDate(text)?.isoText == "2026-03-14", "\(text)")
        }
        #expect(ActualImport.parseDate("2026-02-30") == nil)
        #expect(ActualImport.parseDate("14/03/2026") == nil)
    }
}
