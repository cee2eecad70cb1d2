import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage

/// A stateful command fuzzer: random sequences of commands carried across one session of the
/// built `ropg`, so that what one command leaves (a product at 10¹⁵, a what-if, a saved hit plan)
/// is what the next one works on. The commands are every command's own `help` examples, with
/// their numbers, periods and keys swapped for hostile ones. A trap (exit 132/134, a signal, or
/// "Fatal error") fails the test and names the seed and the script to replay.
@Suite(.serialized) struct CommandFuzzTests {
    static let hostileNumbers = ["0", "-1", "1e3", "0.000000000001", "999999999999999", "1000000000000000", "9223372.036854775808",
                                 "100000000000/day", "1亿", "10w", "¥79", "79元", "5%", "100%", "-50%", "abc", "", "1,2,3", "0.5", "3",
                                 "123456789012345678901234567890", "NaN"]
    static let hostilePeriods = ["2026", "2026-Q1", "2026-02-29", "2028-02-29", "2026-W53", "2026-W01", "9999", "0001-01-01",
                                 "2026-13", "2026-03..2025-01", "2026-01..2026-12", "1900-01-01..2100-12-31", "2026-11-11"]
    static let extraWords = ["undo", "redo", "whatif", "keep", "drop", "save", "history", "info", "hit save 试", "hit rm 试",
                             "product set TS-001 price=0", "product set TS-001 cost=1000000000000000",
                             "product add Z price=1 cost=1000000000000000", "set cvr=0%", "set aov=0", "set units-per-order=0",
                             "goal set 2026-03 adspend=1000", "goal set 2026 gmv=999999999999999",
                             "cost add R \"x\" 999999999999999/day qty=999999999999999",
                             // Scenarios, relative and bulk edits, volume rules.
                             "scenario new 试", "scenario new 试 volume=elasticity:-99", "scenario save 试", "scenario open 试",
                             "scenario rm 试", "scenario rename 试 试2", "scenario volume 试 hold-units", "scenario volume 试 elasticity:-1000",
                             "scenario compare pnl 2026-03", "scenario compare 试 margin volume=hold-units", "pnl 2026 scenario=试",
                             "scenario compare 试 试 hit plan TS-001", "whatif volume=elasticity:-50", "whatif volume=hold-units",
                             "product set role:traffic price-=10%", "product set all price*=999999999999999", "product set all cost-=100%",
                             "product set name:T price+=1000000000000000", "product set TS-001 stock*=0.5 cvr+=99%",
                             "cost set all amount*=1000000000000000", "cost set O amount-=10%", "cost set 客服工资 qty+=999999999999999",
                             "set cpc+=20%", "set cvr*=999", "set aov-=100%"]

    /// The three traps found by hand, kept as they were found.
    static let reproducers = [
        "goal set 2026-03 adspend=1000; hit plan TS-001 start=2026-06-01",
        "product add Z price=1 cost=1000000000000000; hit plan Z peak-units=100000000000/day",
        "ladder TS-001 from=0.000000000001 to=9223372.036854775808 step=0.000000000001",
    ]

    func run(_ script: String, in directory: URL) throws -> TestSupport.Result {
        let demo = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json")
        let workspace = directory.appendingPathComponent("fuzz.json")
        try? FileManager.default.removeItem(at: workspace)
        try FileManager.default.copyItem(at: demo, to: workspace)
        let file = directory.appendingPathComponent("fuzz.ropg")
        try Data(script.utf8).write(to: file)
        return try TestSupport.run(["fuzz.json", "-f", "fuzz.ropg"], in: directory, environment: ["SWIFT_BACKTRACE": "enable=no"])
    }

    func trapped(_ result: TestSupport.Result) -> Bool {
        !(result.status == 0 || result.status == 1) || result.output.contains("Fatal error")
    }

