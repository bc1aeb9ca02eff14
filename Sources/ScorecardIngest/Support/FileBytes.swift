import ScorecardCore
import ScorecardJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes, mapped read-only for a forward pass, and their SHA-256.
///
/// Mapping avoids copying the file and zero-filling a heap buffer; a 2 GB log costs address
/// space, not heap. Files up to ``largeFileThreshold`` are mapped with their pages populated at
/// once and hashed from the mapping. Larger files are read lazily (`MADV_SEQUENTIAL`), hashed in
/// a separate chunked pass on request (a log refused after its first bytes is never hashed),
/// and ``releasePages(before:)`` lets a forward reader drop the pages it has passed, so the
/// resident set stays small too.
///
/// A mapped file that another process truncates during the read raises SIGBUS. Inspect writes
/// its logs atomically (a temporary file renamed into place), which never truncates a file
/// being read; a tool that rewrites logs in place while they are imported could.
public final class FileBytes {
    /// Files larger than this are hashed in chunks and released behind the reader.
    public static let largeFileThreshold = 64 << 20

    public let path: String
    /// The bytes; valid while this object lives.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Whether the file is above the threshold (paged lazily, hashed in chunks).
    public let isLarge: Bool
    /// How many bytes ``releasePages(before:)`` has released so far.
    public var releasedBytes: Int { released }
    private var digest: String?
    private var released = 0
    /// Pages are released in steps of this many bytes.
    private let releaseStep: Int

    /// Maps the file at `path`; `largeFileThreshold` can be lowered to exercise the large-file path.
    public init(path: String, largeFileThreshold: Int = FileBytes.largeFileThreshold) throws(InputError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw InputError(file: path, Self.systemMessage("cannot open")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw InputError(file: path, Self.systemMessage("cannot stat")) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw InputError(file: path, "not a regular file") }
        guard let size = Int(exactly: info.st_size), size >= 0 else { throw InputError(file: path, "has an impossible size") }
        isLarge = size > largeFileThreshold
        releaseStep = max(1 << 16, min(64 << 20, largeFileThreshold))
        guard size > 0 else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        let flags = isLarge ? MAP_PRIVATE : MAP_PRIVATE | MAP_POPULATE
        guard let mapping = mmap(nil, size, PROT_READ, flags, descriptor, 0), mapping != MAP_FAILED else {
            throw InputError(file: path, Self.systemMessage("cannot map \(size) bytes"))
        }
        if isLarge { _ = madvise(mapping, size, MADV_SEQUENTIAL) }
        bytes = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
    }

    /// The file's SHA-256: from the mapping, or for a large file in a chunked pass that keeps it out of memory.
    public func sha256() throws(InputError) -> String {
        if let digest { return digest }
        let hex: String
        if isLarge {
            hex = try FileDigest.sha256(path: path)
        } else {
            hex = SHA256.hex(of: UnsafeRawBufferPointer(bytes))
        }
        digest = hex
        return hex
    }

    /// The 1-based line and column of `offset`, found without an index (for one error message).
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var counter = LineCounter(bytes)
        let line = counter.line(at: end)
        var start = end
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        return (line, end - start + 1)
    }

    /// Tells the kernel that the pages of a large file before `offset` are no longer needed.
    ///
    /// They leave this process's resident set; touching them again reads them back. Done at most
    /// every 64 MiB (or the threshold, if lower); a no-op for files under the threshold.
    public func releasePages(before offset: Int) {
        guard isLarge, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = min(offset, bytes.count) / page * page
        guard end > released + releaseStep else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), end, MADV_DONTNEED)
        released = end
    }

    private static func systemMessage(_ what: String) -> String {
        "\(what): \(String(cString: strerror(errno)))"
    }
}
