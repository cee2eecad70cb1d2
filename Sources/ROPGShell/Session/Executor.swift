import Dispatch
import Foundation
import ROPGDomain
import ROPGText
import ROPGTables

extension Session {
    /// Runs every command on a line; returns false when any failed.
    @discardableResult
    public func execute(line: String, echo: Bool = false, bail: Bool = false) -> Bool {
        speaking { executeSpeaking(line: line, echo: echo, bail: bail) }
    }

    private func executeSpeaking(line: String, echo: Bool, bail: Bool) -> Bool {
        let recording = beginLine()
        defer { endLine(line, recording) }
        let commands: [ParsedLine]
        do {
            commands = try Tokenizer.commands(in: line)
        } catch {
            if echo { say("> \(line.trimmingSpaces())") }
            reportError(error.message)
            return false
        }
        var succeeded = true
        for command in commands {
            if echo { say("> \(command.source)") }
            if !execute(command) { succeeded = false }
            if quitRequested || (bail && !succeeded) { break }
        }
        return succeeded
    }

    /// Runs one command; returns false when it failed (the error has been reported).
    @discardableResult
    public func execute(_ line: ParsedLine) -> Bool {
        // Bound per command: `set lang=zh` changes what the next one speaks.
        speaking { executeSpeaking(line) }
    }

    private func executeSpeaking(_ line: ParsedLine) -> Bool {
        guard let first = line.words.first else { return true }
        guard let command = CommandRegistry.command(named: first.text), !first.wasQuoted, first.key == nil else {
            let near = Suggestions.nearest(to: first.text, among: CommandRegistry.allNames)
            let hint = near.isEmpty ? phrase("type help for the list") : phrase("did you mean {names}?", ["names": orList(near)])
            reportError(phrase("unknown command {word}; {hint}", ["word": first.text.quotedExcerpt, "hint": hint]))
            return false
        }
        let stepBefore = undoSteps.last?.id
        let revisionBefore = revision
        do throws(CommandError) {
            if let target = line.redirect { _ = try redirectFormat(for: target) }
            // `table=NAME` is the session's, not the command's: taken out before the command
            // reads its keys, so that every command accepts it.
            let (tableless, wanted) = try Session.takeTableKey(Array(line.words.dropFirst()))
            // `scenario=NAME` too: any report under a scenario (see `Scenarios`).
            let (scenarioless, scenario) = command == ScenarioCommand.self ? (tableless, nil) : try Session.takeScenarioKey(tableless)
            // `chart=` too, for the reports that declare it (see `Charts`).
            let (words, chart) = try Session.takeChartKey(scenarioless, for: command)
            let arguments = Arguments(words)
            var blocks: [Block]
            if let scenario { blocks = try runUnderScenario(command, arguments, scenario: scenario) } else { blocks = try command.run(arguments, in: self) }
            if Session.holdsTooLarge(blocks) {
                // Saturated arithmetic (ExactDecimal) reached a figure: refuse the report rather than
                // print the end of the range as if it were money, and keep the workspace as it was.
                if undoSteps.last?.id != stepBefore, undo() != nil { redoSteps.removeLast() }
                throw CommandError(phrase("a result is too large to work out exactly: check the amounts, quantities and volumes given (each input is at most 10¹⁵, but a cost spread over days is held exactly only up to about 10¹⁹ a year)"))
            }
            if isWhatIfOpen, scenario == nil, command.comparedInWhatIf(arguments) {
                blocks = compareWithPlan(command, arguments, whatIfBlocks: blocks)
            }
            if let chart {
                let words = [command.name] + arguments.positionals.map(\.text)
                blocks = try Session.charted(blocks, chart, fallbackTitle: words.joined(separator: " "))
            }
            blocks = Session.named(blocks, defaultName: Session.defaultTableName(command, arguments))
            let typed = Session.commandText(line)
            do throws(CommandError) {
                if let wanted { blocks = try Session.picking(wanted, from: blocks) }
                if let target = line.redirect {
                    try write(blocks, toFile: target, command: typed)
                } else {
                    show(blocks, command: typed)
                }
            } catch {
                // The output could not be written or the table asked for is not there: take back
                // what the command changed, so that a failed command leaves the workspace as it was.
                if undoSteps.last?.id != stepBefore {
                    if undo() != nil { redoSteps.removeLast() }
                } else {
                    // A command that changed nothing may still have done something outside the
                    // workspace (export wrote its workbook): what it says of that is still true.
                    let said = blocks.filter { if case .message = $0 { true } else { false } }
                    if !said.isEmpty { show(said, command: typed) }
                }
                throw error
            }
            Session.freeInBackground(consume blocks)
            if revision != revisionBefore { showWatchedReports() }
            return true
        } catch {
            reportError(error.message)
            return false
        }
    }

    /// True when a table holds a figure too large to hold (saturated).
    static func holdsTooLarge(_ blocks: [Block]) -> Bool {
        blocks.contains { block in
            guard case .table(let table) = block else { return false }
            return table.holdsTooLarge
        }
    }

