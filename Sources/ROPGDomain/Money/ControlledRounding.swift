/// Rounds a table of figures held together by sums both ways to whole cents, each figure to the
/// cent just below or just above it, so that every row still adds up as its figures' tree says and
/// every column still adds up to the totals row (controlled rounding, Cox 1987).
///
/// A row's figures form a tree: each figure that is not a leaf is the sum of its children (GMV =
/// net revenue + refunds, net revenue = total cost + profit, total cost = R + O + P + G). The
/// totals row is the sum of the rows, figure by figure. Shared out one column at a time (the
/// largest-remainder rule), the leaves of a row are each within a cent, but a figure worked out
/// from them can be several cents off, and in 亿 a month's profit of 0.0071 read −0.01. Rounded
/// here, no figure is a cent or more from its exact value, and so none changes sign unless it is
/// within a cent of zero.
///
/// The two families of sums, rows' trees and columns, are both laminar, so the constraints are a
/// network: the totals row's tree flows from a source into the cells, and each row's tree flows
/// from its cells into a sink. The exact figures are a flow within the bounds, so a flow of whole
/// cents within them exists (the integrality of network flows). Of those, the cheapest flow is
/// taken, where moving a figure from its nearest cent costs: so the totals row keeps the period's
/// own figures, and as many figures as can keep their nearest cent.
public enum ControlledRounding {
    /// Rows beyond which the flow is not tried (its network grows with the rows).
    public static let mostRows = 2_000

    /// A figure's nearest cent and, when it is not a whole cent, the cent on its other side.
    struct Bounds {
        var nearest: Int64
        var other: Int64?
    }

    /// `rows` and `footer` (each row's figures by column, every one present) rounded to cents,
    /// where `parent[c]` is the column figure `c` adds into (nil for the tree's root). Nil when
    /// the figures do not add up so exactly, a figure is too large for 64 bits of cents, or there
    /// are too many rows.
    /// `workedOut[c]` is true for a figure the report works out from others (profit = net
    /// revenue − total cost), which gives way before the figures it is worked out from.
    public static func rounded(rows: [[ExactDecimal]], footer: [ExactDecimal], parent: [Int?], workedOut: [Bool]) -> (rows: [[Int64]], footer: [Int64])? {
        let columns = parent.count
        guard rows.count <= mostRows, footer.count == columns, workedOut.count == columns, rows.allSatisfy({ $0.count == columns }),
              parent.filter({ $0 == nil }).count == 1, let root = parent.firstIndex(where: { $0 == nil }) else { return nil }
        let children = (0..<columns).map { column in (0..<columns).filter { parent[$0] == column } }
        // The tree must reach every column from the root, with no cycle.
        var reached = [root], seen: Set<Int> = [root]
        while let next = reached.popLast() {
            for child in children[next] where seen.insert(child).inserted { reached.append(child) }
        }
        guard seen.count == columns else { return nil }
        // The exact figures add up both ways.
        for row in rows + [footer] {
            for column in 0..<columns where !children[column].isEmpty {
                guard children[column].reduce(ExactDecimal.zero, { $0 + row[$1] }) == row[column] else { return nil }
            }
        }
        for column in 0..<columns {
            guard rows.reduce(ExactDecimal.zero, { $0 + $1[column] }) == footer[column] else { return nil }
        }
        func bounds(_ value: ExactDecimal) -> Bounds? {
            let cent = ExactDecimal.unitsPerOne / 100
            var (whole, left) = value.units.quotientAndRemainder(dividingBy: cent)
            if left < 0 { whole -= 1; left += cent }
            // Below 2⁴⁰ cents a figure (11 billion in the unit shown), so that no node's sum of
            // its rows' figures can overflow.
            guard let low = Int64(exactly: whole), low < 1 << 40, low > -(1 << 40) else { return nil }
            // Half up: the nearest cent, the upper one at exactly half.
            return Bounds(nearest: left * 2 >= cent ? low + 1 : low, other: left == 0 ? nil : (left * 2 >= cent ? low : low + 1))
        }

        // Each figure starts at its nearest cent (half up) and may move to its other cent at a
        // cost: a total's given figures cost most to move (the totals row is the period's own
        // report), then a row's given figures, then the figures worked out from them. The cheapest flow keeps as
        // many figures at their nearest cent as the sums allow.
        var network = Network()
        let source = network.node(), sink = network.node()
        let footerNodes = (0..<columns).map { _ in network.node() }
        var footerArcs = [Int](repeating: -1, count: columns)
        var cellArcs = [[Int]](repeating: [Int](repeating: -1, count: columns), count: rows.count)
        func cost(_ column: Int, footer: Bool) -> Int64 {
            let given = !workedOut[column]
            return footer ? (given ? 1_000 : 1) : (given ? 2 : 1)
        }
        guard let rootBounds = bounds(footer[root]) else { return nil }
        footerArcs[root] = network.arc(source, footerNodes[root], rootBounds, cost: cost(root, footer: true))
        for column in 0..<columns {
            guard let parent = parent[column] else { continue }
            guard let limits = bounds(footer[column]) else { return nil }
            footerArcs[column] = network.arc(footerNodes[parent], footerNodes[column], limits, cost: cost(column, footer: true))
        }
        for (index, row) in rows.enumerated() {
            // A node a figure with children, which its children flow into.
            var rowNodes = [Int](repeating: -1, count: columns)
            for column in 0..<columns where !children[column].isEmpty { rowNodes[column] = network.node() }
            for column in 0..<columns {
                guard let limits = bounds(row[column]) else { return nil }
                let from = children[column].isEmpty ? footerNodes[column] : rowNodes[column]
                let to = parent[column].map { rowNodes[$0] } ?? sink
                cellArcs[index][column] = network.arc(from, to, limits, cost: cost(column, footer: false))
            }
        }
        guard network.circulate(from: sink, to: source) else { return nil }
        return (cellArcs.map { $0.map(network.flow) }, footerArcs.map(network.flow))
    }

