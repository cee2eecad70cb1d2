import Testing
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func makeFolder() -> String {
    var template = Array("/tmp/ropg-atomic-test-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer -> String in
        guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return "/tmp" }
        return String(cString: base)
    }
}

/// Removes a folder and everything in it (no symbolic links are followed).
func removeFolder(_ path: String) {
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
            for name in names { removeFolder(path + "/" + name) }
        }
        rmdir(path)
    } else {
        unlink(path)
    }
}

/// The files in a folder, less a journal of unsaved changes (`.NAME.json.journal`): that one is
/// there by design while changes are unsaved (crash recovery), and the tests here are about the
/// saved file and temporary files.
func listFolder(_ path: String) -> [String] {
    listFolder(path, withJournals: true).filter { !$0.hasSuffix(".journal") }
}

func listFolder(_ path: String, withJournals: Bool) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}

func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}

func currentUmask() -> mode_t {
    // Read it without changing it (tests run in parallel).
    guard let text = try? AtomicFile.readAll(path: "/proc/self/status") else { return 0o022 }
    let status = String(decoding: text, as: UTF8.self)
    for line in status.split(separator: "\n") where line.hasPrefix("Umask:") {
        let value = line.dropFirst("Umask:".count).trimmingPrefix(while: { $0 == " " || $0 == "\t" })
        return mode_t(value, radix: 8) ?? 0o022
    }
    return 0o022
}

@Suite struct AtomicFileTests {
    @Test func writesNewFile() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/workspace.json"
        let bytes = Array("{\"name\": \"纯棉\"}\n".utf8)
        try AtomicFile.write(bytes, to: path)
        #expect(try AtomicFile.readAll(path: path) == bytes)
        #expect(mode(path) == 0o644 & ~currentUmask())
        #expect(listFolder(folder) == ["workspace.json"])
    }

    @Test func replacesAndKeepsMode() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/w.json"
        try AtomicFile.write(Array(String(repeating: "old contents ", count: 1000).utf8), to: path)
        #expect(chmod(path, 0o600) == 0)
        let bytes = Array("new".utf8)
        try AtomicFile.write(bytes, to: path)
        #expect(try AtomicFile.readAll(path: path) == bytes)
        #expect(mode(path) == 0o600)
        #expect(chmod(path, 0o640) == 0)
        try AtomicFile.write([], to: path)
        #expect(try AtomicFile.readAll(path: path) == [])
        #expect(mode(path) == 0o640)
        #expect(listFolder(folder) == ["w.json"])
    }

    @Test func largeFile() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/big.json"
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 5_000_001)
        bytes[0] = UInt8(ascii: "[")
        try AtomicFile.write(bytes, to: path)
        #expect(try AtomicFile.readAll(path: path) == bytes)
    }

    @Test func failureInMissingFolderLeavesNothing() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/w.json"
        let old = Array("old".utf8)
        try AtomicFile.write(old, to: path)
        let target = folder + "/missing/w.json"
        #expect(throws: FileError(message: "cannot write \(target): No such file or directory (there is no folder \(folder)/missing); create it first, or save elsewhere")) {
            try AtomicFile.write(Array("new".utf8), to: target)
        }
        #expect(try AtomicFile.readAll(path: path) == old)
        #expect(listFolder(folder) == ["w.json"])
    }

    @Test func failureToRenameRemovesTemporaryFile() throws {
        // The target is a non-empty folder: the temporary file is written, the rename fails,
        // the folder is left as it was and the temporary file is removed.
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let target = folder + "/w.json"
        #expect(mkdir(target, 0o755) == 0)
        try AtomicFile.write(Array("keep".utf8), to: target + "/inside")
        #expect(throws: FileError.self) {
            try AtomicFile.write(Array("new".utf8), to: target)
        }
        #expect(listFolder(folder) == ["w.json"])
        #expect(listFolder(target) == ["inside"])
        #expect(try AtomicFile.readAll(path: target + "/inside") == Array("keep".utf8))
    }

    @Test func errorMessages() {
        #expect(throws: FileError(message: "cannot read /nonexistent/x.json: No such file or directory")) {
            _ = try AtomicFile.readAll(path: "/nonexistent/x.json")
        }
        #expect(throws: FileError(message: "cannot read /tmp: Is a directory")) {
            _ = try AtomicFile.readAll(path: "/tmp")
        }
        #expect(FileError(message: "m").description == "m")
    }

    @Test func writesThroughSymbolicLink() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let real = folder + "/real.json"
        let link = folder + "/link.json"
        try AtomicFile.write(Array("old".utf8), to: real)
        #expect(symlink(real, link) == 0)
        try AtomicFile.write(Array("new".utf8), to: link)
        var info = stat()
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(try AtomicFile.readAll(path: real) == Array("new".utf8))
        #expect(listFolder(folder) == ["link.json", "real.json"])
    }

    @Test func pathWithDotParts() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        // Paths with "." parts (changing the process's folder is avoided: tests run in parallel).
        let path = folder + "/./plain.json"
        try AtomicFile.write(Array("1".utf8), to: path)
        #expect(try AtomicFile.readAll(path: folder + "/plain.json") == Array("1".utf8))
    }
}
