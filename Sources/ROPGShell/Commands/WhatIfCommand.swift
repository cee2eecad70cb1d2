import ROPGDomain
import ROPGText
import ROPGTables

/// `whatif`: opens a what-if, whose changes are held apart from the plan until `keep` or `drop`;
/// `whatif CHANGE then REPORT` tries one change for one report and drops it.
public enum WhatIfCommand: Command {
    public static let name = "whatif"
    public static let topic = HelpTopic.pricing
    public static let summary = "try changes apart from the plan and compare reports side by side (keep or drop)"
    public static let usage = ["whatif", "whatif volume=hold-gmv|hold-units|elasticity:E", "whatif CHANGE [then CHANGE…] then REPORT"]
    public static let examples = ["whatif product set TS-001 price=69 then pnl 2026-03",
                                  "whatif set cpc=1.0 then cost add P \"主播\" 8000/month then pnl 2026 by=quarter", "whatif",
                                  "whatif volume=hold-units"]
    public static let details = """
        After whatif, every change (product, cost, goal, set …) is made in the what-if only; the prompt shows it with
        its number of changes. While it is open, pnl, costs, margin, breakeven, ladder and goal drivers show the plan,
        the what-if, Δ and Δ% side by side. keep makes the changes part of the plan as one undo step; drop throws them
        away. undo takes back the what-if's changes one by one, never the plan's. Every comparison says how volume
        answers a price change: hold GMV by default (the goals' GMV stays, a cheaper product sells more units);
        whatif volume=hold-units keeps each product's units (GMV moves with price), whatif volume=elasticity:-1.5
        changes units by −1.5 × the price change (docs/DOMAIN.md §13). save saves the plan without the
        what-if, and says so. whatif again lists the changes it holds. The one-line form opens a what-if, makes the
        changes, shows the report beside the plan and drops it: nothing changes.
        """
    public static let syntax = Syntax(words: [.command], keys: [Key("volume", .choice(["hold-gmv", "hold-units", "elasticity:"]))])
    /// Commands that manage the session rather than change the plan: not inside a one-line what-if.
    static let notChanges: Set<String> = ["whatif", "keep", "drop", "save", "open", "new", "quit", "exit", "source", "undo", "redo"]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        if arguments.positionals.isEmpty, let text = arguments.value("volume") {
            // `whatif volume=RULE`: how volume answers a price change in the what-if's comparisons.
            try arguments.checkKeys(of: Self.self)
            try arguments.checkPositionals(max: 0, usage: "whatif volume=RULE")
            guard let rule = VolumeRule.parse(text) else { throw CommandError(phrase("volume={excerpt} is not a rule; use {help}", ["excerpt": "\(text.excerpt)", "help": VolumeRule.choices])) }
            let opened = !session.isWhatIfOpen
            session.openWhatIf()
            session.whatIf?.volume = rule
            return [.message(opened ? phrase("what-if opened; volume in the what-if: {rule}", ["rule": rule.explanation])
                                    : phrase("volume in the what-if: {rule}", ["rule": rule.explanation]))]
        }
        if arguments.isEmpty {
            guard session.isWhatIfOpen else {
                session.openWhatIf()
                return [.message(phrase("what-if opened: changes from now on are held apart from the plan; reports compare the two. keep or drop to end it"))]
            }
            let steps = session.whatIfSteps
            guard !steps.isEmpty else { return [.message(phrase("the what-if is open and holds no changes yet"))] }
            return [.message(phrase("the what-if holds {changes}:", ["changes": phrase(count: steps.count, "{count} change", "{count} changes")]) + "\n" + steps.map { "  \($0.description)" }.joined(separator: "\n"))]
        }
        // `whatif keep` and `whatif drop` read as the user means them.
        if arguments.words.count == 1, let word = arguments.positional(0), word == "keep" || word == "drop" {
            return word == "keep" ? try KeepCommand.run(Arguments([]), in: session) : try DropCommand.run(Arguments([]), in: session)
        }
        guard !session.isWhatIfOpen else {
            throw CommandError(phrase("a what-if is already open: make the change and run the report in it, or keep or drop it first"))
        }
        let parts = split(arguments.words)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw CommandError(phrase("write whatif CHANGE then REPORT, e.g. {example}", ["example": examples[0]]))
        }
        var commands: [(any Command.Type, Arguments)] = []
        for part in parts {
            guard let command = CommandRegistry.command(named: part[0].text), part[0].key == nil, !part[0].wasQuoted else {
                throw CommandError(phrase("whatif: unknown command {word}", ["word": part[0].text.quotedExcerpt]))
            }
            guard !notChanges.contains(command.name) else { throw CommandError(phrase("whatif: {command} does not go inside a one-line what-if", ["command": command.name])) }
            commands.append((command, Arguments(Array(part.dropFirst()))))
        }
        session.openWhatIf()
        session.whatIf?.isOneLine = true
        defer { session.dropWhatIf() }
        var blocks: [Block] = []
        for (position, (command, arguments)) in commands.enumerated() {
            do throws(CommandError) {
                let output = try command.run(arguments, in: session)
                if position == commands.count - 1 {
                    guard command.comparedInWhatIf(arguments) else {
                        throw CommandError(phrase("the last part is the report to compare: pnl, costs, margin, breakeven, ladder or goal drivers"))
                    }
                    // The report's tables keep the names they have on their own (`pnl`), not `whatif`.
                    blocks += Session.named(session.compareWithPlan(command, arguments, whatIfBlocks: output),
                                            defaultName: Session.defaultTableName(command, arguments))
                } else {
                    blocks += output
                }
            } catch {
                throw CommandError(phrase("whatif: {command}: {problem}; nothing was changed", ["command": command.name, "problem": error.message]))
            }
        }
        blocks.append(.message(phrase("(what-if dropped: the plan is unchanged)")))
        return blocks
    }

    /// The words between `then`s.
    static func split(_ words: [Word]) -> [[Word]] {
        var parts: [[Word]] = [[]]
        for word in words {
            if word.text == "then", word.key == nil, !word.wasQuoted { parts.append([]) } else { parts[parts.count - 1].append(word) }
        }
        return parts
    }
}

