/// Works out `make` of 0..<count, in order, on as many cores as its caller has: the domain has no
/// threads of its own, and the reports fold a million entries side by side (`mapInPieces`).
public protocol IndexMapper {
    func map<T: Sendable>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T]
}

/// An `IndexMapper` on the calling thread alone.
public struct InOrder: IndexMapper {
    public init() {}
    public func map<T: Sendable>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T] { (0..<count).map(make) }
}

/// The cost entries folded by shape, for reports over a million rows: entries that accrue alike
/// (same category, timing, bounds, and for sales-linked ones the same basis and product) are
/// summed once, so a report looks at a few hundred groups instead of every entry. Accrual is
/// linear in the amount, so a group costs what its entries cost together.
///
/// A change to a few entries or products need not fold a million entries again: `updated(by:in:)`
/// (CostIndex+Changes.swift) subtracts and adds what the changed entries bring, and leaves an
/// index equal to the one a fresh fold of the changed workspace gives.
public struct CostIndex: Equatable, Sendable {
    /// A group of entries that accrue alike, as one entry whose amount is their sum. Its `entry`
    /// carries the ID and name of the group's first entry in workspace order (errors name it).
    struct Group: Equatable, Sendable {
        var entry: CostEntry
        var productIndex: Int?
        /// Amortized groups: the sum of each entry's rounded monthly share, and of its last month's.
        var monthly: ExactDecimal = .zero
        var last: ExactDecimal = .zero
        /// How many entries the group holds.
        var members = 0
        /// Product-tied sales-linked groups: what the group adds to its folded coefficient, and
        /// that coefficient's position in `foldedProductGroups` (−1: none).
        var coefficient: ExactDecimal = .zero
        var foldedPosition = -1
    }

    /// A per-unit or per-order group's rate before the mix's units per yuan divides it: the group's
    /// amount × its product's share, and the product's price × the units per order (one for per-unit).
    struct RateParts: Equatable, Sendable {
        var numerator = ExactDecimal.zero
        var denominator = ExactDecimal.zero
    }

    struct Key: Hashable, Sendable {
        var category: CostCategory
        var kind: UInt8
        var per: TimeUnit?
        var months: Int32 = 0   // amortized
        var day: Day?           // once: its date; amortized: its start
        var start: Day?
        var end: Day?
        var product: Int32 = -1
        var share: ExactDecimal?

        /// The fields packed into a few words: hashing each on its own was a third of the fold's work.
        func hash(into hasher: inout Hasher) {
            let packed = PackedKey(self)
            hasher.combine(packed.w0 ^ packed.w1 << 29)
            hasher.combine(packed.w2 ^ packed.w3 << 31)
            hasher.combine(packed.w4)
            if share != nil { hasher.combine(packed.share) }
        }
    }

    /// A key as five words and a share, one to one: what the fold's own table compares and hashes
    /// (a million lookups with `Hasher` and a field-by-field == were most of the fold).
    struct PackedKey: Equatable, Sendable {
        var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64, w4: UInt64
        var share: Int128

        init(_ key: Key) {
            @inline(__always) func code(_ day: Day?) -> UInt64 { day.map { UInt64(UInt32(bitPattern: $0.number)) } ?? 0x1_0000_0000 }
            let perCode: UInt64
            switch key.per {
            case nil: perCode = 0
            case .day: perCode = 1
            case .week: perCode = 2
            case .month: perCode = 3
            case .quarter: perCode = 4
            case .year: perCode = 5
            }
            let categoryCode = UInt64(key.category.position)
            w0 = categoryCode | UInt64(key.kind) << 8 | perCode << 16 | UInt64(UInt32(bitPattern: key.months)) << 32
            w1 = code(key.day)
            w2 = code(key.start)
            w3 = code(key.end)
            w4 = UInt64(UInt32(bitPattern: key.product)) | (key.share == nil ? 0 : 0x1_0000_0000)
            share = key.share?.units ?? 0
        }

