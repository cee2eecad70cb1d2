import ROPGDomain
import ROPGText
import ROPGTables

/// Sets a report made on the plan beside the same report made in a what-if: plan | what-if | Δ | Δ%.
/// It compares the figures as shown (rounded), so that Δ is what a reader gets by subtracting.
enum Comparison {
    /// Rows beyond which rows that did not change are left out.
    static let unchangedRowLimit = 20

    /// One version set beside the plan: "what-if", or a scenario's name.
    struct Alternative {
        var name: String
        var blocks: [Block]
    }

    static func compare(plan: [Block], whatIf: [Block], note: String? = nil) -> [Block] {
        compare(plan: plan, alternatives: [Alternative(name: "what-if", blocks: whatIf)], notes: note.map { [$0] } ?? [])
    }

    /// The first alternative's blocks, each table set beside the plan's and the other
    /// alternatives' tables in the same position; `notes` go under every compared table.
    static func compare(plan: [Block], alternatives: [Alternative], notes: [String]) -> [Block] {
        func tables(_ blocks: [Block]) -> [Table] {
            blocks.compactMap { block -> Table? in if case .table(let table) = block { return table } else { return nil } }
        }
        let planTables = tables(plan)
        let others = alternatives.map { tables($0.blocks) }
        guard let first = alternatives.first else { return plan }
        var position = 0
        return first.blocks.map { block in
            guard case .table = block else { return block }
            defer { position += 1 }
            guard position < planTables.count, others.allSatisfy({ position < $0.count }) else { return block }
            var table = compare(planTables[position], zip(alternatives, others).map { ($0.name, $1[position]) })
            table.notes += notes
            return .table(table)
        }
    }

    static func compare(_ plan: Table, _ whatIf: Table) -> Table {
        compare(plan, [("what-if", whatIf)])
    }

    static func compare(_ plan: Table, _ alternatives: [(name: String, table: Table)]) -> Table {
        let whatIf = alternatives[0].table
        let all = alternatives.flatMap { $0.table.rows + $0.table.footerRows } + plan.rows + plan.footerRows
        let figureColumns = whatIf.columns.indices.filter { column in
            all.contains { column < $0.count && $0[column].figure != nil }
        }
        let single = alternatives.allSatisfy { $0.table.rows.count + $0.table.footerRows.count == 1 } && plan.rows.count + plan.footerRows.count == 1
        var table = single ? transposed(plan, alternatives, figureColumns) : sideBySide(plan, alternatives, figureColumns)
        table.moneyIsPerUnit = whatIf.moneyIsPerUnit
        // In 万 the versions are compared as they are shown, each as its own report shows it.
        table.remadeShown = Remade { unit in
            compare(plan.showingMoney(in: unit), alternatives.map { ($0.name, $0.table.showingMoney(in: unit)) })
        }
        return table
    }

    /// "plan | what-if" or "plan | 保守 | 激进".
    private static func heading(_ alternatives: [(name: String, table: Table)]) -> String {
        ([phrase("plan")] + alternatives.map { $0.name == "what-if" ? phrase("what-if") : $0.name }).joined(separator: " | ")
    }

    /// A one-row report: a row per figure.
    private static func transposed(_ plan: Table, _ alternatives: [(name: String, table: Table)], _ figureColumns: [Int]) -> Table {
        let whatIf = alternatives[0].table
        let planRow = plan.normalized((plan.rows + plan.footerRows)[0])
        let rowsOf = alternatives.map { $0.table.normalized(($0.table.rows + $0.table.footerRows)[0]) }
        var rows: [[Cell]] = []
        for column in figureColumns {
            let key = whatIf.columns[column].key
            let planColumn = plan.columns.firstIndex { $0.key == key }
            let before = planColumn.map { planRow[$0] } ?? .empty
            var cells: [Cell] = [.text(whatIf.columns[column].title)]
            for (index, alternative) in alternatives.enumerated() {
                let at = alternative.table.columns.firstIndex { $0.key == key }
                let after = at.map { rowsOf[index][$0] } ?? .empty
                cells += index == 0 ? quartet(before, after) : Array(quartet(before, after).dropFirst())
            }
            rows.append(cells)
        }
        let label = rowsOf[0].first?.text ?? ""
        let title = heading(alternatives)
        return Table(name: whatIf.name, title: whatIf.title.map { "\($0) — \(title)" } ?? title,
                     columns: [.text(label.isEmpty ? "figure" : label, key: "figure")] + quartetColumns(nil, alternatives.map(\.name)),
                     rows: rows, notes: whatIf.notes)
    }

