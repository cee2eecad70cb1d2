import Testing
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Helpers

/// A parsed JSON tree, built only through the pull API.
private indirect enum Tree: Equatable {
    case object([Member])
    case array([Tree])
    case string(String)
    case number(String)
    case bool(Bool)
    case null
}

private struct Member: Equatable {
    var key: String
    var value: Tree
}

private func readTree(_ r: JSONReader) throws -> Tree {
    switch try r.peekKind() {
    case .object:
        try r.beginObject()
        var members: [Member] = []
        while let key = try r.nextKey() {
            members.append(Member(key: key, value: try readTree(r)))
        }
        return .object(members)
    case .array:
        try r.beginArray()
        var elements: [Tree] = []
        while try r.nextElement() {
            elements.append(try readTree(r))
        }
        return .array(elements)
    case .string:
        return .string(try r.readString())
    case .number:
        return .number(try r.readNumberLiteral())
    case .bool:
        return .bool(try r.readBool())
    case .null:
        try r.readNull()
        return .null
    }
}

/// Chunk sizes every document is read with: tiny ones make every token straddle a boundary.
private let chunkSizes = [1, 2, 3, 7, 64, 1 << 20]

private func parse(_ bytes: [UInt8], chunkSize: Int) throws -> Tree {
    let r = JSONReader(bytes: bytes, chunkSize: chunkSize)
    let tree = try readTree(r)
    try r.finish()
    return tree
}

/// Parses with every chunk size; they must all agree.
private func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Tree {
    try parse(Array(text.utf8), sourceLocation: sourceLocation)
}

private func parse(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> Tree {
    let reference = try parse(bytes, chunkSize: 1 << 20)
    for size in chunkSizes {
        let tree = try parse(bytes, chunkSize: size)
        #expect(tree == reference, "chunk size \(size)", sourceLocation: sourceLocation)
    }
    return reference
}

private func syntaxError(_ bytes: [UInt8], chunkSize: Int) -> JSONSyntaxError? {
    do {
        _ = try parse(bytes, chunkSize: chunkSize)
        return nil
    } catch let error as JSONSyntaxError {
        return error
    } catch {
        return JSONSyntaxError(message: "unexpected error type: \(error)", line: 0, column: 0)
    }
}

/// Expects the same syntax error (message, line, column) with every chunk size.
private func expectError(_ bytes: [UInt8], _ message: String, line: Int, column: Int,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = JSONSyntaxError(message: message, line: line, column: column)
    for size in chunkSizes {
        let error = syntaxError(bytes, chunkSize: size)
        #expect(error == expected, "chunk size \(size)", sourceLocation: sourceLocation)
    }
}

private func expectError(_ text: String, _ message: String, line: Int = 1, column: Int,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    expectError(Array(text.utf8), message, line: line, column: column, sourceLocation: sourceLocation)
}

private func temporaryFolder() -> String {
    var template = Array("/tmp/ropg-json-test-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer -> String in
        guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return "/tmp" }
        return String(cString: base)
    }
}

/// Removes a folder and everything in it (no symbolic links are followed).
private func removeTree(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if (info.st_mode & S_IFMT) == S_IFDIR {
        if let dir = opendir(path) {
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(dir)
            for name in names { removeTree(path + "/" + name) }
        }
        rmdir(path)
    } else {
        unlink(path)
    }
}

// MARK: - Valid documents

@Suite struct JSONReaderValidTests {
    @Test func scalarsAtTopLevel() throws {
        #expect(try parse("1") == .number("1"))
        #expect(try parse(" \"x\" ") == .string("x"))
        #expect(try parse("true") == .bool(true))
        #expect(try parse("false\n") == .bool(false))
        #expect(try parse("null") == .null)
        #expect(try parse("\t\r\n[]\r\n") == .array([]))
        #expect(try parse("{}") == .object([]))
    }

