import Foundation
import Testing
@testable import ROPGShell

/// Every example `help` shows runs against the demo workspace, so help cannot go stale: each
/// command's examples are replayed in order as one script (`ropg workspaces/demo.json --bail -f`)
/// on a fresh copy of the demo, so that an example may build on the one before it (`hit save`
/// then `hit show`), and the script must succeed.
@Suite struct HelpExamplesTests {
    static func commandNames() -> [String] { CommandRegistry.all.map { $0.name } }

    @Test(arguments: commandNames())
    func examplesRun(_ name: String) throws {
        let command = try #require(CommandRegistry.command(named: name))
        #expect(!command.examples.isEmpty, "help \(name) has no example")
        let examples = command.exampleSetup + command.examples
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("help-\(name).ropg")
        try (examples.joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(["workspaces/demo.json", "--bail", "--echo", "-f", script.path], in: folder)
        #expect(result.status == 0, "help \(name): an example failed:\n\(result.output.suffix(1500))")
        #expect(!result.output.contains("error:"), "help \(name):\n\(result.output.suffix(1500))")
    }

    /// A reader tries one example, not the list: each of `help goal`'s runs by itself on the demo
    /// (`goal rm 2026-11 gmv` used to need the `goal set 2026-11` before it).
    @Test(arguments: CommandRegistry.command(named: "goal")?.examples ?? ["goal (not found)"])
    func goalExampleRunsAlone(_ example: String) throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.run(["workspaces/demo.json", "--bail", "-c", example], in: folder)
        #expect(result.status == 0 && !result.output.contains("error:"), "help goal: \(example) fails alone:\n\(result.output.suffix(800))")
    }
}
