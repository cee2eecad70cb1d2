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

/// `kill -9` during a save, again and again: the file is always the old version or the new one,
/// byte for byte, and loads; a killed save leaves at most its temporary file (with the
/// workspace's private mode), which the next open removes and reports.
///
/// In the suite: 50 kills of the debug binary saving 1,500 cost entries (each run starts, reads
/// the workspace and saves, so a run costs what reading takes in a debug build: about 0.1 s). A
/// longer run, on a larger workspace whose save is written in several pieces:
/// `scripts/crash-save [KILLS] [ENTRIES]` (ROPG_KILLS, ROPG_KILL_ENTRIES).
@Suite struct CrashSaveTests {
    @Test func killDuringSaveLeavesTheOldOrTheNewFile() throws {
        let environment = ProcessInfo.processInfo.environment
        let kills = environment["ROPG_KILLS"].flatMap { Int($0) } ?? 50
        let entries = environment["ROPG_KILL_ENTRIES"].flatMap { Int($0) } ?? 1_500
        let folder = makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/big.json"

        var workspace = try WorkspaceReader.load(path: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path)
        let template = workspace.costs[0]
        for number in 1...entries {
            var entry = template
            entry.id = CostID(category: .G, number: Int32(1000 + number))
            entry.name = "快递费-\(number)"
            workspace.costs.append(entry)
        }
        workspace.lastCostNumber[.G] = Int32(1000 + entries)
        try WorkspaceWriter.save(workspace, to: path)
        #expect(chmod(path, 0o600) == 0)
        #expect(try WorkspaceReader.load(path: path) == workspace)
        var onDisk = WorkspaceWriter.encode(workspace)

        var random = SplitMix(seed: 20_260_316)
        var killed = 0, finished = 0, midSave = 0, attempts = 0, killedAfterRename = 0
        let started = Date()
        // How long a save takes, from its temporary file appearing to the process's end:
        // measured on a first run left alone, so that kills spread over the whole save.
        var saveWindow = 0.02
        while killed < kills && attempts < kills * 5 {
            attempts += 1
            var next = workspace
            next.products[0].price = ExactDecimal(100 + attempts)
            let nextBytes = WorkspaceWriter.encode(next)
            let pid = try spawnQuietly([TestSupport.binary.path, path, "-c", "product set TS-001 price=\(100 + attempts); save"], in: folder)
            let prefix = ".big.json.tmp-\(pid)-"
            if attempts == 1 {
                _ = eventually(10, every: 0.001) { listFolder(folder).contains { $0.hasPrefix(prefix) } || exited(pid) }
                let saving = Date()
                _ = eventually(10, every: 0.001) { exited(pid) }
                saveWindow = max(0.002, Date().timeIntervalSince(saving))
            } else if random.next(5) == 0 {
                // At any moment: starting, reading, before the save begins.
                usleep(useconds_t(random.next(100_000)))
            } else {
                // Mid-save: encoding, writing, syncing, renaming.
                _ = eventually(5, every: 0.001) { listFolder(folder).contains { $0.hasPrefix(prefix) } || exited(pid) }
                usleep(useconds_t(random.next(Int(saveWindow * 1_000_000))))
            }
            let wasMidSave = listFolder(folder).contains { $0.hasPrefix(".big.json.tmp-\(pid)-") }
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            // WIFSIGNALED / WTERMSIG, spelled out (the C macros are not imported).
            if status & 0x7F == SIGKILL {
                killed += 1
                if wasMidSave {
                    midSave += 1
                    saveWindow *= 1.02
                }
            } else {
                finished += 1
                // The save took less than the wait (the machine is less busy than when measured):
                // aim shorter, so the next kills still land inside the save.
                if attempts > 1 { saveWindow = max(0.002, saveWindow * 0.75) }
            }

            let now = try AtomicFile.readAll(path: path)
            guard now == onDisk || now == nextBytes else {
                Issue.record("after kill \(killed) the file is neither the old nor the new version (\(now.count) bytes)")
                return
            }
            #expect(mode(path) == 0o600, "the workspace keeps its mode")
            if now == nextBytes && status & 0x7F == SIGKILL { killedAfterRename += 1 }
            if now == nextBytes {
                // A new version: it must load, as the workspace saved. (The old bytes loaded before.)
                #expect(try WorkspaceReader.load(path: path) == next)
                workspace = next
                onDisk = nextBytes
            }
            // What a killed save leaves is private from its first byte, like the workspace.
            for name in listFolder(folder) where name.hasPrefix(".big.json.tmp-") {
                #expect(mode(folder + "/" + name) == 0o600, "\(name)")
            }
        }
        #expect(killed >= kills, "\(killed) kills in \(attempts) runs")
        // A kill after the rename finds no temporary file but still came during the save.
        #expect(midSave + killedAfterRename >= kills / 2, "\(midSave) + \(killedAfterRename) of the kills came during a save")
        #expect(finished >= 1, "the first save, left alone, finished")

        // The next open removes what the killed saves left, says so, and leaves only the file.
        let leftovers = listFolder(folder).filter { $0.hasPrefix(".big.json.tmp-") }.count
        let result = try TestSupport.run(["big.json", "-c", "info"], in: URL(fileURLWithPath: folder))
        if leftovers > 0 {
            #expect(result.output.contains(WorkspaceFile.removedText(leftovers)), "\(result.output)")
        }
        #expect(result.status == 0)
        #expect(listFolder(folder) == ["big.json"])
        print("kill -9 during save: \(killed) kills (\(midSave) mid-save, save window \(Int(saveWindow * 1000)) ms), \(killedAfterRename) of them after the rename, \(finished) saves finished, "
              + "\(leftovers) temporary files cleared, \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// Starts a program with its output thrown away and HOME at `folder`; returns its pid.
    private func spawnQuietly(_ arguments: [String], in folder: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let settings: [String] = ["PATH=/usr/bin:/bin", "HOME=\(folder)", "LANG=C.UTF-8", "ROPG_TODAY=2026-03-16"]
        let env = settings.map { strdup($0) } + [nil]
        defer { env.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, env)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        return pid
    }

    /// Whether the child has exited (it stays a zombie until waited for, so kill(pid, 0) cannot tell).
    private func exited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }
}
