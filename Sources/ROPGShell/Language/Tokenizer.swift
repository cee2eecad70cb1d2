import ROPGTables
/// One word of a command line, quotes removed.
public struct Word: Equatable, Sendable {
    /// The text with quotes removed.
    public var text: String
    /// Where `=` splits a `key=value` word (the key unquoted and a name); nil for a plain word.
    public var key: String?
    public var value: String?
    /// True when any part was quoted: a quoted word is never a key, a redirect or a comment.
    public var wasQuoted: Bool
    /// 1-based column (in characters) where the word starts.
    public var column: Int
}

/// A command line split into words, and where its output goes.
public struct ParsedLine: Equatable, Sendable {
    public var words: [Word]
    /// `> FILE` at the end of the line.
    public var redirect: String?
    /// The line as typed (for echo and history).
    public var source: String
}

/// A line that could not be split into words.
public struct SyntaxError: Error, Equatable, Sendable {
    public var message: String
    public var column: Int
}

/// Splits command lines: words by spaces; single or double quotes for text with spaces
/// (`name="纯棉 T恤"`); `;` between commands; `#` starts a comment; `> FILE` at the end writes
/// the output to a file.
public enum Tokenizer {
    /// Splits one line that may hold several commands separated by `;`.
    public static func commands(in line: String) throws(SyntaxError) -> [ParsedLine] {
        var result: [ParsedLine] = []
        var words: [Word] = []
        var current = ""
        var currentKey: String?
        var quoted = false
        var inWord = false
        var wordColumn = 0
        var quote: Character?
        var quoteColumn = 0
        var segmentStart = line.startIndex
        var column = 0

        func finishWord() {
            guard inWord else { return }
            var word = Word(text: current, key: nil, value: nil, wasQuoted: quoted, column: wordColumn)
            if let key = currentKey {
                word.key = key
                word.value = String(current.dropFirst(key.count + 1))
            }
            words.append(word)
            current = ""
            currentKey = nil
            quoted = false
            inWord = false
        }
        func finishCommand(upTo end: String.Index) throws(SyntaxError) {
            finishWord()
            let source = String(line[segmentStart..<end]).trimmingSpaces()
            if !words.isEmpty {
                result.append(try splitRedirect(words, source: source))
            }
            words = []
        }

        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            column += 1
            if let open = quote {
                if character == open {
                    quote = nil
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "'" {
                if !inWord { inWord = true; wordColumn = column }
                quote = character
                quoted = true
                quoteColumn = column
            } else if character == " " || character == "\t" || character == "\u{3000}" {
                finishWord()
            } else if character == ";" {
                try finishCommand(upTo: index)
                segmentStart = line.index(after: index)
            } else if character == "#" && !inWord {
                try finishCommand(upTo: index)
                segmentStart = line.endIndex
                index = line.endIndex
                break
            } else {
                if !inWord { inWord = true; wordColumn = column }
                if character == "=" && currentKey == nil && !quoted && isKeyName(current) {
                    currentKey = current
                }
                current.append(character)
            }
            index = line.index(after: index)
        }
        if quote != nil {
            throw SyntaxError(message: "a quote opened at column \(quoteColumn) is never closed", column: quoteColumn)
        }
        try finishCommand(upTo: line.endIndex)
        return result
    }

    /// `> FILE` or `>FILE` as the last words.
    static func splitRedirect(_ words: [Word], source: String) throws(SyntaxError) -> ParsedLine {
        var words = words
        var redirect: String?
        if let last = words.last, !last.wasQuoted, last.text.hasPrefix(">"), last.text.count > 1 {
            redirect = String(last.text.dropFirst())
            words.removeLast()
        } else if words.count >= 2, !words[words.count - 2].wasQuoted, words[words.count - 2].text == ">" {
            redirect = words[words.count - 1].text
            words.removeLast(2)
        } else if let last = words.last, !last.wasQuoted, last.text == ">" {
            throw SyntaxError(message: "`>` needs a file name after it", column: last.column)
        }
        if let stray = words.first(where: { !$0.wasQuoted && $0.text.hasPrefix(">") }) {
            throw SyntaxError(message: "`>` must come last, followed by a file name", column: stray.column)
        }
        return ParsedLine(words: words, redirect: redirect, source: source)
    }

    /// Keys are lower-case names with digits and dashes: `price`, `paid-share`, `units-per-order`.
    static func isKeyName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
