extension Catalogue {
    static let errorEntries: [String: String] = [:]
}
