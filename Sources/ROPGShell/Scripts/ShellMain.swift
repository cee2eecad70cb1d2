import Foundation
import ROPGDomain
import ROPGText
import ROPGStorage
import ROPGTables

/// The `ropg` command line: opens a workspace, then runs commands given with -c or -f, a script
/// on standard input, or the interactive shell when standard input is a terminal.
public enum ShellMain {
    public static let version = "0.1.0"

    static let helpText = """
        usage: ropg [WORKSPACE.json] [options]
               ropg run NOTEBOOK.md [--check] [--bail] [--set KEY=VALUE] [--scenario NAME] [--html FILE.html]

        Opens WORKSPACE.json (created on the first save if it does not exist) and runs the
        interactive shell when standard input is a terminal, or the commands on standard input.

        options:
          -c 'CMD; CMD'         run these commands and exit
          -f SCRIPT.ropg        run a script and exit (may be repeated; runs in the order given)
          --bail                stop at the first command that fails
          --echo                print each command before its output
          --format FORMAT       text (default), md, csv or json
          --lang zh|en          the language ropg speaks (default: the workspace's, else LC_ALL/LANG)
          --bom                 start CSV on standard output with a byte order mark (for Excel)
          --version             print the version
          -h, --help            print this help

        exit status: 0 when every command succeeded, 1 when any failed, 2 for a usage error.
        Inside the shell, type help.
        """

    enum Source { case commands(String), file(String) }

    struct Options {
        var workspacePath: String?
        var sources: [Source] = []
        var bail = false
        var echo = false
        var format = OutputFormat.text
        var language: Language?
        var byteOrderMark = false
    }

    struct UsageError: Error { var message: String }

