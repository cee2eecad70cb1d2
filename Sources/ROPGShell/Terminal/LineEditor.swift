import CEditLine
import ROPGTables

/// One result of asking the user for a line.
public enum LineInput: Equatable, Sendable {
    case line(String)      // the text typed, without the newline
    case interrupted       // Ctrl-C: the line was cleared; the caller prints nothing and asks again
    case endOfInput        // Ctrl-D on an empty line
}

/// Completes the word under the cursor. Given the text of the line up to the cursor,
/// returns the candidates for the word being typed: (the word's start offset in Characters
/// within `textBeforeCursor`, full candidate words). The editor replaces the partial word with the
/// longest common prefix of the candidates (compared Character by Character, never byte by byte),
/// adds a space when exactly one candidate matches (unless it ends with "="), and lists the
/// candidates below the line when several remain and the prefix cannot grow (second Tab or immediately: your call, like bash).
public typealias Completer = (_ textBeforeCursor: String) -> (wordStart: Int, candidates: [String])

/// The libedit-backed editor; only used when stdin is a terminal.
///
/// - Emacs bindings; `~/.editrc` (or `$EDITRC`) is read after the built-in bindings, so it wins.
/// - Home/End/Delete bound for xterm/tmux (`\e[1~ \e[4~ \e[3~ \e[H \e[F \eOH \eOF`), Ctrl-R is
///   incremental history search, Tab calls the completer.
/// - When several candidates remain and the common prefix cannot grow, they are listed below the
///   line at once (no second Tab needed), in columns, then the prompt and line are redrawn.
/// - Installs, for the life of the process, a SIGINT handler that only records the signal (no
///   SA_RESTART): Ctrl-C at the prompt gives `.interrupted`; Ctrl-C while a command runs is ignored.
/// - Sets `LC_CTYPE` from the environment, falling back to C.UTF-8 when that is not UTF-8
///   (libedit drops every non-ASCII keystroke otherwise).
public final class LineEditor {
    private let editLine: OpaquePointer      // EditLine *
    private let history: OpaquePointer       // HistoryW *
    private let historyPath: String?
    private let completer: Completer
    /// NUL-terminated wide prompt returned to libedit by the prompt callback.
    private var promptBuffer: UnsafeMutablePointer<wchar_t>
    /// libedit keeps the EL_ADDFN name and help pointers (no copy): owned here until el_end.
    private let completeFunctionName: UnsafeMutablePointer<wchar_t>
    private let completeFunctionHelp: UnsafeMutablePointer<wchar_t>
    /// Off while `ask` runs, so Tab does not complete commands in an answer.
    private var completionEnabled = true

    /// Most candidates listed below the line; beyond that only their number is shown.
    static let maximumListedCandidates = 200

    /// Nil when libedit cannot start (no memory for it): the shell then reads plain lines.
    public init?(programName: String, historyPath: String?, completer: @escaping Completer) {
        // Both must happen before el_init: libedit picks its charset there and saves handlers later.
        _ = ropg_setup_locale()
        _ = ropg_install_sigint_handler()

        guard let editLine = ropg_el_init(programName) else { return nil }
        guard let history = history_winit() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        self.completer = completer
        self.promptBuffer = Self.allocateWide("")
        self.completeFunctionName = Self.allocateWide("ropg-complete")
        self.completeFunctionHelp = Self.allocateWide("Complete the word before the cursor")

        _ = ropg_history_setsize(history, 1000)
        _ = ropg_history_setunique(history, 1)
        if let historyPath {
            _ = ropg_history_load(history, historyPath)   // -1 when the file does not exist yet
        }

        // The callbacks find this object again through EL_CLIENTDATA; it must be set first.
        _ = ropg_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = ropg_el_set_prompt(editLine, { el in
            guard let el, let data = ropg_el_get_clientdata(el) else { return ropg_empty_wide_string() }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
        })
        var emacs = Self.wide("emacs")
        _ = ropg_el_set_editor(editLine, &emacs)
        _ = ropg_el_set_signal(editLine, 1)
        _ = ropg_el_set_hist(editLine, history)
        _ = ropg_el_addfn(editLine, completeFunctionName, completeFunctionHelp, { el, _ in
            guard let el, let data = ropg_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeAtCursor()
        })
        let bindings: [(key: String, command: String)] = [
            ("^I", "ropg-complete"),
            ("^R", "em-inc-search-prev"),
            ("\\e[1~", "ed-move-to-beg"), ("\\e[H", "ed-move-to-beg"), ("\\eOH", "ed-move-to-beg"),
            ("\\e[7~", "ed-move-to-beg"),
            ("\\e[4~", "ed-move-to-end"), ("\\e[F", "ed-move-to-end"), ("\\eOF", "ed-move-to-end"),
            ("\\e[8~", "ed-move-to-end"),
            ("\\e[3~", "ed-delete-next-char"),
        ]
        for binding in bindings {
            var key = Self.wide(binding.key)
            var command = Self.wide(binding.command)
            _ = ropg_el_bind(editLine, &key, &command)
        }
        // Redraw rather than insert or delete characters on the terminal, so that the cursor
        // stays right after editing beside Chinese text (shim.h says why).
        _ = ropg_el_redraw_instead_of_inserting(editLine)
        _ = ropg_el_source_default(editLine)   // ~/.editrc, after ours so the user's choices win
    }

