import ROPGDomain
import ROPGText
import ROPGTables

/// Relative changes typed as `key+=VALUE`, `key-=VALUE` and `key*=FACTOR` (the tokenizer keeps
/// the operator on the key: `price-`), beside the plain `key=VALUE`.
extension Arguments {
    /// The relative change typed for `figure`, if any; a figure given both ways is refused.
    func relativeChange(_ figure: String) throws(CommandError) -> FigureChange? {
        let typed = options.filter { option in
            guard let key = option.key, key.count == figure.count + 1, key.hasPrefix(figure) else { return false }
            return "+-*".contains(key.last ?? " ")
        }
        guard let option = typed.last, let key = option.key, let op = key.last else { return nil }
        if typed.count > 1 || has(figure) { throw CommandError(phrase("{key} is changed twice; give one of {key}=, {key}+=, {key}-= or {key}*=", ["key": figure])) }
        do { return try FigureChange.parse(operator: op, option.value ?? "") } catch { throw CommandError(phrase("{key}=: {problem}", ["key": key, "problem": error.message])) }
    }
}

/// Which products or cost entries a bulk `product set` / `cost set` changes: words such as
/// `all`, `role:traffic`, `name:T恤` (a name containing the text), and for cost entries a
/// category (`O` or `category:O`), `basis:cpc` or `product:TS-001`. Several words must all match.
struct RowFilter {
    var words: [String]
    var parts: [(key: String, value: String)]

    static let productKeys = ["role", "name"]
    static let costKeys = ["category", "name", "basis", "product"]

    /// Reads filter words; nil when `words` is one plain name (a SKU or a cost ID / name).
    init?(_ words: [String], keys: [String], categoryWords: Bool) throws(CommandError) {
        self.words = words
        parts = []
        var filtering = false
        for word in words {
            if word == "all" {
                filtering = true
                continue
            }
            if categoryWords, word.count == 1, CostCategory(text: word) != nil {
                parts.append(("category", word))
                filtering = true
                continue
            }
            guard let colon = word.firstIndex(of: ":"), keys.contains(String(word[..<colon])) else {
                guard words.count == 1 else {
                    throw CommandError(phrase("{word} is not a filter; filters are all, {value}", ["word": "\(word.quotedExcerpt)", "value": "\(keys.map { "\($0):…" }.joined(separator: ", "))"]))
                }
                return nil
            }
            let value = String(word[word.index(after: colon)...])
            if value.trimmingSpaces().isEmpty {
                let key = String(word[..<colon])
                throw CommandError(phrase("{word}: the filter text after {key}: is empty; write e.g. {value}", ["word": "\(word.quotedExcerpt)", "key": "\(key)", "value": "\(key == "role" ? "role:traffic" : key == "category" ? "category:O" : key == "basis" ? "basis:cpc" : key == "product" ? "product:TS-001" : "name:T恤")"]))
            }
            parts.append((String(word[..<colon]), value))
            filtering = true
        }
        guard filtering else { return nil }
    }

    var text: String { words.joined(separator: " ") }

    func matches(_ product: Product) throws(CommandError) -> Bool {
        for (key, value) in parts {
            switch key {
            case "role":
                guard let role = ProductRole(text: value) else {
                    throw CommandError(phrase("role:{value} is not a role; use one of {roles}", ["value": value.excerpt, "roles": ProductRole.allCases.map(\.rawValue).joined(separator: ", ")]))
                }
                if product.role != role { return false }
            default:
                let wanted = value.lowercased()
                if !product.name.lowercased().contains(wanted) && !product.sku.lowercased().contains(wanted) { return false }
            }
        }
        return true
    }

    func matches(_ entry: CostEntry) throws(CommandError) -> Bool {
        for (key, value) in parts {
            switch key {
            case "category":
                guard let category = CostCategory(text: value) else { throw CommandError(phrase("category:{value} is not R, O, P or G", ["value": value.excerpt])) }
                if entry.category != category { return false }
            case "basis":
                guard CostBasis.allNames.contains(value) else {
                    throw CommandError(phrase("basis:{value} is not a basis; use one of {bases}", ["value": value.excerpt, "bases": CostBasis.allNames.joined(separator: ", ")]))
                }
                if entry.basis.name != value { return false }
            case "product":
                if entry.product != value { return false }
            default:
                if !entry.name.lowercased().contains(value.lowercased()) { return false }
            }
        }
        return true
    }
}

extension Session {
    /// A bulk change of more than this many rows asks first in the interactive shell.
    static let bulkQuestionLimit = 20

    /// Asks before a bulk change of many rows, when a person is there to answer; false when they
    /// say no (an answer, not an error: the caller says nothing was changed).
    func confirmBulk(_ count: Int, _ what: String) -> Bool {
        guard interactive, count > Session.bulkQuestionLimit, let ask else { return true }
        let answer = ask(phrase("this changes {count} {what}. Go ahead? [y/n] ", ["count": String(count), "what": what]))?.trimmingSpaces().lowercased()
        return answer == "y" || answer == "yes"
    }

    /// What a bulk change says it did: "changed 1 product (TS-001); undo takes it back in one step".
    /// Inside a one-line what-if, which is dropped once its report is shown, there is nothing to undo.
    func bulkChanged(_ count: Int, _ changed: String, _ names: [String]) -> String {
        let shown = names.count <= 10 ? names.joined(separator: ", ") : names.prefix(10).joined(separator: ", ") + " …"
        if whatIf?.isOneLine == true { return phrase("changed {changed} ({names})", ["changed": changed, "names": shown]) }
        return count == 1 ? phrase("changed {changed} ({names}); undo takes it back in one step", ["changed": changed, "names": shown])
            : phrase("changed {changed} ({names}); undo takes them back in one step", ["changed": changed, "names": shown])
    }
}
