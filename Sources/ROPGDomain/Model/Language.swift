/// The language a person reads ropg in: help, messages, errors, table titles, headers and notes.
/// Command names, keys and the JSON/CSV column keys are the same in every language, so scripts
/// and programs keep working when it changes. Kept in the workspace (`set lang=zh`) so that a team
/// shares it; else chosen by `--lang`, else by the locale (LC_ALL, LC_MESSAGES, LANG).
public enum Language: String, CaseIterable, Sendable {
    case en
    case zh

    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `chinese`, `中文`, `en`, `en_US`, `english`; nil for anything else.
    public init?(code: String) {
        let lower = code.lowercased()
        if lower == "中文" || lower == "chinese" || lower.hasPrefix("zh") { self = .zh; return }
        if lower == "english" || lower.hasPrefix("en") { self = .en; return }
        return nil
    }

    /// The language the locale asks for: the first of LC_ALL, LC_MESSAGES and LANG that is set and
    /// not empty decides (POSIX's order); zh_* gives Chinese, anything else English.
    public static func fromLocale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }
}