    @Test func nestedDocument() throws {
        let text = """
        {
          "schemaVersion": 1,
          "name": "bench",
          "products": [
            {"sku": "SKU-000001", "name": "纯棉T恤 白色 M", "price": "79", "stock": 1200},
            {"sku": "SKU-000002", "name": "", "tags": [], "extra": {}, "ok": true, "none": null}
          ],
          "nested": [[[]], [{"a": [1, -2.5, 3e10]}]]
        }
        """
        let tree = try parse(text)
        let expected: Tree = .object([
            Member(key: "schemaVersion", value: .number("1")),
            Member(key: "name", value: .string("bench")),
            Member(key: "products", value: .array([
                .object([
                    Member(key: "sku", value: .string("SKU-000001")),
                    Member(key: "name", value: .string("纯棉T恤 白色 M")),
                    Member(key: "price", value: .string("79")),
                    Member(key: "stock", value: .number("1200")),
                ]),
                .object([
                    Member(key: "sku", value: .string("SKU-000002")),
                    Member(key: "name", value: .string("")),
                    Member(key: "tags", value: .array([])),
                    Member(key: "extra", value: .object([])),
                    Member(key: "ok", value: .bool(true)),
                    Member(key: "none", value: .null),
                ]),
            ])),
            Member(key: "nested", value: .array([
                .array([.array([])]),
                .array([.object([Member(key: "a", value: .array([.number("1"), .number("-2.5"), .number("3e10")]))])]),
            ])),
        ])
        #expect(tree == expected)
    }

    @Test func escapes() throws {
        let text = #"["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u4E2D\uFFFF", "\ud83d\ude00!", "\u0000"]"#
        let tree = try parse(text)
        #expect(tree == .array([
            .string("\"\\/\u{8}\u{c}\n\r\t"),
            .string("Aé中\u{FFFF}"),
            .string("😀!"),
            .string("\u{0}"),
        ]))
    }

    @Test func unicodeText() throws {
        let text = "{\"名称\": \"纯棉T恤 白色 M\", \"emoji\": \"😀🎉\", \"mixed\": \"a中\\n文b\"}"
        #expect(try parse(text) == .object([
            Member(key: "名称", value: .string("纯棉T恤 白色 M")),
            Member(key: "emoji", value: .string("😀🎉")),
            Member(key: "mixed", value: .string("a中\n文b")),
        ]))
    }

    @Test func stringsStraddlingChunkBoundaries() throws {
        // Strings of every length from 0 to 60, with Chinese text, escapes and 4-byte
        // characters, at every alignment relative to small chunk sizes.
        var strings: [String] = []
        let pieces = ["a", "中", "\n", "😀", "\"", "é", "\\", "\u{1}", "文"]
        for length in 0...60 {
            var s = ""
            for k in 0..<length { s += pieces[(k * 7 + length) % pieces.count] }
            strings.append(s)
        }
        var writer = JSONWriter()
        writer.raw("[")
        for (i, s) in strings.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.string(s)
        }
        writer.raw("]")
        let tree = try parse(writer.bytes)
        #expect(tree == .array(strings.map { Tree.string($0) }))

        // Long strings, far bigger than the chunk, with and without escapes.
        let long = String(repeating: "纯棉T恤 白色 M ", count: 500)
        let longEscaped = String(repeating: "ab\"c\td中", count: 500)
        var w2 = JSONWriter()
        w2.raw("{")
        w2.key("long")
        w2.string(long)
        w2.raw(",")
        w2.key(long)
        w2.string(longEscaped)
        w2.raw("}")
        #expect(try parse(w2.bytes) == .object([
            Member(key: "long", value: .string(long)),
            Member(key: long, value: .string(longEscaped)),
        ]))
    }

    @Test func numbersStraddlingChunkBoundaries() throws {
        let text = "[123456789012, -0.000123e-45, 0, -0, 1E+2, 98765.4321]"
        #expect(try parse(text) == .array([
            .number("123456789012"), .number("-0.000123e-45"), .number("0"), .number("-0"),
            .number("1E+2"), .number("98765.4321"),
        ]))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\": [1, 2]}".utf8)
        #expect(try parse(bytes) == .object([Member(key: "a", value: .array([.number("1"), .number("2")]))]))
        // Columns start after the mark.
        expectError([0xEF, 0xBB, 0xBF] + Array("[1, x]".utf8),
                    "unexpected character 'x', expected a value", line: 1, column: 5)
        // A mark anywhere else is an error.
        expectError(Array("[1, ".utf8) + [0xEF, 0xBB, 0xBF] + Array("2]".utf8),
                    "unexpected character byte 0xEF, expected a value", line: 1, column: 5)
        expectError(Array(" ".utf8) + [0xEF, 0xBB, 0xBF] + Array("1".utf8),
                    "unexpected character byte 0xEF, expected a value", line: 1, column: 2)
        // Only a mark: nothing to read.
        expectError([0xEF, 0xBB, 0xBF], "unexpected end of file", line: 1, column: 1)
    }

    @Test func manyKeysInOneObject() throws {
        var text = "{"
        for k in 0..<300 { text += (k > 0 ? ", " : "") + "\"key\(k)\": \(k)" }
        text += "}"
        guard case .object(let members) = try parse(text) else {
            Issue.record("not an object")
            return
        }
        #expect(members.count == 300)
        #expect(members.last == Member(key: "key299", value: .number("299")))
    }

    @Test func sameKeysInDifferentObjectsAreFine() throws {
        let text = #"{"a": {"a": 1, "b": {"a": 2}}, "b": [{"a": 3}, {"a": 4}], "c": {"a": {"a": {}}}}"#
        _ = try parse(text)
    }
}

