import Foundation
import Testing
@testable import ROPGShell
import ROPGDomain
@testable import ROPGStorage

/// A month × product grid agrees with the one-dimension reports: each month's total is
/// `pnl PERIOD by=month`'s figure, each cell is `pnl MONTH by=product`'s, and the totals add up
/// both ways.
@Suite struct GridTests {
    static func tables(_ json: String) throws -> [String: [String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(document["tables"] as? [String: [String: Any]])
    }

    static func decimal(_ any: Any?) -> Decimal? { (any as? String).flatMap { Decimal(string: $0) } }

    @Test(arguments: ["profit", "gmv", "G", "total_cost"])
    func gridTotalsAgreeWithTheOneDimensionReports(_ metric: String) throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c", "pnl 2026 by=product,month metric=\(metric) top=100"], in: folder)
        let months = try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c", "pnl 2026 by=month"], in: folder)
        let table = try #require(try Self.tables(grid.output)["pnl_grid"])
        let byMonth = try #require(try Self.tables(months.output)["pnl"])
        let rows = try #require(table["rows"] as? [[String: Any]])
        let total = try #require(table["total"] as? [String: Any])
        let monthRows = try #require(byMonth["rows"] as? [[String: Any]])
        #expect(monthRows.count == 12)
        for (index, month) in monthRows.enumerated() {
            let key = String(format: "2026-%02d", index + 1)
            let want = try #require(Self.decimal(month[metric]))
            #expect(Self.decimal(total[key]) == want, "\(metric) \(key): grid total against pnl 2026 by=month")
            let column = rows.compactMap { Self.decimal($0[key]) }.reduce(Decimal(0), +)
            #expect(column == want, "\(metric) \(key): the products add up to the month")
        }
        for row in rows {
            let sum = (1...12).compactMap { Self.decimal(row[String(format: "2026-%02d", $0)]) }.reduce(Decimal(0), +)
            #expect(Self.decimal(row["total"]) == sum, "\(row["product"] ?? "?"): a product's total is the sum of its months")
        }
        // One month's column is pnl MONTH by=product's.
        let march = try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c", "pnl 2026-03 by=product"], in: folder)
        let products = try #require(try Self.tables(march.output)["pnl"]?["rows"] as? [[String: Any]])
        for product in products {
            let label = try #require(product["period"] as? String)
            let cell = try #require(rows.first { $0["product"] as? String == label }, "\(label) is not in the grid")
            #expect(Self.decimal(cell["2026-03"]) == Self.decimal(product[metric]), "\(label) 2026-03 \(metric)")
        }
    }