    /// Removes `table=NAME` from a command's words; returns the rest and the name.
    static func takeTableKey(_ words: [Word]) throws(CommandError) -> (words: [Word], table: String?) {
        let keyed = words.filter { $0.key == "table" }
        guard let last = keyed.last else { return (words, nil) }
        guard keyed.count == 1 else { throw CommandError(phrase("{key}= is given twice", ["key": "table"])) }
        guard let name = last.value, !name.isEmpty else { throw CommandError(phrase("table= needs a name, e.g. table=breakeven_mix")) }
        return (words.filter { $0.key != "table" }, name)
    }

    /// The name of a table a command leaves unnamed: the command and its verb, `pnl`,
    /// `product_list`, `hit_rank`.
    static func defaultTableName(_ command: any Command.Type, _ arguments: Arguments) -> String {
        var parts = [command.name]
        if let verb = arguments.positional(0), command.subcommands.contains(verb) { parts.append(verb) }
        return parts.joined(separator: "_").map { $0.isLetter || $0.isNumber ? $0 : "_" }.reduce(into: "") { $0.append($1) }
    }

    /// Every table named: its own name, else `defaultName`; a name met again gets `_2`, `_3`, so
    /// that names are unique keys in the JSON document and for `table=`.
    static func named(_ blocks: [Block], defaultName: String) -> [Block] {
        var seen: [String: Int] = [:]
        return blocks.map { block in
            guard case .table(var table) = block else { return block }
            let base = table.name ?? defaultName
            var name = base
            while let times = seen[name] {
                seen[name] = times + 1
                name = "\(base)_\(times + 1)"
            }
            seen[name] = 1
            table.name = name
            return .table(table)
        }
    }

    /// The blocks with only the table named `name` among the tables; messages stay.
    static func picking(_ name: String, from blocks: [Block]) throws(CommandError) -> [Block] {
        let names = blocks.compactMap { block -> String? in
            if case .table(let table) = block { return table.name }
            return nil
        }
        guard !names.isEmpty else { throw CommandError(phrase("table={name}: this command prints no table to pick", ["name": name])) }
        guard names.contains(name) else {
            let near = Suggestions.nearest(to: name, among: names)
            throw CommandError(near.isEmpty ? phrase("no table {name} in this output; it has {names}", ["name": name.quotedExcerpt, "names": names.joined(separator: ", ")])
                : phrase("no table {name} in this output; it has {names} (did you mean {near}?)", ["name": name.quotedExcerpt, "names": names.joined(separator: ", "), "near": orList(near)]))
        }
        return blocks.filter { block in
            guard case .table(let table) = block else { return true }
            return table.name == name
        }
    }

    /// The command as typed, without its `> FILE`, for the JSON document.
    static func commandText(_ line: ParsedLine) -> String {
        guard let target = line.redirect else { return line.source }
        var text = Substring(line.source)
        // `> 'a b.json'` was typed with quotes the target has lost: keep the line as typed.
        guard text.hasSuffix(target) else { return line.source }
        text = text.dropLast(target.count)
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        guard text.hasSuffix(">") else { return line.source }
        return String(text.dropLast()).trimmingSpaces()
    }

    /// A report of 100,000 rows takes tens of milliseconds to free. Once shown, big ones are
    /// freed on another thread, so that the prompt comes back at once.
    static func freeInBackground(_ blocks: consuming [Block]) {
        let cells = blocks.reduce(0) { total, block in
            guard case .table(let table) = block else { return total }
            return total + table.rows.count * table.columns.count
        }
        guard cells >= 100_000 else { return }
        // Moved into a box the other thread empties: a copy captured as it was left this thread
        // holding the blocks too, and whichever let go last freed them (this one, as often as not).
        let doomed = DoomedBlocks(consume blocks)
        DispatchQueue.global(qos: .utility).async { doomed.free() }
    }

    /// Blocks on their way to being freed on another thread.
    private final class DoomedBlocks: @unchecked Sendable {
        private var blocks: [Block]
        init(_ blocks: consuming [Block]) { self.blocks = blocks }
        /// Frees the blocks here, whoever lets go of the box last.
        func free() { blocks = [] }
    }

    /// Prints blocks in the session's format. Text and Markdown print everything in order on
    /// standard output. CSV and JSON keep standard output for data (docs/OUTPUT.md): JSON prints
    /// one document holding the tables, their notes and the messages (nothing when there is no
    /// table: the messages go to standard error); CSV prints the tables, marked with `# table:`
    /// lines when there are several, and sends messages and notes to standard error.
    public func show(_ blocks: [Block], command: String? = nil) {
        notebook.notice(.blocks(blocks))
        switch format {
        case .text, .md:
            for block in blocks {
                switch block {
                case .message(let text):
                    console.write(text.hasSuffix("\n") ? text : text + "\n")
                case .table(let table):
                    console.write(rendered: render(table.showingMoney(in: moneyUnit), as: format, color: console.color, width: outputWidth))
                }
            }
        case .json:
            let document = Session.document(blocks, command: command)
            guard !document.tables.isEmpty else {
                for message in document.messages { console.writeError(message + "\n") }
                return
            }
            console.write(rendered: JSONTableRenderer().render(document))
        case .csv:
            let tables = blocks.compactMap { block -> Table? in
                if case .table(let table) = block { return table }
                return nil
            }
            let renderer = CSVTableRenderer()
            var position = 0
            for block in blocks {
                switch block {
                case .message(let text):
                    console.writeError(text.hasSuffix("\n") ? text : text + "\n")
                case .table(let table):
                    // Table by table, so that its notes follow it (on standard error) as in text.
                    if byteOrderMarkPending {
                        console.write(rendered: "\u{FEFF}")
                        byteOrderMarkPending = false
                    }
                    console.write(rendered: tables.count > 1 ? renderer.section(table, first: position == 0) : renderer.render(table))
                    for note in table.notes { console.writeError(note + "\n") }
                    position += 1
                }
            }
        }
    }