    /// Many rows: the key columns, then plan | what-if | Δ | Δ% for each compared column.
    private static func sideBySide(_ plan: Table, _ alternatives: [(name: String, table: Table)], _ figureColumns: [Int]) -> Table {
        let whatIf = alternatives[0].table
        let keyKeys = whatIf.rowKey.isEmpty ? [whatIf.columns.first?.key ?? ""] : whatIf.rowKey
        func keyColumns(_ table: Table) -> [Int] { keyKeys.compactMap { key in table.columns.firstIndex { $0.key == key } } }
        var compared = whatIf.compare.compactMap { key in whatIf.columns.firstIndex { $0.key == key } }
        if compared.isEmpty { compared = figureColumns }
        let comparedKeys = compared.map { whatIf.columns[$0].key }
        func comparedColumns(_ table: Table) -> [Int?] { comparedKeys.map { key in table.columns.firstIndex { $0.key == key } } }

        func keyed(_ rows: [[Cell]], _ columns: [Int]) -> [String] {
            var seen: [String: Int] = [:]
            return rows.map { row in
                let key = columns.map { $0 < row.count ? row[$0].text : "" }.joined(separator: "\u{1F}")
                seen[key, default: 0] += 1
                return "\(key)#\(seen[key] ?? 0)"
            }
        }
        /// A row's key cells, then plan | version | Δ | Δ% for each compared figure; true when no
        /// version changes one. A version without the row compares as blanks.
        let planCompared = comparedColumns(plan)
        let alternativeCompared = alternatives.map { comparedColumns($0.table) }
        func comparedRow(_ keyCells: [Cell], plan planRow: [Cell]?, alternatives rows: [[Cell]?]) -> ([Cell], Bool) {
            var cells = keyCells
            var same = true
            for position in comparedKeys.indices {
                let before = planRow.flatMap { row in planCompared[position].map { row[$0] } } ?? .empty
                for (index, columns) in alternativeCompared.enumerated() {
                    let after = rows[index].flatMap { row in columns[position].map { row[$0] } } ?? .empty
                    if before.figure != after.figure || before.text != after.text { same = false }
                    cells += index == 0 ? quartet(before, after) : Array(quartet(before, after).dropFirst())
                }
            }
            return (cells, same)
        }
        /// The rows compared where every version has the same rows in the same order (a what-if
        /// that changes figures, not lines): matched by position, which is what matching by key
        /// gives them, without a dictionary of each version's half a million keys. Nil otherwise.
        func inLine(_ rowsOfVersions: [[[Cell]]], _ columnsOfVersions: [[Int]]) -> (rows: [[Cell]], same: [Bool])? {
            let count = rowsOfVersions[0].count
            guard rowsOfVersions.allSatisfy({ $0.count == count }), columnsOfVersions.allSatisfy({ $0.count == columnsOfVersions[0].count }) else { return nil }
            let tables = alternatives.map(\.table) + [plan]
            for row in 0..<count {
                let first = tables[0].normalized(rowsOfVersions[0][row])
                for version in 1..<rowsOfVersions.count {
                    let other = tables[version].normalized(rowsOfVersions[version][row])
                    for (a, b) in zip(columnsOfVersions[0], columnsOfVersions[version]) where first[a].text != other[b].text { return nil }
                }
            }
            let planIndex = tables.count - 1
            var out: [[Cell]] = []
            var sameRows: [Bool] = []
            out.reserveCapacity(count)
            sameRows.reserveCapacity(count)
            for row in 0..<count {
                let rows = tables.indices.map { tables[$0].normalized(rowsOfVersions[$0][row]) }
                let (cells, same) = comparedRow(columnsOfVersions[0].map { rows[0][$0] }, plan: rows[planIndex], alternatives: Array(rows.dropLast()))
                sameRows.append(same)
                out.append(cells)
            }
            return (out, sameRows)
        }
        /// Each version's rows by key, the order keys are met in (the what-if's first, then the
        /// other versions', then the plan's), and the row each key's key cells come from.
        func match(_ rowsOf: (Table) -> [[Cell]]) -> (rows: [[Cell]], same: [Bool]) {
            let versions = alternatives.map(\.table) + [plan]
            if let lined = inLine(versions.map(rowsOf), versions.map(keyColumns)) { return lined }
            var byKey: [[String: [Cell]]] = []
            var order: [String] = []
            var keyCells: [String: [Cell]] = [:]
            for table in versions {
                let columns = keyColumns(table)
                var rows: [String: [Cell]] = [:]
                for (key, row) in zip(keyed(rowsOf(table), columns), rowsOf(table)) {
                    let normalized = table.normalized(row)
                    rows[key] = normalized
                    if keyCells[key] == nil {
                        order.append(key)
                        keyCells[key] = columns.map { normalized[$0] }
                    }
                }
                byKey.append(rows)
            }
            let planRows = byKey[byKey.count - 1]
            var out: [[Cell]] = []
            var sameRows: [Bool] = []
            for key in order {
                let (cells, same) = comparedRow(keyCells[key] ?? [], plan: planRows[key], alternatives: alternatives.indices.map { byKey[$0][key] })
                sameRows.append(same)
                out.append(cells)
            }
            return (out, sameRows)
        }

        var (rows, same) = match(\.rows)
        let (footer, _) = match(\.footerRows)
        var notes = whatIf.notes
        let unchanged = same.filter { $0 }.count
        if rows.count > unchangedRowLimit && unchanged > 0 {
            rows = zip(rows, same).filter { !$0.1 }.map(\.0)
            let rows = phrase(count: unchanged, "{count} row", "{count} rows")
            let one = unchanged == 1
            notes.insert(alternatives.count > 1 ? phrase(one ? "{rows} no scenario does not change is left out" : "{rows} no scenario does not change are left out", ["rows": rows])
                : alternatives[0].name == "what-if" ? phrase(one ? "{rows} the what-if does not change is left out" : "{rows} the what-if does not change are left out", ["rows": rows])
                : phrase(one ? "{rows} scenario {name} does not change is left out" : "{rows} scenario {name} does not change are left out", ["rows": rows, "name": alternatives[0].name]), at: 0)
        }
        var columns = keyColumns(whatIf).map { whatIf.columns[$0] }
        for column in compared { columns += quartetColumns(compared.count == 1 ? nil : whatIf.columns[column], alternatives.map(\.name)) }
        let title = heading(alternatives)
        return Table(name: whatIf.name, title: whatIf.title.map { "\($0) — \(title)" } ?? title, columns: columns, rows: rows, footerRows: footer, notes: notes)
    }

