/// What the domain says when something cannot be worked out, without words of its own: the
/// catalogue's key for the message (its English text, parameters written `{name}`) and the values,
/// with the message it wraps as `{problem}`. The layers that phrase say it in the user's language
/// (ROPGText's `phrased`), as they do the domain's typed errors.
///
/// A plain literal is a message without parameters (`Failure(message: "a weight is negative")`);
/// an interpolated one does not compile, so no message is built by joining English.
public struct KeyedMessage: Hashable, Sendable, ExpressibleByStringLiteral {
    public var key: String
    public var values: [String: String]
    /// The message this one wraps, said as its `{problem}`.
    public var cause: [KeyedMessage]

    public init(_ key: String, _ values: [String: String] = [:], cause: KeyedMessage? = nil) {
        self.key = key
        self.values = values
        self.cause = cause.map { [$0] } ?? []
    }

    public init(stringLiteral key: String) { self.init(key) }
}