        /// A well-mixed hash of the words (for a table indexed by its top bits).
        var mixed: UInt64 {
            var h = w0 &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ w1 ^ h >> 31) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ w2 ^ h >> 29) &* 0x94D0_49BB_1331_11EB
            h = (h ^ w3 ^ h >> 32) &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ w4 ^ UInt64(truncatingIfNeeded: share) ^ UInt64(truncatingIfNeeded: share >> 64) ^ h >> 30) &* 0xBF58_476D_1CE4_E5B9
            return h ^ h >> 31
        }
    }

    /// The fold's table from packed key to group position: open addressing, grown at half full.
    /// Two tables are equal when they hold the same keys in the same order (where in the slots
    /// they sit depends on how the table grew).
    struct GroupTable: Equatable, Sendable {
        private var slots: [Int32]
        private var keys: [PackedKey] = []
        private var shift: UInt64

        init() {
            slots = [Int32](repeating: -1, count: 1024)
            shift = 64 - 10
        }

        /// The table of `keys`, the first at position 0.
        init(_ keys: [PackedKey]) {
            slots = []
            shift = 0
            self.keys = keys
            placeAll(fitting: keys.count)
        }

        static func == (left: GroupTable, right: GroupTable) -> Bool { left.keys == right.keys }

        /// How many keys the table holds.
        var count: Int { keys.count }

        /// The key of the group at `position`.
        func key(at position: Int) -> PackedKey { keys[position] }

        /// The position of `key`'s group, or nil.
        func find(_ key: PackedKey) -> Int? {
            var slot = Int(truncatingIfNeeded: key.mixed >> shift)
            let mask = slots.count - 1
            while true {
                let position = slots[slot]
                if position < 0 { return nil }
                if keys[Int(position)] == key { return Int(position) }
                slot = (slot + 1) & mask
            }
        }

        /// Adds `key` as the next group.
        mutating func append(_ key: PackedKey) {
            keys.append(key)
            if keys.count * 2 > slots.count {
                placeAll(fitting: keys.count)
            } else {
                place(Int32(keys.count - 1))
            }
        }

        /// Makes room for `count` keys without growing again: joining a part's groups to the
        /// groups before them grew the table, and placed every key again, several times.
        mutating func reserveCapacity(_ count: Int) {
            keys.reserveCapacity(count)
            if count * 2 > slots.count { placeAll(fitting: count) }
        }

        /// Slots for `count` keys at most half full (a power of two, 1,024 at least), with every
        /// key placed in them.
        private mutating func placeAll(fitting count: Int) {
            var size = 1024, bits: UInt64 = 10
            while count * 2 > size { size *= 2; bits += 1 }
            slots = [Int32](repeating: -1, count: size)
            shift = 64 - bits
            for position in keys.indices { place(Int32(position)) }
        }

        /// Takes out the last `count` keys (groups dropped from the end: an undone `cost add` of
        /// a new shape). Clearing their slots is enough: a key added later never sits on the way
        /// from a key added before it to that key's slot (the way was full when it was added, and
        /// keys leave only last first), so every key that stays is found as before.
        mutating func removeLast(_ count: Int) {
            let mask = slots.count - 1
            for _ in 0..<min(count, keys.count) {
                guard let position = keys.indices.last else { return }
                var slot = Int(truncatingIfNeeded: keys[position].mixed >> shift)
                while slots[slot] != Int32(position) { slot = (slot + 1) & mask }
                slots[slot] = -1
                keys.removeLast()
            }
        }

        private mutating func place(_ position: Int32) {
            var slot = Int(truncatingIfNeeded: keys[Int(position)].mixed >> shift)
            let mask = slots.count - 1
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = position
        }
    }

    /// What one entry brings to the index: a deposit, or its part of a group.
    enum Contribution {
        case deposit(date: Day?, amount: ExactDecimal)
        /// `amount`: the entry's amount with its quantity (and volume) folded in, and `basis` the
        /// basis its group holds it under (`groupEntry` makes the group's entry from them).
        case group(key: Key, amount: ExactDecimal, basis: CostBasis, productIndex: Int?, monthly: ExactDecimal, last: ExactDecimal)
    }

    var groups: [Group] = []
    /// Each group's rate parts, in the groups' order (zero but for product-tied per-unit and
    /// per-order groups): what their coefficient is worked out from, so that a move of the mix's
    /// units per yuan alone works it out again without reading the product (`perUnitRate`). Kept
    /// beside the groups, not in them: a larger group slowed every report's pass over them.
    var rateParts: [RateParts] = []
    /// Sales-linked entries tied to products, folded further for reports that need no product
    /// breakdown: a product's part of net revenue is fixed by the mix, so each such entry costs a
    /// fixed amount per unit of the shop's net revenue. One coefficient per category, kind,
    /// bounds and CPS share, each a `.percent` entry whose amount is that coefficient.
    var foldedProductGroups: [CostEntry] = []
    /// Deposits by the day they were paid, and those with no date.
    var deposits: [Day: ExactDecimal] = [:]
    var undatedDeposits = ExactDecimal.zero
    /// How many deposits were paid on each day, and how many have no date.
    var depositCounts: [Day: Int] = [:]
    var undatedDepositCount = 0
    /// The mix the coefficients were worked out at.
    var mix = MixFigures()
    /// Each group's position by its key (the fold's own table, kept for changes), each folded
    /// coefficient's, and each cost entry's group in workspace order (−1: a deposit).
    var table = GroupTable()
    var foldedPositions: [Key: Int] = [:]
    var groupOfEntry: [Int32] = []

    public init(_ workspace: Workspace) {
        self = Self.index(of: Self.part(of: workspace, entries: workspace.costs.indices, productIndex: Self.productIndices(workspace)), workspace)
    }

    /// The fold of a range of the entries on its own: the groups in the order the range first
    /// meets them, and the table that finds them by key. `joined(_:_:)` puts parts together.
    public struct Part: Sendable {
        /// The table, each entry's group, and the deposits; its groups are made from `sums`
        /// once the parts are joined (`groups(of:_:mapper:)`).
        var index = CostIndex()
        /// The groups the range met, in the order it met them.
        fileprivate var sums: [Sums] = []
        /// Whether any entry brought a negative amount: sums that saturate could then depend on
        /// the order they were taken in, so such parts are not joined.
        var negative = false
    }

    private init() {}

    /// A group as a range is folded: its running sums, its first entry's position in the
    /// workspace and its product (−1: none). A million additions reach their groups at random, and
    /// this is one cache line where a group is four; the groups are made from these once, when
    /// every part is joined (a group array grown part by part was copied, page by fresh page).
    fileprivate struct Sums: Sendable {
        var amount: ExactDecimal
        var monthly: ExactDecimal
        var last: ExactDecimal
        var members: Int32
        var product: Int32
        var first: Int

        static func += (sums: inout Sums, other: Sums) {
            sums.amount += other.amount
            sums.monthly += other.monthly
            sums.last += other.last
            sums.members += other.members
        }
    }

    /// Folds the entries of `workspace` in `entries` (`productIndex`: `productIndices(workspace)`).
    public static func part(of workspace: Workspace, entries: Range<Int>, productIndex: [String: Int]) -> Part {
        var part = Part()
        part.index.groupOfEntry.reserveCapacity(entries.count)
        // In place: a copy of each entry (a retain of its name and product) was a fifth of the fold.
        workspace.costs.withUnsafeBufferPointer { costs in
            guard let first = costs.baseAddress else { return }
            for entry in entries.clamped(to: costs.indices) {
                switch Self.contribution(at: first + entry, productIndex: { productIndex[$0] }) {
                case .deposit(let date, let amount):
                    part.index.addDeposit(date, amount, count: 1)
                    part.index.groupOfEntry.append(-1)
                    part.negative = part.negative || amount.isNegative
                case .group(let key, let amount, _, let product, let monthly, let last):
                    let packed = PackedKey(key)
                    let sums = Sums(amount: amount, monthly: monthly, last: last, members: 1,
                                    product: Int32(truncatingIfNeeded: product ?? -1), first: entry)
                    let position: Int
                    if let known = part.index.table.find(packed) {
                        position = known
                        part.sums[position] += sums
                    } else {
                        position = part.sums.count
                        part.index.table.append(packed)
                        part.sums.append(sums)
                    }
                    part.index.groupOfEntry.append(Int32(truncatingIfNeeded: position))
                    part.negative = part.negative || amount.isNegative || monthly.isNegative || last.isNegative
                }
            }
        }
        return part
    }

    /// The groups of `sums`, in order, each begun by its first entry (`groupEntry`).
    private static func groups(of sums: [Sums], _ workspace: Workspace, mapper: some IndexMapper) -> [Group] {
        mapper.map(sums.count) { position in
            let sums = sums[position]
            let product = sums.product < 0 ? nil : Int(sums.product)
            // Once a group, so read checked (and copied).
            let first = workspace.costs[sums.first]
            var group = Group(entry: Self.groupEntry(of: first, basis: Self.groupBasis(of: first.basis), amount: sums.amount,
                                                     product: product.map { workspace.products[$0].sku }),
                              productIndex: product, monthly: sums.monthly, last: sums.last)
            group.members = Int(sums.members)
            return group
        }
    }

    /// The index of `workspace` from the parts of its entries, in order (folded side by side on
    /// the machine's cores): equal to `CostIndex(workspace)`. Nil when a part holds a negative
    /// amount (then only the one pass promises the same sums).
    /// `mapper` works out the groups and their coefficients, each on its own.
    public static func joined(_ parts: consuming [Part], _ workspace: Workspace, mapper: some IndexMapper = InOrder()) -> CostIndex? {
        guard !parts.isEmpty, !parts.contains(where: \.negative) else { return nil }
        // Each part is let go of as soon as it is joined: a million entries' groups twice over
        // would raise the peak memory of a report by tens of megabytes.
        parts.reverse()
        guard var whole = parts.popLast() else { return nil }
        while let part = parts.popLast() {
            // A group the earlier parts know takes this part's sums; a new one comes after them,
            // in the order this part met it, begun by its first entry here (its first in the workspace).
            let known = part.sums.indices.map { whole.index.table.find(part.index.table.key(at: $0)) }
            let new = known.reduce(0) { $1 == nil ? $0 + 1 : $0 }
            whole.index.table.reserveCapacity(whole.index.table.count + new)
            whole.sums.reserveCapacity(whole.sums.count + new)
            var renumbered = [Int32](repeating: -1, count: part.sums.count)
            for (position, sums) in part.sums.enumerated() {
                if let known = known[position] {
                    whole.sums[known] += sums
                    renumbered[position] = Int32(truncatingIfNeeded: known)
                } else {
                    renumbered[position] = Int32(truncatingIfNeeded: whole.sums.count)
                    whole.index.table.append(part.index.table.key(at: position))
                    whole.sums.append(sums)
                }
            }
            whole.index.groupOfEntry.reserveCapacity(whole.index.groupOfEntry.count + part.index.groupOfEntry.count)
            for group in part.index.groupOfEntry { whole.index.groupOfEntry.append(group < 0 ? -1 : renumbered[Int(group)]) }
            for (day, amount) in part.index.deposits { whole.index.addDeposit(day, amount, count: part.index.depositCounts[day] ?? 0) }
            whole.index.undatedDeposits += part.index.undatedDeposits
            whole.index.undatedDepositCount += part.index.undatedDepositCount
        }
        return index(of: consume whole, workspace, mapper: mapper)
    }

    /// The index a whole fold's part makes: its groups, and the product-tied coefficients.
    private static func index(of part: consuming Part, _ workspace: Workspace, mapper: some IndexMapper = InOrder()) -> CostIndex {
        var index = part.index
        index.groups = groups(of: part.sums, workspace, mapper: mapper)
        part = Part()
        index.foldProductGroups(workspace, mapper: mapper)
        return index
    }

    /// This index for a workspace with the same cost entries and the same products in the same
    /// order, whose prices, shares or units per order may differ (a scenario): only the
    /// product-tied coefficients are folded again, not the million entries.
    public func refolded(for workspace: Workspace, mapper: some IndexMapper = InOrder()) -> CostIndex {
        var copy = self
        copy.foldProductGroups(workspace, mapper: mapper)
        return copy
    }

    public static func productIndices(_ workspace: Workspace) -> [String: Int] {
        var productIndex: [String: Int] = [:]
        productIndex.reserveCapacity(workspace.products.count)
        // Each SKU read in place: a copy of each product retained and released all its strings.
        workspace.products.withUnsafeBufferPointer { products in
            guard let first = products.baseAddress else { return }
            for index in products.indices { productIndex[(first + index).pointee.sku] = index }
        }
        return productIndex
    }

    /// What `entry` brings: its group's key and its folded amount, or a deposit.
    static func contribution(of entry: CostEntry, productIndex: (String) -> Int?) -> Contribution {
        withUnsafePointer(to: entry) { contribution(at: $0, productIndex: productIndex) }
    }

    /// What the entry at `pointer` brings, read where it lies: a copy of the entry (its name and
    /// product are strings, a retain each) was a tenth of the fold. A group's entry is made once,
    /// when the group is (`groupEntry`).
    @inline(__always)
    static func contribution(at pointer: UnsafePointer<CostEntry>, productIndex: (String) -> Int?) -> Contribution {
        let quantity = pointer.pointee.quantity
        var key = Key(category: pointer.pointee.category, kind: 0, per: nil, day: nil, start: pointer.pointee.start, end: pointer.pointee.end)
        let basis = pointer.pointee.basis
        let entryAmount = pointer.pointee.amount
        var amount = entryAmount * quantity
        var product: Int?
        var productOfEntry: Int? { pointer.pointee.product.flatMap(productIndex) }
        switch basis {
        case .deposit(let date):
            return .deposit(date: date, amount: amount)
        case .recurring(let per), .cpt(let per):
            key.kind = 1; key.per = per
        case .cpc(let clicks, let per):
            key.kind = 1; key.per = per
            amount = entryAmount * clicks * quantity
        case .cpm(let impressions, let per):
            key.kind = 1; key.per = per
            amount = (entryAmount * impressions * quantity).divided(by: 1000)
        case .once(let date):
            key.kind = 2; key.day = date
        case .amortized(let months):
            key.kind = 3; key.day = pointer.pointee.start; key.months = Int32(clamping: months)
        case .perUnit:
            key.kind = 4; product = productOfEntry
        case .perOrder:
            key.kind = 5; product = productOfEntry
        case .percent:
            key.kind = 6; product = productOfEntry
        case .cps(let share):
            key.kind = 7; key.share = share; product = productOfEntry
        case .plannedClicks:
            key.kind = 9; product = productOfEntry
        }
        if let product { key.product = Int32(truncatingIfNeeded: product) }
        var monthly = ExactDecimal.zero, last = ExactDecimal.zero
        if case .amortized(let months) = basis, months >= 1 {
            monthly = amount.divided(by: months).rounded()
            last = amount - monthly * (months - 1)
        }
        return .group(key: key, amount: amount, basis: Self.groupBasis(of: basis), productIndex: product, monthly: monthly, last: last)
    }

    /// The basis a group holds an entry under: timed spending by clicks, impressions or a fixed
    /// time (CPC, CPM, CPT) is recurring spending of its folded amount; the rest as it is.
    static func groupBasis(of basis: CostBasis) -> CostBasis {
        switch basis {
        case .recurring(let per), .cpt(let per), .cpc(_, let per), .cpm(_, let per): .recurring(per: per)
        default: basis
        }
    }

    /// The entry a group holds, begun by `entry`: its ID, name, category and bounds, the group's
    /// basis and amount, quantity one, and the product's SKU when it is tied to one.
    static func groupEntry(of entry: CostEntry, basis: CostBasis, amount: ExactDecimal, product: String?) -> CostEntry {
        CostEntry(id: entry.id, name: entry.name, basis: basis, amount: amount, quantity: .one, start: entry.start, end: entry.end, product: product)
    }

    /// The shop's figures a product-tied group's coefficient is worked out from.
    struct MixFigures: Equatable {
        var shares: [ExactDecimal] = []
        var unitsPerOrder = ExactDecimal.one
        /// The shop's units per yuan of revenue at the mix (nil: no product sells).
        var unitsPerRevenue: ExactDecimal?
        init() {}
        init(_ workspace: Workspace) {
            shares = SalesModel.shares(of: workspace.products)
            unitsPerOrder = workspace.settings[.unitsPerOrder] ?? .one
            unitsPerRevenue = SalesModel.unitsPerRevenue(of: workspace.products)
        }

        /// The figures of `workspace` from `old`'s, the figures before the products in `changed`
        /// (each position with the product as it was) changed: when none of them changed its
        /// share or whether it has a price, every share stays and only their terms of the units
        /// per yuan are worked out again (exact, so equal to a full pass); else a full pass.
        static func of(_ workspace: Workspace, changedFrom old: MixFigures, changed: [Int: Product]) -> MixFigures {
            let products = workspace.products
            let sharesStay = old.shares.count == products.count && changed.allSatisfy { position, before in
                position < products.count && before.share == products[position].share && before.price.isZero == products[position].price.isZero
            }
            guard sharesStay, let (units, _) = SalesModel.perRevenue(old.unitsPerRevenue ?? .zero, .zero, shares: old.shares,
                                                                      changed: changed.lazy.map { ($0.key, $0.value) }, in: products) else {
                return MixFigures(workspace)
            }
            var figures = MixFigures()
            figures.shares = old.shares
            figures.unitsPerOrder = workspace.settings[.unitsPerOrder] ?? .one
            figures.unitsPerRevenue = units.isZero ? nil : units
            return figures
        }
    }

    /// A product-tied sales-linked group's coefficient: what it costs per unit of the shop's net
    /// revenue at the mix, the key of the folded entry it joins, and for per-unit and per-order
    /// groups the parts the rate is worked out from; nil for other groups.
    static func coefficient(of group: Group, _ workspace: Workspace, _ mix: MixFigures) -> (coefficient: ExactDecimal, key: Key, parts: RateParts)? {
        guard let product = group.productIndex else { return nil }
        let price = workspace.products[product].price
        let share = mix.shares[product]
        let coefficient: ExactDecimal
        var cps: ExactDecimal?
        var perUnit = false
        var parts = RateParts()
        switch group.entry.basis {
        case .perUnit, .perOrder:
            // A product's units are the shop's units shared by the mix (docs/DOMAIN.md §8.4): its part
            // of every unit is (shareᵢ ÷ Pᵢ) ÷ Σ shareⱼ ÷ Pⱼ. So per-unit and per-order entries tied to
            // products fold into one shop-wide rate per unit, which follows recorded units or a units
            // goal as the products' own parts do (a rate per yuan of revenue would not).
            // A product that cannot sell (no price, or a mix that sells nothing) keeps its place at zero,
            // as the other kinds do, so that an edit that gives it a price refreshes it in place.
            let perOrder = group.entry.basis == .perOrder ? mix.unitsPerOrder : .one
            parts = RateParts(numerator: group.entry.amount * share, denominator: price * perOrder)
            coefficient = Self.perUnitRate(parts, mix)
            perUnit = true
        case .percent: coefficient = group.entry.amount * share
        case .cps(let cpsShare):
            coefficient = group.entry.amount * share * cpsShare
            cps = cpsShare
        case .plannedClicks:
            coefficient = group.entry.amount * share
        default: return nil
        }
        let isAds = group.entry.basis == .plannedClicks
        let key = Key(category: group.entry.category, kind: isAds ? 10 : perUnit ? 11 : 8, per: nil, day: nil,
                      start: group.entry.start, end: group.entry.end, share: cps)
        return (coefficient, key, parts)
    }

    /// A per-unit or per-order group's rate per unit of net revenue: amount × share ÷ (price ×
    /// units per order × the mix's units per yuan); zero for a product with no price or a mix
    /// that sells nothing.
    static func perUnitRate(_ parts: RateParts, _ mix: MixFigures) -> ExactDecimal {
        guard !parts.denominator.isZero, let unitsPerRevenue = mix.unitsPerRevenue else { return .zero }
        return parts.numerator.divided(by: parts.denominator * unitsPerRevenue) ?? .zero
    }

    /// Folds the product-tied sales-linked groups into per-net-revenue coefficients (`mapper`
    /// works out each group's coefficient; they are folded in the groups' order).
    mutating func foldProductGroups(_ workspace: Workspace, mapper: some IndexMapper = InOrder()) {
        let mix = MixFigures(workspace)
        self.mix = mix
        foldedProductGroups = []
        foldedPositions = [:]
        rateParts = [RateParts](repeating: RateParts(), count: groups.count)
        // Worked out apart from the loop that writes the groups: a copy of them held across it
        // would copy the array on the first write.
        let coefficients = Self.coefficients(of: groups, workspace, mix, mapper: mapper)
        for position in groups.indices {
            groups[position].coefficient = .zero
            groups[position].foldedPosition = -1
            guard let (coefficient, key, parts) = coefficients[position] else { continue }
            groups[position].coefficient = coefficient
            rateParts[position] = parts
            if let folded = foldedPositions[key] {
                foldedProductGroups[folded].amount += coefficient
                groups[position].foldedPosition = folded
            } else {
                foldedPositions[key] = foldedProductGroups.count
                groups[position].foldedPosition = foldedProductGroups.count
                foldedProductGroups.append(Self.foldedEntry(from: groups[position].entry, amount: coefficient))
            }
        }
    }

    /// Each group's `coefficient(of:_:_:)`, in order.
    private static func coefficients(of groups: [Group], _ workspace: Workspace, _ mix: MixFigures,
                                     mapper: some IndexMapper) -> [(coefficient: ExactDecimal, key: Key, parts: RateParts)?] {
        mapper.map(groups.count) { coefficient(of: groups[$0], workspace, mix) }
    }

    /// The folded entry a product-tied group starts: its ID, name, category and bounds, as a rate.
    static func foldedEntry(from entry: CostEntry, amount: ExactDecimal) -> CostEntry {
        var folded = entry
        switch entry.basis {
        case .plannedClicks: folded.basis = .plannedClicks
        case .perUnit, .perOrder: folded.basis = .perUnit
        default: folded.basis = .percent
        }
        folded.product = nil
        folded.amount = amount
        return folded
    }

    mutating func addDeposit(_ date: Day?, _ amount: ExactDecimal, count: Int) {
        if let date {
            deposits[date, default: .zero] += amount
            depositCounts[date, default: 0] += count
            if depositCounts[date] == 0 {
                deposits[date] = nil
                depositCounts[date] = nil
            }
        } else {
            undatedDeposits += amount
            undatedDepositCount += count
        }
    }

    /// The fixed costs of a period: what the entries that do not follow sales cost in it
    /// (deposits are not costs). Break-even's F.
    public func fixedCosts(in period: Period, view: CostView = .accrual) -> ExactDecimal {
        var total = ExactAmount.zero
        for position in groups.indices where groups[position].productIndex == nil && !groups[position].entry.basis.followsSales {
            let group = groups[position]
            let amortized = group.monthly.isZero && group.last.isZero ? nil : (group.monthly, group.last)
            total += CostBook.calendarAmount(of: group.entry, amortized: amortized, in: period, view: view) ?? .zero
        }
        return total.decimal
    }

    /// Deposits held at the end of a day: all paid by then, and those with no date.
    public func depositsHeld(by day: Day) -> ExactDecimal {
        deposits.reduce(undatedDeposits) { $1.key <= day ? $0 + $1.value : $0 }
    }

    /// Deposits paid in a period.
    public func deposits(in period: Period) -> ExactDecimal {
        deposits.reduce(.zero) { period.contains($1.key) ? $0 + $1.value : $0 }
    }
}

extension CostIndex {
    /// The index's groups for books by product: those tied to no product in the index's order,
    /// then those tied to products product by product (in the index's order within a product),
    /// copied out in that order with their positions in the index. A book reads them one after
    /// another; read in the index's order, a hundred thousand products' sales and costs are
    /// reached at random, and read by position in product order, the groups are.
    public struct GroupsByProduct: Sendable {
        let positions: [Int]
        let groups: [Group]

        public init(_ index: CostIndex, productCount: Int) {
            var order: [Int] = []
            order.reserveCapacity(index.groups.count)
            // Where each product's groups begin among the tied ones (a counting sort).
            var starts = Array(repeating: 0, count: productCount + 1)
            let products = index.groups.map(\.productIndex)
            for (position, product) in products.enumerated() {
                if let product, product < productCount { starts[product + 1] += 1 } else { order.append(position) }
            }
            for product in 0..<productCount { starts[product + 1] += starts[product] }
            let untied = order.count
            order.append(contentsOf: repeatElement(0, count: starts[productCount]))
            for (position, product) in products.enumerated() {
                guard let product, product < productCount else { continue }
                order[untied + starts[product]] = position
                starts[product] += 1
            }
            positions = order
            groups = order.map { index.groups[$0] }
        }
    }
}
