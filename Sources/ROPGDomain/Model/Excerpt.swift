/// How errors quote what the user typed or a file held. A bad token can be megabytes long (a
/// pasted file, a stuck key): the error keeps the first `excerptLimit` characters and says
/// with "…" that it cut, so that the message still fits on a screen and shows what to fix.
extension String {
    /// The most characters of a token an error quotes.
    public static let excerptLimit = 80

    /// At most `String.excerptLimit` characters of the text, ending in "…" when it was cut.
    /// Looks at no more than that many characters, so a 16 MB word costs no more than a short one.
    public var excerpt: String {
        guard utf8.count > String.excerptLimit,
              let end = index(startIndex, offsetBy: String.excerptLimit, limitedBy: endIndex),
              end != endIndex
        else { return self }
        return String(self[..<end]) + "…"
    }

    /// The excerpt in double quotes, as errors quote a word: `"TS-001x"`.
    public var quotedExcerpt: String { "\"" + excerpt + "\"" }
}
