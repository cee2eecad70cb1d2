/// A cost entry's stable short ID: its category letter and a number never reused in that
/// category, e.g. "R1", "G1024".
public struct CostID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var category: CostCategory
    public var number: Int32

    public init(category: CostCategory, number: Int32) {
        self.category = category
        self.number = number
    }

    /// Reads "R1", "g12".
    public init?(text: String) {
        var text = text
        guard let id = text.withUTF8({ CostID(bytes: $0) }) else { return nil }
        self = id
    }

    /// `init(text:)` over UTF-8 bytes.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first, bytes.count >= 2, bytes.count <= 11 else { return nil }
        let category: CostCategory
        switch first | 0x20 {  // either case
        case UInt8(ascii: "r"): category = .R
        case UInt8(ascii: "o"): category = .O
        case UInt8(ascii: "p"): category = .P
        case UInt8(ascii: "g"): category = .G
        default: return nil
        }
        var number: Int64 = 0
        for byte in bytes.dropFirst() {
            guard byte >= 48 && byte <= 57 else { return nil }
            number = number * 10 + Int64(byte - 48)
        }
        guard number > 0, let fitted = Int32(exactly: number) else { return nil }
        self.init(category: category, number: fitted)
    }

    public var description: String { "\(category.rawValue)\(number)" }

    public static func < (a: CostID, b: CostID) -> Bool {
        a.category != b.category ? a.category < b.category : a.number < b.number
    }
}

/// How a cost entry turns into money in a period (DOMAIN §2). The entry's `amount` is the money
/// amount, the rate per unit or order, the percentage as a fraction, or the price per click,
/// per 1,000 impressions or per unit of time.
public enum CostBasis: Equatable, Sendable {
    /// The whole amount on one day.
    case once(date: Day)
    /// The amount every day, week, month, quarter or year.
    case recurring(per: TimeUnit)
    /// The amount spread over `months` months from the entry's start month.
    case amortized(months: Int)
    /// Per unit sold (of the entry's product, or of all products).
    case perUnit
    /// Per order.
    case perOrder
    /// A percentage of revenue (of the entry's product, or of all).
    case percent
    /// Cost per sale: a percentage of the sales the channel brings, which are `share` of revenue.
    case cps(share: ExactDecimal)
    /// Cost per click: `amount` per click, `clicks` clicks per `per`.
    case cpc(clicks: ExactDecimal, per: TimeUnit)
    /// Cost per click on the plan's paid clicks (DOMAIN §4 driver tree): each day, the paid
    /// clicks the plan needs × that day's `cpc` assumption; `amount` is the share of those clicks
    /// bought through this entry (100%: all of them).
    case plannedClicks
    /// Cost per mille: `amount` per 1,000 impressions, `impressions` per `per`.
    case cpm(impressions: ExactDecimal, per: TimeUnit)
    /// Cost per time: `amount` per `per` (a booth or banner bought by the day).
    case cpt(per: TimeUnit)
    /// A deposit (保证金): capital tied up, not an expense; `date` is when it was paid, if known.
    case deposit(date: Day?)

    /// The name stored in workspace files and typed after `basis=`.
    public var name: String {
        switch self {
        case .once: return "once"
        case .recurring: return "recurring"
        case .amortized: return "amortized"
        case .perUnit: return "unit"
        case .perOrder: return "order"
        case .percent: return "percent"
        case .cps: return "cps"
        case .cpc: return "cpc"
        case .plannedClicks: return "cpc-plan"
        case .cpm: return "cpm"
        case .cpt: return "cpt"
        case .deposit: return "deposit"
        }
    }

    public static let allNames = ["once", "recurring", "amortized", "unit", "order", "percent", "cps", "cpc", "cpc-plan", "cpm", "cpt", "deposit"]

    /// True when the amount follows sales (revenue, units or orders) rather than the calendar.
    public var followsSales: Bool {
        switch self {
        case .perUnit, .perOrder, .percent, .cps, .plannedClicks: return true
        default: return false
        }
    }

    /// True when `amount` is a fraction (a percentage) rather than money.
    public var amountIsRate: Bool {
        switch self {
        case .percent, .cps, .plannedClicks: return true
        default: return false
        }
    }
}

/// One line of the cost plan.
public struct CostEntry: Equatable, Sendable {
    public var id: CostID
    public var name: String
    public var basis: CostBasis
    /// Money, rate or price, as `basis` says.
    public var amount: ExactDecimal
    /// Multiplies the amount: two people at 4,500/month is `qty` 2.
    public var quantity: ExactDecimal
    /// The first and last day the entry applies (inclusive); nil means unbounded.
    public var start: Day?
    public var end: Day?
    /// The product the entry belongs to (a per-unit bonus on TS-001), or nil for the whole shop.
    public var product: String?

    public var category: CostCategory { id.category }

    public init(id: CostID, name: String, basis: CostBasis, amount: ExactDecimal, quantity: ExactDecimal = .one,
                start: Day? = nil, end: Day? = nil, product: String? = nil) {
        self.id = id
        self.name = name
        self.basis = basis
        self.amount = amount
        self.quantity = quantity
        self.start = start
        self.end = end
        self.product = product
    }
}
