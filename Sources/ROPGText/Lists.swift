/// "a or b or c" in English, "a 或 b 或 c" in Chinese: the nearest names a "did you mean" offers.
public func orList(_ items: [String]) -> String {
    items.joined(separator: phrase(" or "))
}

/// "a, b, c" in English, "a、b、c" in Chinese: a list of words in a sentence.
public func commaList(_ items: [String]) -> String {
    items.joined(separator: phrase(", "))
}

/// "a, b or c" in English, "a、b 或 c" in Chinese: the words a key takes, in an error.
public func choiceList(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return phrase("{first} or {last}", ["first": commaList(Array(items.dropLast())), "last": items[items.count - 1]])
}
