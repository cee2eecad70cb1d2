// The morning check: its tables, verdicts and the seeds' advice.

extension Catalogue {
    static let checkEntries: [String: String] = [:]
}