    /// plan, then each version with its Δ and Δ%: `what_if`, `change`, `change_percent` for the
    /// what-if; a scenario's name, `NAME_change` and `NAME_change_percent` for scenarios.
    private static func quartetColumns(_ of: Column?, _ names: [String]) -> [Column] {
        // "GMV plan", "GMV what-if", "GMV 保守": the figure's header and the version, phrased together.
        func titled(_ version: String) -> String {
            of.map { phrase("{figure} {version}", ["figure": $0.title, "version": version]) } ?? version
        }
        let key = of.map { "\($0.key)_" } ?? ""
        var columns: [Column] = [Column(title: titled(phrase("plan")), key: key + "plan", alignment: .right)]
        if names == ["what-if"] {
            return columns + [Column(title: titled(phrase("what-if")), key: key + "what_if", alignment: .right), .number("Δ", key: key + "change"), .number("Δ%", key: key + "change_percent")]
        }
        // With several scenarios each Δ names its scenario, so that a CSV header or a JSON key
        // never repeats (docs/OUTPUT.md); one scenario's Δ can only be its own.
        var used: Set<String> = ["plan"]
        for name in names {
            var named = key + name.map { $0.isLetter || $0.isNumber ? $0 : "_" }.reduce(into: "") { $0.append($1) }
            while !used.insert(named).inserted { named += "_" }
            let delta = names.count > 1 ? " " + name : ""
            columns += [Column(title: titled(name), key: named, alignment: .right), .number("Δ", key: named + "_change"), .number("Δ%", key: named + "_change_percent")]
            if !delta.isEmpty {
                columns[columns.count - 2].title += delta
                columns[columns.count - 1].title += delta
            }
        }
        return columns
    }

    /// plan, what-if, Δ and Δ% for one figure: money and counts by difference and percentage,
    /// rates in percentage points; words side by side.
    private static func quartet(_ before: Cell, _ after: Cell) -> [Cell] {
        guard let figure = after.figure ?? before.figure else { return [before, after, .empty, .empty] }
        let old = before.figure?.value ?? .zero, new = after.figure?.value ?? .zero
        let delta = new - old
        switch figure {
        case .rate(_, let places):
            let points = (delta * .hundred).rounded(places: places)
            // A rate like the two it compares (so JSON types it as they are), shown in points.
            var change = Cell.rate(delta, places: places)
            change.text = phrase("{points} pp", ["points": (points.isNegative ? "" : "+") + points.plainText(minimumPlaces: places)])
            change.emphasis = points.isNegative ? .negative : .none
            return [before, after, change, .empty]
        case .money:
            return [before, after, .money(delta), relative(delta, old, before.figure != nil)]
        case .count:
            return [before, after, .count(delta), relative(delta, old, before.figure != nil)]
        }
    }

    private static func relative(_ delta: ExactDecimal, _ base: ExactDecimal, _ known: Bool) -> Cell {
        guard known, let share = delta.divided(by: base.magnitude) else { return .empty }
        return .rate(share)
    }
}
