import Dispatch
import Foundation

/// `work` run on 0..<count cut into ranges that run side by side on the machine's cores, one
/// result a range, in order. Below `minimumPiece` items a core, it is one range on this thread.
/// The same count always gives the same ranges, so a second pass can line up with a first.
public func inPieces<T: Sendable>(_ count: Int, minimumPiece: Int = 20_000, _ work: @Sendable (_ piece: Int, Range<Int>) -> T) -> [T] {
    let pieces = pieceCount(count, minimumPiece: minimumPiece)
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

/// How many pieces `inPieces` cuts `count` items into: one when there are fewer than
/// `minimumPiece` items for each of two cores, else `piecesPerCore` a core. A core that is done
/// with its piece takes the next: rows do not all cost alike (a report sorted by margin has its
/// flagged rows at the end), and one piece a core left a core waiting a fifth of the time.
func pieceCount(_ count: Int, minimumPiece: Int = 20_000) -> Int {
    let cores = min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumPiece))
    return cores > 1 ? min(count, cores * piecesPerCore) : max(cores, 1)
}

/// How many pieces a core takes in turn when work is cut into pieces.
let piecesPerCore = 4

/// `make` over 0..<count, in pieces side by side as `inPieces` cuts them, the results joined in
/// order. Reports over 100,000 products build their rows with it.
public func mapInPieces<T: Sendable>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T] {
    mapInPieces(count, preparing: {}) { _, index in make(index) }
}

/// `mapInPieces` where each piece first makes what its items share (`prepare`), on its own
/// thread: values no two cores then touch a row at a time.
public func mapInPieces<T: Sendable, Prepared>(_ count: Int, preparing prepare: @Sendable () -> Prepared,
                                               _ make: @Sendable (Prepared, Int) -> T) -> [T] {
    let pieces = pieceCount(count)
    guard pieces > 1 else {
        let prepared = prepare()
        return (0..<count).map { make(prepared, $0) }
    }
    // Each piece initializes its own range of the result in place: joining pieces made apart
    // copied every row and counted each row's holders up and down again.
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        nonisolated(unsafe) let base = buffer.baseAddress
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            guard let base else { return }
            let prepared = prepare()
            for index in count * piece / pieces..<count * (piece + 1) / pieces { (base + index).initialize(to: make(prepared, index)) }
        }
        initialized = count
    }
}
