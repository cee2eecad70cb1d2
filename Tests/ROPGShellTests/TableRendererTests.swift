import Testing
@testable import ROPGShell
import ROPGDomain
@testable import ROPGStorage
@testable import ROPGTables

/// A small product table with Chinese names, right-aligned money, a total and a note.
private let products = Table(
    title: "商品",
    columns: [
        Column(title: "SKU", key: "sku"),
        Column(title: "品名", key: "name"),
        Column(title: "售价", key: "price", alignment: .right),
    ],
    rows: [
        [.text("TS-001"), .text("纯棉T恤"), .number(text: "79.00", plain: "79.00")],
        [.text("MUG-02"), .text("马克杯"), .number(text: "1,234.50", plain: "1234.50")],
    ],
    footerRows: [
        [.text("合计"), .empty, .number(text: "1,313.50", plain: "1313.50", emphasis: .strong)]
    ],
    notes: ["allocation: by revenue"]
)

private let nasty = "a|b,\"c\"\r\nd\te\u{1B}[31m\u{7}\u{7F}\u{9B}"

private let nastyTable = Table(
    title: "t\u{1B}]0;pwned\u{7}",
    columns: [Column(title: "na\u{1B}me", key: "k\"ey"), Column(title: "n", key: "n")],
    rows: [[.text(nasty), .number(text: "1", plain: "1", emphasis: .negative)]],
    notes: ["note\u{1B}[2J"]
)

@Suite struct TextRendererTests {
    @Test func alignsChineseByDisplayWidth() {
        let expected = """
            商品
            ┌────────┬─────────┬──────────┐
            │ SKU    │ 品名    │     售价 │
            ├────────┼─────────┼──────────┤
            │ TS-001 │ 纯棉T恤 │    79.00 │
            │ MUG-02 │ 马克杯  │ 1,234.50 │
            ├────────┼─────────┼──────────┤
            │ 合计   │         │ 1,313.50 │
            └────────┴─────────┴──────────┘
            allocation: by revenue

            """
        #expect(render(products, as: .text, color: false) == expected)
    }

    @Test func everyLineHasTheSameDisplayWidth() {
        var table = products
        table.title = nil
        table.notes = []
        table.rows.append([.text("😀👍🏽"), .text("ｆｕｌｌ，宽"), .number(text: "cafe\u{301}", plain: "0")])
        table.rows.append([.text(String(repeating: "长", count: 50)), .text(""), .empty])
        let lines = render(table, as: .text, color: false).split(separator: "\n").map(String.init)
        let widths = Set(lines.map(displayWidth))
        #expect(widths.count == 1, "\(lines)")
    }

    /// A table big enough to be measured and drawn in pieces side by side draws exactly as the
    /// same rows drawn one by one would: every row once, in order, the footer after its rule, and
    /// a wide cell far down the table widening its column all the way up.
    @Test func bigTablesDrawnInPiecesMatchSmallOnes() {
        let count = 45_000
        var rows: [[Cell]] = (0..<count).map { [.text("R\($0)"), .money(ExactDecimal($0))] }
        rows[count - 7][0] = .text("最后面的很宽的名字")
        // Cells laid out apart (escaped) in either piece, each drawn in its own row.
        rows[5][0] = .text("a\tb")
        rows[count - 3][0] = .text("c\td")
        rows[count - 2][1] = .money(ExactDecimal(-2))
        let big = Table(columns: [.text("row", key: "row"), .number("amount", key: "amount")], rows: rows,
                        footerRows: [[.text("合计"), .money(ExactDecimal(count))]])
        let lines = render(big, as: .text, color: false).split(separator: "\n").map(String.init)
        #expect(lines.count == count + 6)  // top, header, rule, rows, rule, footer, bottom
        #expect(Set(lines.map(displayWidth)).count == 1)
        #expect(lines[3] == "│ R0                 │      0.00 │")
        #expect(lines[3 + 5] == "│ a\\tb               │      5.00 │")
        #expect(lines[3 + 30_000] == "│ R30000             │ 30,000.00 │")
        #expect(lines[3 + count - 7] == "│ 最后面的很宽的名字 │ 44,993.00 │")
        #expect(lines[3 + count - 3] == "│ c\\td               │ 44,997.00 │")
        #expect(lines[count + 3].hasPrefix("├"))
        #expect(lines[count + 4] == "│ 合计               │ 45,000.00 │")
        // In colour, the same lines with the loss in red and the header in bold.
        let coloured = render(big, as: .text, color: true).split(separator: "\n").map(String.init)
        #expect(coloured.count == count + 6)
        #expect(coloured[1] == "│ \u{1B}[1mrow\u{1B}[0m                │    \u{1B}[1mamount\u{1B}[0m │")
        #expect(coloured[3 + count - 2] == "│ R44998             │     \u{1B}[31m-2.00\u{1B}[0m │")
        #expect(coloured[3 + 30_000] == lines[3 + 30_000])
    }

