import Testing
import ROPGDomain
@testable import ROPGTables

/// The chart model drawn from a table, and the terminal's eighth-block bars.
@Suite struct ChartTests {
    static func table(_ values: [Int]) -> Table {
        Table(title: "t", columns: [.text("month", key: "period"), .number("profit", key: "profit")],
              rows: values.enumerated().map { [.text("m\($0.offset + 1)"), .money(ExactDecimal($0.element))] })
    }

    @Test func chartTakesTheTablesCellsAndLabels() throws {
        let chart = try #require(Chart(of: Self.table([100, -50, 0]), keys: ["profit"]))
        #expect(chart.categories == ["m1", "m2", "m3"])
        #expect(chart.series[0].values.map(\.text) == ["100.00", "-50.00", "0.00"])
        #expect(Chart(of: Self.table([1]), keys: ["period"]) == nil)
        #expect(Chart.figureKeys(of: Self.table([1])) == ["profit"])
    }

    @Test func eighthBlocks() {
        #expect(TextChartRenderer.rightBar(eighths: 0, cells: 5) == "")
        #expect(TextChartRenderer.rightBar(eighths: 1, cells: 5) == "▏")
        #expect(TextChartRenderer.rightBar(eighths: 12, cells: 5) == "█▌")
        #expect(TextChartRenderer.rightBar(eighths: 99, cells: 2) == "██")
        #expect(TextChartRenderer.leftBar(eighths: 12, cells: 5) == "▐█")
        #expect(TextChartRenderer.leftBar(eighths: 9, cells: 5) == "▕█")
    }

    @Test func barsFitTheWidthAndNegativesGoLeft() {
        let text = TextChartRenderer(width: 40).render(Chart(of: Self.table([100, -100, 0]), keys: ["profit"])!)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)  // title, three bars, the scale
        for line in lines.dropFirst() { #expect(displayWidth(line) <= 40) }
        let axis = lines[1].firstIndex(of: "│")!
        #expect(lines[2].firstIndex(of: "│") == axis || displayWidth(String(lines[2].prefix { $0 != "│" })) == displayWidth(String(lines[1].prefix { $0 != "│" })))
        #expect(lines[2].contains("█") && lines[2].components(separatedBy: "│")[0].contains("█"))   // -100 left of the axis
        #expect(lines[1].components(separatedBy: "│")[1].contains("█"))                              // 100 right of it
        #expect(!lines[3].contains("█"))                                                                // 0: no bar
        #expect(lines[4].contains("-100.00") && lines[4].contains("100.00"))
        #expect(!text.contains("\u{1B}"))
        #expect(TextChartRenderer(width: 40, color: true).render(Chart(of: Self.table([5]), keys: ["profit"])!).contains("\u{1B}[32m"))
    }
}
