import Foundation
import ROPGDomain
import ROPGTables

/// Tab completion: only what can come at the cursor, read from the command's declaration
/// (`Command.syntax`): the command, then its verb, then the words and `key=` names that verb
/// takes, and a key's values by their kind (closed sets, periods, SKUs, cost IDs, profiles, hit
/// plans, scenarios, file names). A file name after `>`.
enum Completion {
    static func candidates(for textBeforeCursor: String, in session: Session) -> (wordStart: Int, candidates: [String]) {
        let characters = Array(textBeforeCursor)
        // The words before the cursor's word, quotes kept out of them, and where that word starts.
        var wordStart = 0
        var quote: Character?
        var previous: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " || character == "\t" || character == "\u{3000}" {
                if !current.isEmpty { previous.append(current) }
                current = ""
                wordStart = index + 1
            } else if character == ";" {
                previous = []
                current = ""
                wordStart = index + 1
            } else {
                current.append(character)
            }
        }
        let word = String(characters[wordStart...])
        let found = candidates(word: word, previous: previous, session: session)
        return (wordStart, found.filter { $0.hasPrefix(word) })
    }

    static func candidates(word: String, previous: [String], session: Session) -> [String] {
        // `… > FILE`: a file name.
        if previous.last == ">" { return files(matching: word) }
        if word.hasPrefix(">") { return files(matching: String(word.dropFirst())).map { ">" + $0 } }
        guard let commandName = previous.first else { return CommandRegistry.allNames.sorted() }
        guard let command = CommandRegistry.command(named: commandName) else { return [] }
        // `whatif CHANGE then CHANGE then REPORT`: after each `then` a command of its own.
        if command.name == WhatIfCommand.name, let then = previous.lastIndex(of: "then") {
            return candidates(word: word, previous: Array(previous[(then + 1)...]), session: session)
        }
        // `scenario compare [NAME…] REPORT …`: after the report's name, that report's own words and keys.
        if command.name == ScenarioCommand.name, previous.count > 2, previous[1] == "compare",
           let report = previous.dropFirst(2).firstIndex(where: { CommandRegistry.command(named: $0) != nil }) {
            return candidates(word: word, previous: Array(previous[report...]), session: session)
        }
        // `scenario=NAME` on a report: the session takes it (like `table=`), so it is not in the report's syntax.
        if word.hasPrefix("scenario="), reportsUnderScenario.contains(command.name) {
            return scenarioNames(session).map { "scenario=\($0)" }
        }
        let syntax = command.syntax
        var rest = Array(previous.dropFirst())
        let verb: Verb
        if syntax.verbNames.isEmpty {
            guard let only = syntax.verb(nil) else { return [] }
            verb = only
        } else {
            guard let name = rest.first else {
                // The verb itself; a command whose verb may be left out (recover) also takes keys here.
                return syntax.verbNames
            }
            guard let named = syntax.verb(name) else { return [] }
            verb = named
            rest.removeFirst()
        }
        if let equals = word.firstIndex(of: "="), isKeyName(word[..<equals]) {
            let name = String(word[..<equals])
            guard let key = verb.key(name) else { return [] }
            let value = String(word[word.index(after: equals)...])
            return values(key.kind, prefix: value, session: session).map { "\(name)=\($0)" }
        }
        let given = rest.compactMap { word -> String? in
            guard let equals = word.firstIndex(of: "="), isKeyName(word[..<equals]) else { return nil }
            return String(word[..<equals])
        }
        let position = rest.count - given.count
        var result: [String] = []
        if let kind = verb.word(at: position) {
            if position >= max(verb.words.count, 1), !verb.keys.isEmpty {
                // A repeat of the last word before the keys: after a SKU or an ID only keys
                // (`product set TS-001 ▮`; a bulk edit takes one name, or filters); after a filter
                // word (`cost set O ▮`), more filter words.
                let last = rest.last { !$0.contains("=") } ?? ""
                result = isFilterWord(last, kind) ? filterWords(kind, session) : []
            } else {
                result = values(kind, prefix: word, session: session)
            }
        }
        // Where a word must come first (`product set SKU`), only that word; else the keys not yet given.
        if position >= verb.required {
            // Keys that do not go with one already given (`vs=actual` and `source=`) are left out.
            let excluded = Set(verb.keys.filter { given.contains($0.name) }.flatMap(\.excludes))
            let offered = verb.keys.filter { key in
                (key.repeatable || !given.contains(key.name)) && !excluded.contains(key.name) && !key.excludes.contains(where: given.contains)
            }
            result += offered.map { "\($0.name)=" }
            if reportsUnderScenario.contains(command.name), !given.contains("scenario"), !scenarioNames(session).isEmpty { result.append("scenario=") }
        }
        return result
    }

    /// `cvr`, `inquiry-cvr`: what may stand before `=` in a key.
    static func isKeyName(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLowercase else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// What may stand for a value of `kind` starting with `prefix`.
    static func values(_ kind: ValueKind, prefix: String, session: Session) -> [String] {
        let workspace = session.workspace
        switch kind {
        case .period: return periodLiterals(startingWith: prefix, today: session.today)
        case .day: return dayLiterals(startingWith: prefix, today: session.today)
        case .sku: return skus(session)
        case .costID: return workspace.costs.prefix(10_000).map(\.id.description)
        case .productTarget: return skus(session) + filterWords(kind, session)
        case .costTarget:
            // IDs, then entry names (once each; a name with a space would need quotes, so not offered).
            var seen = Set<String>()
            let names = workspace.costs.prefix(10_000).map(\.name).filter { !$0.contains(where: \.isWhitespace) && seen.insert($0).inserted }
            return workspace.costs.prefix(10_000).map(\.id.description) + names + filterWords(kind, session)
        case .category: return CostCategory.allCases.map(\.rawValue)
        case .profile: return workspace.profiles.map(\.name)
        case .hitPlan: return workspace.hitPlans.map(\.name)
        case .scenario: return scenarioNames(session)
        case .file: return files(matching: prefix)
        case .fileOr(let words): return words + files(matching: prefix)
        case .command: return CommandRegistry.all.map { $0.name }
        case .choice(let words): return words
        case .splitMethod: return ["days", "even", "prior", "weights:"] + workspace.profiles.map { "profile:\($0.name)" }
        case .amount, .rate, .count, .text, .figure: return []
        }
    }

    /// The filter words a bulk edit takes (`RowFilter`): all, role:…, name:, or a category letter,
    /// category:…, name:, basis:…, product:….
    static func filterWords(_ kind: ValueKind, _ session: Session) -> [String] {
        switch kind {
        case .productTarget:
            return ["all"] + ProductRole.allCases.map { "role:\($0.rawValue)" } + ["name:"]
        case .costTarget:
            return ["all"] + CostCategory.allCases.map(\.rawValue) + CostCategory.allCases.map { "category:\($0.rawValue)" }
                + ["name:"] + CostBasis.allNames.map { "basis:\($0)" } + skus(session).prefix(1_000).map { "product:\($0)" }
        default:
            return []
        }
    }

    /// Whether `word` is one of the filter words of `kind` (so more may follow it).
    static func isFilterWord(_ word: String, _ kind: ValueKind) -> Bool {
        switch kind {
        case .productTarget: return word == "all" || word.hasPrefix("role:") || word.hasPrefix("name:")
        case .costTarget:
            return word == "all" || CostCategory(rawValue: word) != nil || ["category:", "name:", "basis:", "product:"].contains { word.hasPrefix($0) }
        default: return false
        }
    }

    /// The plan's named scenarios, for `scenario=` and the scenario commands.
    static func scenarioNames(_ session: Session) -> [String] { session.plan.scenarios.map(\.name) }

    /// The reports `scenario=NAME` is offered on (any report takes it; these are the ones people ask for).
    static let reportsUnderScenario: Set<String> = [PnlCommand.name, CostsCommand.name, WhyCommand.name, MarginCommand.name, PriceCommand.name,
                                                     BreakevenCommand.name, DiscountCommand.name, LadderCommand.name, GoalCommand.name,
                                                     CheckCommand.name, HitCommand.name, PortfolioCommand.name]

    static func skus(_ session: Session) -> [String] {
        // A shop with 100,000 SKUs: offer the first ten thousand; typing more of the SKU narrows it.
        session.workspace.products.prefix(10_000).map(\.sku)
    }

    /// Years around today, their quarters and months; with a prefix, ISO weeks too, and the days of
    /// the month `YYYY-MM-` names.
    static func periodLiterals(startingWith prefix: String, today: Day) -> [String] {
        var literals: [String] = []
        for y in (today.year - 1)...(today.year + 1) {
            literals.append(String(y))
            literals += (1...4).map { "\(y)-Q\($0)" }
            literals += (1...12).map { "\(y)-\(twoDigits($0))" }
            if !prefix.isEmpty { literals += (1...Period.isoWeeks(in: y)).map { "\(y)-W\(twoDigits($0))" } }
        }
        return literals.filter { $0.hasPrefix(prefix) } + days(in: prefix)
    }

    /// The days of the month a prefix names (`2026-03-`, `2026-03-1`), else of today's month.
    static func dayLiterals(startingWith prefix: String, today: Day) -> [String] {
        let named = days(in: prefix)
        if !named.isEmpty { return named }
        return days(in: "\(today.year)-\(twoDigits(today.month))-")
    }

    private static func days(in prefix: String) -> [String] {
        let parts = prefix.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), parts[0].count == 4, let month = Int(parts[1]), (1...12).contains(month),
              (1...9999).contains(year) else { return [] }
        return (1...Day.daysIn(year: year, month: month)).map { "\(year)-\(twoDigits(month))-\(twoDigits($0))" }
    }

    private static func twoDigits(_ n: Int) -> String { (n < 10 ? "0" : "") + String(n) }

    static func files(matching word: String) -> [String] {
        let directory = word.contains("/") ? String(word[..<(word.lastIndex(of: "/") ?? word.endIndex)]) + "/" : ""
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return listed.filter { !$0.hasPrefix(".") }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
            return directory + name + (isDirectory.boolValue ? "/" : "")
        }
    }
}