    /// Cells keep their figure packed in two words: values of either sign and beyond 64 bits come
    /// back whole, with the plain forms CSV and JSON write.
    @Test func cellsKeepTheirFigures() {
        for units: Int128 in [0, -1, 1_234_500_000_000_000, -1_234_500_000_000_000, Int128.max, Int128.min, -(Int128(1) << 64) - 5] {
            let value = ExactDecimal(units: units)
            #expect(Cell.count(value).figure == .count(value))
            #expect(Cell.money(value).figure == .money(value.rounded()))
            #expect(Cell.rate(value, places: 1).figure == .rate(value.rounded(places: 3), places: 1))
            // Too large to hold only at the ends of the range, read from the packed words.
            let tooLarge = value.isSaturated
            #expect(Cell.count(value).holdsTooLarge == tooLarge && Cell.money(value).holdsTooLarge == tooLarge && Cell.rate(value).holdsTooLarge == tooLarge)
            #expect(Table(columns: [.text("x", key: "x")], footerRows: [[.text("a"), .money(value)]]).holdsTooLarge == tooLarge)
        }
        #expect(!Cell.text("170141183460469231731687303715884105727").holdsTooLarge)
        #expect(Cell.money(ExactDecimal(units: -1_234_567_000_000_000)).plain == "-1234.57")
        #expect(Cell.rate(ExactDecimal(units: 519_960_000_000)).plain == "0.52")
        #expect(Cell.count(ExactDecimal(277_778)).plain == "277778")
        #expect(Cell(text: "是", plain: "true").plain == "true")
        #expect(Cell.text("纯棉T恤").plain == "纯棉T恤")
        // The kind JSON types a cell by takes no room of its own: a cell stays 40 bytes.
        #expect(MemoryLayout<Cell>.size <= 40)
        #expect(Cell.count(ExactDecimal(units: -(Int128(1) << 64) * ExactDecimal.unitsPerOne)).kind == .count)
        #expect(Cell.count(ExactDecimal(units: -(Int128(1) << 64) - 5)).kind == .decimal)
    }