    /// Words for the person, not data (a command's echo, "wrote 12 rows to pnl.csv"): on
    /// standard output in text and Markdown, on standard error in csv and json, so that standard
    /// output holds only what a CSV or JSON reader can parse.
    public func say(_ text: String) {
        notebook.notice(.said(text))
        let line = text.hasSuffix("\n") ? text : text + "\n"
        switch format {
        case .text, .md: console.write(line)
        case .csv, .json: console.writeError(line)
        }
    }

    /// A command's blocks as one JSON document: the tables, and the messages as plain lines.
    static func document(_ blocks: [Block], command: String?) -> OutputDocument {
        var document = OutputDocument(command: command, tables: [])
        for block in blocks {
            switch block {
            case .table(let table): document.tables.append(table)
            case .message(let text):
                document.messages.append(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            }
        }
        return document
    }

    public func reportError(_ message: String) {
        let location = errorLocation.map { "\($0): " } ?? ""
        notebook.notice(.error(location + Session.shortened(message)))
        console.writeError(speaking { phrase("error: {message}", ["message": location + Session.shortened(message)]) } + "\n")
    }

    /// The longest run of bytes without a space an error shows whole; a longer one is cut to
    /// `String.excerptLimit` characters and "…".
    static let longestErrorWord = 120
    /// The most bytes of one error line shown.
    static let longestErrorLine = 2_000

    /// A safety net for errors: errors quote what was typed through `excerpt`, but a message
    /// that forgot to would print a 16 MB token back. Here a run of more than
    /// `longestErrorWord` bytes without a space is cut to its first `String.excerptLimit`
    /// characters and "…", and a line is cut after `longestErrorLine` bytes. It works on the
    /// bytes and finds spaces and line breaks with `memchr`, each byte looked at once, so a huge
    /// message costs little even in a debug build; cuts fall between characters.
    static func shortened(_ message: String) -> String {
        guard message.utf8.count > longestErrorWord else { return message }
        let bytes = Array(message.utf8)
        var spaces = ByteFinder(bytes, UInt8(ascii: " "))
        var lineBreaks = ByteFinder(bytes, UInt8(ascii: "\n"))
        var out: [UInt8] = []
        var lineBytes = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                out.append(byte)
                lineBytes = 0
                index += 1
            } else if lineBytes >= longestErrorLine {
                out += "…".utf8  // the rest of the line is dropped
                index = lineBreaks.next(from: index)
            } else if byte == UInt8(ascii: " ") {
                out.append(byte)
                lineBytes += 1
                index += 1
            } else {
                let end = min(spaces.next(from: index), lineBreaks.next(from: index))
                var word = bytes[index..<end]
                if word.count > longestErrorWord {
                    // Enough bytes for the excerpt's characters, cut back to a scalar's first byte.
                    var cut = min(end, index + String.excerptLimit * 4 + 4)
                    while cut > index && cut < end && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                    let excerpt = String(decoding: bytes[index..<cut], as: UTF8.self).excerpt
                    word = ArraySlice((excerpt.hasSuffix("…") ? excerpt : excerpt + "…").utf8)
                }
                if lineBytes + word.count > longestErrorLine {
                    var cut = word.startIndex + longestErrorLine - lineBytes
                    while cut > word.startIndex && word[cut] & 0xC0 == 0x80 { cut -= 1 }
                    word = word[..<cut]
                }
                out += word
                lineBytes += word.count
                index = end
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Finds the next place of one byte, asked with increasing starts: `memchr` runs again only
    /// once the start has passed the last place found, so all the asking reads the bytes once.
    struct ByteFinder {
        let bytes: [UInt8]
        let byte: UInt8
        private var found = -1

        init(_ bytes: [UInt8], _ byte: UInt8) {
            self.bytes = bytes
            self.byte = byte
        }

        /// The index of the first `byte` at or after `start`, or the end.
        mutating func next(from start: Int) -> Int {
            if found >= start { return found }
            found = bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, start < buffer.count,
                      let at = memchr(base + start, Int32(byte), buffer.count - start)
                else { return buffer.count }
                return UnsafeRawPointer(at) - UnsafeRawPointer(base)
            }
            return found
        }
    }
}
