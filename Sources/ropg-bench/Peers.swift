import Foundation
import ROPGDomain

// The peers: the same cost entries as a CSV, summed by category and month by DuckDB (started
// from Python) and by sqlite3's shell, each timed as a whole process in turn with ropg's own
// commands, so that each figure is a ratio taken in the same minute of the same machine.

/// The CSV the peers read: one row per cost entry (id, category, name, basis, amount, per, qty,
/// months, start, date, product, clicks).
func peerCSVPath(for path: String) -> String { String(path.dropLast(5)) + ".csv" }

func writePeerCSV(_ workspace: Workspace, to path: String) {
    var text = "id,category,name,basis,amount,per,qty,months,start,date,product,clicks\n"
    text.reserveCapacity(workspace.costs.count * 90)
    func quoted(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    for entry in workspace.costs {
        var per = "", months = "", date = "", clicks = ""
        switch entry.basis {
        case .once(let day): date = day.description
        case .recurring(let unit), .cpt(let unit): per = unit.rawValue
        case .cpc(let volume, let unit), .cpm(let volume, let unit): per = unit.rawValue; clicks = volume.description
        case .amortized(let count): months = String(count)
        case .deposit(let day): date = day?.description ?? ""
        default: break
        }
        let fields = [entry.id.description, entry.category.rawValue, quoted(entry.name), entry.basis.name, entry.amount.description, per,
                      entry.quantity.description, months, entry.start?.description ?? "", date, entry.product ?? "", clicks]
        text += fields.joined(separator: ",") + "\n"
    }
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

/// The first executable of that name on PATH.
func onPath(_ name: String) -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Times ropg's one-shot commands against DuckDB's and sqlite3's sums, in turn, and prints the
/// medians and the median of the ratios pair by pair. A peer that is not installed is left out
/// with a note.
func benchPeers(workspace path: String) {
    let csv = peerCSVPath(for: path)
    guard FileManager.default.fileExists(atPath: csv) else { return }
    // A plain sum by category and month of the day an entry is dated or starts: no accrual.
    let query = "SELECT category, substr(coalesce(nullif(date, ''), nullif(start, ''), '2026-01-01'), 1, 7) AS month, "
        + "sum(CAST(amount AS DOUBLE) * CAST(qty AS DOUBLE)) FROM costs GROUP BY 1, 2 ORDER BY 1, 2"
    var peers: [(name: String, program: String, arguments: [String])] = []
    if let python = onPath("python3"), runBinary(["-c", "import duckdb"], program: python).status == 0 {
        let script = "import duckdb; c = duckdb.connect(); "
            + "c.execute(\"CREATE TABLE costs AS SELECT * FROM read_csv('\(csv)', all_varchar=true)\"); "
            + "print(len(c.execute(\"\(query)\").fetchall()))"
        peers.append(("DuckDB (Python, read_csv + GROUP BY)", python, ["-c", script]))
    } else {
        report("DuckDB: not measured (pip install duckdb to compare)", "", "")
    }
    if let sqlite = onPath("sqlite3") {
        peers.append(("sqlite3 (.import + GROUP BY)", sqlite, [":memory:", "-cmd", ".import --csv \(csv) costs", query]))
    } else {
        report("sqlite3: not measured (apt-get install sqlite3 to compare)", "", "")
    }
    let ours: [(name: String, arguments: [String])] = [
        ("ropg BENCH.json -c 'costs 2026 by=month'", [path, "-c", "costs 2026 by=month"]),
        ("ropg BENCH.json -c info", [path, "-c", "info"]),
    ]
    let rounds = 5
    var times: [String: [Double]] = [:]
    var peaks: [String: Double] = [:]
    var ratios: [String: [Double]] = [:]
    for _ in 0..<rounds {
        var round: [String: Double] = [:]
        for command in ours {
            let run = runBinary(command.arguments)
            round[command.name] = run.seconds
            peaks[command.name] = max(peaks[command.name] ?? 0, run.peakMiB)
        }
        for peer in peers { round[peer.name] = runBinary(peer.arguments, program: peer.program).seconds }
        for (name, seconds) in round { times[name, default: []].append(seconds) }
        for command in ours {
            for peer in peers { ratios["\(command.name) ÷ \(peer.name)", default: []].append((round[command.name] ?? 0) / (round[peer.name] ?? 1)) }
        }
    }
    func range(_ values: [Double], _ format: String) -> String {
        String(format: format, median(values)) + " (" + String(format: format, values.min() ?? 0) + "–" + String(format: format, values.max() ?? 0) + ")"
    }
    report("whole processes, \(rounds) rounds in turn: median (min–max)", "", "")
    for command in ours {
        report("  \(command.name)", range(times[command.name] ?? [], "%.3f s"), "")
        report("  \(command.name): peak memory", String(format: "%.0f MiB", peaks[command.name] ?? 0), "≤ 250 MiB")
    }
    for peer in peers { report("  \(peer.name)", range(times[peer.name] ?? [], "%.3f s"), "") }
    for command in ours {
        for peer in peers {
            let target = peer.name.hasPrefix("DuckDB") ? (command.name.hasSuffix("info") ? "< 0.8" : "< 1 (goal 0.67)") : ""
            report("  \(command.name) ÷ \(peer.name.split(separator: " ").first ?? "")", range(ratios["\(command.name) ÷ \(peer.name)"] ?? [], "%.2f"), target)
        }
    }
}
