import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

/// A script that ends with changes it did not save says so (issue 12).
@Suite struct UnsavedChangesTests {

    @Test func aScriptThatEndsWithUnsavedChangesSaysSoOnStandardError() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let warning = "unsaved changes: 2 changes since the last save were not saved; add `save` to the script\n"
        try "product set TS-001 price=70\nproduct set TS-001 price=71\n".write(to: folder.appendingPathComponent("two.ropg"), atomically: true, encoding: .utf8)
        let dashC = try SafeInputSupport.run(["workspaces/demo.json", "-c", "product set TS-001 price=70; product set TS-001 price=71"], in: folder)
        let dashF = try SafeInputSupport.run(["workspaces/demo.json", "-f", "two.ropg"], in: folder)
        let stdin = try SafeInputSupport.run(["workspaces/demo.json"], in: folder, stdin: Array("product set TS-001 price=70\nproduct set TS-001 price=71\n".utf8))
        for result in [dashC, dashF, stdin] {
            #expect(result.status == 0)
            #expect(result.err == warning, "\(result.err)")
            #expect(!result.out.contains("unsaved"))
        }
        let saved = try SafeInputSupport.run(["workspaces/demo.json", "-c", "product set TS-001 price=70; save"], in: folder)
        #expect(saved.err.isEmpty)
        let readOnly = try SafeInputSupport.run(["workspaces/demo.json", "-c", "product list; margin"], in: folder)
        #expect(readOnly.err.isEmpty)
        let undone = try SafeInputSupport.run(["workspaces/demo.json", "-c", "product set TS-001 price=72; undo"], in: folder)
        #expect(undone.err.isEmpty)
        let failed = try SafeInputSupport.run(["workspaces/demo.json", "--bail", "-c", "product set TS-001 price=73; nonsense; save"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.err.hasSuffix("unsaved changes: 1 change since the last save was not saved; add `save` to the script\n"))
        let untitled = try SafeInputSupport.run(["-c", "product add A price=1 cost=0"], in: folder)
        #expect(untitled.err == "unsaved changes: 1 change was not saved (the workspace has no file); add `save FILE.json` to the script\n")
    }

    /// `quit discard=yes` throws the changes away on purpose: no warning.
    @Test func quitDiscardYesEndsQuietly() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SafeInputSupport.run(["workspaces/demo.json", "-c", "product set TS-001 price=70; quit discard=yes"], in: folder)
        #expect(result.status == 0)
        #expect(!result.err.contains("unsaved changes"), "\(result.err)")
    }

    @Test func unsavedChangesAreCountedFromTheLastSave() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = SafeInputSupport.session(Workspace(name: "shop"), path: folder.appendingPathComponent("shop.json").path)
        #expect(session.unsavedChangeCount == 0)
        session.execute(line: "product add A price=1 cost=0; product add B price=1 cost=0; product add C price=1 cost=0")
        #expect(session.unsavedChangeCount == 3)
        session.execute(line: "save")
        #expect(session.unsavedChangeCount == 0)
        session.execute(line: "product set A price=2")
        #expect(session.unsavedChangeCount == 1)
        session.execute(line: "undo; undo; undo")
        #expect(session.unsavedChangeCount == 2)  // two steps undone past the save
        session.execute(line: "redo")
        #expect(session.unsavedChangeCount == 1)
        _ = session.console.takeCaptured()
        session.warnOfUnsavedChanges()
        #expect(session.console.takeCapturedErrors() == "unsaved changes: 1 change since the last save was not saved; add `save` to the script\n")
    }
}
