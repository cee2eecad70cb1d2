import ROPGDomain
import ROPGText
import ROPGReports

extension ReportError {
    /// The report's error in the session's language: its key phrased by the catalogue, with its
    /// values and, as `{problem}`, the error it wraps.
    public var message: String {
        var values = self.values
        if let cause = cause.first { values["problem"] = cause.message }
        return phrase(key, values: values)
    }
}

extension CommandError {
    /// The domain's message, in the session's language.
    init(_ message: KeyedMessage) { self.init(message.phrased) }
}