// MARK: - Strictness

@Suite struct JSONReaderStrictnessTests {
    @Test func trailingCommas() {
        expectError("[1,2,]", "trailing comma", column: 5)
        expectError("{\"a\":1,}", "trailing comma", column: 7)
        expectError("{\n  \"a\": 1,\n}", "trailing comma", line: 2, column: 9)
        expectError("[\n  1,\n  2,\n\n  ]", "trailing comma", line: 3, column: 4)
        expectError("[[],]", "trailing comma", column: 4)
    }

    @Test func missingSeparators() {
        expectError("[1 2]", "expected ',' or ']' after array element", column: 4)
        expectError("{\"a\":1 \"b\":2}", "expected ',' or '}' after object member", column: 8)
        expectError("{\"a\" 1}", "expected ':' after object key", column: 6)
        expectError("{\"a\":1;\"b\":2}", "expected ',' or '}' after object member", column: 7)
        expectError("[1,,2]", "expected a value, found ','", column: 4)
        expectError("[,1]", "expected a value, found ','", column: 2)
        expectError("{,}", "expected '\"' to begin an object key", column: 2)
        expectError("{\"a\":}", "expected a value, found '}'", column: 6)
        expectError("[1}", "expected ',' or ']' after array element", column: 3)
        expectError("{\"a\":1]", "expected ',' or '}' after object member", column: 7)
    }

    @Test func keysMustBeStrings() {
        expectError("{a:1}", "expected '\"' to begin an object key", column: 2)
        expectError("{1:1}", "expected '\"' to begin an object key", column: 2)
        expectError("{'a':1}", "expected '\"' to begin an object key", column: 2)
        expectError("['a']", "strings must use double quotes", column: 2)
    }

    @Test func comments() {
        expectError("[1, // one\n2]", "comments are not allowed", column: 5)
        expectError("/* x */ 1", "comments are not allowed", column: 1)
        expectError("{\"a\": 1 /* x */}", "expected ',' or '}' after object member", column: 9)
    }

    @Test func nonJSONLiterals() {
        expectError("NaN", "unexpected character 'N', expected a value", column: 1)
        expectError("[Infinity]", "unexpected character 'I', expected a value", column: 2)
        expectError("[-Infinity]", "invalid number '-': expected a digit after '-'", column: 2)
        expectError("[True]", "unexpected character 'T', expected a value", column: 2)
        expectError("[tru]", "invalid literal, expected true", column: 2)
        expectError("[nul, 1]", "invalid literal, expected null", column: 2)
        expectError("[fals]", "invalid literal, expected false", column: 2)
        expectError("tru", "unexpected end of file", column: 4)
        expectError("[undefined]", "unexpected character 'u', expected a value", column: 2)
        expectError("[truex]", "expected ',' or ']' after array element", column: 6)
    }

