import Foundation
import Testing
@testable import ROPGStorage
@testable import ROPGTables

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening and saving through the `ropg` binary: mistyped paths, things that are not files,
/// symbolic links, read-only files, leftovers of killed saves, two ropg processes on one file,
/// a lock left by a killed one, and `scripts/shell` keeping the tracked demo pristine.
@Suite struct SafeFilesCommandLineTests {
    /// Runs ropg, killing it if it has not finished within `seconds` (a hang is a failure).
    func runWithin(_ seconds: Double, _ arguments: [String], in folder: URL) throws -> TestSupport.Result {
        let shell = try RunningShell(arguments, in: folder)
        if !eventually(seconds, { !shell.process.isRunning }) {
            shell.kill9()
            Issue.record("ropg \(arguments) did not finish within \(seconds) s")
        }
        return try shell.finish("")
    }

    func files(_ folder: URL) -> [String] { listFolder(folder.path) }

    @Test func aPathThatDoesNotExistIsANewWorkspaceAndAMissingFolderAnError() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let info = try TestSupport.run(["新店.json", "-c", "info"], in: folder)
        #expect(info.status == 0)
        #expect(info.output.hasPrefix("new workspace: 新店.json will be created on the first save\n"))
        #expect(info.output.contains("│ state           │ new, never saved"))
        #expect(info.output.contains("│ file            │ 新店.json"))
        #expect(files(folder) == ["examples", "workspaces"], "nothing is created before the first save, and the lock is gone")
        let changed = try TestSupport.run(["新店.json", "-c", "product add A price=1 cost=0; info"], in: folder)
        #expect(changed.output.contains("│ state           │ unsaved changes; new, never saved"))

