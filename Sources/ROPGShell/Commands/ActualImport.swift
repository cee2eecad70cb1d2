import Foundation
import ROPGDomain
import ROPGText
import ROPGStorage
import ROPGTables

/// `actual import FILE.csv`: a platform's daily export (生意参谋 and the like) into actuals.
enum ActualImport {
    /// The column a header names: a metric, a health figure, or the date.
    enum Column: Equatable {
        case date
        case metric(GoalMetric)
        case bounce, depth, inquiry

        var name: String {
            switch self {
            case .date: return "date"
            case .metric(let metric): return metric.rawValue
            case .bounce: return "bounce"
            case .depth: return "depth"
            case .inquiry: return "inquiry-cvr"
            }
        }

        static func named(_ name: String) -> Column? {
            switch name.lowercased() {
            case "date": return .date
            case "bounce": return .bounce
            case "depth": return .depth
            case "inquiry-cvr": return .inquiry
            default: return GoalMetric(rawValue: name.lowercased()).map { .metric($0) }
            }
        }
    }

    /// Header texts as the platforms export them, and their English names.
    static let knownHeaders: [String: Column] = [
        "日期": .date, "统计日期": .date, "date": .date, "day": .date,
        "支付金额": .metric(.gmv), "销售额": .metric(.gmv), "成交金额": .metric(.gmv), "gmv": .metric(.gmv), "sales": .metric(.gmv), "revenue": .metric(.gmv),
        "访客数": .metric(.uv), "uv": .metric(.uv), "visitors": .metric(.uv),
        "支付买家数": .metric(.orders), "订单数": .metric(.orders), "支付订单数": .metric(.orders), "orders": .metric(.orders),
        "支付件数": .metric(.units), "支付商品件数": .metric(.units), "units": .metric(.units),
        "推广花费": .metric(.adspend), "花费": .metric(.adspend), "adspend": .metric(.adspend), "ad spend": .metric(.adspend),
        "利润": .metric(.profit), "profit": .metric(.profit),
        "跳失率": .bounce, "bounce": .bounce, "bounce rate": .bounce,
        "人均浏览量": .depth, "访问深度": .depth, "depth": .depth, "visit depth": .depth,
        "询单转化率": .inquiry, "inquiry-cvr": .inquiry, "inquiry conversion": .inquiry,
    ]

    struct Result {
        var actuals: [Actual]
        var ignoredColumns: [String]
    }

