import Dispatch
import Foundation

/// `work` run on 0..<count cut into ranges that run side by side on the machine's cores, one
/// result a range, in order. Below `minimumPiece` items a core, it is one range on this thread.
/// The same count always gives the same ranges, so a second pass can line up with a first.
public func inPieces<T: Sendable>(_ count: Int, minimumPiece: Int = 20_000, _ work: @Sendable (_ piece: Int, Range<Int>) -> T) -> [T] {
    let pieces = min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumPiece))
    guard pieces > 1 else { return [work(0, 0..<count)] }
    var results = [T?](repeating: nil, count: pieces)
    results.withUnsafeMutableBufferPointer { slots in
        // Each piece writes only its own slot.
        nonisolated(unsafe) let slots = slots
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            slots[piece] = work(piece, count * piece / pieces..<count * (piece + 1) / pieces)
        }
    }
    return results.compactMap { $0 }
}

/// `make` over 0..<count, in pieces side by side as `inPieces` cuts them, the results joined in
/// order. Reports over 100,000 products build their rows with it.
public func mapInPieces<T: Sendable>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T] {
    mapInPieces(count, preparing: {}) { _, index in make(index) }
}

/// `mapInPieces` where each piece first makes what its items share (`prepare`), on its own
/// thread: values no two cores then touch a row at a time.
public func mapInPieces<T: Sendable, Prepared>(_ count: Int, preparing prepare: @Sendable () -> Prepared,
                                               _ make: @Sendable (Prepared, Int) -> T) -> [T] {
    let pieces = inPieces(count) { _, range in
        let prepared = prepare()
        return range.map { make(prepared, $0) }
    }
    guard pieces.count > 1 else { return pieces.first ?? [] }
    var joined: [T] = []
    joined.reserveCapacity(count)
    for piece in pieces { joined += piece }
    return joined
}