    /// Runs the command line; returns the process's exit status.
    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        run(arguments: arguments, environment: environment, exitsWhenDone: false)
    }

    /// Runs the command line and ends the process with its exit status, with the workspace still
    /// held: letting go of a million cost entries (and the reports' indexes over them) first would
    /// only hand back, piece by piece, memory the system takes back whole at the exit. The lock
    /// file is removed at the exit all the same (WorkspaceLock's registry), and the console
    /// writes unbuffered, so nothing else is left undone.
    public static func runAndExit(arguments: [String], environment: [String: String]) -> Never {
        exit(run(arguments: arguments, environment: environment, exitsWhenDone: true))
    }

    private static func run(arguments: [String], environment: [String: String], exitsWhenDone: Bool) -> Int32 {
        // A reader that goes away (`ropg … -c '…' | head`) must not kill ropg mid-script: killed,
        // it would leave its lock and a journal of the script's changes for the next open to ask
        // about, and skip the script's own save. Writes to a closed pipe fail quietly instead
        // (Console.writeAll), and the script runs to its end as written.
        signal(SIGPIPE, SIG_IGN)
        // Until the workspace is open, the language is --lang's or the locale's.
        let chosen = (try? parse(arguments))?.language
        return Interface.$language.withValue(chosen ?? Language.fromLocale(environment)) {
            runSpeaking(arguments: arguments, environment: environment, exitsWhenDone: exitsWhenDone)
        }
    }

    private static func runSpeaking(arguments: [String], environment: [String: String], exitsWhenDone: Bool) -> Int32 {
        let console = Console(environment: environment)
        // `ropg run NOTEBOOK.md …` runs a plan notebook (a workspace's name ends in .json, so no clash).
        if arguments.first == "run" { return NotebookMain.run(arguments: Array(arguments.dropFirst()), environment: environment, console: console) }
        let options: Options
        do {
            options = try parse(arguments)
        } catch {
            console.writeError("ropg: \(error.message)\n\(phrase("Try ropg --help."))\n")
            return 2
        }
        if arguments.contains("--help") || arguments.contains("-h") {
            console.write(phrase(helpText) + "\n")
            return 0
        }
        if arguments.contains("--version") {
            console.write("ropg \(version)\n")
            return 0
        }

        let interactive = options.sources.isEmpty && isatty(0) == 1
        if let text = environment["ROPG_TODAY"], Day(isoText: text) == nil {
            // Told a day it cannot read: the clock's date is used, and the user is told so.
            console.writeError("ropg: " + phrase("warning: ROPG_TODAY={value} is not a day such as 2026-03-16; using the clock's date", ["value": text.excerpt]) + "\n")
        }
        let session: Session
        do {
            session = try openSession(options, console: console, interactive: interactive, today: Session.today(in: environment))
        } catch {
            console.writeError(phrase("error: {message}", ["message": error.message]) + "\n")
            return 1
        }
        session.format = options.format
        session.byteOrderMarkPending = options.byteOrderMark
        session.startLanguage = options.language ?? Language.fromLocale(environment)
        session.languageGivenOnCommandLine = options.language != nil
        let status = session.speaking { runOpened(session, options, console: console, environment: environment, interactive: interactive) }
        if exitsWhenDone { withExtendedLifetime(session) { exit(status) } }
        return status
    }

    /// The rest of a run, once the workspace is open, in the session's language.
    private static func runOpened(_ session: Session, _ options: Options, console: Console, environment: [String: String], interactive: Bool) -> Int32 {
        // Unsaved changes an earlier session left: a person is asked once the shell is up.
        if !interactive { session.lookForJournal() }

        if interactive {
            session.prepareReports()
            let history = environment["HOME"].map { "\($0)/.ropg_history" }
            return InteractiveShell.run(session, historyPath: history)
        }
        var failures = 0
        if options.sources.isEmpty {
            // Checked as a file is: bytes that are not UTF-8 used to become U+FFFD and be saved.
            let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            do {
                let script = try Script.read(bytes, name: "<stdin>", describedAs: "standard input")
                failures += session.run(script, bail: options.bail, echo: options.echo)
            } catch {
                session.reportError(error.message)
                failures += 1
            }
        }
        for source in options.sources {
            if session.quitRequested || (options.bail && failures > 0) { break }
            switch source {
            case .commands(let text):
                failures += session.run(Script(name: "", text: text), bail: options.bail, echo: options.echo)
            case .file(let path):
                do {
                    failures += session.run(try Script.load(path: path), bail: options.bail, echo: options.echo)
                } catch {
                    session.reportError(error.message)
                    failures += 1
                }
            }
        }
        session.warnOfUnsavedChanges()
        // The script ran to its end: what it did not save, it chose not to keep.
        session.endJournal()
        return failures == 0 ? 0 : 1
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var index = 0
        func value(_ flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(message: phrase("{flag} needs a value", ["flag": flag])) }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-c": options.sources.append(.commands(try value("-c")))
            case "-f": options.sources.append(.file(try value("-f")))
            case "--bail": options.bail = true
            case "--echo": options.echo = true
            case "--lang":
                let text = try value("--lang")
                guard let language = Language(code: text) else {
                    throw UsageError(message: phrase("--lang {word}: use zh or en", ["word": text]))
                }
                options.language = language
            case "--bom": options.byteOrderMark = true
            case "--format":
                let text = try value("--format")
                guard let format = OutputFormat(rawValue: text) else {
                    throw UsageError(message: phrase("--format {word}: use text, md, csv or json", ["word": text]))
                }
                options.format = format
            case "--version", "--help", "-h": break
            default:
                if argument.hasPrefix("-") && argument != "-" {
                    throw UsageError(message: phrase("unknown option {option}", ["option": argument]))
                }
                guard options.workspacePath == nil else {
                    throw UsageError(message: phrase("one workspace at a time (got {first} and {second})", ["first": options.workspacePath ?? "", "second": argument]))
                }
                options.workspacePath = argument
            }
            index += 1
        }
        return options
    }

    struct OpenError: Error { var message: String }

    /// Opens the workspace named on the command line; a file that does not exist yet is a new
    /// workspace that the first save creates (its folder must exist). What the opening found
    /// (a new file, leftovers of a killed save, another ropg on the file) goes to standard error.
    static func openSession(_ options: Options, console: Console, interactive: Bool, today: Day) throws(OpenError) -> Session {
        guard let path = options.workspacePath else {
            return Session(workspace: Workspace(name: "untitled"), path: nil, console: console, interactive: interactive, today: today)
        }
        guard path.hasSuffix(".json") else { throw OpenError(message: phrase("{path}: a workspace file ends in .json", ["path": path])) }
        let opened: WorkspaceFile.Opened
        do {
            opened = try WorkspaceFile.open(path, allowNew: true)
        } catch {
            throw OpenError(message: error.message)
        }
        let session = Session(workspace: Workspace(name: "untitled"), path: nil, console: console, interactive: interactive, today: today)
        session.adopt(opened)
        for note in opened.allNotes { console.writeError(note + "\n") }
        return session
    }
}