    @Test func emptyTableSaysNoRows() {
        let table = Table(columns: [Column(title: "A", key: "a"), Column(title: "品名", key: "b")])
        // "(no rows)" spans the columns; the last one is widened so it fits.
        let rendered = render(table, as: .text, color: false)
        #expect(
            rendered == """
                ┌───┬───────┐
                │ A │ 品名  │
                ├───┴───────┤
                │ (no rows) │
                └───────────┘

                """)
    }

    @Test func emptyTableWithTotalsKeepsTheFooter() {
        let table = Table(
            columns: [
                Column(title: "商品名称", key: "a"),
                Column(title: "金额", key: "b", alignment: .right),
            ],
            footerRows: [[.text("合计"), .number(text: "0.00", plain: "0")]]
        )
        let expected = """
            ┌──────────┬──────┐
            │ 商品名称 │ 金额 │
            ├──────────┴──────┤
            │ (no rows)       │
            ├──────────┬──────┤
            │ 合计     │ 0.00 │
            └──────────┴──────┘

            """
        #expect(render(table, as: .text, color: false) == expected)
    }

    @Test func controlCharactersAreEscapedNotPassedThrough() {
        let out = render(nastyTable, as: .text, color: false)
        let raw = out.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        }
        #expect(raw.isEmpty)
        #expect(out.contains("a|b,\"c\"\\r\\nd\\te\\u{1B}[31m\\u{7}\\u{7F}\\u{9B}"))
        #expect(out.hasPrefix("t\\u{1B}]0;pwned\\u{7}\n"))
        #expect(out.hasSuffix("note\\u{1B}[2J\n"))
    }

    @Test func noEscapeCodesWithoutColor() {
        for table in [products, nastyTable] {
            for format in OutputFormat.allCases {
                #expect(!render(table, as: format, color: false).utf8.contains(0x1B))
            }
        }
    }

    @Test func colorWhenAsked() {
        let out = render(nastyTable, as: .text, color: true)
        #expect(out.contains("\u{1B}[1mn\u{1B}[0m"))  // bold header
        #expect(out.contains("\u{1B}[31m1\u{1B}[0m"))  // negative in red
        let strong = render(products, as: .text, color: true)
        #expect(strong.contains("│ \u{1B}[1m1,313.50\u{1B}[0m │"))
        let warning = Table(
            columns: [Column(title: "x", key: "x")],
            rows: [[Cell.text("check").emphasized(.warning)]]
        )
        #expect(render(warning, as: .text, color: true).contains("\u{1B}[33mcheck\u{1B}[0m"))
        // Colour never applies to the data's own escape codes: those stay escaped.
        #expect(out.contains("\\u{1B}[31m"))
    }

    @Test func wideCellsAreTruncated() {
        let long = String(repeating: "纯棉", count: 40)  // 160 columns
        let table = Table(columns: [Column(title: "品名", key: "name")], rows: [[.text(long)]])
        let out = TextTableRenderer(maxColumnWidth: 11).render(table)
        #expect(
            out == """
                ┌─────────────┐
                │ 品名        │
                ├─────────────┤
                │ 纯棉纯棉纯… │
                └─────────────┘

                """)
        // At the renderer's default 60 columns: 29 two-column characters and "…" make 59.
        let lines = TextTableRenderer().render(table).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { displayWidth($0) == 59 + 4 })
        // The shell renders up to 100 columns (a cost line's working): 49 characters and "…".
        let shell = render(table, as: .text, color: false).split(separator: "\n").map(String.init)
        #expect(shell.allSatisfy { displayWidth($0) == 99 + 4 })
    }

    @Test func raggedRowsAreFilledAndCut() {
        let table = Table(
            columns: [Column(title: "a", key: "a"), Column(title: "b", key: "b")],
            rows: [[.text("1")], [.text("1"), .text("2"), .text("3")]]
        )
        #expect(
            render(table, as: .text, color: false) == """
                ┌───┬───┐
                │ a │ b │
                ├───┼───┤
                │ 1 │   │
                │ 1 │ 2 │
                └───┴───┘

                """)
        #expect(render(table, as: .csv, color: false) == "a,b\r\n1,\r\n1,2\r\n")
        #expect(render(table, as: .json, color: false).contains("      \"rows\": [\n        {\"a\": \"1\", \"b\": null},\n        {\"a\": \"1\", \"b\": \"2\"}\n      ],\n"))
    }
}

@Suite struct MarkdownRendererTests {
    @Test func githubTable() {
        let expected = """
            **商品**

            | SKU      | 品名    |         售价 |
            | -------- | ------- | -----------: |
            | TS-001   | 纯棉T恤 |        79.00 |
            | MUG-02   | 马克杯  |     1,234.50 |
            | **合计** |         | **1,313.50** |

            allocation: by revenue

            """
        #expect(render(products, as: .md, color: false) == expected)
    }

