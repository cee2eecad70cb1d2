import ROPGDomain

/// "1 product", "9 products", "1 entry", "21 entries".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : (plural ?? singular + "s"))"
}

extension Workspace {
    /// "9 products, 21 cost entries, 1 goal".
    var summary: String {
        "\(counted(products.count, "product")), \(counted(costs.count, "cost entry", "cost entries")), \(counted(goals.count, "goal"))"
    }
}