    @Test func costGridTotalsAreCostsAndCostsByMonth() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        func table(_ command: String) throws -> [String: Any] {
            try #require(try Self.tables(try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c", command], in: folder).output)["costs"])
        }
        let grid = try table("costs 2026 by=category,month")
        let byCategory = try #require(try table("costs 2026")["rows"] as? [[String: Any]])
        let byMonth = try #require(try table("costs 2026 by=month")["rows"] as? [[String: Any]])
        let rows = try #require(grid["rows"] as? [[String: Any]])
        let total = try #require(grid["total"] as? [String: Any])
        #expect(rows.count == 4)
        for (row, category) in zip(rows, byCategory) {
            #expect(Self.decimal(row["total"]) == Self.decimal(category["amount"]), "\(row["category"] ?? "?")")
            let sum = (1...12).compactMap { Self.decimal(row[String(format: "2026-%02d", $0)]) }.reduce(Decimal(0), +)
            #expect(sum == Self.decimal(row["total"]))
        }
        for (index, month) in byMonth.enumerated() {
            #expect(Self.decimal(total[String(format: "2026-%02d", index + 1)]) == Self.decimal(month["total"]))
        }
    }

    @Test func topCapsAndSumsTheRest() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c", "pnl 2026 by=product,month top=100"], in: folder)
        let capped = try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c", "pnl 2026 by=product,month top=2"], in: folder)
        let full = try #require(try Self.tables(all.output)["pnl_grid"])
        let top = try #require(try Self.tables(capped.output)["pnl_grid"])
        let rows = try #require(top["rows"] as? [[String: Any]])
        #expect(rows.count == 3)
        #expect((rows.last?["product"] as? String)?.hasPrefix("other ") == true)
        #expect(Self.decimal((top["total"] as? [String: Any])?["total"]) == Self.decimal((full["total"] as? [String: Any])?["total"]))
        #expect((top["notes"] as? [String])?.first?.contains("top=N shows more") == true)
        // One product left over is a line of its own, not "other 1 products".
        let products = try #require(full["rows"] as? [[String: Any]]).count
        let oneLeft = try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c", "pnl 2026 by=product,month top=\(products - 1)"], in: folder)
        let oneLeftRows = try #require(try Self.tables(oneLeft.output)["pnl_grid"]?["rows"] as? [[String: Any]])
        #expect(oneLeftRows.count == products)
        #expect(!oneLeftRows.contains { ($0["product"] as? String)?.hasPrefix("other ") == true })
    }

    /// A product's column is keyed by its SKU; a SKU that reads as another key (`total`,
    /// `period`) gets a further `_`, so that the JSON row keeps every figure.
    @Test func aSKUThatReadsAsAColumnKeyKeepsItsOwnKey() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c",
                                          "product add total price=100 cost=10; product add period price=50 cost=5; save; pnl 2026-03 by=month,product"], in: folder)
        // The edits' messages come first; the grid's document is the rest.
        let document = try #require(result.output.range(of: "\n{").map { String(result.output[$0.lowerBound...]) })
        let grid = try #require(try Self.tables(document)["pnl_grid"])
        let keys = try #require(grid["columns"] as? [[String: Any]]).compactMap { $0["key"] as? String }
        #expect(Set(keys).count == keys.count, "\(keys)")
        #expect(keys.first == "period" && keys.last == "total" && keys.contains("total_") && keys.contains("period_"), "\(keys)")
        let row = try #require((grid["rows"] as? [[String: Any]])?.first)
        #expect(row["period"] as? String == "2026-03")
        // The month's total is the sum of its products' figures, each kept under its own key.
        let parts = keys.dropFirst().dropLast().compactMap { Self.decimal(row[$0]) }
        #expect(parts.count == keys.count - 2)
        #expect(parts.reduce(0, +) == Self.decimal(row["total"]))
    }

    /// The summed line keeps the key `other` (docs/OUTPUT.md) even when a product's SKU is
    /// `other` and that product is shown: the product's key gives way.
    @Test func theSummedLineKeepsItsKeyBeforeASKU() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c",
                                          "product add other price=100 cost=10 share=90%; save; pnl 2026-03 by=month,product top=2"], in: folder)
        let document = try #require(result.output.range(of: "\n{").map { String(result.output[$0.lowerBound...]) })
        let grid = try #require(try Self.tables(document)["pnl_grid"])
        let columns = try #require(grid["columns"] as? [[String: Any]])
        let keys = columns.compactMap { $0["key"] as? String }
        #expect(Set(keys).count == keys.count, "\(keys)")
        let bucket = try #require(columns.first { $0["key"] as? String == "other" })
        #expect((bucket["label"] as? String)?.hasPrefix("other ") == true && (bucket["label"] as? String)?.hasSuffix(" products") == true, "\(bucket)")
        let product = try #require(columns.first { $0["key"] as? String == "other_" })
        #expect((product["label"] as? String)?.hasPrefix("other ") == true && (product["label"] as? String)?.hasSuffix(" products") == false, "\(product)")
    }
}

/// `--bom` starts CSV on standard output with one byte order mark; without it there is none.
@Suite struct ByteOrderMarkTests {
    @Test func bomOnceBeforeTheFirstCSV() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let with = try TestSupport.run(["workspaces/demo.json", "--bom", "--format", "csv", "-c", "product list role=hit; product list role=hit"], in: folder)
        #expect(with.output.hasPrefix("\u{FEFF}SKU,"))
        #expect(with.output.components(separatedBy: "\u{FEFF}").count == 2)
        let without = try TestSupport.run(["workspaces/demo.json", "--format", "csv", "-c", "product list role=hit"], in: folder)
        #expect(without.output.hasPrefix("SKU,"))
    }
}

/// One plan model (docs/DOMAIN.md §11.3): shared costs are shared out among products month by
/// month, so the grid's product totals are `pnl PERIOD by=product`'s figures for every product and
/// every figure — with a saved hit plan, whose sales change the months' product mixes.
@Suite struct GridProductTotalsTests {
    /// A month's split by product is kept for the next report on the same state of the workspace
    /// only: after a change the grid and pnl by=product are those a session opened on the changed
    /// workspace gives.
    @Test func aChangeSplitsTheMonthsAnew() throws {
        let path = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path
        func session() throws -> (Session, Console) {
            let console = Console(capturingApart: ())
            let session = Session(workspace: try WorkspaceReader.load(path: path), path: nil, console: console, interactive: false)
            session.format = .json
            return (session, console)
        }
        func output(_ session: Session, _ console: Console, _ line: String) -> String {
            #expect(session.execute(line: line), "\(line): \(console.takeCapturedErrors())")
            return console.takeCaptured()
        }
        let reports = ["pnl 2026 by=product,month top=1000", "pnl 2026 by=product"]
        let (kept, keptConsole) = try session()
        let before = reports.map { output(kept, keptConsole, $0) }
        #expect(reports.map { output(kept, keptConsole, $0) } == before, "the same state: the same reports")
        _ = output(kept, keptConsole, "product set TS-001 price-=10%")
        let after = reports.map { output(kept, keptConsole, $0) }
        #expect(after != before)
        let (fresh, freshConsole) = try session()
        _ = output(fresh, freshConsole, "product set TS-001 price-=10%")
        #expect(reports.map { output(fresh, freshConsole, $0) } == after)
    }