    @Test func pipesAndLineBreaksAreEscaped() {
        let table = Table(columns: [Column(title: "a|b", key: "a")], rows: [[.text(nasty)]])
        let expected = """
            | a\\|b                                        |
            | ------------------------------------------- |
            | a\\|b,"c"<br>d\\te\\u{1B}[31m\\u{7}\\u{7F}\\u{9B} |

            """
        #expect(render(table, as: .md, color: false) == expected)
    }

    @Test func emptyTable() {
        let table = Table(columns: [Column(title: "金额", key: "a", alignment: .right)])
        #expect(render(table, as: .md, color: false) == "| 金额 |\n| ---: |\n\n(no rows)\n")
    }
}

@Suite struct CSVRendererTests {
    @Test func plainValuesWithCRLF() {
        let expected = "SKU,品名,售价\r\nTS-001,纯棉T恤,79.00\r\nMUG-02,马克杯,1234.50\r\n合计,,1313.50\r\n"
        #expect(render(products, as: .csv, color: false) == expected)
    }

    @Test func quoting() {
        let table = Table(
            columns: [Column(title: "名称, 规格", key: "a"), Column(title: "b", key: "b")],
            rows: [
                [.text("say \"hi\""), .text("line1\nline2")],
                [.text("a,b"), .text("cr\rlf\r\n")],
                [.text(" spaces stay "), .text("tab\there")],
            ]
        )
        let expected =
            "\"名称, 规格\",b\r\n"
            + "\"say \"\"hi\"\"\",\"line1\nline2\"\r\n"
            + "\"a,b\",\"cr\rlf\r\n\"\r\n"
            + " spaces stay ,tab\there\r\n"
        #expect(render(table, as: .csv, color: false) == expected)
    }

    @Test func controlCharactersEscapedUnlessKept() {
        let table = Table(
            columns: [Column(title: "a", key: "a")],
            rows: [[.text("x\u{1B}[2J\u{7}\u{9B}\ty")]]
        )
        #expect(render(table, as: .csv, color: false) == "a\r\nx\\u{1B}[2J\\u{7}\\u{9B}\ty\r\n")
        let raw = CSVTableRenderer(keepsControlCharacters: true).render(table)
        #expect(raw == "a\r\nx\u{1B}[2J\u{7}\u{9B}\ty\r\n")
    }

    @Test func severalTablesAreMarked() {
        var first = Table(name: "a", columns: [Column(title: "x", key: "x")], rows: [[.text("#1")], [.text("")]])
        let second = Table(name: "b", columns: [Column(title: "y", key: "y"), Column(title: "z", key: "z")], rows: [[.text("#2"), .empty]])
        let expected = "# table: a\r\nx\r\n\"#1\"\r\n\"\"\r\n\r\n# table: b\r\ny,z\r\n\"#2\",\r\n"
        #expect(CSVTableRenderer().render([first, second]) == expected)
        // One table is plain CSV, as before, with nothing quoted that need not be.
        first.name = nil
        #expect(CSVTableRenderer().render([first]) == "x\r\n#1\r\n\r\n")
        #expect(CSVTableRenderer().render([]) == "")
    }

    @Test func headerOnlyWhenEmpty() {
        let table = Table(columns: [Column(title: "a", key: "a"), Column(title: "b", key: "b")])
        #expect(render(table, as: .csv, color: false) == "a,b\r\n")
        #expect(CSVTableRenderer.utf8BOM == [0xEF, 0xBB, 0xBF])
    }
}