    deinit {
        el_end(editLine)
        history_wend(history)
        promptBuffer.deallocate()
        completeFunctionName.deallocate()
        completeFunctionHelp.deallocate()
    }

    /// Reads one line with editing, history and completion.
    /// After `.interrupted` and `.endOfInput` the cursor is already at the start of a fresh line.
    public func readLine(prompt: String) -> LineInput {
        setPrompt(prompt)
        _ = ropg_sigint_take()   // forget a Ctrl-C pressed while a command was running
        var count: Int32 = 0
        guard let wide = el_wgets(editLine, &count) else {
            ropg_write_stdout("\n")
            // Our flag set: Ctrl-C, at the prompt (count -1, read() failed with EINTR) or inside
            // an incremental search (Ctrl-R), where libedit gives up with count 0. Ctrl-C never
            // ends input. Anything else (Ctrl-D on an empty line; EIO) does.
            if ropg_sigint_take() != 0 {
                return .interrupted
            }
            return .endOfInput
        }
        var scalars = String.UnicodeScalarView()
        for i in 0..<Int(max(count, 0)) {
            scalars.append(Self.scalar(wide[i]))
        }
        var line = String(scalars)
        while let last = line.unicodeScalars.last, last == "\n" || last == "\r" {
            line.unicodeScalars.removeLast()
        }
        return .line(line)
    }

    /// Adds a line to the in-memory history (size 1000); skips blank lines and a repeat of the last entry.
    public func addToHistory(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        var wide = Self.wide(line)
        _ = ropg_history_enter(history, &wide)   // H_SETUNIQUE refuses a repeat of the last entry
    }

    /// Writes the history to `historyPath` (libedit format, mode 0600). Does nothing without a path.
    public func saveHistory() {
        guard let historyPath else { return }
        _ = ropg_history_save(history, historyPath)
    }

    /// Asks a yes/no/cancel question on the terminal; returns the trimmed answer line, or nil at EOF
    /// (Ctrl-D). Ctrl-C returns "" (no answer), so the caller can ask again or treat it as cancel.
    /// Tab does not complete here, and the answer is not added to the history.
    public func ask(_ question: String) -> String? {
        completionEnabled = false
        defer { completionEnabled = true }
        switch readLine(prompt: question) {
        case .line(let answer):
            return Self.trimmed(answer)
        case .interrupted:
            return ""
        case .endOfInput:
            return nil
        }
    }

    // MARK: - libedit plumbing

    /// libedit's prompt cannot contain a line break: print everything up to the last "\n" first.
    /// The prompt holds the workspace's name and questions quote names from the file, so it is
    /// escaped as the console escapes messages (no raw ESC reaches the terminal this way either).
    private func setPrompt(_ prompt: String) {
        let prompt = escapingControlCharacters(prompt, keeping: .lineFeed)
        var lastLine = prompt
        if let newline = prompt.lastIndex(of: "\n") {
            ropg_write_stdout(String(prompt[...newline]))
            lastLine = String(prompt[prompt.index(after: newline)...])
        }
        let newBuffer = Self.allocateWide(lastLine)
        promptBuffer.deallocate()
        promptBuffer = newBuffer
    }

