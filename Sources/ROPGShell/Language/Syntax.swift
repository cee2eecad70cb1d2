import ROPGDomain
import ROPGText

/// What a command takes, declared once beside its code: its verbs (sub-commands), the words each
/// takes in order, and its `key=` names with the kind of value each holds. The key check
/// (`Arguments.checkKeys(of:verb:)`), Tab completion and `help` all read it, so they cannot
/// drift apart (swift-argument-parser works the same way).
public struct Syntax: Sendable {
    public var verbs: [Verb]

    public init(_ verbs: [Verb]) { self.verbs = verbs }

    /// A command without sub-commands: its words and keys.
    public init(words: [ValueKind] = [], required: Int = 0, repeatsLast: Bool = false, keys: [Key] = []) {
        verbs = [Verb("", words: words, required: required, repeatsLast: repeatsLast, keys: keys)]
    }

    /// The verb named so; for a command without sub-commands, its one verb whatever the name.
    public func verb(_ name: String?) -> Verb? {
        if verbs.count == 1, verbs[0].name.isEmpty { return verbs[0] }
        return verbs.first { $0.name == name }
    }

    /// The sub-command names, in order.
    public var verbNames: [String] { verbs.map(\.name).filter { !$0.isEmpty } }
}

/// One verb: `cost add`, or a command's only form.
public struct Verb: Sendable {
    public var name: String
    /// The kinds of the words after the verb, in order (`cost add` takes a category, a name, an amount).
    public var words: [ValueKind]
    /// The last kind repeats (`product rm SKU [SKU…]`).
    public var repeatsLast: Bool
    /// How many of the words must come before any key (`product set SKU …`: 1); completion offers
    /// only those words there.
    public var required: Int
    public var keys: [Key]

    public init(_ name: String, words: [ValueKind] = [], required: Int = 0, repeatsLast: Bool = false, keys: [Key] = []) {
        self.name = name
        self.words = words
        self.required = required
        self.repeatsLast = repeatsLast
        self.keys = keys
    }

    /// The kind of the positional word at `index` (0 = the first after the verb), if any.
    public func word(at index: Int) -> ValueKind? {
        if index < words.count { return words[index] }
        return repeatsLast ? words.last : nil
    }

    public func key(_ name: String) -> Key? { keys.first { $0.name == name } }
}

/// A `key=` a verb takes and the kind of value it holds.
public struct Key: Sendable {
    public var name: String
    public var kind: ValueKind
    /// May be given more than once (`profile set … event=11-11x6 event=06-18x3`).
    public var repeatable: Bool
    /// May also be changed relative to its value: `price+=5`, `price-=10%`, `amount*=1.1`
    /// (the tokenizer keeps the operator on the key: `price-`; see `Arguments.relativeChange`).
    public var relative: Bool
    /// Keys that do not go with this one (`vs=actual` refuses `source=`, `alloc=`, `category=`):
    /// once either is given, completion stops offering the other.
    public var excludes: [String]

    public init(_ name: String, _ kind: ValueKind, repeatable: Bool = false, relative: Bool = false, excludes: [String] = []) {
        self.name = name
        self.kind = kind
        self.repeatable = repeatable
        self.relative = relative
        self.excludes = excludes
    }

    /// Keys of one kind.
    public static func all(_ names: [String], _ kind: ValueKind, relative: Bool = false) -> [Key] {
        names.map { Key($0, kind, relative: relative) }
    }

    /// The operators that change a relative key's figure: `+=`, `-=`, `*=`.
    static let relativeOperators: Set<Character> = ["+", "-", "*"]
}

/// The kind of a word or of a key's value: what completion offers and what help says it is.
public enum ValueKind: Sendable, Equatable {
    /// A period: 2026, 2026-Q1, 2026-03, 2026-W11, 2026-03-14, a range.
    case period
    /// One day.
    case day
    /// A product's SKU.
    case sku
    /// A cost entry's ID (R1, G12).
    case costID
    /// Which products an edit changes: a SKU or a filter word (all, role:traffic, name:T恤).
    case productTarget
    /// Which cost entries an edit changes: an ID, an entry's name, or a filter word (all, O,
    /// category:O, name:工资, basis:cpc, product:TS-001).
    case costTarget
    /// A cost category: R, O, P or G.
    case category
    /// A seasonal profile's name.
    case profile
    /// A saved hit plan's name.
    case hitPlan
    /// A named scenario's name (listed by `Completion.scenarioNames`).
    case scenario
    /// A file name.
    case file
    /// A file name, or one of these words (`save reload`, `save --force`).
    case fileOr([String])
    /// A command's name.
    case command
    /// One of a closed set of words.
    case choice([String])
    /// How `goal split` spreads: days, even, weights:…, profile:NAME, prior.
    case splitMethod
    /// An amount (1,234.56, 1200万, 4500/month), a rate (5%), a whole count, or text.
    case amount, rate, count, text
    /// A column key of the report's table to chart (`chart=profit`); the report's error lists them.
    case figure