    /// A flow network whose arcs each carry a figure's nearest cent, or its other cent at a cost,
    /// solved for the cheapest flow in which what enters each node leaves it.
    private struct Network {
        private var heads: [Int] = []
        private var targets: [Int] = []
        private var capacities: [Int64] = []
        private var costs: [Int64] = []
        private var next: [Int] = []
        /// By arc (forward arcs only): the cents it starts at, and +1 or −1 for the way it can move.
        private var base: [Int: (cents: Int64, way: Int64)] = [:]
        private var excess: [Int64] = []

        mutating func node() -> Int {
            heads.append(-1)
            excess.append(0)
            return heads.count - 1
        }

        /// An arc from `from` to `to` carrying `bounds.nearest`, or `bounds.other` at `cost`; its index.
        mutating func arc(_ from: Int, _ to: Int, _ bounds: Bounds, cost: Int64) -> Int {
            excess[to] += bounds.nearest
            excess[from] -= bounds.nearest
            guard let other = bounds.other else {
                let index = add(from, to, 0, 0)
                base[index] = (bounds.nearest, 1)
                return index
            }
            // Moving up is a unit from `from` to `to`; moving down, a unit back.
            let up = other > bounds.nearest
            let index = up ? add(from, to, 1, cost) : add(to, from, 1, cost)
            base[index] = (bounds.nearest, up ? 1 : -1)
            return index
        }

        private mutating func add(_ from: Int, _ to: Int, _ capacity: Int64, _ cost: Int64) -> Int {
            let index = targets.count
            targets.append(to); capacities.append(capacity); costs.append(cost); next.append(heads[from]); heads[from] = index
            targets.append(from); capacities.append(0); costs.append(-cost); next.append(heads[to]); heads[to] = index + 1
            return index
        }

        /// What arc `index` carries.
        func flow(_ index: Int) -> Int64 {
            guard let (cents, way) = base[index] else { return 0 }
            return cents + way * capacities[index ^ 1]
        }

        /// Moves the fewest figures, by cost, from their nearest cent so that what enters each node
        /// leaves it, `back` (the sink) returning to `to` (the source) whatever passes; false
        /// when no rounding can.
        mutating func circulate(from back: Int, to source: Int) -> Bool {
            _ = add(back, source, Int64.max / 4, 0)
            _ = add(source, back, Int64.max / 4, 0)
            let superSource = node(), superSink = node()
            var needed: Int64 = 0
            for node in 0..<superSource where excess[node] != 0 {
                if excess[node] > 0 {
                    _ = add(superSource, node, excess[node], 0)
                    needed += excess[node]
                } else {
                    _ = add(node, superSink, -excess[node], 0)
                }
            }
            return cheapestFlow(superSource, superSink, needed) == needed
        }

        /// Successive shortest paths (by cost, found with a queue of nodes whose distance fell),
        /// a unit or more along each, until `wanted` has passed or no path is left.
        private mutating func cheapestFlow(_ source: Int, _ sink: Int, _ wanted: Int64) -> Int64 {
            var total: Int64 = 0
            let count = heads.count
            while total < wanted {
                var distance = [Int64](repeating: .max, count: count)
                var through = [Int](repeating: -1, count: count)
                var queued = [Bool](repeating: false, count: count)
                distance[source] = 0
                var queue = [source], position = 0
                while position < queue.count {
                    let node = queue[position]; position += 1
                    queued[node] = false
                    var arc = heads[node]
                    while arc >= 0 {
                        let target = targets[arc]
                        if capacities[arc] > 0, distance[node] + costs[arc] < distance[target] {
                            distance[target] = distance[node] + costs[arc]
                            through[target] = arc
                            if !queued[target] { queued[target] = true; queue.append(target) }
                        }
                        arc = next[arc]
                    }
                    // The queue is only read forward: drop what was read now and then.
                    if position > 4_096, position * 2 > queue.count { queue.removeFirst(position); position = 0 }
                }
                guard distance[sink] != .max else { return total }
                var amount = wanted - total
                var node = sink
                while node != source {
                    let arc = through[node]
                    amount = min(amount, capacities[arc])
                    node = targets[arc ^ 1]
                }
                node = sink
                while node != source {
                    let arc = through[node]
                    capacities[arc] -= amount
                    capacities[arc ^ 1] += amount
                    node = targets[arc ^ 1]
                }
                total += amount
            }
            return total
        }
    }
}
