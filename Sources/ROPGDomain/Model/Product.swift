/// A product the shop sells.
public struct Product: Equatable, Sendable {
    /// The shop's stock-keeping unit code, unique in a workspace: "TS-001".
    public var sku: String
    public var name: String
    /// Selling price per unit.
    public var price: ExactDecimal
    /// Net goods cost per unit (货品净成本).
    public var cost: ExactDecimal
    public var role: ProductRole?
    /// Units on hand.
    public var stock: Int?
    /// The planned share of the shop's GMV (`share=40%`); nil: an even part of what is left.
    public var share: ExactDecimal?
    /// Click-through and conversion rates measured for this product (测款); nil: the shop's.
    public var ctr: ExactDecimal?
    public var cvr: ExactDecimal?

    public init(sku: String, name: String, price: ExactDecimal, cost: ExactDecimal, role: ProductRole? = nil, stock: Int? = nil,
                share: ExactDecimal? = nil, ctr: ExactDecimal? = nil, cvr: ExactDecimal? = nil) {
        self.share = share
        self.ctr = ctr
        self.cvr = cvr
        self.sku = sku
        self.name = name
        self.price = price
        self.cost = cost
        self.role = role
        self.stock = stock
    }
}

/// The part a product plays in the range (货品结构, DOMAIN §5).
public enum ProductRole: String, CaseIterable, Sendable {
    case traffic, profit, image, custom, hit

    /// The Chinese name sellers use.
    public var chineseName: String {
        switch self {
        case .traffic: return "引流款"
        case .profit: return "利润款"
        case .image: return "形象款"
        case .custom: return "定制款"
        case .hit: return "爆款"
        }
    }

    /// Reads the English or the Chinese name.
    public init?(text: String) {
        if let role = ProductRole(rawValue: text.lowercased()) {
            self = role
        } else if let role = ProductRole.allCases.first(where: { $0.chineseName == text }) {
            self = role
        } else {
            return nil
        }
    }
}