    @Test func gridProductTotalsArePnlByProductWithASavedHitPlan() throws {
        let path = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path
        let console = Console(capturingApart: ())
        let session = Session(workspace: try WorkspaceReader.load(path: path), path: nil, console: console, interactive: false)
        for line in ["hit plan TS-001 start=2026-10-01 peak-units=300/day cpc=0.9", "hit save 双11"] {
            #expect(session.execute(line: line), "\(line): \(console.takeCapturedErrors())")
        }
        session.format = .json
        _ = console.takeCaptured()
        func table(_ line: String, _ name: String) throws -> [String: Any] {
            #expect(session.execute(line: line), "\(line): \(console.takeCapturedErrors())")
            return try #require(try GridTests.tables(console.takeCaptured())[name])
        }
        let byProduct = try #require(try table("pnl 2026 by=product", "pnl")["rows"] as? [[String: Any]])
        #expect(byProduct.count >= 3)
        for metric in PnlGrid.metrics.map(\.key) where metric != "units" {  // pnl has no units column
            let grid = try #require(try table("pnl 2026 by=product,month metric=\(metric) top=1000", "pnl_grid")["rows"] as? [[String: Any]])
            #expect(grid.count == byProduct.count, "\(metric): the grid and pnl 2026 by=product have the same products")
            for product in byProduct {
                let label = try #require(product["period"] as? String)
                let row = try #require(grid.first { $0["product"] as? String == label }, "\(label) is not in the \(metric) grid")
                let want = try #require(GridTests.decimal(product[metric]), "\(label) \(metric)")
                #expect(GridTests.decimal(row["total"]) == want, "\(label) \(metric): grid total against pnl 2026 by=product")
            }
        }
        // goal show's grid: the GMV goal as the plan spreads it to products; a month's total is
        // goal show by=month's GMV, a product's total pnl by=product's GMV.
        let goalGrid = try table("goal show 2026 by=product,month top=1000", "goal_grid")
        let goalRows = try #require(goalGrid["rows"] as? [[String: Any]])
        #expect(goalRows.count == byProduct.count)
        for product in byProduct {
            let label = try #require(product["period"] as? String)
            let row = try #require(goalRows.first { $0["product"] as? String == label }, "\(label) is not in the goal grid")
            #expect(GridTests.decimal(row["total"]) == GridTests.decimal(product["gmv"]), "\(label): goal grid total against pnl 2026 by=product's GMV")
        }
        let goalMonths = try #require(try table("goal show 2026 by=month metrics=gmv", "goal_show")["rows"] as? [[String: Any]])
        let goalTotal = try #require(goalGrid["total"] as? [String: Any])
        #expect(goalMonths.count == 12)
        for (index, month) in goalMonths.enumerated() {
            let key = String(format: "2026-%02d", index + 1)
            let want = try #require(GridTests.decimal(month["gmv"]), "\(key) goal GMV")
            #expect(GridTests.decimal(goalTotal[key]) == want, "\(key): goal grid month total against goal show 2026 by=month")
            #expect(goalRows.compactMap { GridTests.decimal($0[key]) }.reduce(Decimal(0), +) == want, "\(key): the products add up to the goal")
        }
        // The hit plan makes October's and November's mixes differ from the year's: shared out
        // over the whole year instead, TS-001's profit would not be the sum of its months.
        let october = try #require(try table("pnl 2026-10 by=product", "pnl")["rows"] as? [[String: Any]])
        let march = try #require(try table("pnl 2026-03 by=product", "pnl")["rows"] as? [[String: Any]])
        func share(_ rows: [[String: Any]]) throws -> Decimal {
            let gmv = rows.compactMap { GridTests.decimal($0["gmv"]) }.reduce(Decimal(0), +)
            let first = try #require(rows.first { ($0["period"] as? String)?.hasPrefix("TS-001") == true })
            return (GridTests.decimal(first["gmv"]) ?? 0) / gmv
        }
        #expect(try share(october) != share(march), "the hit plan changes TS-001's share of a month")
    }
}
