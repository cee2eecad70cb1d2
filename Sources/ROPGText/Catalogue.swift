import ROPGDomain

/// The one catalogue of what ropg says to a person. Each entry is keyed by its English text,
/// parameters written `{name}`, and holds the Chinese; a test (CatalogueTests) proves that every
/// entry has both, with the same parameters, and that every message the sources phrase is here.
///
/// Terms follow the seeds and the platforms' back offices (生意参谋): 销售额 for GMV, 访客数,
/// 转化率, 客单价, 毛利率, 贡献毛利, 保本, 推广费; 平台成本, 运营成本, 人员成本, 货品成本 for
/// R, O, P, G; 引流款, 利润款, 形象款, 定制款, 爆款 for the roles. Command names and keys stay
/// English in both languages, so help in Chinese shows `pnl 2026-03` with a Chinese explanation.
public enum Catalogue {
    /// Every part of the catalogue, by area; a key may appear in only one (a test proves it).
    public static let parts: [(area: String, entries: [String: String])] = [
        ("help", helpEntries),
        ("commands", commandEntries),
        ("errors", errorEntries),
        ("reports", reportEntries),
        ("check", checkEntries),
        ("session", sessionEntries),
        ("inputs", inputEntries),
        ("messages", messageEntries),
        ("exports", exportEntries),
        ("storage", storageEntries),
        ("grids", gridEntries),
        ("usage", usageEntries),
        ("shell", shellEntries),
        ("domain", domainEntries),
    ]

    /// English text → Chinese text.
    public static let chinese: [String: String] = {
        var all: [String: String] = [:]
        for part in parts { all.merge(part.entries) { first, _ in first } }
        return all
    }()

    /// The `{name}` parameters a template takes, in order of appearance.
    public static func parameters(of template: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in template {
            if character == "{" { current = ""; continue }
            if character == "}", let name = current {
                if !name.isEmpty { names.append(name) }
                current = nil
                continue
            }
            if current != nil {
                if character.isLetter || character.isNumber || character == "_" { current?.append(character) } else { current = nil }
            }
        }
        return names
    }

    /// `template` with each `{name}` replaced by its parameter; a name without one stays as written.
    static func fill(_ template: String, _ parameters: KeyValuePairs<String, String>) -> String {
        fill(template) { name in parameters.first(where: { $0.key == name })?.value }
    }

    /// `template` with each `{name}` replaced by `value(name)`; a name without one stays as written.
    static func fill(_ template: String, value: (String) -> String?) -> String {
        var out = ""
        var pending: String?
        for character in template {
            if character == "{" {
                if let open = pending { out += "{" + open }
                pending = ""
                continue
            }
            if var name = pending {
                if character == "}" {
                    if let value = value(name) { out += value } else { out += "{\(name)}" }
                    pending = nil
                } else if character.isLetter || character.isNumber || character == "_" {
                    name.append(character)
                    pending = name
                } else {
                    out += "{" + name
                    out.append(character)
                    pending = nil
                }
                continue
            }
            out.append(character)
        }
        if let open = pending { out += "{" + open }
        return out
    }
}
