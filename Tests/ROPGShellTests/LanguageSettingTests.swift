import Testing
@testable import ROPGShell
import ROPGStorage
import ROPGDomain
import ROPGText

/// `set lang=` is kept in the workspace file (a team shares it), written only when set, so a file
/// without it opens as before and saves to the same bytes.
@Suite struct LanguageSettingTests {
    @Test func theLanguageRoundTripsThroughTheFile() throws {
        var workspace = Workspace(name: "店")
        let plain = WorkspaceWriter.encode(workspace)
        #expect(!String(decoding: plain, as: UTF8.self).contains("\"lang\""), "not written when not set")
        #expect(try WorkspaceReader.decode(plain, fileName: "a.json").settings.language == nil)
        workspace.settings.language = .zh
        let bytes = WorkspaceWriter.encode(workspace)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"lang\": \"zh\""))
        let read = try WorkspaceReader.decode(bytes, fileName: "a.json")
        #expect(read.settings.language == .zh)
        #expect(WorkspaceWriter.encode(read) == bytes, "the same workspace saves to the same bytes")
    }

    @Test func aLanguageTheFileDoesNotKnowIsALocatedError() {
        let text = "{\n  \"schemaVersion\": 1,\n  \"name\": \"x\",\n  \"settings\": {\"lang\": \"fr\"}\n}\n"
        #expect(throws: WorkspaceLoadError.self) { try WorkspaceReader.decode(Array(text.utf8), fileName: "a.json") }
    }

    @Test func setLangChangesWhatTheNextCommandSays() {
        let session = Session(workspace: Workspace(name: "店"), path: nil, console: Console(capturing: ()), interactive: false,
                              today: Day(year: 2026, month: 3, day: 16)!)
        session.execute(line: "pnl 2026-13")
        session.execute(line: "set lang=zh")
        session.execute(line: "pnl 2026-13")
        session.execute(line: "set lang=en")
        session.execute(line: "pnl 2026-13")
        let said = session.console.takeCaptured()
        #expect(said.contains("error: \"2026-13\" is not a period: a month is 01 to 12"))
        #expect(said.contains("已设定 lang zh"))
        #expect(said.contains("错误：\"2026-13\" 不是期间：月份为 01 到 12"))
        #expect(said.contains("set lang en"))
        #expect(said.components(separatedBy: "is not a period").count == 3, "English before and after:\n\(said)")
        #expect(session.workspace.settings.language == .en)
        session.execute(line: "undo")
        #expect(session.workspace.settings.language == .zh, "set lang= is undone like any setting")
    }
}
