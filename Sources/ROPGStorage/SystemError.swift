#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ROPGText

/// The system's words for error `code`, as `strerror` gives them, in the interface's language
/// where the catalogue has them: a Chinese message does not end in English for the errors a
/// save or an open meets (no such folder, no permission, a full disk).
public func systemErrorText(_ code: Int32) -> String {
    switch code {
    case ENOENT: phrase("No such file or directory")
    case EACCES: phrase("Permission denied")
    case EPERM: phrase("Operation not permitted")
    case ENOTDIR: phrase("Not a directory")
    case EISDIR: phrase("Is a directory")
    case ENOSPC: phrase("No space left on device")
    case EDQUOT: phrase("Disk quota exceeded")
    case EROFS: phrase("Read-only file system")
    case EEXIST: phrase("File exists")
    case ENAMETOOLONG: phrase("File name too long")
    case ELOOP: phrase("Too many levels of symbolic links")
    case EIO: phrase("Input/output error")
    case EMFILE: phrase("Too many open files")
    case EXDEV: phrase("Invalid cross-device link")
    case EBUSY: phrase("Device or resource busy")
    case ETXTBSY: phrase("Text file busy")
    default: String(cString: strerror(code))
    }
}
