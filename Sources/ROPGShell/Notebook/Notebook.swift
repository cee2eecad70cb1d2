import ROPGDomain

/// A plan notebook: a Markdown file after Livebook's `.livemd` (docs/NOTEBOOKS.md).
///
///     ---
///     workspace: ../../workspaces/demo.json
///     today: 2026-11-01
///     ---
///
///     # 2026年11月计划
///
///     Prose…
///
///     ```ropg
///     goal drivers 2026-11
///     ```
///
///     ```output
///     …written by ropg run…
///     ```
///
/// The header names the workspace (relative to the notebook) and pins `today`, so that a re-run
/// gives the same figures. A ```` ```ropg ```` fence is a cell of one or more commands; the
/// ```` ```output ```` fence right after it (blank lines between) is its output, which ropg
/// rewrites. Everything else is kept byte for byte: the parser records where each output fence
/// is and `withOutputs` splices new ones in, never re-printing the rest.
public struct Notebook: Sendable {
    /// The file's bytes as read.
    public var bytes: [UInt8]
    public var header: Header
    public var cells: [Cell]
    /// Where the header ends (after its closing `---` line).
    var headerEnd = 0
    /// The line end the file uses ("\n", or "\r\n" when its first line ends so).
    var newline: [UInt8]

    public struct Header: Sendable, Equatable {
        /// As written: relative to the notebook's folder (or absolute).
        public var workspace: String
        /// The day "today" is in every cell; nil: the clock's (or ROPG_TODAY).
        public var today: Day?
    }

    public struct Cell: Sendable {
        /// 1-based position among the cells.
        public var ordinal: Int
        /// What follows `ropg` in the fence's info string (`#3` for a recorded cell), if anything.
        public var label: String?
        /// The line of the opening fence (1-based).
        public var line: Int
        /// The commands, as a script's text.
        public var source: String
        /// The output fence's text as last written (each line ended by "\n"); nil: never run.
        public var output: String?
        /// The cell's own fence, from its opening line to the end of its closing line.
        var fenceRange: Range<Int> = 0..<0
        /// Bytes replaced by a new output fence: the blank lines and the old fence after the
        /// cell; an empty range right after the cell's closing fence when it has none.
        var outputRange: Range<Int>

        /// How messages name it: "cell 3 (#3, line 27)".
        public var name: String {
            let label = label.map { "\($0), " } ?? ""
            return "cell \(ordinal) (\(label)line \(line))"
        }

        /// The cell's first command, for messages: "goal drivers 2026-11".
        public var firstCommand: String {
            Script(name: "", text: source).lines.first?.text.trimmingSpaces() ?? ""
        }
    }

    /// A notebook that cannot be used as written; says where and what would work.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// Reads a notebook's bytes; `name` is how errors name the file.
    public static func parse(_ bytes: [UInt8], name: String) throws(Failure) -> Notebook {
        // Refused unless UTF-8, as a script is (naming the line and byte of the first bad byte).
        do throws(Script.LoadError) { _ = try InputText.decode(bytes, name: name) } catch { throw Failure(message: error.message) }
        let lines = NotebookLines(bytes)
        var index = 0
        // The header: `---`, `key: value` lines, `---`.
        guard lines.count > 0, lines.text(0) == "---" else { throw Failure(message: NotebookWords.noHeader(name)) }
        var workspace: String?
        var today: Day?
        index = 1
        var closed = false
        while index < lines.count {
            let line = lines.text(index)
            if line == "---" { closed = true; index += 1; break }
            let trimmed = line.trimmingSpaces()
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") {
                guard let colon = trimmed.firstIndex(of: ":") else { throw Failure(message: NotebookWords.badHeaderLine(name, index + 1, trimmed)) }
                let key = String(trimmed[..<colon]).trimmingSpaces()
                let value = String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces()
                switch key {
                case "workspace":
                    guard !value.isEmpty else { throw Failure(message: NotebookWords.badHeaderLine(name, index + 1, trimmed)) }
                    workspace = value
                case "today":
                    guard let day = Day(isoText: value) else { throw Failure(message: NotebookWords.badToday(name, index + 1, value)) }
                    today = day
                default:
                    throw Failure(message: NotebookWords.unknownHeaderKey(name, index + 1, key))
                }
            }
            index += 1
        }
        guard closed else { throw Failure(message: NotebookWords.headerNotClosed(name)) }
        let headerEnd = lines.end(of: index - 1)
        guard let workspace else { throw Failure(message: NotebookWords.noWorkspace(name)) }