/// `keep`: makes the open what-if part of the plan.
public enum KeepCommand: Command {
    public static let name = "keep"
    public static let topic = HelpTopic.pricing
    public static let summary = "make the open what-if's changes part of the plan (one undo step)"
    public static let usage = ["keep"]
    public static let examples = ["keep"]
    public static let exampleSetup = ["whatif", "product set TS-001 price=69"]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkPositionals(max: 0, usage: usage[0])
        guard session.isWhatIfOpen else { throw CommandError(phrase("no what-if is open; whatif opens one")) }
        if let name = session.whatIf?.scenario {
            let scenario = try session.storeWhatIf(as: name, volume: nil)
            return [.message(phrase("kept scenario {name}: {changes}; the plan is unchanged (scenario show {name} lists them)", ["name": name, "changes": phrase(count: scenario.changes.count, "{count} change", "{count} changes")]))]
        }
        let count = session.whatIfSteps.count
        guard session.keepWhatIf() != nil else { return [.message(phrase("the what-if held no changes; it is closed"))] }
        return [.message(phrase(count == 1 ? "kept the what-if: {changes} is now part of the plan (undo takes it back in one step)" : "kept the what-if: {changes} are now part of the plan (undo takes them back in one step)",
                                ["changes": phrase(count: count, "{count} change", "{count} changes")]))]
    }
}

/// `drop`: throws the open what-if away.
public enum DropCommand: Command {
    public static let name = "drop"
    public static let topic = HelpTopic.pricing
    public static let summary = "throw away the open what-if's changes"
    public static let usage = ["drop"]
    public static let examples = ["drop"]
    public static let exampleSetup = ["whatif", "product set TS-001 price=69"]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkPositionals(max: 0, usage: usage[0])
        guard session.isWhatIfOpen else { throw CommandError(phrase("no what-if is open; whatif opens one")) }
        let count = session.dropWhatIf()
        return [.message(phrase("dropped the what-if: {changes} thrown away; the plan is as it was", ["changes": phrase(count: count, "{count} change", "{count} changes")]))]
    }
}
