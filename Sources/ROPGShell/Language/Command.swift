import ROPGDomain
import ROPGText
import ROPGTables

/// The topics `help` groups commands under.
public enum HelpTopic: String, CaseIterable, Sendable {
    case workspace = "Workspace"
    case plan = "Products, costs and goals"
    case reports = "Costs and profit"
    case pricing = "Prices, margins and what-ifs"
    case hits = "Hit products and the portfolio"
    case settings = "Assumptions"
    case session = "Session and output"
}

/// A shell command: its name, its help kept beside its code, and what it does.
public protocol Command: Sendable {
    static var name: String { get }
    static var aliases: [String] { get }
    static var topic: HelpTopic { get }
    /// One line for the `help` list.
    static var summary: String { get }
    /// Usage lines, e.g. "product add SKU price=… cost=… [name=…]".
    static var usage: [String] { get }
    /// At least one line a user can type as it is. A test runs them in order on the demo workspace,
    /// after `exampleSetup`.
    static var examples: [String] { get }
    /// What the examples need done first on the demo (an open what-if for `keep`); not shown.
    static var exampleSetup: [String] { get }
    /// Further explanation, may be empty.
    static var details: String { get }
    /// The verbs, words and `key=` names the command takes, with the kinds of their values: the
    /// one declaration that the key check, completion and help read (Language/Syntax.swift).
    static var syntax: Syntax { get }
    static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block]
    /// Whether, while a what-if is open, this report is set beside the same report on the plan
    /// (plan | what-if | Δ | Δ%). Reports say so themselves; changes and session commands don't.
    static func comparedInWhatIf(_ arguments: Arguments) -> Bool
}

extension Command {
    public static var aliases: [String] { [] }
    public static var details: String { "" }
    public static var exampleSetup: [String] { [] }
    public static var syntax: Syntax { Syntax() }
    /// Sub-commands (verbs), from the declaration: for "did you mean" and completion.
    public static var subcommands: [String] { syntax.verbNames }
    public static func comparedInWhatIf(_ arguments: Arguments) -> Bool { false }

    /// The verb of a noun-verb command, checked against `subcommands`.
    static func verb(_ arguments: Arguments) throws(CommandError) -> String {
        guard let verb = arguments.positional(0) else {
            throw CommandError(phrase("{command} needs one of: {verbs}; see help {command}", ["command": name, "verbs": subcommands.joined(separator: ", ")]))
        }
        guard subcommands.contains(verb) else {
            let near = Suggestions.nearest(to: verb, among: subcommands)
            throw CommandError(near.isEmpty
                ? phrase("{command} has no sub-command {word}; it takes {verbs}", ["command": name, "word": verb.quotedExcerpt, "verbs": subcommands.joined(separator: ", ")])
                : phrase("{command} has no sub-command {word}; did you mean {names}?", ["command": name, "word": verb.quotedExcerpt, "names": orList(near.map { "\(name) \($0)" })]))
        }
        return verb
    }
}

/// Every command the shell knows, in the order `help` lists them.
public enum CommandRegistry {
    public static let all: [any Command.Type] = [
        InfoCommand.self, OpenCommand.self, NewCommand.self, SaveCommand.self, RecoverCommand.self, QuitCommand.self,
        ProductCommand.self, CostCommand.self, GoalCommand.self, ProfileCommand.self, ActualCommand.self, CheckCommand.self,
        CostsCommand.self, PnlCommand.self, WhyCommand.self,
        MarginCommand.self, PriceCommand.self, BreakevenCommand.self, DiscountCommand.self, LadderCommand.self,
        WhatIfCommand.self, KeepCommand.self, DropCommand.self, ScenarioCommand.self, SeekCommand.self,
        HitCommand.self, PortfolioCommand.self,
        SetCommand.self, SettingsCommand.self,
        UndoCommand.self, RedoCommand.self, HistoryCommand.self, FormatCommand.self, SourceCommand.self,
        NotebookCommand.self, WatchCommand.self, UnwatchCommand.self,
        ExportCommand.self, HelpCommand.self,
    ]

    public static func command(named name: String) -> (any Command.Type)? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    public static var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }
}
