import ScorecardCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 of whole files, read in chunks so a large log never needs its size in memory.
public enum FileDigest {
    /// The hex SHA-256 of the file at `path`, read in 4 MiB chunks with `pread`.
    public static func sha256(path: String) throws(InputError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw InputError(file: path, "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let digest = SHA256Stream()
        let chunk = 4 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset: off_t = 0
        while true {
            let got = pread(descriptor, buffer.baseAddress, chunk, offset)
            if got < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, "read failed: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            digest.update(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            offset += off_t(got)
        }
        return digest.finalizeHex()
    }
}