    /// How help names it: "PERIOD", "SKU", "plan|actual".
    public var label: String {
        switch self {
        case .period: "PERIOD"
        case .day: "DAY"
        case .sku: "SKU"
        case .costID: "COST-ID"
        case .productTarget: "SKU|FILTER"
        case .costTarget: "COST-ID|NAME|FILTER"
        case .category: "R|O|P|G"
        case .profile: "PROFILE"
        case .hitPlan: "HIT-PLAN"
        case .scenario: "SCENARIO"
        case .file: "FILE"
        case .fileOr(let words): "FILE|" + words.joined(separator: "|")
        case .command: "COMMAND"
        case .choice(let words): words.joined(separator: "|")
        case .splitMethod: "days|even|weights:W,W,…|profile:NAME|prior"
        case .amount: "AMOUNT"
        case .rate: "RATE"
        case .count: "COUNT"
        case .text: "TEXT"
        case .figure: "FIGURE"
        }
    }
}

extension Arguments {
    /// Refuses keys `command`'s declared `verb` does not take (naming the nearest it does), and a
    /// key given twice unless it may repeat.
    public func checkKeys(of command: any Command.Type, verb name: String = "") throws(CommandError) {
        let verb = command.syntax.verb(name)
        let label = name.isEmpty ? command.name : "\(command.name) \(name)"
        let keys = verb?.keys ?? []
        let allowed = keys.map(\.name)
        var seen = Set<String>()
        for option in options {
            guard var key = option.key else { continue }
            // `price-=10%` is the relative form of `price=`, where the verb declares it so.
            if let last = key.last, Key.relativeOperators.contains(last), keys.contains(where: { $0.relative && $0.name == String(key.dropLast()) }) {
                key = String(key.dropLast())
            }
            guard allowed.contains(key) else {
                let near = Suggestions.nearest(to: key, among: allowed)
                let word = key.excerpt
                if !near.isEmpty {
                    throw CommandError(phrase("{label} has no key {key}=; did you mean {names}?", ["label": label, "key": word, "names": orList(near.map { "\($0)=" })]))
                }
                throw CommandError(allowed.isEmpty ? phrase("{label} has no key {key}= ({label} takes no key=)", ["label": label, "key": word])
                    : phrase("{label} has no key {key}= ({label} takes: {keys})", ["label": label, "key": word, "keys": allowed.map { "\($0)=" }.joined(separator: " ")]))
            }
            let declared = keys.first { $0.name == key }
            if declared?.repeatable != true, !seen.insert(key).inserted {
                if declared?.relative == true {
                    throw CommandError(phrase("{key} is changed twice; give one of {key}=, {key}+=, {key}-= or {key}*=", ["key": key]))
                }
                throw CommandError(phrase("{key}= is given twice", ["key": key.excerpt]))
            }
        }
        // `price~=10%`: a declared key with something between it and `=` that no key or operator
        // reads, so the word fell to the positionals. Named here rather than lost in a later
        // "needs something to change".
        for word in positionals where !keys.isEmpty && !word.wasQuoted {
            // Keys are short: only the first bytes are looked at, so a 16 MB word costs nothing.
            let head = word.text.utf8.prefix(64)
            guard let equals = head.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let written = Substring(word.text.utf8[..<equals])
            let name = String(written.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            guard name.count < written.count, let declared = keys.first(where: { $0.name == name || $0.name == String(name.dropLast()) }) else { continue }
            let ways = declared.relative ? "\(declared.name)=, \(declared.name)+=, \(declared.name)-= or \(declared.name)*=" : "\(declared.name)="
            throw CommandError(phrase("{word} cannot be read: {value} before = is not an operator; write {ways}", ["word": "\(word.text.quotedExcerpt)", "value": "\(String(written.dropFirst(name.count)).quotedExcerpt)", "ways": "\(ways)"]))
        }
    }
}
