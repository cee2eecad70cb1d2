import ROPGDomain
import ROPGText
import ROPGTables

/// `help [COMMAND]`: the commands by topic, or one command's usage and examples.
public enum HelpCommand: Command {
    public static let name = "help"
    public static let aliases = ["?"]
    public static let topic = HelpTopic.session
    public static let summary = "list the commands, or explain one"
    public static let usage = ["help [COMMAND]"]
    public static let examples = ["help", "help cost"]
    public static let syntax = Syntax(words: [.command])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        guard let name = arguments.positional(0) else { return [.message(overview())] }
        guard let command = CommandRegistry.command(named: name) else {
            let near = Suggestions.nearest(to: name, among: CommandRegistry.allNames)
            throw CommandError(near.isEmpty ? phrase("no command {word}; type help for the list", ["word": name.quotedExcerpt])
                               : phrase("no command {word}; did you mean {names}?", ["word": name.quotedExcerpt, "names": orList(near)]))
        }
        return [.message(page(for: command))]
    }

    static func overview() -> String {
        var text = phrase("ropg — plan an online shop's money. Commands by topic (help COMMAND for more):") + "\n"
        for topic in HelpTopic.allCases {
            text += "\n\(phrase(topic.rawValue))\n"
            let commands = CommandRegistry.all.filter { $0.topic == topic }
            let width = commands.map { displayWidth(names($0)) }.max() ?? 0
            for command in commands {
                text += "  \(pad(names(command), toWidth: width, alignRight: false))  \(phrase(command.summary))\n"
            }
        }
        text += "\n" + phrase(overviewFooter)
        return text
    }

    /// The lines under the list of commands: how numbers, periods and output are written.
    static let overviewFooter = """
        Numbers: 1,234.56  ¥79  79元  1200万  10w  3亿  12k  5%  0.05
        Periods: 2026  2026-Q1  2026-03  2026-W11  2026-03-14  2026-03..2026-06
        Output:  end a command with > FILE.csv (or .md, .json, .txt) to write its table to a file;
                 table=NAME keeps one of a report's tables (help format names them);
                 scenario=NAME shows any report under a named scenario (help scenario)
        """

    static func page(for command: any Command.Type) -> String {
        // The command, its usage, keys and examples stay as typed; the explanation is phrased.
        var text = "\(names(command)) — \(phrase(command.summary))\n\n\(phrase("Usage:"))\n"
        text += command.usage.map { "  \($0)\n" }.joined()
        if !command.details.isEmpty {
            text += "\n" + phrase(command.details).split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }.joined(separator: "\n") + "\n"
        }
        let keyed = command.syntax.verbs.filter { !$0.keys.isEmpty }
        if !keyed.isEmpty {
            // From the declaration the key check and completion read, so help names what they accept.
            text += "\n\(phrase("Keys:"))\n" + keyed.map { verb in
                let keys = verb.keys.map { "\($0.name)\($0.relative ? "[+-*]" : "")=\($0.kind.label)" }.joined(separator: " ")
                return "  " + (verb.name.isEmpty ? "" : "\(command.name) \(verb.name): ") + keys + "\n"
            }.joined()
        }
        text += "\n\(phrase("Examples:"))\n" + command.examples.map { "  \($0)\n" }.joined()
        return text
    }

    private static func names(_ command: any Command.Type) -> String {
        ([command.name] + command.aliases.filter { $0 != command.name + "s" }).joined(separator: ", ")
    }
}
