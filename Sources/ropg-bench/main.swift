import Foundation
import ROPGDomain
import ROPGShell

// ropg-bench PATH [ROPG-BINARY]
// Generates a realistic workspace of 100,000 products and 1,000,000 cost entries at PATH, then
// measures what the issues set targets for, in this process and through the real binary.

// The generating and in-process part runs in a child process of its own (`--generate`): the
// peak memory a child reports includes its parent's at the moment it was spawned, so the parent
// that times the real binary must stay small.

var arguments = Array(CommandLine.arguments.dropFirst())
let generating = arguments.first == "--generate"
if generating { arguments.removeFirst() }
guard let path = arguments.first, path.hasSuffix(".json") else {
    print("usage: ropg-bench PATH.json [path/to/ropg]")
    exit(2)
}
let binary = arguments.count > 1 ? arguments[1] : ".build/release/ropg"

/// A small deterministic generator, so every run measures the same file.
struct Generator {
    var state: UInt64 = 0x9E3779B97F4A7C15
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

func generate(products productCount: Int, costs costCount: Int) -> Workspace {
    var random = Generator()
    let materials = ["纯棉", "冰丝", "真丝", "亚麻", "羊毛", "涤纶", "牛仔", "雪纺"]
    let items = ["T恤", "衬衫", "卫衣", "连衣裙", "牛仔裤", "外套", "Polo衫", "短裤", "袜子", "帽子"]
    let colors = ["白色", "黑色", "藏青", "灰色", "卡其", "红色"]
    let sizes = ["S", "M", "L", "XL", "XXL"]
    var workspace = Workspace(name: "bench")
    workspace.products.reserveCapacity(productCount)
    var skus: [String] = []
    for index in 1...productCount {
        let sku = "SKU-" + String(repeating: "0", count: 6 - String(index).count) + String(index)
        let cost = ExactDecimal(mantissa: Int128(500 + random.next(20_000)), places: 2)
        let price = cost * 2 + ExactDecimal(mantissa: Int128(random.next(5_000)), places: 2)
        let name = "\(random.pick(materials))\(random.pick(items)) \(random.pick(colors)) \(random.pick(sizes))"
        workspace.products.append(Product(sku: sku, name: name, price: price, cost: cost,
                                          role: random.pick(ProductRole.allCases), stock: random.next(5_000)))
        skus.append(sku)
    }
    let names: [CostCategory: [String]] = [
        .R: ["技术服务年费", "技术服务费", "保证金", "平台年费-天猫", "平台年费-京东"],
        .O: ["直通车", "引力魔方", "钻展", "淘宝客佣金", "ERP", "CRM", "打单机", "扫码枪"],
        .P: ["客服工资", "运营工资", "美工工资", "美工提成", "季度奖金", "仓管工资"],
        .G: ["快递费-华东", "快递费-华南", "包装", "仓库租金", "货品残损", "库存资金占用"],
    ]
    workspace.costs.reserveCapacity(costCount)
    var numbers: [CostCategory: Int32] = [:]
    for _ in 0..<costCount {
        let category = random.pick(CostCategory.allCases)
        let number = (numbers[category] ?? 0) + 1
        numbers[category] = number
        let id = CostID(category: category, number: number)
        let name = random.pick(names[category] ?? ["其他"])
        let amount = ExactDecimal(mantissa: Int128(100 + random.next(1_000_000)), places: 2)
        let month = 1 + random.next(12)
        let start = Day(year: 2026, month: month, day: 1)
        var entry: CostEntry
        switch random.next(10) {
        case 0: entry = CostEntry(id: id, name: name, basis: .once(date: start ?? Day(number: 0)), amount: amount)
        case 1: entry = CostEntry(id: id, name: name, basis: .amortized(months: 12), amount: amount, start: start)
        case 2: entry = CostEntry(id: id, name: name, basis: .perUnit, amount: ExactDecimal(mantissa: Int128(random.next(500)), places: 2),
                                  product: random.pick(skus))
        case 3: entry = CostEntry(id: id, name: name, basis: .perOrder, amount: ExactDecimal(mantissa: Int128(300 + random.next(800)), places: 2))
        case 4: entry = CostEntry(id: id, name: name, basis: .percent, amount: ExactDecimal(mantissa: Int128(1 + random.next(80)), places: 3))
        case 5: entry = CostEntry(id: id, name: name, basis: .cpc(clicks: ExactDecimal(1000 + random.next(50_000)), per: .month),
                                  amount: ExactDecimal(mantissa: Int128(30 + random.next(300)), places: 2), start: start)
        default: entry = CostEntry(id: id, name: name, basis: .recurring(per: random.pick([.day, .week, .month, .quarter, .year])),
                                   amount: amount, quantity: ExactDecimal(1 + random.next(3)), start: start)
        }
        workspace.costs.append(entry)
    }
    workspace.lastCostNumber = numbers
    var settings = Settings()
    settings[.cvr] = ExactDecimal(mantissa: 3, places: 2)
    settings[.aov] = ExactDecimal(120)
    workspace.settings = settings
    workspace.goals = [Goal(period: .year(2026), metric: .gmv, value: ExactDecimal(1_200_000_000))]
    return workspace
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Runs a program; returns wall seconds and peak resident memory in MiB.
func runBinary(_ arguments: [String], program: String = binary, quiet: Bool = true) -> (seconds: Double, peakMiB: Double, status: Int32) {
    let start = DispatchTime.now().uptimeNanoseconds
    var pid: pid_t = 0
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    if quiet { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else {
        print("cannot run \(program)")
        exit(1)
    }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (elapsed, Double(usage.ru_maxrss) / 1024, (status >> 8) & 0xff)
}

func report(_ what: String, _ figure: String, _ target: String) {
    let padded = what + String(repeating: " ", count: max(1, 64 - what.count))
    let line = padded + String(repeating: " ", count: max(0, 10 - figure.count)) + figure + (target.isEmpty ? "" : "   target " + target)
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

if !generating {
    FileHandle.standardOutput.write(Data("generating 100,000 products and 1,000,000 cost entries …\n".utf8))
    let me = CommandLine.arguments[0]
    _ = runBinary(["--generate", path, binary], program: me, quiet: false)
    let opened = (0..<3).map { _ in runBinary([path, "-c", "info"]) }
    report("ropg BENCH.json -c info: wall (median of 3)", String(format: "%.3f s", median(opened.map(\.seconds))), "≤ 1.0 s")
    report("ropg BENCH.json -c info: peak memory (max of 3)", String(format: "%.0f MiB", opened.map(\.peakMiB).max() ?? 0), "≤ 300 MiB")
    let demo = "workspaces/demo.json"
    if FileManager.default.fileExists(atPath: demo) {
        _ = runBinary([demo, "-c", "info"])
        let starts = (0..<21).map { _ in runBinary([demo, "-c", "info"]) }
        report("ropg workspaces/demo.json -c info: start to exit (median of 21)",
               String(format: "%.1f ms", median(starts.map(\.seconds)) * 1000), "≤ 50 ms")
    }
    exit(0)
}

var workspace = generate(products: 100_000, costs: 1_000_000)
var encoded: [UInt8] = []
let encodeTime = seconds { encoded = WorkspaceWriter.encode(workspace) }
report("encode to JSON (\(encoded.count / 1_048_576) MiB)", String(format: "%.3f s", encodeTime), "")
var saveTimes: [Double] = []
for _ in 0..<3 {
    saveTimes.append(try seconds { try WorkspaceWriter.save(workspace, to: path) })
}
report("save: streamed encode + atomic write + fsync (median of 3)", String(format: "%.3f s", median(saveTimes)), "≤ 1.5 s")
encoded = []

var loadTimes: [Double] = []
for _ in 0..<3 {
    loadTimes.append(try seconds { workspace = try WorkspaceReader.load(path: path) })
}
report("open in process: read + validate (median of 3)", String(format: "%.3f s", median(loadTimes)), "≤ 1.0 s")


// Targets: spreading the demo's year to its 365 days with the 电商 profile and its event days,
// and printing `goal show 2026 by=day`, in this process (what a command costs once the shell runs).
if FileManager.default.fileExists(atPath: "workspaces/demo.json") {
    var demo = try WorkspaceReader.load(path: "workspaces/demo.json")
    demo.splits = [GoalSplit(period: .year(2026), grain: .day, method: .profile("电商"))]
    var spreads: [Double] = []
    for _ in 0..<21 { spreads.append(try seconds { _ = try GoalPlan(demo, metric: .gmv) }) }
    report("spread 2026 to 365 days by profile with events (median of 21)", String(format: "%.2f ms", median(spreads) * 1000), "≤ 10 ms")
    let session = Session(workspace: demo, path: nil, console: Console(capturing: ()), interactive: false)
    var shows: [Double] = []
    for _ in 0..<21 {
        shows.append(seconds { session.execute(line: "goal show 2026 by=day") })
        _ = session.console.takeCaptured()
    }
    report("goal show 2026 by=day: spread + 365-row table (median of 21)", String(format: "%.2f ms", median(shows) * 1000), "≤ 10 ms")
}

// Costs and profit: reports over the generated workspace once it is open, and on the demo.
do {
    let big = try WorkspaceReader.load(path: path)
    let session = Session(workspace: big, path: nil, console: Console(capturing: ()), interactive: false)
    // As the interactive shell does after opening: fold the cost entries in the background.
    let folding = seconds { _ = CostIndex(big) }
    report("fold 1M cost entries into the report index (background after open)", String(format: "%.0f ms", folding * 1000), "")
    session.prepareReports()
    Thread.sleep(forTimeInterval: folding * 1.5)
    for command in ["pnl 2026 by=month", "costs 2026-03 by=category"] {
        let first = seconds { session.execute(line: command) }
        _ = session.console.takeCaptured()
        var runs: [Double] = []
        for _ in 0..<5 {
            runs.append(seconds { session.execute(line: command) })
            _ = session.console.takeCaptured()
        }
        report("\(command), 1M entries: first run", String(format: "%.1f ms", first * 1000), "")
        report("\(command), 1M entries: median of 5 after", String(format: "%.1f ms", median(runs) * 1000), "≤ 20 ms")
    }
}
if FileManager.default.fileExists(atPath: "workspaces/demo.json") {
    let session = Session(workspace: try WorkspaceReader.load(path: "workspaces/demo.json"), path: nil, console: Console(capturing: ()), interactive: false)
    var runs: [Double] = []
    for _ in 0..<21 {
        runs.append(seconds { session.execute(line: "pnl 2026-03") })
        _ = session.console.takeCaptured()
    }
    report("pnl 2026-03 on the demo (median of 21)", String(format: "%.2f ms", median(runs) * 1000), "≤ 5 ms")
}

// Pricing and what-ifs: margin over every product of the generated workspace, and a what-if's
// side-by-side pnl on the demo.
do {
    let big = try WorkspaceReader.load(path: path)
    let session = Session(workspace: big, path: nil, console: Console(capturing: ()), interactive: false)
    session.execute(line: "margin SKU-000001 on=2026-03-16")  // folds the cost index once, as the shell does after opening
    _ = session.console.takeCaptured()
    var runs: [Double] = []
    for _ in 0..<3 {
        runs.append(seconds { session.execute(line: "margin on=2026-03-16") })
        _ = session.console.takeCaptured()
    }
    report("margin over 100,000 products, text table (median of 3)", String(format: "%.0f ms", median(runs) * 1000), "≤ 300 ms")
}
if FileManager.default.fileExists(atPath: "workspaces/demo.json") {
    let session = Session(workspace: try WorkspaceReader.load(path: "workspaces/demo.json"), path: nil, console: Console(capturing: ()), interactive: false)
    session.execute(line: "whatif; product set TS-001 price=89; cost add P 主播 8000/month; pnl 2026 by=month")
    _ = session.console.takeCaptured()
    var runs: [Double] = []
    for _ in 0..<21 {
        runs.append(seconds { session.execute(line: "pnl 2026 by=month") })
        _ = session.console.takeCaptured()
    }
    report("what-if pnl 2026 by=month on the demo, plan | what-if (median of 21)", String(format: "%.2f ms", median(runs) * 1000), "≤ 10 ms")
    session.execute(line: "drop")
    var seeks: [Double] = []
    for _ in 0..<5 {
        seeks.append(seconds { session.execute(line: "seek cvr until profit:2026-11=0; drop") })
        _ = session.console.takeCaptured()
    }
    report("seek cvr until profit:2026-11=0 on the demo (median of 5)", String(format: "%.0f ms", median(seeks) * 1000), "")
}