    @Test func invalidNumbers() {
        expectError("01", "invalid number '01': leading zeros are not allowed", column: 1)
        expectError("[-01]", "invalid number '-01': leading zeros are not allowed", column: 2)
        expectError("[00]", "invalid number '00': leading zeros are not allowed", column: 2)
        expectError("[1.]", "invalid number '1.': expected a digit after '.'", column: 2)
        expectError("[.5]", "invalid number: expected a digit before '.'", column: 2)
        expectError("[-]", "invalid number '-': expected a digit after '-'", column: 2)
        expectError("[1e]", "invalid number '1e': expected a digit in the exponent", column: 2)
        expectError("[1e+]", "invalid number '1e+': expected a digit in the exponent", column: 2)
        expectError("[+1]", "invalid number: a leading '+' is not allowed", column: 2)
        expectError("[--1]", "invalid number '--1': expected a digit after '-'", column: 2)
        expectError("[1.2.3]", "invalid number '1.2.3': unexpected '.'", column: 2)
        expectError("[1-2]", "invalid number '1-2': unexpected '-'", column: 2)
        expectError("[1e5e5]", "invalid number '1e5e5': unexpected 'e'", column: 2)
        expectError("[-.5]", "invalid number '-.5': expected a digit after '-'", column: 2)
        expectError("[0x10]", "expected ',' or ']' after array element", column: 3)
        expectError("-", "invalid number '-': expected a digit after '-'", column: 1)
    }

    @Test func validNumbers() throws {
        for text in ["0", "-0", "1", "-1", "10", "0.5", "-0.5", "1e5", "1E5", "1e+5", "1e-5", "1.25e-10",
                     "123456789012345678901234567890", "0e0", "-0.0E-0"] {
            #expect(try parse(text) == .number(text))
        }
    }

    @Test func controlCharactersInStrings() {
        expectError("[\"a\tb\"]", "unescaped control character U+0009 in string", column: 4)
        expectError("\"line\nbreak\"", "unescaped control character U+000A in string", column: 6)
        expectError([UInt8(ascii: "\""), 0x00, UInt8(ascii: "\"")], "unescaped control character U+0000 in string",
                    line: 1, column: 2)
        expectError("[\"中文\u{1F}\"]", "unescaped control character U+001F in string", column: 5)
    }

