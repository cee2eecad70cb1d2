import Dispatch
import ROPGDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `make` over 0..<count, cut into ranges that run side by side on the machine's cores (four
/// a core, as the tables target's `piecesPerCore`, each taken by the core that is free), each
/// range written in place into the result. Below `minimumPiece` items a core, it all runs on
/// this thread. Reports over 100,000 products work out their figures with it. (The reports
/// target's own, without Foundation; the tables target has one for its renderers.)
func mapInPieces<T: Sendable>(_ count: Int, minimumPiece: Int = 20_000, _ make: @Sendable (Int) -> T) -> [T] {
    let cores = min(coreCount(), count / max(1, minimumPiece))
    guard cores > 1 else { return (0..<count).map(make) }
    // Several pieces a core, each taken by the core that is free: products do not all cost alike.
    let pieces = min(count, cores * 4)
    // Each piece initializes only its own range of the result, in place.
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        nonisolated(unsafe) let base = buffer.baseAddress
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            guard let base else { return }
            for index in count * piece / pieces..<count * (piece + 1) / pieces { (base + index).initialize(to: make(index)) }
        }
        initialized = count
    }
}

/// The machine's cores online (at least one): how many pieces `mapInPieces` runs side by side.
func coreCount() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

extension CostIndex {
    /// `CostIndex(workspace)`, folded in parts side by side on the machine's cores when there are
    /// enough entries for it to pay (a million fold in half the time on two), and joined in order.
    static func folded(_ workspace: Workspace, minimumPiece: Int = 100_000) -> CostIndex {
        let count = workspace.costs.count
        let pieces = min(coreCount(), count / max(1, minimumPiece))
        guard pieces > 1 else { return CostIndex(workspace) }
        let productIndex = CostIndex.productIndices(workspace)
        let parts = mapInPieces(pieces, minimumPiece: 1) { piece in
            CostIndex.part(of: workspace, entries: count * piece / pieces..<count * (piece + 1) / pieces, productIndex: productIndex)
        }
        return CostIndex.joined(consume parts, workspace, mapper: InPieces()) ?? CostIndex(workspace)
    }
}

/// `mapInPieces` for the domain's folds.
public struct InPieces: IndexMapper {
    public init() {}
    public func map<T: Sendable>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T] { mapInPieces(count, make) }
}