    /// The Tab command (EL_ADDFN); returns a libedit CC_* code.
    private func completeAtCursor() -> UInt8 {
        guard completionEnabled, let info = el_wline(editLine) else { return UInt8(CC_ERROR) }
        var scalars = String.UnicodeScalarView()
        var p = info.pointee.buffer
        let cursor = info.pointee.cursor
        while let current = p, let cursor, current < cursor {
            scalars.append(Self.scalar(current.pointee))
            p = current + 1
        }
        let textBeforeCursor = String(scalars)
        let (wordStart, candidates) = completer(textBeforeCursor)
        let start = min(max(0, wordStart), textBeforeCursor.count)
        let word = String(textBeforeCursor[textBeforeCursor.index(textBeforeCursor.startIndex, offsetBy: start)...])
        let edit = Self.completionEdit(word: word, candidates: candidates)

        if let insert = edit.insert {
            // libedit counts wchar_t, i.e. Unicode scalars (a Chinese character is one).
            let deleteCount = word.unicodeScalars.count
            if deleteCount > 0 { el_deletestr(editLine, Int32(deleteCount)) }
            if !insert.isEmpty {
                var wide = Self.wide(insert)
                if el_winsertstr(editLine, &wide) != 0 { return UInt8(CC_REFRESH_BEEP) }
            }
            return UInt8(CC_REFRESH)
        }
        if !edit.list.isEmpty {
            // Candidates are SKUs and names from the workspace: shown escaped, like every output.
            let shown = edit.list.map { escapingControlCharacters($0) }
            let lines = Self.formatCandidateList(shown, terminalWidth: Int(ropg_terminal_columns()))
            ropg_write_stdout("\n" + lines.joined(separator: "\n") + "\n")
            return UInt8(CC_REDISPLAY)   // redraws prompt and line below the list
        }
        return UInt8(CC_REFRESH_BEEP)
    }

    // MARK: - Pure helpers (tested without a terminal)

    /// What Tab does for the partial `word` given the completer's `candidates`:
    /// - `insert`: text that replaces `word` (nil: leave the line alone);
    /// - `list`: candidates to show below the line (empty: show nothing).
    /// One candidate: it replaces the word, followed by a space unless it ends with "=".
    /// Several: their longest common prefix (Character by Character) replaces the word if it is
    /// longer than the word; otherwise they are listed. Duplicates are dropped, order is kept.
    static func completionEdit(word: String, candidates: [String]) -> (insert: String?, list: [String]) {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        guard let first = unique.first else { return (nil, []) }
        if unique.count == 1 {
            return (first.hasSuffix("=") ? first : first + " ", [])
        }
        let prefix = commonPrefix(unique)
        if prefix.count > word.count {
            return (prefix, [])
        }
        return (nil, unique)
    }

    /// Longest common prefix, compared Character by Character (never by bytes or scalars, so a
    /// Chinese character or a letter with its accent is never split).
    static func commonPrefix(_ strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var end = first.endIndex
        for other in strings.dropFirst() {
            var i = first.startIndex
            var j = other.startIndex
            while i < end, j < other.endIndex, first[i] == other[j] {
                first.formIndex(after: &i)
                other.formIndex(after: &j)
            }
            end = i
        }
        return String(first[..<end])
    }

    /// Lays candidates out in columns like bash (down, then across), padded by display width
    /// (a Chinese character takes two cells), no trailing spaces. Too many: a one-line summary.
    static func formatCandidateList(_ items: [String], terminalWidth: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        if items.count > maximumListedCandidates {
            return ["(\(items.count) candidates; type more characters to narrow them down)"]
        }
        let widths = items.map { displayWidth($0) }   // the module's shared display width
        let columnWidth = (widths.max() ?? 0) + 2
        let columns = max(1, min(items.count, (max(terminalWidth, 1) + 2) / columnWidth))
        let rows = (items.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < items.count else { break }
                line += items[index]
                if column + 1 < columns, (column + 1) * rows + row < items.count {
                    line += String(repeating: " ", count: columnWidth - widths[index])
                }
            }
            lines.append(line)
        }
        return lines
    }

    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    // MARK: - wchar_t conversion (Linux: 32-bit, one Unicode scalar per element)

    private static func scalar(_ value: wchar_t) -> Unicode.Scalar {
        Unicode.Scalar(UInt32(bitPattern: Int32(value))) ?? "\u{FFFD}"
    }

    /// NUL-terminated wide copy of `text`.
    private static func wide(_ text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        result.reserveCapacity(text.unicodeScalars.count + 1)
        for scalar in text.unicodeScalars {
            result.append(wchar_t(Int32(bitPattern: scalar.value)))
        }
        result.append(0)
        return result
    }

    private static func allocateWide(_ text: String) -> UnsafeMutablePointer<wchar_t> {
        let chars = wide(text)
        let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: chars.count)
        buffer.initialize(from: chars, count: chars.count)
        return buffer
    }
}
