/// How wide text output on standard output is drawn (`format width=`).
public enum OutputWidth: Sendable, Equatable {
    /// The terminal's width on a terminal; full tables in pipes and files.
    case auto
    /// This many display columns, terminal or not (`format width=80`).
    case columns(Int)
    /// Full tables always (`format width=full`).
    case full

    /// The narrowest width a table or chart is fitted to.
    public static let narrowest = 20

    /// As `format width=` takes and shows it: "auto", "full", "80".
    public var text: String {
        switch self {
        case .auto: "auto"
        case .full: "full"
        case .columns(let n): String(n)
        }
    }
}

extension Session {
    /// The width standard output's tables and charts fit, or nil for full tables. Files never fit:
    /// `> FILE` keeps the full table.
    var outputWidth: Int? {
        switch width {
        case .auto: console.terminalWidth
        case .full: nil
        case .columns(let n): n
        }
    }
}
