import Foundation
import ROPGDomain
import ROPGText
import ROPGTables

/// A script: one command per line, `#` comments, blank lines, and `\` at the end of a line to
/// continue it on the next.
public struct Script: Sendable {
    public struct Line: Sendable {
        /// Where the command starts in its file (1-based).
        public var number: Int
        public var text: String
    }

    public var name: String
    public var lines: [Line]

    public struct LoadError: Error, Sendable { public var message: String }

    public static func load(path: String) throws(LoadError) -> Script {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(message: phrase("cannot read {path}: no such file or not readable", ["path": path]))
        }
        return Script(name: path, text: try InputText.decode(Array(data), name: path))
    }

    /// A script from bytes read elsewhere (standard input): refused unless UTF-8, as a file is.
    /// `describedAs` names them in that refusal ("standard input").
    public static func read(_ bytes: [UInt8], name: String, describedAs description: String) throws(LoadError) -> Script {
        Script(name: name, text: try InputText.decode(bytes, name: description))
    }

    public init(name: String, text: String) {
        self.name = name
        var lines: [Line] = []
        var pending = ""
        var pendingStart = 0
        var number = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // Split the bytes at LF, not the Characters: "\r\n" is one Character, so a Windows
        // (CRLF) script split by Characters was one long line, and going by Characters or
        // scalars took seconds on a 16 MB line.
        let bytes = Array(body.utf8)
        for range in InputText.lineRanges(bytes) {
            number += 1
            var raw = bytes[range]
            // The CR of a CRLF line end is layout, not part of the last word.
            if raw.last == 0x0D { raw = raw.dropLast() }
            var line = String(decoding: raw, as: UTF8.self)
            if pending.isEmpty {
                pendingStart = number
            } else {
                line = line.trimmingSpaces()  // a continued line's indentation is layout, not text
            }
            if line.hasSuffix("\\") {
                pending += String(line.dropLast()).trimmingSpaces() + " "
                continue
            }
            pending += line
            let trimmed = pending.trimmingSpaces()
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { lines.append(Line(number: pendingStart, text: pending)) }
            pending = ""
        }
        if !pending.trimmingSpaces().isEmpty { lines.append(Line(number: pendingStart, text: pending)) }
        self.lines = lines
    }
}

extension Session {
    /// Runs a script; returns how many commands failed. With `bail`, stops at the first failure.
    public func run(_ script: Script, bail: Bool, echo: Bool) -> Int {
        var failures = 0
        for line in script.lines {
            let previous = errorLocation
            // Commands given with -c need no location; a script's errors say file and line.
            errorLocation = script.name.isEmpty ? previous : "\(script.name):\(line.number)"
            let ok = execute(line: line.text, echo: echo, bail: bail)
            errorLocation = previous
            if !ok {
                failures += 1
                if bail { break }
            }
            if quitRequested { break }
        }
        return failures
    }
}