    /// Reads the file; every bad row is reported, and then nothing is imported.
    static func read(path: String, map: String?) throws(CommandError) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(phrase("cannot read {path}: no such file or not readable", ["path": path]))
        }
        // Exports are often UTF-16 ("Unicode text") or another encoding: say which when it can.
        let text: String
        do { text = try InputText.decode(Array(data), name: path) } catch {
            throw CommandError(phrase("{problem} (in Excel: save as \"CSV UTF-8\")", ["problem": error.message]))
        }
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(in: text) } catch { throw CommandError(phrase("{text}: {problem}", ["text": path, "problem": error.message])) }
        guard let header = records.first else { throw CommandError(phrase("{path} is empty", ["path": path])) }

        var mapped: [String: Column] = [:]
        if let map {
            for pair in map.split(separator: ",") {
                let parts = pair.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
                guard parts.count == 2, let column = Column.named(parts[1]) else {
                    throw CommandError(phrase("map={map}: write COLUMN:METRIC pairs, e.g. map=成交额:gmv,UV:uv (metrics: {metrics})", ["map": map, "metrics": commaList(["date"] + GoalMetric.allCases.map(\.rawValue) + ["bounce", "depth", "inquiry-cvr"])]))
                }
                mapped[parts[0]] = column
            }
        }
        var columns: [Column?] = []
        var ignored: [String] = []
        for name in header.fields.map({ $0.trimmingSpaces() }) {
            let column = mapped[name] ?? knownHeaders[name] ?? knownHeaders[name.lowercased()]
            if column == nil && !name.isEmpty { ignored.append(name) }
            if let column, columns.contains(column) { throw CommandError(phrase("{path}: two columns are {metric} (one is {name}); use map= to say which", ["path": path, "metric": column.name, "name": name])) }
            columns.append(column)
        }
        guard let dateColumn = columns.firstIndex(of: .date) else {
            throw CommandError(phrase("{path}: no date column (日期 or date) in the header; name it with map=COLUMN:date", ["path": path]))
        }
        guard columns.contains(where: { if case .metric = $0 { return true } else { return false } }) else {
            throw CommandError(phrase("{path}: no known figures in the header {header}; name them with map=COLUMN:gmv,…", ["path": path, "header": header.fields.joined(separator: ",")]))
        }

        var actuals: [Actual] = []
        var problems: [String] = []
        var seen: [Day: Int] = [:]
        for record in records.dropFirst() {
            var rowProblems: [String] = []
            // Exports often end in a blank line or a 合计 (total) row: neither is a day.
            if record.fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if ["合计", "总计", "汇总", "total", "sum"].contains((record.fields.first(where: { !$0.trimmingSpaces().isEmpty }) ?? "").trimmingSpaces().lowercased()) { continue }
            guard record.fields.count == header.fields.count else {
                problems.append(phrase("line {line}: {count} fields, the header has {columns}", ["line": String(record.line), "count": String(record.fields.count), "columns": String(header.fields.count)]))
                continue
            }
            let dateText = record.fields[dateColumn].trimmingSpaces()
            guard let day = parseDate(dateText) else {
                problems.append(phrase("line {line}: {text} is not a date (2026-03-14, 2026/3/14 or 20260314)", ["line": String(record.line), "text": dateText.quotedExcerpt]))
                continue
            }
            if let earlier = seen[day] { rowProblems.append(phrase("{day} is already on line {line}", ["day": day.isoText, "line": String(earlier)])) }
            seen[day] = record.line
            var actual = Actual(day: day)
            for (index, column) in columns.enumerated() {
                guard let column, column != .date else { continue }
                let text = record.fields[index].trimmingSpaces()
                if text.isEmpty || text == "-" || text == "—" { continue }
                let number: TypedNumber
                do { number = try NumberGrammar.parse(text) } catch {
                    rowProblems.append(phrase("{text}: {problem}", ["text": header.fields[index], "problem": error.message]))
                    continue
                }
                if number.value.isNegative && column != .metric(.profit) {
                    rowProblems.append(phrase("{column}: {text} is negative", ["column": header.fields[index], "text": text]))
                    continue
                }
                switch column {
                case .metric(let metric):
                    if !metric.isMoney && number.value.exactInt == nil {
                        rowProblems.append(phrase("{column}: {text} is not a whole number", ["column": header.fields[index], "text": text]))
                    }
                    actual.values[metric] = number.value
                case .bounce, .inquiry:
                    // Rates come as "65.3%" or 0.653; a bare number above 1 is read as a percentage.
                    let rate = !number.isPercent && number.value > .one ? (number.value.divided(by: .hundred) ?? .zero) : number.value
                    if rate > .one { rowProblems.append(phrase("{column}: {text} is over 100%", ["column": header.fields[index], "text": text])) }
                    if column == .bounce { actual.bounceRate = rate } else { actual.inquiryConversion = rate }
                case .depth:
                    actual.visitDepth = number.value
                case .date:
                    break
                }
            }
            if rowProblems.isEmpty { rowProblems = Validation.impossibilities(in: actual).map(\.message) }
            if rowProblems.isEmpty {
                actuals.append(actual)
            } else {
                problems.append(phrase("line {line}: {problems}", ["line": String(record.line), "problems": rowProblems.joined(separator: phrase("; "))]))
            }
        }
        if !problems.isEmpty {
            let shown = problems.prefix(30).joined(separator: "\n  ")
            let more = problems.count > 30 ? "\n  " + phrase("… and {count} more", ["count": String(problems.count - 30)]) : ""
            let rows = phrase(count: problems.count, "{count} row", "{count} rows")
            throw CommandError(phrase("{path}: nothing imported; {rows} to fix:", ["path": path, "rows": rows]) + "\n  " + shown + more)
        }
        guard !actuals.isEmpty else { throw CommandError(phrase("{path} has a header but no rows", ["path": path])) }
        return Result(actuals: actuals.sorted { $0.day < $1.day }, ignoredColumns: ignored)
    }

    /// 2026-03-14, 2026/03/14, 2026/3/14, 2026.3.14, 20260314.
    static func parseDate(_ text: String) -> Day? {
        if text.count == 8, text.allSatisfy(\.isASCIIDigit), let number = Int(text) {
            return Day(year: number / 10000, month: number / 100 % 100, day: number % 100)
        }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
