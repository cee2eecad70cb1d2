import ROPGDomain
import ROPGText
import ROPGTables

/// `profile set|list|show|rm`: seasonal profiles for spreading goals.
public enum ProfileCommand: Command {
    public static let name = "profile"
    public static let aliases = ["profiles"]
    public static let topic = HelpTopic.plan
    public static let summary = "seasonal profiles: month, weekday and event-day weights for spreading goals"
    public static let usage = [
        "profile set NAME [jan=W … dec=W] [mon=W … sun=W] [event=MM-DDxMULTIPLIER …] [event=DAYxMULTIPLIER …]",
        "profile set NAME event=MM-DD:none | event=DAY:none",
        "profile list",
        "profile show NAME",
        "profile rm NAME",
    ]
    public static let examples = [
        "profile set 电商 jun=1.3 nov=1.9 dec=1.2 feb=0.6",
        "profile set 电商 sat=1.1 sun=1.15 event=11-11x6 event=06-18x3 event=12-12x2.5",
        "profile set 电商 event=2027-01-20x1.5",
        "goal split 2026 to=month by=profile:电商",
    ]
    public static let details = """
        Weights are relative: a month of weight 2 gets twice the share of a month of weight 1; weights not given
        stay as they were (1 for a new profile). Splitting to days, a day's share of its month follows its
        weekday weight times its event multiplier (11-11x6: 双11 counts as six ordinary days).
        An event written MM-DD (11-11x6, 06-18x3, 12-12x2.5) applies on that day of every year; 02-29 counts in leap
        years only. An event written with its year (2027-01-20x1.5) applies on that one day, and on a day that has
        both, the dated one wins. Holidays whose dates move each year (春节, 年货节, 元宵) stay dated: add them
        year by year. event=11-11:none or event=2027-01-20:none takes an event off.
        """
    public static let syntax = Syntax([
        Verb("set", words: [.profile], required: 1, keys: Key.all(Profile.monthKeys + Profile.weekdayKeys, .amount) + [Key("event", .text, repeatable: true)]),
        Verb("list"),
        Verb("show", words: [.profile], required: 1),
        Verb("rm", words: [.profile], required: 1),
    ])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        switch try verb(arguments) {
        case "set": return try set(arguments, session)
        case "list": return try list(arguments, session)
        case "rm": return try remove(arguments, session)
        default: return try show(arguments, session)
        }
    }

    private static func name(_ arguments: Arguments, _ verb: String) throws(CommandError) -> String {
        guard let name = arguments.positional(1), !name.isEmpty else { throw CommandError(phrase("profile {verb} needs a name, e.g. profile {verb} 电商", ["verb": verb])) }
        return name
    }

    private static func existing(_ name: String, _ session: Session) throws(CommandError) -> Int {
        guard let index = session.workspace.profiles.firstIndex(where: { $0.name == name }) else {
            let known = session.workspace.profiles.map(\.name)
            throw CommandError(known.isEmpty ? phrase("no profile {name}", ["name": name]) : phrase("no profile {name}; there is {names}", ["name": name, "names": commaList(known)]))
        }
        return index
    }

    private static func set(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "set")
        try arguments.checkPositionals(max: 2, usage: usage[0])
        let name = try name(arguments, "set")
        guard !arguments.options.isEmpty else { throw CommandError(phrase("profile set {name} needs weights, e.g. nov=1.9 or sat=1.1 or event=2026-11-11x6", ["name": name])) }
        var profiles = session.workspace.profiles
        let index = profiles.firstIndex { $0.name == name }
        var profile = index.map { profiles[$0] } ?? Profile(name: name)
        // `typed` is the option as written (event=11-11x-1), so the error names the whole of it.
        func weight(_ key: String, _ text: String, typed: String? = nil) throws(CommandError) -> ExactDecimal {
            let shown = "\(key)=\((typed ?? text).excerpt)"
            let value: ExactDecimal
            do { value = try NumberGrammar.amount(text) } catch { throw CommandError(phrase("{text}: {problem}", ["text": shown, "problem": error.message])) }
            guard !value.isNegative else { throw CommandError(phrase("{text}: a weight must not be negative", ["text": shown])) }
            guard value <= Profile.largestWeight else { throw CommandError(phrase("{text}: a weight is at most {most}", ["text": shown, "most": Profile.largestWeight.countText])) }
            return value
        }
        for option in arguments.options {
            guard let key = option.key, let text = option.value else { continue }
            if let month = Profile.monthKeys.firstIndex(of: key) {
                profile.monthWeights[month] = try weight(key, text)
            } else if let weekday = Profile.weekdayKeys.firstIndex(of: key) {
                profile.weekdayWeights[weekday] = try weight(key, text)
            } else {
                let separator = text.lastIndex(where: { $0 == "x" || $0 == "X" || $0 == "×" || $0 == ":" })
                guard let separator else { throw CommandError(phrase("event={value}: write the day and its multiplier, e.g. event=11-11x6 (every year) or event=2026-11-11x6 (one day)", ["value": text])) }
                let dayText = String(text[..<separator])
                let multiplierText = String(text[text.index(after: separator)...])
                if dayText.split(separator: "-", omittingEmptySubsequences: false).count == 2 {
                    guard let monthDay = MonthDay(text: dayText) else {
                        throw CommandError(phrase("event={value}: {day} is not a month and day; write MM-DD, e.g. 11-11 or 06-18", ["value": text.excerpt, "day": dayText.quotedExcerpt]))
                    }
                    if multiplierText == "none" {
                        guard profile.yearlyEvents.removeValue(forKey: monthDay) != nil else { throw CommandError(phrase("{name} has no yearly event on {day}", ["name": name, "day": monthDay.text])) }
                    } else {
                        profile.yearlyEvents[monthDay] = try weight("event", multiplierText, typed: text)
                    }
                    continue
                }
                let day: Day
                do { day = try Period.parseDay(dayText) } catch { throw CommandError(phrase("event={value}: {problem}; or MM-DD for every year, e.g. event=11-11x6", ["value": text.excerpt, "problem": error.message])) }
                if multiplierText == "none" {
                    guard profile.events.removeValue(forKey: day) != nil else { throw CommandError(phrase("{name} has no event on {day}", ["name": name, "day": "\(day)"])) }
                } else {
                    profile.events[day] = try weight("event", multiplierText, typed: text)
                }
            }
        }
        if let index { profiles[index] = profile } else { profiles.append(profile) }
        var workspace = session.workspace
        workspace.profiles = profiles
        for metric in GoalMetric.allCases where workspace.goals.contains(where: { $0.metric == metric }) {
            _ = try GoalCommand.plan(workspace, metric)
        }
        session.perform(Edit(description: arguments.described("profile set \(name)"), changes: [.setProfiles(profiles)]))
        return [.message(index == nil ? phrase("made profile {name}", ["name": name]) : phrase("changed profile {name}", ["name": name]))] + describe(profile)
    }

    private static func list(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "list")
        try arguments.checkPositionals(max: 1, usage: usage[2])
        let profiles = session.workspace.profiles
        let table = Table(
            title: nil,
            columns: [.text("name", key: "name")] + Profile.monthKeys.map { .number($0, key: $0) } + [.text("events", key: "events"), .text("used by", key: "used_by")],
            rows: profiles.map { profile in
                [.text(profile.name)] + profile.monthWeights.map { Cell(text: $0.description, plain: $0.description, kind: .decimal, alignment: .right, emphasis: .none) }
                    + [.count(profile.events.count + profile.yearlyEvents.count),
                       .text(session.workspace.splits.filter { $0.method == .profile(profile.name) }.map(\.period.text).joined(separator: ", "))]
            },
            notes: profiles.isEmpty ? ["no profiles yet; make one with profile set 电商 nov=1.9 jun=1.3"] : [])
        return [.table(table)]
    }

    private static func show(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "show")
        try arguments.checkPositionals(max: 2, usage: usage[3])
        return describe(session.workspace.profiles[try existing(try name(arguments, "show"), session)])
    }

    private static func remove(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "rm")
        try arguments.checkPositionals(max: 2, usage: usage[4])
        let name = try name(arguments, "rm")
        let index = try existing(name, session)
        let users = session.workspace.splits.filter { $0.method == .profile(name) }.map(\.period.text)
        guard users.isEmpty else { throw CommandError(phrase("profile {name} spreads {users}; split those another way first", ["name": name, "users": commaList(users)])) }
        var profiles = session.workspace.profiles
        profiles.remove(at: index)
        session.perform(Edit(description: "profile rm \(name)", changes: [.setProfiles(profiles)]))
        return [.message(phrase("removed profile {name}", ["name": name]))]
    }

    static func describe(_ profile: Profile) -> [Block] {
        let total = profile.monthWeights.reduce(ExactDecimal.zero, +)
        let rows: [[Cell]] = Profile.monthKeys.indices.map { index in
            let weight = profile.monthWeights[index]
            return [.text(Profile.monthKeys[index]), .count(weight), .optional(weight.divided(by: total), { .rate($0, places: 1) })]
        }
        var notes = [phrase("weekdays: {weights}", ["weights": zip(Profile.weekdayKeys, profile.weekdayWeights).map { "\($0) \($1)" }.joined(separator: "  ")])]
        notes.append(phrase("events every year: {events}", ["events": profile.yearlyEvents.isEmpty ? phrase("none")
            : profile.yearlyEvents.keys.sorted().map { "\($0.text)×\(profile.yearlyEvents[$0] ?? .one)" }.joined(separator: "  ")]))
        notes.append(phrase("dated events: {events}", ["events": profile.events.isEmpty ? phrase("none")
            : profile.events.keys.sorted().map { "\($0.isoText)×\(profile.events[$0] ?? .one)" }.joined(separator: "  ")]))
        return [.table(Table(title: phrase("profile {name}", ["name": profile.name]),
                             columns: [.text("month", key: "month"), .number("weight", key: "weight"), .number("share of year", key: "share")],
                             rows: rows, notes: notes))]
    }
}
