#if canImport(Glibc)
import Glibc
import CMalloc
#endif

/// How freed memory goes back to the system (glibc's malloc; elsewhere the allocator's own way).
/// Reading a large file wants each chunk given back at once; the reports that follow want the
/// arrays they allocate and free, month after month, reused.
public enum MemoryPolicy {
    /// While a large file is read: a fixed threshold, so that every chunk (a megabyte) is its own
    /// mapping, given back to the system as soon as it is appended (glibc otherwise raises the
    /// threshold after the first free and keeps freed chunks in the worker's arena, which would
    /// hold a second copy of the part). The trim threshold goes back to glibc's default too, in
    /// case an earlier workspace's fold had raised it (`reuseFreedMemory`): a second `open` reads
    /// as the first did.
    static func giveLargeBlocksBack() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 512 << 10)
        _ = mallopt(M_TRIM_THRESHOLD, 128 << 10)
        #endif
    }

    /// Once a large workspace's cost entries are folded: blocks up to 32 MiB come from the heap, and
    /// the heap keeps up to 256 MiB freed before it gives memory back. Left at the reading's
    /// threshold, every array of a hundred thousand products a report allocates (megabytes, each
    /// month of a grid) was mapped afresh and page-faulted on each page as it was filled: the first
    /// month × product grid over 100,000 products took half its processor time again. Not before
    /// the fold: it frees blocks of 4 to 32 MiB that the heap would then keep, above a one-shot
    /// command's peak (256 MiB for `-c costs`, against 226 MiB).
    public static func reuseFreedMemory() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
    }
}
