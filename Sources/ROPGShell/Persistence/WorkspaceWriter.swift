import ROPGDomain

/// Writes a workspace as deterministic JSON: fixed key order, entities in workspace order,
/// 2-space indentation with one product, cost entry or goal per line, so that a change to
/// one entity is a one-line diff in git. Money and rates are decimal strings.
public enum WorkspaceWriter {
    public static func encode(_ workspace: Workspace) -> [UInt8] {
        // About 150 bytes an entry: reserving once avoids copying a 100 MB buffer as it grows.
        var out = JSONWriter(reservingCapacity: 4096 + workspace.costs.count * 150 + workspace.products.count * 130)
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

        writeArray("overrides", workspace.settings.overrides, to: &out) { override, out in
            member("period", override.period.text, &out, first: true)
            member("key", override.assumption.rawValue, &out)
            member("value", decimal: override.value, &out)
        }
        writeArray("products", workspace.products, to: &out, element: writeProduct)
        writeArray("costs", workspace.costs, to: &out, element: writeCost)
        writeArray("profiles", workspace.profiles, to: &out, element: writeProfile)
        writeArray("goals", workspace.goals, to: &out, element: writeGoal)
        writeArray("splits", workspace.splits, to: &out) { split, out in
            member("period", split.period.text, &out, first: true)
            member("to", split.grain.name, &out)
            member("by", split.method.text, &out)
        }
        writeArray("actuals", workspace.actuals, to: &out, element: writeActual)

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

    /// `, "key": "79.5"` without building Strings for the value.
    private static func member(_ key: StaticString, decimal value: ExactDecimal, _ out: inout JSONWriter) {
        out.raw(", \"")
        out.raw(key)
        out.raw("\": \"")
        value.appendPlainText(to: &out.bytes)
        out.byte(UInt8(ascii: "\""))
    }

    private static func member(_ key: StaticString, day: Day, _ out: inout JSONWriter) {
        out.raw(", \"")
        out.raw(key)
        out.raw("\": \"")
        day.appendISO(to: &out.bytes)
        out.byte(UInt8(ascii: "\""))
    }

    private static func writeProduct(_ product: Product, _ out: inout JSONWriter) {
        member("sku", product.sku, &out, first: true)
        member("name", product.name, &out)
        member("price", decimal: product.price, &out)
        member("cost", decimal: product.cost, &out)
        if let role = product.role { member("role", role.rawValue, &out) }
        if let stock = product.stock {
            out.raw(", \"stock\": ")
            out.int(stock)
        }
    }

    private static func writeCost(_ entry: CostEntry, _ out: inout JSONWriter) {
        out.raw("\"id\": \"")
        out.raw(entry.category.rawValue)
        out.int(Int(entry.id.number))
        out.raw("\", \"category\": \"")
        out.raw(entry.category.rawValue)
        out.byte(UInt8(ascii: "\""))
        member("name", entry.name, &out)
        out.raw(", \"basis\": \"")
        out.raw(entry.basis.name)
        out.byte(UInt8(ascii: "\""))
        member("amount", decimal: entry.amount, &out)
        switch entry.basis {
        case .once(let date):
            member("date", day: date, &out)
        case .recurring(let per), .cpt(let per):
            member("per", per.rawValue, &out)
        case .amortized(let months):
            out.raw(", \"months\": ")
            out.int(months)
        case .cps(let share):
            member("share", decimal: share, &out)
        case .cpc(let clicks, let per):
            member("clicks", decimal: clicks, &out)
            member("per", per.rawValue, &out)
        case .cpm(let impressions, let per):
            member("impressions", decimal: impressions, &out)
            member("per", per.rawValue, &out)
        case .deposit(let date):
            if let date { member("date", day: date, &out) }
        case .perUnit, .perOrder, .percent:
            break
        }
        if entry.quantity != .one { member("qty", decimal: entry.quantity, &out) }
        if let start = entry.start { member("start", day: start, &out) }
        if let end = entry.end { member("end", day: end, &out) }
        if let product = entry.product { member("product", product, &out) }
    }

    private static func writeGoal(_ goal: Goal, _ out: inout JSONWriter) {
        member("period", goal.period.text, &out, first: true)
        member("metric", goal.metric.rawValue, &out)
        member("value", decimal: goal.value, &out)
    }

    private static func writeProfile(_ profile: Profile, _ out: inout JSONWriter) {
        member("name", profile.name, &out, first: true)
        func list(_ key: StaticString, _ values: [ExactDecimal]) {
            out.raw(", \"")
            out.raw(key)
            out.raw("\": [")
            for (index, value) in values.enumerated() {
                out.raw(index == 0 ? "\"" : ", \"")
                value.appendPlainText(to: &out.bytes)
                out.byte(UInt8(ascii: "\""))
            }
            out.raw("]")
        }
        list("months", profile.monthWeights)
        list("weekdays", profile.weekdayWeights)
        out.raw(", \"events\": {")
        for (index, day) in profile.events.keys.sorted().enumerated() {
            out.raw(index == 0 ? "\"" : ", \"")
            day.appendISO(to: &out.bytes)
            out.raw("\": \"")
            (profile.events[day] ?? .one).appendPlainText(to: &out.bytes)
            out.byte(UInt8(ascii: "\""))
        }
        out.raw("}")
    }

    private static func writeActual(_ actual: Actual, _ out: inout JSONWriter) {
        out.raw("\"date\": \"")
        actual.day.appendISO(to: &out.bytes)
        out.byte(UInt8(ascii: "\""))
        for metric in GoalMetric.allCases {
            guard let value = actual.values[metric] else { continue }
            out.raw(", \"")
            out.raw(metric.rawValue)
            out.raw("\": \"")
            value.appendPlainText(to: &out.bytes)
            out.byte(UInt8(ascii: "\""))
        }
        if let bounce = actual.bounceRate { member("bounce", decimal: bounce, &out) }
        if let depth = actual.visitDepth { member("depth", decimal: depth, &out) }
        if let inquiry = actual.inquiryConversion { member("inquiry-cvr", decimal: inquiry, &out) }
    }
}