    func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(arguments: reproducers) func foundTrapsAreClearErrors(_ line: String) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try run(line.replacingOccurrences(of: "; ", with: "\n") + "\n", in: directory)
        #expect(!trapped(result), "exit \(result.status): \(result.output.suffix(600))")
        // An adspend goal outside the plan is simply not compared; the other two are too large.
        let expected = line.contains("adspend") ? "hit plan TS-001" : "error:"
        #expect(result.output.contains(expected), "\(result.output.suffix(600))")
    }

    /// One random line: a command's example with words swapped, or a state-changing line.
    static func line(_ mix: inout SplitMix, _ examples: [String]) -> String {
        if mix.next(5) == 0 { return extraWords[mix.next(extraWords.count)] }
        let example = examples[mix.next(examples.count)]
        let words = example.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var out: [String] = []
        for (position, word) in words.enumerated() {
            guard position > 0, mix.next(3) == 0 else { out.append(word); continue }
            if let equals = word.firstIndex(of: "=") {
                out.append(String(word[...equals]) + hostileNumbers[mix.next(hostileNumbers.count)])
            } else if word.first?.isNumber == true {
                out.append(mix.next(2) == 0 ? hostilePeriods[mix.next(hostilePeriods.count)] : hostileNumbers[mix.next(hostileNumbers.count)])
            } else {
                out.append(word)
            }
        }
        return out.joined(separator: " ")
    }

    /// Sessions of random lines. Bounded: 12 sessions of 40 lines run in a few seconds.
    @Test func randomSessionsNeverTrap() throws {
        let examples = CommandRegistry.all.flatMap { $0.examples }.filter { !$0.hasPrefix("quit") && !$0.hasPrefix("exit") && !$0.hasPrefix("open") }
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seeds = Int(ProcessInfo.processInfo.environment["ROPG_FUZZ_SESSIONS"] ?? "") ?? 12
        for seed in 1...seeds {
            var mix = SplitMix(seed: UInt64(seed) &* 0x9E3779B97F4A7C15)
            let lines = (0..<40).map { _ in Self.line(&mix, examples) }
            let script = lines.joined(separator: "\n") + "\n"
            let result = try run(script, in: directory)
            #expect(!trapped(result), "seed \(seed) trapped (exit \(result.status)); replay this script on a copy of the demo:\n\(script)\n\(result.output.suffix(800))")
        }
    }
}

/// The workspace-file fuzzer: the demo file with bytes flipped, cut, repeated or swapped for
/// hostile ones, read in process. Every one is read or refused with an error; none traps (a trap
/// would end the test run) and none hangs.
@Suite struct WorkspaceFileFuzzTests {
    static let hostile: [[UInt8]] = ["\"", "\\", "{", "}", "[", "]", ",", ":", "-", "0", "9", "e", ".", "\u{0}", "\u{1B}", "\"999999999999999999999999\"",
                                     "null", "true", "\u{FEFF}", "\\u0000", "\\ud800", "1e400", "\"2026-02-30\"", "\"-0\""].map { Array($0.utf8) }

    /// The demo, and the demo with scenarios of every kind of change (their lines are mutated too).
    static func demoWithScenarios() throws -> [UInt8] {
        let path = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path
        let session = Session(workspace: try WorkspaceReader.load(path: path), path: nil, console: Console(capturing: ()), interactive: false,
                              today: Day(number: 20_528))
        for line in ["scenario rm 保守 激进", "scenario new 保守 volume=elasticity:-1.5", "set cvr=2.5% cpc+=20%", "product set role:traffic price-=10% cvr=4%",
                     "product set TS-001 name=新 role=none", "cost add P \"主播\" 8000/month", "cost set O2 amount*=1.1", "cost set P1 name=客服",
                     "cost rm G6", "product add ZZ price=10 cost=1", "goal set 2026-11 gmv=2000000",
                     "hit plan TS-001 start=2026-10-01", "hit save 双11", "keep"] {
            session.execute(line: line)
        }
        #expect(session.workspace.scenarios.first?.changes.count ?? 0 >= 10, "\(session.console.takeCaptured())")
        return WorkspaceWriter.encode(session.workspace)
    }

    @Test(arguments: [false, true]) func mutatedFilesAreReadOrRefused(withScenarios: Bool) throws {
        let demo = withScenarios ? try Self.demoWithScenarios()
            : try AtomicFile.readAll(path: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path)
        var mix = SplitMix(seed: 0x5EED_F11E)
        var read = 0, refused = 0
        let rounds = Int(ProcessInfo.processInfo.environment["ROPG_FUZZ_FILES"] ?? "") ?? 1_500
        for _ in 0..<rounds {
            var bytes = demo
            for _ in 0..<(1 + mix.next(4)) {
                let at = mix.next(bytes.count)
                switch mix.next(5) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: mix.next(256))
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + mix.next(40)))
                case 2: bytes.insert(contentsOf: Self.hostile[mix.next(Self.hostile.count)], at: at)
                case 3: bytes = Array(bytes[..<at])
                default:
                    let length = min(bytes.count - at, 1 + mix.next(200))
                    bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
                }
                if bytes.isEmpty { break }
            }
            do {
                let workspace = try WorkspaceReader.decode(bytes, fileName: "fuzz.json")
                // What is read must write and read back to itself.
                let again = try WorkspaceReader.decode(WorkspaceWriter.encode(workspace), fileName: "again.json")
                #expect(again == workspace)
                read += 1
            } catch {
                #expect(!error.message.isEmpty)
                refused += 1
            }
        }
        #expect(read + refused == rounds)
        #expect(refused > 0 && read > 0, "the mutations should both break and keep files: \(read) read, \(refused) refused")
    }
}
