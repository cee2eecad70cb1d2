import Foundation
import ROPGDomain
import ROPGTables

/// Tab completion: command names, sub-commands, `key=` names, values of known keys, product
/// SKUs, cost IDs, period literals and file names, depending on where the cursor is.
enum Completion {
    static func candidates(for textBeforeCursor: String, in session: Session) -> (wordStart: Int, candidates: [String]) {
        let characters = Array(textBeforeCursor)
        // The word under the cursor starts after the last space that is not inside quotes.
        var wordStart = 0
        var quote: Character?
        var commandStart = 0
        for (index, character) in characters.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " || character == "\t" {
                wordStart = index + 1
            } else if character == ";" {
                wordStart = index + 1
                commandStart = index + 1
            }
        }
        let word = String(characters[wordStart...])
        let before = String(characters[commandStart..<wordStart])
        let previous = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        return (wordStart, candidates(word: word, previous: previous, session: session).filter { $0.hasPrefix(word) })
    }

    static func candidates(word: String, previous: [String], session: Session) -> [String] {
        guard let commandName = previous.first else { return CommandRegistry.allNames.sorted() }
        guard let command = CommandRegistry.command(named: commandName) else { return [] }
        if previous.count == 1 && !command.subcommands.isEmpty {
            return command.subcommands
        }
        if let equals = word.firstIndex(of: "=") {
            let key = String(word[..<equals])
            return values(for: key, session: session).map { "\(key)=\($0)" }
        }
        var result = command.keys
        switch command.name {
        case "open", "source":
            return files(matching: word)
        case "save":
            // Not sub-commands (those would hide the file names): offered beside them.
            return (previous.count == 1 ? ["reload", "--force"] : []) + files(matching: word)
        case "cost":
            if previous.count == 2 && previous[1] == "add" { return CostCategory.allCases.map(\.rawValue) }
            if previous.count >= 2 && ["set", "rm", "show"].contains(previous[1]) {
                result += session.workspace.costs.prefix(10_000).map(\.id.description)
            }
        default:
            break
        }
        result += skus(session)
        if let first = word.first, first.isASCIIDigit { result += periodLiterals(startingWith: word) }
        return result
    }

    static func values(for key: String, session: Session) -> [String] {
        switch key {
        case "role": return ProductRole.allCases.map(\.rawValue) + ["none"]
        case "category": return CostCategory.allCases.map(\.rawValue)
        case "product": return skus(session)
        case "basis": return CostBasis.allNames
        case "metric": return GoalMetric.allCases.map(\.rawValue)
        case "of": return ["revenue"]
        case "discard", "bail", "echo": return ["yes"]
        case "start", "end", "date", "period": return periodLiterals(startingWith: "")
        default: return []
        }
    }

    static func skus(_ session: Session) -> [String] {
        // A shop with 100,000 SKUs: offer the first ten thousand; typing more of the SKU narrows it.
        session.workspace.products.prefix(10_000).map(\.sku)
    }

    /// Years around now, their quarters, months and ISO weeks.
    static func periodLiterals(startingWith prefix: String) -> [String] {
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        var literals: [String] = []
        for y in (year - 1)...(year + 1) {
            literals.append(String(y))
            literals += (1...4).map { "\(y)-Q\($0)" }
            literals += (1...12).map { "\(y)-\($0 < 10 ? "0" : "")\($0)" }
            literals += (1...Period.isoWeeks(in: y)).map { "\(y)-W\($0 < 10 ? "0" : "")\($0)" }
        }
        return literals.filter { $0.hasPrefix(prefix) }
    }

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
