import ROPGDomain

/// Writes a workspace as deterministic JSON: fixed key order, entities in workspace order,
/// 2-space indentation with one product, cost entry or goal per line, so that a change to
/// one entity is a one-line diff in git. Money and rates are decimal strings.
public enum WorkspaceWriter {
    public static func encode(_ workspace: Workspace) -> [UInt8] {
        var out = JSONWriter()
        out.raw("{\n  \"schemaVersion\": ")
        out.int(Workspace.schemaVersion)
        out.raw(",\n  \"name\": ")
        out.string(workspace.name)

        out.raw(",\n  \"settings\": {")
        var first = true
        for assumption in Assumption.allCases {
            guard workspace.settings.isSet(assumption), let value = workspace.settings[assumption] else { continue }
            out.raw(first ? "\n    " : ",\n    ")
            first = false
            out.string(assumption.rawValue)
            out.raw(": ")
            out.string(value.description)
        }
        out.raw(first ? "}" : "\n  }")

        writeArray("products", workspace.products, to: &out, element: writeProduct)
        writeArray("costs", workspace.costs, to: &out, element: writeCost)
        writeArray("goals", workspace.goals, to: &out, element: writeGoal)

        out.raw(",\n  \"lastCostIds\": {")
        first = true
        for category in CostCategory.allCases {
            guard let number = workspace.lastCostNumber[category], number > 0 else { continue }
            out.raw(first ? "" : ", ")
            first = false
            out.string(category.rawValue)
            out.raw(": ")
            out.int(Int(number))
        }
        out.raw("}\n}\n")
        return out.bytes
    }

    private static func writeArray<T>(_ key: String, _ items: [T], to out: inout JSONWriter,
                                      element: (T, inout JSONWriter) -> Void) {
        out.raw(",\n  \"\(key)\": [")
        for (index, item) in items.enumerated() {
            out.raw(index == 0 ? "\n    {" : ",\n    {")
            element(item, &out)
            out.raw("}")
        }
        out.raw(items.isEmpty ? "]" : "\n  ]")
    }

    private static func member(_ key: String, _ value: String, _ out: inout JSONWriter, first: Bool = false) {
        out.raw(first ? "\"" : ", \"")
        out.raw(key)
        out.raw("\": ")
        out.string(value)
    }

    private static func writeProduct(_ product: Product, _ out: inout JSONWriter) {
        member("sku", product.sku, &out, first: true)
        member("name", product.name, &out)
        member("price", product.price.description, &out)
        member("cost", product.cost.description, &out)
        if let role = product.role { member("role", role.rawValue, &out) }
        if let stock = product.stock {
            out.raw(", \"stock\": ")
            out.int(stock)
        }
    }

    private static func writeCost(_ entry: CostEntry, _ out: inout JSONWriter) {
        member("id", entry.id.description, &out, first: true)
        member("category", entry.category.rawValue, &out)
        member("name", entry.name, &out)
        member("basis", entry.basis.name, &out)
        member("amount", entry.amount.description, &out)
        switch entry.basis {
        case .once(let date):
            member("date", date.isoText, &out)
        case .recurring(let per), .cpt(let per):
            member("per", per.rawValue, &out)
        case .amortized(let months):
            out.raw(", \"months\": ")
            out.int(months)
        case .cps(let share):
            member("share", share.description, &out)
        case .cpc(let clicks, let per):
            member("clicks", clicks.description, &out)
            member("per", per.rawValue, &out)
        case .cpm(let impressions, let per):
            member("impressions", impressions.description, &out)
            member("per", per.rawValue, &out)
        case .deposit(let date):
            if let date { member("date", date.isoText, &out) }
        case .perUnit, .perOrder, .percent:
            break
        }
        if entry.quantity != .one { member("qty", entry.quantity.description, &out) }
        if let start = entry.start { member("start", start.isoText, &out) }
        if let end = entry.end { member("end", end.isoText, &out) }
        if let product = entry.product { member("product", product, &out) }
    }

    private static func writeGoal(_ goal: Goal, _ out: inout JSONWriter) {
        member("period", goal.period.text, &out, first: true)
        member("metric", goal.metric.rawValue, &out)
        member("value", goal.value.description, &out)
        if !goal.pinned { out.raw(", \"pinned\": false") }
    }
}