@Suite struct JSONRendererTests {
    @Test func oneTableIsADocument() {
        let expected = """
            {
              "command": null,
              "tables": {
                "table": {
                  "title": "商品",
                  "columns": [
                    {"key": "sku", "label": "SKU", "type": "text"},
                    {"key": "name", "label": "品名", "type": "text"},
                    {"key": "price", "label": "售价", "type": "decimal"}
                  ],
                  "rows": [
                    {"sku": "TS-001", "name": "纯棉T恤", "price": "79.00"},
                    {"sku": "MUG-02", "name": "马克杯", "price": "1234.50"}
                  ],
                  "total": {"sku": "合计", "name": null, "price": "1313.50"},
                  "notes": [
                    "allocation: by revenue"
                  ]
                }
              },
              "messages": []
            }

            """
        #expect(render(products, as: .json, color: false) == expected)
    }

    @Test func emptyTableHasNoRowsAndUntypedColumns() {
        let table = Table(name: "t", columns: [Column(title: "a", key: "a")])
        let out = JSONTableRenderer().render(OutputDocument(command: "x", tables: [table], messages: ["said"]))
        let expected = """
            {
              "command": "x",
              "tables": {
                "t": {
                  "title": null,
                  "columns": [
                    {"key": "a", "label": "a", "type": null}
                  ],
                  "rows": [],
                  "notes": []
                }
              },
              "messages": [
                "said"
              ]
            }

            """
        #expect(out == expected)
    }

    @Test func valuesFollowTheirKind() {
        let table = Table(
            columns: ["s", "m", "r", "c", "roas", "d", "day", "b", "z", "blank", "bad", "notbool", "delta"].map { Column(title: $0, key: $0) },
            rows: [[
                .text("42"),
                .money(ExactDecimal(mantissa: 188429752, places: 2)),
                .rate(ExactDecimal(mantissa: 482, places: 3)),
                .count(2060),
                .count(ExactDecimal(mantissa: 202, places: 2)),
                .number(text: "51.99%", plain: "0.5199"),
                .date(Day(year: 2026, month: 3, day: 14) ?? Day(number: 0)),
                .bool(true, text: "是"),
                .empty,
                .text(""),
                .number(text: "1,234", plain: "1,234"),  // not a plain decimal: written as text
                Cell(text: "是", plain: "yes", kind: .bool),  // not true or false: written as text
                Cell(text: "+1.50 pp", plain: "0.015", kind: .rate),
            ]]
        )
        // Money and rates are decimal strings with the places shown ("0.4820" for 48.20%), a
        // whole count an integer, a fractional one (a ROAS) a decimal string.
        let row = #"{"s": "42", "m": "1884297.52", "r": "0.4820", "c": 2060, "roas": "2.02", "d": "0.5199", "day": "2026-03-14", "#
            + #""b": true, "z": null, "blank": null, "bad": "1,234", "notbool": "yes", "delta": "0.015"}"#
        #expect(render(table, as: .json, color: false).contains(row))
        let types = table.columns.indices.map { JSONTableRenderer.columnType(table, $0) }
        #expect(types == ["text", "money", "rate", "count", "decimal", "decimal", "date", "bool", nil, nil, "text", "text", "rate"])
    }

    @Test func columnTypes() {
        let table = Table(
            columns: ["units", "value"].map { Column(title: $0, key: $0) },
            rows: [[.count(3), .money(.one)], [.count(ExactDecimal(mantissa: 15, places: 1)), .count(2)], [.empty, .text("x")]]
        )
        // Whole and fractional counts make a decimal column, whose counts are all strings; kinds
        // that differ make a mixed column, whose values each follow their own kind.
        #expect(JSONTableRenderer.columnType(table, 0) == "decimal")
        #expect(JSONTableRenderer.columnType(table, 1) == "mixed")
        let out = render(table, as: .json, color: false)
        #expect(out.contains(#"{"units": "3", "value": "1.00"}"#))
        #expect(out.contains(#"{"units": "1.5", "value": 2}"#))
        #expect(out.contains(#"{"units": null, "value": "x"}"#))
    }

