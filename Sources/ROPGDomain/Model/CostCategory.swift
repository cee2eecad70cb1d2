/// The four ROPG cost categories (DOMAIN §2).
public enum CostCategory: String, CaseIterable, Comparable, Sendable {
    /// Platform fixed cost (平台固定成本): deposit, annual fee, per-sale technical-service fee.
    case R
    /// Operating cost (运营成本): software and hardware, promotion (CPC, CPM, CPT, CPS).
    case O
    /// People (人员成本): salaries, per-unit bonuses.
    case P
    /// Goods (货品成本): goods, packaging, shipping, warehouse, damage.
    case G

    public var englishName: String {
        switch self {
        case .R: return "platform"
        case .O: return "operating"
        case .P: return "people"
        case .G: return "goods"
        }
    }

    public var chineseName: String {
        switch self {
        case .R: return "平台固定成本"
        case .O: return "运营成本"
        case .P: return "人员成本"
        case .G: return "货品成本"
        }
    }

    /// Its place in `allCases` (R 0, O 1, P 2, G 3), without a search: flat per-category arrays
    /// over a hundred thousand products are indexed by it.
    public var position: Int {
        switch self {
        case .R: return 0
        case .O: return 1
        case .P: return 2
        case .G: return 3
        }
    }
    public static func < (a: CostCategory, b: CostCategory) -> Bool { a.position < b.position }

    /// Reads "R", "r", "platform", "平台"… 
    public init?(text: String) {
        let lowered = text.lowercased()
        if let category = CostCategory(rawValue: text.uppercased()), text.count == 1 {
            self = category
        } else if let category = CostCategory.allCases.first(where: { $0.englishName == lowered || $0.chineseName == text }) {
            self = category
        } else {
            return nil
        }
    }
}

/// The unit of time a recurring amount or a volume is given per.
public enum TimeUnit: String, CaseIterable, Sendable {
    case day, week, month, quarter, year

    public init?(text: String) {
        switch text.lowercased() {
        case "day", "d", "daily", "天", "日": self = .day
        case "week", "w", "weekly", "周": self = .week
        case "month", "mo", "monthly", "月": self = .month
        case "quarter", "q", "quarterly", "季", "季度": self = .quarter
        case "year", "y", "yearly", "annual", "年": self = .year
        default: return nil
        }
    }
}