        var cells: [Cell] = []
        while index < lines.count {
            guard let open = Fence(opening: lines.text(index)) else { index += 1; continue }
            guard let close = open.closingLine(in: lines, after: index) else {
                throw Failure(message: NotebookWords.unterminatedFence(name, index + 1, open.marker))
            }
            guard open.kind == "ropg" else { index = close + 1; continue }
            let openLine = index
            let source = lines.joined(index + 1..<close)
            let afterCell = lines.end(of: close)
            // The output fence right after it: only blank lines between.
            var next = close + 1
            while next < lines.count, lines.text(next).trimmingSpaces().isEmpty { next += 1 }
            var output: String?
            var range = afterCell..<afterCell
            if next < lines.count, let outputFence = Fence(opening: lines.text(next)), outputFence.kind == "output" {
                guard let outputClose = outputFence.closingLine(in: lines, after: next) else {
                    throw Failure(message: NotebookWords.unterminatedFence(name, next + 1, outputFence.marker))
                }
                output = lines.joined(next + 1..<outputClose)
                range = afterCell..<lines.end(of: outputClose)
                index = outputClose + 1
            } else {
                index = close + 1
            }
            cells.append(Cell(ordinal: cells.count + 1, label: open.label, line: openLine + 1, source: source, output: output,
                              fenceRange: lines.start(of: openLine)..<afterCell, outputRange: range))
        }
        return Notebook(bytes: bytes, header: Header(workspace: workspace, today: today), cells: cells, headerEnd: headerEnd, newline: lines.newline)
    }

    /// The notebook with each cell's output fence holding `outputs[i]` (nil: keep the cell's
    /// own); every other byte as it was.
    public func withOutputs(_ outputs: [String?]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 256)
        var position = 0
        for (cell, output) in zip(cells, outputs) {
            guard let output else { continue }
            result += bytes[position..<cell.outputRange.lowerBound]
            if let last = result.last, last != UInt8(ascii: "\n") { result += newline }
            result += newline
            result += fenced(output)
            position = cell.outputRange.upperBound
        }
        result += bytes[position...]
        return result
    }

    /// An output fence holding `text`, with backticks enough that no line inside closes it.
    func fenced(_ text: String) -> [UInt8] {
        var longest = 0, run = 0
        for character in text {
            if character == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let marker = String(repeating: "`", count: max(3, longest + 1))
        var body = Array(text.utf8)
        if !body.isEmpty, body.last != UInt8(ascii: "\n") { body.append(UInt8(ascii: "\n")) }
        if newline.count == 2 {
            // Keep the file's CRLF line ends inside the fence too.
            body = body.flatMap { $0 == UInt8(ascii: "\n") ? newline : [$0] }
        }
        return Array((marker + "output").utf8) + newline + body + Array(marker.utf8) + newline
    }
}

/// A fence line: ```` ```ropg #3 ```` or `~~~output`, indented at most three spaces (CommonMark).
struct Fence {
    var character: Character
    var length: Int
    /// The info string's first word ("ropg", "output", "python"), "" when none.
    var kind: String
    /// The rest of the info string, when any.
    var label: String?
    var marker: String { String(repeating: character, count: length) }

    init?(opening line: String) {
        var rest = Substring(line)
        var indent = 0
        while rest.first == " ", indent < 4 { rest = rest.dropFirst(); indent += 1 }
        guard indent <= 3, let first = rest.first, first == "`" || first == "~" else { return nil }
        let run = rest.prefix { $0 == first }
        guard run.count >= 3 else { return nil }
        let info = String(rest.dropFirst(run.count)).trimmingSpaces()
        // A backtick fence's info string has no backtick (CommonMark).
        if first == "`", info.contains("`") { return nil }
        character = first
        length = run.count
        let words = info.split(separator: " ", maxSplits: 1)
        kind = words.first.map(String.init) ?? ""
        label = words.count > 1 ? String(words[1]).trimmingSpaces() : nil
    }

    /// Whether `line` closes this fence: the same character, at least as many, nothing after.
    func closes(_ line: String) -> Bool {
        var rest = Substring(line)
        var indent = 0
        while rest.first == " ", indent < 4 { rest = rest.dropFirst(); indent += 1 }
        guard indent <= 3 else { return false }
        let run = rest.prefix { $0 == character }
        return run.count >= length && String(rest.dropFirst(run.count)).trimmingSpaces().isEmpty
    }

    /// The index of the line that closes the fence opened at `index`, or nil.
    func closingLine(in lines: NotebookLines, after index: Int) -> Int? {
        var next = index + 1
        while next < lines.count {
            if closes(lines.text(next)) { return next }
            next += 1
        }
        return nil
    }
}

/// A notebook's lines, with where each starts and ends in its bytes.
struct NotebookLines {
    let bytes: [UInt8]
    /// Each line's bytes without its line end.
    private var ranges: [Range<Int>] = []
    /// Where each line ends, its line end included.
    private var ends: [Int] = []
    let newline: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                let end = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
                ranges.append(start..<end)
                ends.append(index + 1)
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count {
            ranges.append(start..<bytes.count)
            ends.append(bytes.count)
        }
        let firstEnd = ends.first ?? 0
        newline = firstEnd >= 2 && bytes[firstEnd - 2] == 0x0D ? [0x0D, 0x0A] : [0x0A]
    }

    var count: Int { ranges.count }

    func text(_ index: Int) -> String { String(decoding: bytes[ranges[index]], as: UTF8.self) }

    /// Where line `index` starts.
    func start(of index: Int) -> Int { ranges[index].lowerBound }

    /// Where line `index` ends, its line end included.
    func end(of index: Int) -> Int { ends[index] }

    /// Lines `range` as text, each ended by "\n".
    func joined(_ range: Range<Int>) -> String {
        range.map { text($0) + "\n" }.joined()
    }
}
