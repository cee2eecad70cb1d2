import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process id that is not running: a child that has been waited for.
func deadPID() -> pid_t {
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawn(&pid, "/bin/true", nil, nil, argv, environ) == 0 else { return 4_194_303 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return pid
}

/// Small file systems mounted for a test: a tmpfs of a few kilobytes stands for a full disk, a
/// read-only remount for a read-only folder. Needs root and permission to mount (a container
/// may refuse); tests that need them are skipped with that note otherwise.
enum ScratchMount {
    static let available: Bool = {
        guard geteuid() == 0 else { return false }
        let folder = makeFolder()
        defer { removeFolder(folder) }
        guard mount("tmpfs", folder, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount2(folder, Int32(MNT_DETACH))
        return true
    }()

    /// Mounts a tmpfs of `size` at a new folder; returns the folder.
    static func tmpfs(size: String) -> String? {
        let folder = makeFolder()
        guard mount("tmpfs", folder, "tmpfs", 0, "size=\(size)") == 0 else {
            removeFolder(folder)
            return nil
        }
        return folder
    }

    static func remountReadOnly(_ folder: String) -> Bool {
        mount("tmpfs", folder, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0
    }

    static func unmount(_ folder: String) {
        umount2(folder, Int32(MNT_DETACH))
        removeFolder(folder)
    }
}

/// Saving: the temporary file's mode, leftovers of killed saves, read-only files, symbolic
/// links, what is not a file, fingerprints, the lock, and saves that fail (full disk,
/// read-only folder) leaving the old file whole.
@Suite struct SafeSaveTests {
    @Test func theTemporaryFileHasTheWorkspacesModeFromItsFirstByte() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/private.json"
        try AtomicFile.write(Array("old".utf8), to: path)
        for wanted: mode_t in [0o600, 0o640, 0o666] {
            #expect(chmod(path, wanted) == 0)
            var seen: mode_t?
            try AtomicFile.write(to: path) { sink in
                // Before the first byte: the mode the file will have, whatever the umask.
                seen = mode(sink.temporaryPath)
                try sink.write(Array("new".utf8))
            }
            #expect(seen == wanted, "temporary file of a \(String(wanted, radix: 8)) workspace")
            #expect(mode(path) == wanted)
        }
        #expect(listFolder(folder) == ["private.json"])
    }

    @Test func temporaryFilesOfDeadProcessesAreRemovedAndOthersKept() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/w.json"
        try AtomicFile.write(Array("{}".utf8), to: path)
        let dead = deadPID()
        let names = [
            ".w.json.tmp-\(dead)-1a2b3c",           // a killed save: removed
            ".w.json.tmp-\(dead)-ffee",             // another: removed
            ".w.json.tmp-\(getpid())-abc",          // this process (may be saving): kept
            ".w.json.tmp-1-abc",                    // a live process: kept
            ".other.json.tmp-\(dead)-abc",          // another workspace's: kept
            ".w.json.tmp-\(dead)-notes.txt",        // not our name pattern: kept
        ]
        for name in names { try AtomicFile.write(Array("partial".utf8), to: folder + "/" + name) }
        #expect(AtomicFile.removeStaleTemporaryFiles(beside: path) == 2)
        #expect(Set(listFolder(folder)) == Set(names.dropFirst(2) + ["w.json"]))
        #expect(AtomicFile.removeStaleTemporaryFiles(beside: path) == 0)
    }

    @Test func aReadOnlyFileIsNotReplacedUnlessAskedTo() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/w.json"
        try AtomicFile.write(Array("old".utf8), to: path)
        #expect(chmod(path, 0o444) == 0)
        #expect(throws: FileError(message: "\(path) is read-only (mode 444), so it was not replaced", reason: .readOnly)) {
            try AtomicFile.write(Array("new".utf8), to: path)
        }
        #expect(try AtomicFile.readAll(path: path) == Array("old".utf8))
        try AtomicFile.write(Array("new".utf8), to: path, replacingReadOnly: true)
        #expect(try AtomicFile.readAll(path: path) == Array("new".utf8))
        #expect(mode(path) == 0o444, "replaced on purpose, it stays read-only")
        #expect(listFolder(folder) == ["w.json"])
    }

    @Test func symbolicLinksAreFollowedLoopsAndNonFilesRefused() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        // A chain of links, one relative: the file at the end is replaced, the links kept.
        #expect(mkdir(folder + "/real", 0o755) == 0)
        try AtomicFile.write(Array("old".utf8), to: folder + "/real/w.json")
        #expect(symlink("real/w.json", folder + "/one.json") == 0)
        #expect(symlink(folder + "/one.json", folder + "/two.json") == 0)
        try AtomicFile.write(Array("new".utf8), to: folder + "/two.json")
        #expect(try AtomicFile.readAll(path: folder + "/real/w.json") == Array("new".utf8))
        #expect(listFolder(folder) == ["one.json", "real", "two.json"])
        #expect(listFolder(folder + "/real") == ["w.json"])
        // A link to a file not there yet creates that file.
        #expect(symlink("real/later.json", folder + "/later.json") == 0)
        try AtomicFile.write(Array("1".utf8), to: folder + "/later.json")
        #expect(try AtomicFile.readAll(path: folder + "/real/later.json") == Array("1".utf8))
        // A loop is an error, and the link stays a link.
        #expect(symlink("b.json", folder + "/a.json") == 0 && symlink("a.json", folder + "/b.json") == 0)
        #expect(throws: FileError(message: "cannot write \(folder)/a.json: it is a loop of symbolic links; point the link at a file")) {
            try AtomicFile.write(Array("x".utf8), to: folder + "/a.json")
        }
        // A FIFO is not replaced (nor opened, which would block).
        #expect(mkfifo(folder + "/pipe.json", 0o644) == 0)
        #expect(throws: FileError(message: "cannot write \(folder)/pipe.json: it is a FIFO (named pipe), not a file; give the path of a file")) {
            try AtomicFile.write(Array("x".utf8), to: folder + "/pipe.json")
        }
        #expect(listFolder(folder) == ["a.json", "b.json", "later.json", "one.json", "pipe.json", "real", "two.json"])
    }

    @Test func readingAFIFOIsAnErrorNotAWait() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/pipe.json"
        #expect(mkfifo(path, 0o644) == 0)
        // Nobody writes to it: a blocking open would never return.
        #expect(throws: JSONFileError(message: "cannot read \(path): it is a FIFO (named pipe), not a file")) {
            _ = try JSONReader(path: path)
        }
        #expect(throws: WorkspaceLoadError("cannot read \(path): it is a FIFO (named pipe), not a file")) {
            _ = try WorkspaceReader.load(path: path)
        }
        if case .failure(let error) = FileFingerprint.read(path) {
            #expect(error.message == "cannot read \(path): it is a FIFO (named pipe), not a file")
        } else {
            Issue.record("a FIFO was fingerprinted")
        }
    }

    @Test func saveCompletesReloadForceAndFileNames() {
        let session = Session(workspace: Workspace(name: "x"), path: nil, console: Console(capturing: ()), interactive: false)
        #expect(Completion.candidates(for: "save re", in: session).1.contains("reload"))
        #expect(Completion.candidates(for: "save --", in: session).1 == ["--force"])
        let folder = makeFolder()
        defer { removeFolder(folder) }
        #expect(Completion.candidates(for: "save \(folder)/", in: session).1.isEmpty)
        _ = try? AtomicFile.write(Array("{}".utf8), to: folder + "/plan.json")
        #expect(Completion.candidates(for: "save \(folder)/p", in: session).1 == ["\(folder)/plan.json"])
    }

    @Test func contentHashIsTheSameHoweverTheBytesArrive() {
        var random = SplitMix(seed: 12)
        let bytes = (0..<10_000).map { _ in UInt8(random.next(256)) }
        var whole = ContentHash()
        whole.update(bytes)
        for _ in 0..<20 {
            var pieces = ContentHash()
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + random.next(100))
                pieces.update(Array(bytes[start..<end]))
                start = end
            }
            #expect(pieces.value == whole.value)
        }
        var other = ContentHash()
        var changed = bytes
        changed[5_000] ^= 1
        other.update(changed)
        #expect(other.value != whole.value)
        var shorter = ContentHash()
        shorter.update(Array(bytes.dropLast()))
        #expect(shorter.value != whole.value)
    }

    @Test func fingerprintsTellAChangedFileFromAnUnchangedOne() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/w.json"
        let written = try WorkspaceWriter.save(Workspace(name: "指纹"), to: path)
        #expect(written.compare(with: path) == .unchanged)
        // What a reader saw is the same fingerprint (the bytes parsed are the bytes hashed).
        let (_, read) = try WorkspaceReader.loadWithFingerprint(path: path)
        #expect(read.hash == written.hash && read.size == written.size && read.inode == written.inode)
        // The same bytes written again (another inode, other times): not a change.
        try AtomicFile.write(try AtomicFile.readAll(path: path), to: path)
        #expect(written.compare(with: path) == .unchanged)
        // Touched: not a change.
        #expect(utimes(path, nil) == 0)
        #expect(written.compare(with: path) == .unchanged)
        // Rewritten in place with the same size: a change.
        let fd = open(path, O_WRONLY)
        #expect(pwrite(fd, "X", 1, 20) == 1)
        close(fd)
        #expect(written.compare(with: path) == .changed)
        try AtomicFile.write(Array("{}".utf8), to: path)
        #expect(written.compare(with: path) == .changed)
        unlink(path)
        #expect(written.compare(with: path) == .removed)
    }

    @Test func theLockTellsWhoHasTheWorkspaceAndStaleLocksAreTakenOver() throws {
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/w.json"
        let lockPath = folder + "/.w.json.lock"
        guard case .acquired(let first, let stale) = WorkspaceLock.acquire(for: path) else {
            Issue.record("the first lock was not taken")
            return
        }
        #expect(stale == nil)
        #expect(first.path == lockPath)
        let text = String(decoding: try AtomicFile.readAll(path: lockPath), as: UTF8.self)
        #expect(text.hasPrefix("pid=\(getpid())\nhost="))
        // A second taker (flock is per open file, so this process counts as another) is told who.
        guard case .heldByAnother(let holder) = WorkspaceLock.acquire(for: path) else {
            Issue.record("the second lock was taken")
            return
        }
        #expect(holder?.pid == getpid())
        #expect(holder?.description.hasPrefix("pid \(getpid()), since 20") == true)
        #expect(WorkspaceLock.holder(of: path)?.pid == getpid())
        first.release()
        #expect(listFolder(folder) == [], "the lock file goes with the lock")
        #expect(WorkspaceLock.holder(of: path) == nil)

        // A lock file left by a dead process: taken over, and who left it is said.
        let dead = deadPID()
        try AtomicFile.write(Array("pid=\(dead)\nhost=\(WorkspaceLock.hostName)\nsince=1773650000\n".utf8), to: lockPath)
        #expect(WorkspaceLock.holder(of: path) == nil, "no live process holds it")
        guard case .acquired(let second, let left) = WorkspaceLock.acquire(for: path) else {
            Issue.record("the stale lock was not taken over")
            return
        }
        #expect(left?.pid == dead && left?.since == 1_773_650_000)
        #expect(String(decoding: try AtomicFile.readAll(path: lockPath), as: UTF8.self).hasPrefix("pid=\(getpid())\n"))
        second.release()
        // Through a symbolic link, the lock is the target's.
        try AtomicFile.write(Array("{}".utf8), to: path)
        #expect(symlink("w.json", folder + "/link.json") == 0)
        #expect(WorkspaceLock.lockPath(for: folder + "/link.json") == lockPath)
    }

    @Test(.enabled(if: ScratchMount.available, "needs root and permission to mount a small tmpfs (recorded as skipped here)"))
    func aFullDiskLeavesTheOldFileWhole() throws {
        guard let folder = ScratchMount.tmpfs(size: "64k") else {
            Issue.record("could not mount a tmpfs")
            return
        }
        defer { ScratchMount.unmount(folder) }
        let path = folder + "/w.json"
        var small = Workspace(name: "小")
        small.products = [Product(sku: "A", name: "a", price: ExactDecimal(10), cost: ExactDecimal(4))]
        try WorkspaceWriter.save(small, to: path)
        let before = try AtomicFile.readAll(path: path)
        var big = small
        big.costs = (1...3_000).map { number in
            CostEntry(id: CostID(category: .O, number: Int32(number)), name: "一条很长的运营费用名称-\(number)", basis: .recurring(per: .month),
                      amount: ExactDecimal(1000), quantity: .one, start: nil, end: nil, product: nil)
        }
        big.lastCostNumber[.O] = 3_000
        #expect(WorkspaceWriter.encode(big).count > 128 * 1024)
        #expect {
            try WorkspaceWriter.save(big, to: path)
        } throws: { error in
            let message = (error as? FileError)?.message ?? ""
            return message.hasPrefix("cannot write \(path): No space left on device; the file is as it was before. Free some space, or save elsewhere")
        }
        #expect(try AtomicFile.readAll(path: path) == before)
        #expect(listFolder(folder) == ["w.json"], "no temporary file is left")

        // The same through the shell: the save is refused with the message, the session stays unsaved.
        let session = Session(workspace: small, path: nil, console: Console(capturing: ()), interactive: false)
        session.adopt(try WorkspaceFile.open(path, allowNew: false))
        session.perform(Edit(description: "costs", changes: [.setLastCostNumber(3_000, for: .O)] + big.costs.enumerated().map { .insertCost($1, at: $0) }))
        #expect(!session.execute(line: "save"))
        #expect(session.console.takeCaptured().contains("No space left on device; the file is as it was before"))
        #expect(InfoCommand.state(session) == "unsaved changes")
        #expect(try AtomicFile.readAll(path: path) == before)
        session.forgetFile()
        #expect(listFolder(folder) == ["w.json"])
    }

    @Test(.enabled(if: geteuid() != 0 || ScratchMount.available, "as root, needs permission to mount a read-only tmpfs (recorded as skipped here)"))
    func aReadOnlyFolderLeavesTheFileAndSaysSo() throws {
        // Root writes into any folder whatever its mode: a read-only mount stands in for it.
        let asRoot = geteuid() == 0
        guard let folder = asRoot ? ScratchMount.tmpfs(size: "64k") : makeFolder() else {
            Issue.record("could not mount a tmpfs")
            return
        }
        defer { if asRoot { ScratchMount.unmount(folder) } else { chmod(folder, 0o755); removeFolder(folder) } }
        let path = folder + "/w.json"
        try WorkspaceWriter.save(Workspace(name: "只读"), to: path)
        let before = try AtomicFile.readAll(path: path)
        if asRoot { #expect(ScratchMount.remountReadOnly(folder)) } else { #expect(chmod(folder, 0o555) == 0) }
        let session = Session(workspace: Workspace(name: "x"), path: nil, console: Console(capturing: ()), interactive: false)
        session.adopt(try WorkspaceFile.open(path, allowNew: false))
        #expect(session.execute(line: "product add A price=1 cost=0"))
        #expect(!session.execute(line: "save"))
        let said = session.console.takeCaptured()
        #expect(said.contains("cannot write \(path): ") && said.contains("save elsewhere"), "\(said)")
        #expect(try AtomicFile.readAll(path: path) == before)
        #expect(listFolder(folder) == ["w.json"])
        #expect(InfoCommand.state(session) == "unsaved changes")
    }
}
