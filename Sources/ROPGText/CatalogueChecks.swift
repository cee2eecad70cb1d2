extension Catalogue {
    static let checkEntries: [String: String] = [:]
}
