extension Catalogue {
    static let reportEntries: [String: String] = [:]
}
