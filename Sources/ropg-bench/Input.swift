import Foundation
import ROPGDomain
import ROPGShell

// Hostile input: the lines that once took seconds or minutes (an edit distance against every
// name for a huge word, a quadratic key test over a word full of `=`, trimming scalar by scalar).
// The tests prove each is refused with a short error; how long the refusal takes is measured
// here, not in a timed test.

/// Times each 16 MiB line through a script run, as a replayed file reaches the shell.
@MainActor func benchHostileInput() {
    let megabytes16 = 16 * 1024 * 1024
    let lines: [(String, String)] = [
        ("one 16 MiB word", String(repeating: "x", count: megabytes16)),
        ("a word of 8 Mi letters and 8 Mi `=`", "product set TS-001 " + String(repeating: "a", count: megabytes16 / 2) + "B" + String(repeating: "=", count: megabytes16 / 2)),
        ("a 16 MiB number", "product set TS-001 price=" + String(repeating: "9", count: megabytes16)),
        ("a 16 MiB SKU", "product add " + String(repeating: "A", count: megabytes16) + " price=1 cost=x"),
        ("a quoted name of 4 Mi Chinese words", "product add A name=\"" + String(repeating: "纯 ", count: megabytes16 / 4) + "\" price=1 cost=x"),
        ("4 Mi words and a trailing space", "product add " + String(repeating: "a b ", count: megabytes16 / 4)),
        ("16 Mi spaces, a word, 16 Mi tabs", String(repeating: " ", count: megabytes16) + "nonsense" + String(repeating: "\t", count: megabytes16)),
    ]
    let shop = Workspace(name: "shop", products: [Product(sku: "TS-001", name: "t", price: ExactDecimal(1), cost: ExactDecimal(1))])
    let session = Session(workspace: shop, path: nil, console: Console(capturing: ()), interactive: false)
    for (what, line) in lines {
        let script = Script(name: "big.ropg", text: line + "\r\n")
        let time = seconds { _ = session.run(script, bail: false, echo: false) }
        _ = session.console.takeCaptured()
        _ = session.console.takeCapturedErrors()
        report("refusing \(what)", String(format: "%.0f ms", time * 1000), "≤ 1,000 ms")
    }
}
