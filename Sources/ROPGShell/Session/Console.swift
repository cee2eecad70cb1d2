#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEditLine
import ROPGTables

/// Where the shell writes: standard output for results, standard error for errors. Writes go
/// straight to the file descriptors, unbuffered, so that results and errors interleave in the
/// order they happened even when both go to one pipe.
public final class Console: @unchecked Sendable {
    // Unchecked: the shell runs on one thread; the captured text is only used by tests.
    private let outputDescriptor: Int32
    private let errorDescriptor: Int32
    /// When set, everything is collected here instead (for tests and the benchmark).
    public private(set) var captured: String?
    /// When set, standard error is collected here apart from `captured` (for tests of what
    /// standard output alone holds).
    public private(set) var capturedErrors: String?
    /// True when colour and other escape codes may be written to standard output.
    public let color: Bool
    public let outputIsTerminal: Bool
    /// COLUMNS from the environment, when it is a width.
    let columnsVariable: Int?

    /// The terminal's width in display columns when standard output is a terminal: COLUMNS, else
    /// the terminal's own size (asked each time: the window may have been resized). Nil for files
    /// and pipes, which keep full tables.
    public var terminalWidth: Int? {
        guard outputIsTerminal else { return nil }
        return columnsVariable ?? Int(ropg_terminal_columns())
    }

    public init(outputDescriptor: Int32 = 1, errorDescriptor: Int32 = 2, environment: [String: String]) {
        self.outputDescriptor = outputDescriptor
        self.errorDescriptor = errorDescriptor
        outputIsTerminal = isatty(outputDescriptor) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        color = outputIsTerminal && !noColor && environment["TERM"] != "dumb"
        columnsVariable = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 >= 20 && $0 <= 10_000 ? $0 : nil }
        captured = nil
    }

    /// A console that keeps everything it is given, for tests.
    public init(capturing: Void) {
        outputDescriptor = -1
        errorDescriptor = -1
        outputIsTerminal = false
        color = false
        columnsVariable = nil
        captured = ""
    }

    /// A console that keeps standard output in `captured` and standard error in `capturedErrors`.
    public convenience init(capturingApart: Void) {
        self.init(capturing: ())
        capturedErrors = ""
    }

    /// Writes words for the person (messages, the banner, help, echoes) on standard output.
    ///
    /// Every control character but the line feed is shown escaped (`\u{1B}`, see
    /// `escapingControlCharacters`): messages quote names, SKUs and typed words, and a name read
    /// from a crafted workspace must not retitle, clear or recolour the terminal. Renderers' output,
    /// which escapes its own text and may hold colour codes of ours, goes through `write(rendered:)`.
    public func write(_ text: String) {
        write(rendered: escapingControlCharacters(text, keeping: .lineFeed))
    }

    /// Writes errors, notes and questions on standard error, escaped as `write(_:)` does.
    public func writeError(_ text: String) {
        let safe = escapingControlCharacters(text, keeping: .lineFeed)
        if capturedErrors != nil { capturedErrors? += safe; return }
        if captured != nil { captured? += safe; return }
        Console.writeAll(safe, to: errorDescriptor)
    }

    /// Writes a renderer's output as it is: a table, CSV or JSON. The renderers have already
    /// escaped every text they were given; what is left are their own colour codes and CSV's
    /// CRLF line ends, which a scan for control characters would break.
    public func write(rendered text: String) {
        if captured != nil { captured? += text; return }
        Console.writeAll(text, to: outputDescriptor)
    }

    public func takeCaptured() -> String {
        let text = captured ?? ""
        if captured != nil { captured = "" }
        return text
    }

    public func takeCapturedErrors() -> String {
        let text = capturedErrors ?? ""
        if capturedErrors != nil { capturedErrors = "" }
        return text
    }

    static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Glibc.write(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // a closed pipe: nothing more can be said
                }
                pointer += written
                remaining -= written
            }
        }
    }
}