    @Test func stringEscaping() {
        #expect(JSONTableRenderer.string("纯棉\"T\"\\恤") == "\"纯棉\\\"T\\\"\\\\恤\"")
        #expect(JSONTableRenderer.string("a\nb\tc\rd\u{8}\u{C}") == "\"a\\nb\\tc\\rd\\b\\f\"")
        #expect(
            JSONTableRenderer.string("\u{1B}[1m\u{0}\u{7F}\u{9B}\u{2028}")
                == #""\u001b[1m\u0000\u007f\u009b\u2028""#)
        #expect(JSONTableRenderer.string("😀/é") == "\"😀/é\"")
        let out = render(nastyTable, as: .json, color: false)
        #expect(out.contains(#""title": "t\u001b]0;pwned\u0007""#))
        #expect(out.contains(#"{"k\"ey": "a|b,\"c\"\r\nd\te\u001b[31m\u0007\u007f\u009b", "n": "1"}"#))
        #expect(out.contains(#""note\u001b[2J""#))
    }

    @Test(arguments: ["0", "-0", "79.00", "1234.50", "-0.5199", "1e10", "2.5E-3", "10"])
    func validNumbers(s: String) {
        #expect(JSONTableRenderer.isJSONNumber(s))
    }

    @Test(arguments: [
        "", "-", "01", "+1", ".5", "1.", "1e", "1,234", "¥5", "NaN", "1 ", "0x10", "１",
    ])
    func invalidNumbers(s: String) {
        #expect(!JSONTableRenderer.isJSONNumber(s))
    }
}

@Suite struct RenderEntryPointTests {
    @Test func everyFormatEndsWithNewline() {
        let empty = Table(columns: [Column(title: "a", key: "a")])
        let noColumns = Table(title: "空", columns: [], rows: [[.text("x")]], notes: ["n"])
        for table in [products, nastyTable, empty, noColumns] {
            for format in OutputFormat.allCases {
                for color in [false, true] {
                    // (.utf8: Swift reads CSV's "\r\n" as one Character, not ending in "\n")
                    #expect(render(table, as: format, color: color).utf8.last == UInt8(ascii: "\n"))
                }
            }
        }
    }

    /// Fitted to a width, a table is whole, wrapped or records; whichever it is, no line but one
    /// holding a figure wider than its room runs over, and every figure is shown whole.
    @Test func aFittedTableKeepsEveryFigureWhole() {
        let words = ["12,000.00 over 12 months → 1,000.00 in 2026-03", "纯棉T恤 纯棉T恤 纯棉T恤", "cvr, aov, cpc, paid-share, units-per-order, payment-fee", "x"]
        let rows: [[Cell]] = (0..<8).map { index in
            [.text("R\(index)"), .text(words[index % words.count]), .money(ExactDecimal(index * 123_457) * ExactDecimal(index % 3 == 0 ? -1 : 1)), .count(ExactDecimal(index))]
        }
        let table = Table(title: "t", columns: [Column(title: "ID", key: "id"), Column(title: "working", key: "working"),
                                                .number("amount", key: "amount"), .number("n", key: "n")],
                          rows: rows, footerRows: [[.text("total"), .empty, .money(ExactDecimal(987_654_321)), .empty]])
        var layouts: Set<String> = []
        for width in stride(from: 20, through: 130, by: 5) {
            let shown = render(table, as: .text, color: false, width: width)
            let lines = shown.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("shown as records") && !$0.hasPrefix("long words wrapped") }
            for line in lines where displayWidth(line) > width {
                #expect(line.contains { $0.isNumber }, "width \(width): \(line)")
            }
            for cell in (rows + table.footerRows).flatMap({ $0 }) where cell.figure != nil {
                #expect(shown.contains(cell.text), "width \(width): \(cell.text) is not shown whole")
            }
            layouts.insert(shown.contains("long words wrapped") ? "wrapped" : shown.contains("shown as records") ? "records" : "whole")
        }
        #expect(layouts == ["wrapped", "records", "whole"])
    }

    @Test func onlyTextIsColoured() {
        for format in OutputFormat.allCases where format != .text {
            let plain = render(products, as: format, color: false)
            #expect(render(products, as: format, color: true) == plain)
        }
    }
}
