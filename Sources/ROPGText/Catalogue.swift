import Dispatch
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

    /// The text `message` (its own English key) reads as in `language`, its parameters unfilled.
    static func template(_ message: String, in language: Language) -> String {
        switch language {
        case .en: return message
        case .zh: return chinese[message] ?? message
        }
    }

    /// `template` with each `{name}` replaced by its parameter; a name without one stays as written.
    static func fill(_ template: String, _ parameters: KeyValuePairs<String, String>) -> String {
        fill(pieces(of: template), parameters)
    }

    /// A template's pieces (`pieces(of:)`) with each parameter filled in from `parameters`.
    static func fill(_ pieces: [Piece], _ parameters: KeyValuePairs<String, String>) -> String {
        fill(pieces) { name in parameters.first(where: { $0.key == name })?.value }
    }

    /// `template` with each `{name}` replaced by `value(name)`; a name without one stays as written.
    /// The template is read into its pieces once and kept (`pieces(of:)`): a report over 100,000
    /// products phrases a note for many of them, and reading a template character by character
    /// was most of the work.
    static func fill(_ template: String, value: (String) -> String?) -> String {
        fill(pieces(of: template), value: value)
    }

    /// A template's pieces (`pieces(of:)`) with each parameter replaced by `value(name)`.
    static func fill(_ pieces: [Piece], value: (String) -> String?) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .parameter(let name):
                if let value = value(name) { out += value } else { out += "{\(name)}" }
            }
        }
        return out
    }

    /// A template read into what it says as written and the parameters it names, in order.
    enum Piece: Sendable {
        case text(String)
        case parameter(String)
    }

    /// The templates read so far (the catalogue's and the English keys: a few thousand; past a
    /// bound, a template is read each time instead of kept), behind a lock: reports phrase on
    /// worker threads too.
    nonisolated(unsafe) private static var read: [String: [Piece]] = [:]
    private static let readLock = DispatchSemaphore(value: 1)
    private static let readBound = 10_000

    /// `template`'s pieces: `{` and letters, digits or `_` up to `}` name a parameter; any other
    /// brace is text.
    static func pieces(of template: String) -> [Piece] {
        readLock.wait()
        let known = read[template]
        readLock.signal()
        if let known { return known }
        var pieces: [Piece] = []
        var text = ""
        var pending: String?
        for character in template {
            if character == "{" {
                if let open = pending { text += "{" + open }
                pending = ""
                continue
            }
            if var name = pending {
                if character == "}" {
                    if !text.isEmpty { pieces.append(.text(text)) }
                    text = ""
                    pieces.append(.parameter(name))
                    pending = nil
                } else if character.isLetter || character.isNumber || character == "_" {
                    name.append(character)
                    pending = name
                } else {
                    text += "{" + name
                    text.append(character)
                    pending = nil
                }
                continue
            }
            text.append(character)
        }
        if let open = pending { text += "{" + open }
        if !text.isEmpty { pieces.append(.text(text)) }
        readLock.wait()
        if read.count < readBound { read[template] = pieces }
        readLock.signal()
        return pieces
    }
}