    @Test func invalidEscapes() {
        expectError(#"["a\xb"]"#, "invalid escape \\x in string", column: 4)
        expectError(#"["\'"]"#, "invalid escape \\' in string", column: 3)
        expectError(#"["\u12G4"]"#, "invalid \\u escape: expected four hex digits", column: 3)
        expectError(#"["\u12"]"#, "invalid \\u escape: expected four hex digits", column: 3)
        expectError(#"["\uD800"]"#, "unpaired surrogate \\uD800 in string", column: 3)
        expectError(#"["x\uDC00y"]"#, "unpaired surrogate \\uDC00 in string", column: 4)
        expectError(#"["\uD83D\u0041"]"#, "unpaired surrogate \\uD83D in string", column: 3)
        expectError(#"["\uD83D\uD83D"]"#, "unpaired surrogate \\uD83D in string", column: 3)
        expectError(#"["\uD83Dx"]"#, "unpaired surrogate \\uD83D in string", column: 3)
        expectError("[\"abc\\", "unexpected end of file in string", column: 7)
        expectError("[\"\\u00", "unexpected end of file in string", column: 7)
    }

    @Test func invalidUTF8() {
        let q = UInt8(ascii: "\"")
        let open = Array("[\"ab".utf8)
        let close: [UInt8] = [q, UInt8(ascii: "]")]
        // Lone continuation byte, bad second byte, overlong forms, UTF-16 surrogate, too big,
        // and a sequence cut short by the closing quote.
        for bad: [UInt8] in [[0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
                             [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE4, 0xB8]] {
            expectError(open + bad + close, "invalid UTF-8 in string", line: 1, column: 5)
        }
        // Also in keys, and outside strings.
        expectError(Array("{\"".utf8) + [0xC3] + Array("\": 1}".utf8), "invalid UTF-8 in string", line: 1, column: 3)
        expectError(Array("[1, ".utf8) + [0xC3, 0xA9] + Array("]".utf8),
                    "unexpected character byte 0xC3, expected a value", line: 1, column: 5)
        // Truncated at the end of input.
        expectError(Array("[\"a".utf8) + [0xE4, 0xB8], "unexpected end of file in string", line: 1, column: 5)
    }

    @Test func duplicateKeys() {
        expectError(#"{"price": 1, "price": 2}"#, #"duplicate key "price""#, column: 14)
        expectError("{\n  \"sku\": \"a\",\n  \"name\": \"b\",\n  \"sku\": \"c\"\n}", #"duplicate key "sku""#,
                    line: 4, column: 3)
        expectError(#"{"a": 1, "\u0061": 2}"#, #"duplicate key "a""#, column: 10)
        expectError(#"{"a": {"b": 1, "b": 2}}"#, #"duplicate key "b""#, column: 16)
        expectError(#"{"名称": 1, "名称": 2}"#, #"duplicate key "名称""#, column: 11)
        let long = String(repeating: "长", count: 40)
        expectError("{\"\(long)\": 1, \"\(long)\": 2}", "duplicate key \"\(long)\"", column: 49)
        expectError(#"{"a\n": 1, "a\n": 2}"#, #"duplicate key "a\n""#, column: 12)
    }

    @Test func onlyOneTopLevelValue() {
        expectError("1 2", "unexpected data after top-level value", column: 3)
        expectError("{} {}", "unexpected data after top-level value", column: 4)
        expectError("[]\n]", "unexpected data after top-level value", line: 2, column: 1)
        expectError("\"a\"x", "unexpected data after top-level value", column: 4)
        expectError("{\"a\":1}}", "unexpected data after top-level value", column: 8)
    }

    @Test func unexpectedEndOfFile() {
        expectError("", "unexpected end of file", column: 1)
        expectError("   \n  ", "unexpected end of file", line: 2, column: 3)
        expectError("[1, 2", "unexpected end of file", column: 6)
        expectError("[1, 2,", "unexpected end of file", column: 7)
        expectError("{\"a\": ", "unexpected end of file", column: 7)
        expectError("{\"a\"", "unexpected end of file", column: 5)
        expectError("{\"a\": 1", "unexpected end of file", column: 8)
        expectError("\"abc", "unexpected end of file in string", column: 5)
        expectError("[\"中文", "unexpected end of file in string", column: 5)
    }

    @Test func nestingLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        expectError(deep, "nesting deeper than 512 levels", column: 513)
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(syntaxError(Array(ok.utf8), chunkSize: 7) == nil)
    }
}

// MARK: - Positions

@Suite struct JSONReaderPositionTests {
    @Test func positionsOfKeysAndValues() throws {
        let text = "{\n  \"名前\": \"值\",\n\t\"x\": [1,\n     true]\n}"
        for size in chunkSizes {
            let r = JSONReader(bytes: Array(text.utf8), chunkSize: size)
            try r.beginObject()
            #expect(r.position == JSONPosition(line: 1, column: 1))
            #expect(try r.nextKey() == "名前")
            #expect(r.position == JSONPosition(line: 2, column: 3))
            #expect(try r.readString() == "值")
            #expect(r.position == JSONPosition(line: 2, column: 9))
            #expect(try r.nextKey() == "x")
            #expect(r.position == JSONPosition(line: 3, column: 2))
            try r.beginArray()
            #expect(r.position == JSONPosition(line: 3, column: 7))
            #expect(try r.nextElement())
            #expect(try r.readInt() == 1)
            #expect(r.position == JSONPosition(line: 3, column: 8))
            #expect(try r.nextElement())
            // Ask late: the position is still the value's start.
            #expect(try r.readBool() == true)
            #expect(try r.nextElement() == false)
            #expect(r.position == JSONPosition(line: 4, column: 6))
            #expect(try r.nextKey() == nil)
            try r.finish()
        }
    }

    @Test func columnsCountCharactersOnLongLines() {
        // One long line of Chinese strings: the column of the error counts characters.
        var text = "["
        for _ in 0..<1000 { text += "\"中文字\", " }
        text += "x]"
        let column = 1 + 1000 * 7 + 1
        expectError(text, "unexpected character 'x', expected a value", line: 1, column: column)
    }

    @Test func positionOnLongLineWithSmallChunks() throws {
        var text = "["
        for _ in 0..<300 { text += "\"中文\", " }
        text += "\"end\"]"
        for size in [1, 3, 7, 64] {
            let r = JSONReader(bytes: Array(text.utf8), chunkSize: size)
            try r.beginArray()
            var count = 0
            while try r.nextElement() {
                _ = try r.readString()
                // Every element starts 6 characters after the previous one.
                #expect(r.position == JSONPosition(line: 1, column: 2 + 6 * count))
                count += 1
            }
            try r.finish()
            #expect(count == 301)
        }
    }

    @Test func callerErrorsUsePosition() throws {
        let text = "{\"amount\": \"12x\"}"
        let r = JSONReader(bytes: Array(text.utf8))
        try r.beginObject()
        _ = try r.nextKey()
        let value = try r.readString()
        #expect(value == "12x")
        #expect(r.position == JSONPosition(line: 1, column: 12))
    }

    @Test func errorDescription() {
        let error = JSONSyntaxError(message: "trailing comma", line: 3, column: 7)
        #expect(error.description == "line 3, column 7: trailing comma")
        #expect(error.position == JSONPosition(line: 3, column: 7))
    }
}

// MARK: - Typed reads and skipping

@Suite struct JSONReaderTypedTests {
    @Test func readInt() throws {
        let r = JSONReader(bytes: Array("[0, -0, 42, -9223372036854775808, 9223372036854775807]".utf8), chunkSize: 3)
        try r.beginArray()
        var values: [Int] = []
        while try r.nextElement() { values.append(try r.readInt()) }
        try r.finish()
        #expect(values == [0, 0, 42, Int.min, Int.max])
    }

    @Test func readIntErrors() {
        func firstIntError(_ text: String) -> JSONSyntaxError? {
            let r = JSONReader(bytes: Array(text.utf8))
            do {
                _ = try r.readInt()
                return nil
            } catch {
                return error as? JSONSyntaxError
            }
        }
        #expect(firstIntError("9223372036854775808")
                == JSONSyntaxError(message: "integer '9223372036854775808' is out of range", line: 1, column: 1))
        #expect(firstIntError("-9223372036854775809")?.message == "integer '-9223372036854775809' is out of range")
        #expect(firstIntError(" 1.0")
                == JSONSyntaxError(message: "expected an integer, found '1.0'", line: 1, column: 2))
        #expect(firstIntError("1e2")?.message == "expected an integer, found '1e2'")
        #expect(firstIntError("\"1\"")?.message == "expected an integer, found a string")
        #expect(firstIntError("01")?.message == "invalid number '01': leading zeros are not allowed")
    }

    @Test func numberLiteralIsExact() throws {
        let r = JSONReader(bytes: Array(" -1.50e+10 ".utf8), chunkSize: 2)
        #expect(try r.peekKind() == .number)
        #expect(try r.readNumberLiteral() == "-1.50e+10")
        try r.finish()
    }

    @Test func kindMismatches() {
        func error(_ text: String, _ read: (JSONReader) throws -> Void) -> String? {
            do {
                try read(JSONReader(bytes: Array(text.utf8)))
                return nil
            } catch {
                return (error as? JSONSyntaxError)?.message
            }
        }
        #expect(error("12") { _ = try $0.readString() } == "expected a string, found a number")
        #expect(error("{}") { try $0.beginArray() } == "expected an array, found an object")
        #expect(error("[]") { try $0.beginObject() } == "expected an object, found an array")
        #expect(error("null") { _ = try $0.readBool() } == "expected true or false, found null")
        #expect(error("false") { try $0.readNull() } == "expected null, found a boolean")
        #expect(error("\"x\"") { _ = try $0.readNumberLiteral() } == "expected a number, found a string")
    }

    @Test func skipValueOnNestedValues() throws {
        let text = """
        {"skip": {"a": [1, {"b": "中\\n文", "c": [true, false, null]}, -2.5e3], "d": {}},
         "keep": 7,
         "also": [[["deep"]], {"x": "y"}],
         "last": "z"}
        """
        for size in chunkSizes {
            let r = JSONReader(bytes: Array(text.utf8), chunkSize: size)
            try r.beginObject()
            #expect(try r.nextKey() == "skip")
            try r.skipValue()
            #expect(try r.nextKey() == "keep")
            #expect(try r.readInt() == 7)
            #expect(try r.nextKey() == "also")
            try r.beginArray()
            #expect(try r.nextElement())
            try r.skipValue()
            #expect(try r.nextElement())
            try r.skipValue()
            #expect(try r.nextElement() == false)
            #expect(try r.nextKey() == "last")
            try r.skipValue()
            #expect(try r.nextKey() == nil)
            try r.finish()
        }
    }

    @Test func skipValueOfWholeDocument() throws {
        let r = JSONReader(bytes: Array("[1, {\"a\": [2, 3]}, \"x\"]  ".utf8), chunkSize: 2)
        try r.skipValue()
        try r.finish()
    }

    @Test func skipValueStaysStrict() {
        func skipError(_ text: String) -> JSONSyntaxError? {
            do {
                let r = JSONReader(bytes: Array(text.utf8), chunkSize: 3)
                try r.skipValue()
                try r.finish()
                return nil
            } catch {
                return error as? JSONSyntaxError
            }
        }
        #expect(skipError("{\"a\": [1, 2,]}") == JSONSyntaxError(message: "trailing comma", line: 1, column: 12))
        #expect(skipError("{\"a\": {\"b\": 1, \"b\": 2}}")?.message == #"duplicate key "b""#)
        #expect(skipError("[\"a\tb\"]")?.message == "unescaped control character U+0009 in string")
        #expect(skipError("[01]")?.message == "invalid number '01': leading zeros are not allowed")
        #expect(skipError("[1] [2]")?.message == "unexpected data after top-level value")
        #expect(skipError("[\"\\q\"]")?.message == "invalid escape \\q in string")
        var bad = Array("[\"ok\", \"".utf8)
        bad += [0xC3, 0x28]
        bad += Array("\"]".utf8)
        do {
            let r = JSONReader(bytes: bad)
            try r.skipValue()
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect((error as? JSONSyntaxError) == JSONSyntaxError(message: "invalid UTF-8 in string", line: 1, column: 9))
        }
    }

    @Test func errorsAreSticky() throws {
        let r = JSONReader(bytes: Array("[1,,2]".utf8))
        try r.beginArray()
        #expect(try r.nextElement())
        #expect(try r.readInt() == 1)
        #expect(try r.nextElement())
        let expected = JSONSyntaxError(message: "expected a value, found ','", line: 1, column: 4)
        #expect(throws: expected) { _ = try r.readInt() }
        // The reader refuses to go on after an error.
        #expect(throws: expected) { _ = try r.nextElement() }
        #expect(throws: expected) { try r.skipValue() }
        #expect(throws: expected) { try r.finish() }
    }

    @Test func finishRequiresTheWholeValue() {
        let r = JSONReader(bytes: Array("[1, 2]".utf8))
        #expect(throws: JSONSyntaxError.self) {
            try r.beginArray()
            try r.finish()
        }
        let empty = JSONReader(bytes: [])
        #expect(throws: JSONSyntaxError(message: "unexpected end of file", line: 1, column: 1)) {
            try empty.finish()
        }
    }
}

// MARK: - Files

@Suite struct JSONReaderFileTests {
    @Test func readsFileInSmallChunks() throws {
        let folder = temporaryFolder()
        defer { removeTree(folder) }
        let path = folder + "/w.json"
        var w = JSONWriter()
        w.raw("{\"products\": [")
        for i in 0..<200 {
            if i > 0 { w.raw(",\n  ") }
            w.raw("{\"sku\": ")
            w.string("SKU-\(i)")
            w.raw(", \"name\": ")
            w.string("纯棉T恤 白色 M \(i)")
            w.raw(", \"stock\": ")
            w.int(i * 10)
            w.raw("}")
        }
        w.raw("]}\n")
        try AtomicFile.write(w.bytes, to: path)
        for size in [1, 7, 100, 1 << 20] {
            let r = try JSONReader(path: path, chunkSize: size)
            try r.beginObject()
            #expect(try r.nextKey() == "products")
            try r.beginArray()
            var count = 0
            while try r.nextElement() {
                try r.beginObject()
                #expect(try r.nextKey() == "sku")
                #expect(try r.readString() == "SKU-\(count)")
                #expect(try r.nextKey() == "name")
                #expect(try r.readString() == "纯棉T恤 白色 M \(count)")
                #expect(try r.nextKey() == "stock")
                #expect(try r.readInt() == count * 10)
                #expect(try r.nextKey() == nil)
                count += 1
            }
            #expect(try r.nextKey() == nil)
            try r.finish()
            #expect(count == 200)
        }
        let r = try JSONReader(path: path)
        try r.skipValue()
        try r.finish()
    }

    @Test func missingFile() {
        #expect(throws: JSONFileError(message: "cannot open /nonexistent/ropg/w.json: No such file or directory")) {
            _ = try JSONReader(path: "/nonexistent/ropg/w.json")
        }
    }

    @Test func folderInsteadOfFile() {
        #expect(throws: JSONFileError(message: "cannot read /tmp: Is a directory")) {
            _ = try JSONReader(path: "/tmp")
        }
    }
}

// MARK: - Writer

@Suite struct JSONWriterTests {
    @Test func escaping() {
        #expect(JSONWriter.quoted("plain") == "\"plain\"")
        #expect(JSONWriter.quoted("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(JSONWriter.quoted("\n\t\r") == #""\n\t\r""#)
        #expect(JSONWriter.quoted("\u{0}\u{8}\u{C}\u{1F}\u{7F}") == #""\u0000\u0008\u000c\u001f"# + "\u{7F}\"")
        #expect(JSONWriter.quoted("纯棉T恤 😀") == "\"纯棉T恤 😀\"")
        #expect(JSONWriter.quoted("") == "\"\"")
    }

    @Test func integers() {
        var w = JSONWriter()
        for (i, v) in [0, 7, -7, 10, 1200, -45, Int.max, Int.min].enumerated() {
            if i > 0 { w.raw(",") }
            w.int(v)
        }
        #expect(String(decoding: w.bytes, as: UTF8.self)
                == "0,7,-7,10,1200,-45,9223372036854775807,-9223372036854775808")
    }

    @Test func rawTextAndLiterals() {
        var w = JSONWriter()
        w.raw("[")
        w.bool(true)
        w.byte(UInt8(ascii: ","))
        w.bool(false)
        w.raw(", ")
        w.null()
        w.raw(String(", 1.5"))
        w.raw("]")
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[true,false, null, 1.5]")
    }

    @Test func roundTripThroughReader() throws {
        var all: [String] = []
        var s = ""
        for c in 0..<0x80 { s.unicodeScalars.append(UnicodeScalar(UInt8(c))) }
        all.append(s)
        all += ["", "\"", "\\", "\\\"", "/", "纯棉T恤 白色 M", "😀 \u{10FFFF} \u{FFFF}", "\u{2028}\u{2029}",
                "tab\there", "中\"文\\", String(repeating: "长文本\n", count: 300)]
        var w = JSONWriter()
        w.raw("{")
        for (i, text) in all.enumerated() {
            if i > 0 { w.raw(",\n") }
            w.key("k\(i)\(text)")
            w.string(text)
        }
        w.raw(", \"n\": [")
        let numbers = [0, -1, 42, Int.max, Int.min]
        for (i, n) in numbers.enumerated() {
            if i > 0 { w.raw(", ") }
            w.int(n)
        }
        w.raw("]}")
        for size in chunkSizes {
            let r = JSONReader(bytes: w.bytes, chunkSize: size)
            try r.beginObject()
            for (i, text) in all.enumerated() {
                #expect(try r.nextKey() == "k\(i)\(text)")
                #expect(try r.readString() == text)
            }
            #expect(try r.nextKey() == "n")
            try r.beginArray()
            var read: [Int] = []
            while try r.nextElement() { read.append(try r.readInt()) }
            #expect(read == numbers)
            #expect(try r.nextKey() == nil)
            try r.finish()
        }
    }
}