        // The mistyped path of the issue: the folder is "workspaces", not "workspace".
        let typo = try TestSupport.run(["workspace/demo.json", "-c", "info"], in: folder)
        #expect(typo.status == 1)
        #expect(typo.output == "error: no folder workspace for workspace/demo.json: check the path, or create the folder first (mkdir -p workspace)\n")
        let notAFolder = try TestSupport.run(["workspaces/demo.json/x.json", "-c", "info"], in: folder)
        #expect(notAFolder.status == 1 && notAFolder.output.hasPrefix("error: cannot open workspaces/demo.json/x.json: "))
    }

    @Test func foldersFIFOsDevicesAndLinkLoopsAreClearErrorsNeverAHang() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let at = folder.path
        #expect(mkfifo(at + "/pipe.json", 0o644) == 0)
        #expect(mkdir(at + "/dir.json", 0o755) == 0)
        #expect(symlink("loop.json", at + "/loop.json") == 0)
        #expect(symlink("b.json", at + "/a.json") == 0 && symlink("a.json", at + "/b.json") == 0)
        #expect(symlink("/dev/null", at + "/null.json") == 0)
        #expect(symlink("gone/w.json", at + "/dangling.json") == 0)
        let cases: [(String, String)] = [
            ("pipe.json", "error: pipe.json: it is a FIFO (named pipe), not a workspace file; give the path of a regular .json file\n"),
            ("dir.json", "error: dir.json is a folder, not a workspace file; give the path of a .json file\n"),
            ("loop.json", "error: loop.json is a loop of symbolic links; point the link at a workspace file\n"),
            ("a.json", "error: a.json is a loop of symbolic links; point the link at a workspace file\n"),
            ("null.json", "error: null.json: it is a device, not a workspace file; give the path of a regular .json file\n"),
            ("dangling.json", "error: dangling.json is a symbolic link to gone/w.json, which does not exist (No such file or directory); create that file, or remove the link\n"),
        ]
        for (name, expected) in cases {
            let result = try runWithin(10, [name, "-c", "info"], in: folder)
            #expect(result.status == 1, "\(name)")
            #expect(result.output == expected)
            // `open` inside the shell checks the same way.
            let opened = try runWithin(10, ["-c", "open \(name)"], in: folder)
            #expect(opened.output == expected, "open \(name)")
        }
        var info = stat()
        #expect(lstat(at + "/loop.json", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link is left as it was")
    }

    @Test func savingThroughASymbolicLinkWritesItsTarget() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(symlink("workspaces/demo.json", folder.path + "/shop.json") == 0)
        let saved = try TestSupport.run(["shop.json", "-c", "product set TS-001 price=70; save; info"], in: folder)
        #expect(saved.status == 0)
        #expect(saved.output.contains("saved demo to shop.json") && saved.output.contains("│ state           │ saved"))
        var info = stat()
        #expect(lstat(folder.path + "/shop.json", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(try WorkspaceReader.load(path: folder.path + "/workspaces/demo.json").products[0].price.description == "70")
        #expect(!files(folder.appendingPathComponent("workspaces")).contains { $0.hasPrefix(".") }, "no temporary or lock file left")
    }

    @Test func aReadOnlyFileIsNotReplacedUnlessForced() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspaces/demo.json").path
        let before = try AtomicFile.readAll(path: path)
        #expect(chmod(path, 0o444) == 0)
        let refused = try TestSupport.run(["workspaces/demo.json", "-c", "product set TS-001 price=70; save"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.output.contains("error: workspaces/demo.json is read-only (mode 444), so it was not replaced; make it writable (chmod u+w workspaces/demo.json), or replace it on purpose with save --force\n"))
        #expect(try AtomicFile.readAll(path: path) == before)
        let forced = try TestSupport.run(["workspaces/demo.json", "-c", "product set TS-001 price=70; save --force"], in: folder)
        #expect(forced.status == 0 && forced.output.contains("saved demo to workspaces/demo.json"))
        #expect(try WorkspaceReader.load(path: path).products[0].price.description == "70")
        #expect(mode(path) == 0o444)
        let help = try TestSupport.run(["-c", "help save"], in: folder)
        #expect(help.output.contains("save --force") && help.output.contains("save reload"))
        let wrong = try TestSupport.run(["-c", "save --forse"], in: folder)
        #expect(wrong.output == "error: save has no option --forse; it takes --force (see help save)\n")
    }

    @Test func temporaryFilesOfKilledSavesAreRemovedAtOpenAndSaid() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = deadPID()
        let leftover = folder.appendingPathComponent("workspaces/.demo.json.tmp-\(dead)-9f3a").path
        try AtomicFile.write(Array(repeating: UInt8(ascii: "x"), count: 1000), to: leftover)
        let result = try TestSupport.run(["workspaces/demo.json", "-c", "info"], in: folder)
        #expect(result.output.hasPrefix("removed 1 temporary file left by a save that did not finish\n"))
        #expect(files(folder.appendingPathComponent("workspaces")) == ["demo.json"])
        let again = try TestSupport.run(["workspaces/demo.json", "-c", "info"], in: folder)
        #expect(!again.output.contains("removed"))
        // At save: one left while the shell had the file open.
        let shell = try RunningShell(["workspaces/demo.json"], in: folder)
        #expect(eventually { files(folder.appendingPathComponent("workspaces")).contains(".demo.json.lock") })
        try AtomicFile.write(Array("x".utf8), to: leftover)
        try AtomicFile.write(Array("x".utf8), to: leftover + "0")
        let saved = try shell.finish("save\n")
        #expect(saved.output == "removed 2 temporary files left by saves that did not finish\nsaved demo to workspaces/demo.json\n")
        #expect(files(folder.appendingPathComponent("workspaces")) == ["demo.json"])
    }

    /// Two ropg processes on one file: the second is told about the first; the first's save,
    /// after the second saved, is refused; `info` does not say saved; `save reload` keeps both.
    @Test func twoProcessesOnOneWorkspace() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = folder.appendingPathComponent("workspaces/.demo.json.lock").path
        let first = try RunningShell(["workspaces/demo.json"], in: folder)
        #expect(eventually { (try? AtomicFile.readAll(path: lock)).map { String(decoding: $0, as: UTF8.self).hasPrefix("pid=\(first.pid)\n") } ?? false })
        let second = try TestSupport.run(["workspaces/demo.json", "-c", "product set TS-001 price=69; save"], in: folder)
        #expect(second.status == 0)
        #expect(second.output.hasPrefix("another ropg (pid \(first.pid), since "))
        #expect(second.output.contains(") has workspaces/demo.json open: if it saves first, your save will ask you to reload (save reload)\n"))
        let result = try first.finish("product set TS-002 name=冰丝T恤二代\nsave\ninfo\nsave reload\ninfo\n")
        #expect(result.status == 1, "the refused save counts as a failure")
        #expect(result.output.contains("error: <stdin>:2: workspaces/demo.json changed on disk since it was opened"))
        #expect(result.output.contains("│ state           │ unsaved changes; the file changed on disk since it was opened (see help save)"))
        #expect(result.output.contains("reloaded workspaces/demo.json as it is on disk and re-applied your 1 change\nsaved demo to workspaces/demo.json\n"))
        #expect(result.output.contains("│ state           │ saved "))
        let saved = try WorkspaceReader.load(path: folder.appendingPathComponent("workspaces/demo.json").path)
        #expect(saved.products[0].price.description == "69" && saved.products[1].name == "冰丝T恤二代")
        #expect(!FileManager.default.fileExists(atPath: lock), "the lock goes when the shell ends")
    }

    @Test func aLockLeftByAKilledShellIsTakenOverAndSaidOnce() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = folder.appendingPathComponent("workspaces/.demo.json.lock").path
        let killed = try RunningShell(["workspaces/demo.json"], in: folder)
        #expect(eventually { (try? AtomicFile.readAll(path: lock)).map { String(decoding: $0, as: UTF8.self).hasPrefix("pid=\(killed.pid)\n") } ?? false })
        killed.kill9()
        #expect(FileManager.default.fileExists(atPath: lock), "kill -9 leaves the lock file")
        let next = try TestSupport.run(["workspaces/demo.json", "-c", "info"], in: folder)
        #expect(next.output.hasPrefix("took over the lock on workspaces/demo.json from ropg pid \(killed.pid), since "))
        #expect(next.output.contains(", which is no longer running\n"))
        let after = try TestSupport.run(["workspaces/demo.json", "-c", "info"], in: folder)
        #expect(!after.output.contains("lock"))
        #expect(!FileManager.default.fileExists(atPath: lock))
    }
}
