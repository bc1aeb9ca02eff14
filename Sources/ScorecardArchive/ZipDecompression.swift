import CZlib
import CZstd
import Foundation

/// Decompresses one member's data into a buffer sized from the central directory.
///
/// The output buffer has one byte more than the declared size, so output that is
/// longer than declared is caught without growing the buffer. zstd members may be
/// several concatenated frames without a content size; `ZSTD_decompressDCtx` decodes
/// them all until the input is used up.
enum ZipDecompression {
    /// Why decoding failed, as a ``ZipError/Kind`` the caller wraps with the archive and entry names.
    struct Failure: Error {
        let kind: ZipError.Kind
    }

    /// Buffers at least this large are allocated only after a `malloc` probe succeeds.
    static let allocationProbeThreshold = 256 << 20

    /// The most bytes `compressedSize` bytes of `method` data can decode to, saturating at `UInt64.max`.
    ///
    /// Deflate expands at most 1032:1. A zstd block needs at least 4 bytes (3 header, 1 RLE
    /// byte) and yields at most 128 KiB, so zstd expands at most 32768:1.
    static func maxOutput(method: UInt16, compressedSize: UInt64) -> UInt64 {
        let (ratio, slack): (UInt64, UInt64) = switch method {
        case 0: (1, 0)
        case 8: (1032, 1024)
        default: (32768, 128 << 10)
        }
        let (scaled, overflow) = compressedSize.multipliedReportingOverflow(by: ratio)
        let (total, carry) = scaled.addingReportingOverflow(slack)
        return overflow || carry ? UInt64.max : total
    }

    /// Whether `malloc` can currently provide `count` bytes, so a failed allocation throws instead of trapping.
    static func canAllocate(_ count: Int) -> Bool {
        guard let probe = malloc(count) else { return false }
        free(probe)
        return true
    }

    /// Decodes `source` into at most `capacity` bytes and checks size and CRC-32 against `entry`.
    ///
    /// `capacity` is the declared size, or less when the input cannot expand that far; a
    /// result that is not exactly the declared size is a size mismatch.
    static func decode(
        _ source: UnsafeRawBufferPointer, entry: ZipEntry, capacity: Int
    ) throws(Failure) -> [UInt8] {
        let declared = entry.uncompressedSize
        var failure: Failure?
        let output = [UInt8](unsafeUninitializedCapacity: capacity + 1) { buffer, initialized in
            let target = UnsafeMutableRawBufferPointer(buffer)
            do throws(Failure) {
                let produced: Int
                switch entry.method {
                case 0: produced = try copyStored(source, into: target)
                case 8: produced = try inflateRaw(source, into: target)
                case 93: produced = try decompressZstd(source, into: target)
                default: throw Failure(kind: .unsupportedMethod(entry.method))
                }
                guard UInt64(produced) == declared else {
                    // A full buffer means the output went past `capacity`, which is the
                    // declared size whenever the input could have expanded further.
                    throw Failure(kind: .sizeMismatch(
                        declared: declared, actual: produced > capacity ? nil : UInt64(produced)))
                }
                let actual = crc32(UnsafeRawBufferPointer(rebasing: target[0..<produced]))
                guard actual == entry.crc32 else {
                    throw Failure(kind: .crcMismatch(declared: entry.crc32, actual: actual))
                }
                initialized = produced
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return output
    }

    /// The CRC-32 of `bytes`, computed by zlib.
    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        let value = crc32_z(0, base.assumingMemoryBound(to: Bytef.self), z_size_t(bytes.count))
        return UInt32(truncatingIfNeeded: value)
    }

    static func copyStored(_ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        // A stored member longer than the buffer is reported as "larger than declared".
        guard source.count < target.count else { return target.count }
        if source.count > 0 {
            target.copyMemory(from: source)
        }
        return source.count
    }

    /// Inflates a raw deflate stream (no zlib header), feeding zlib at most 4 GiB at a time.
    static func inflateRaw(_ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        var stream = z_stream()
        let status = inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            throw Failure(kind: .decompression(codec: "deflate", message: "cannot initialise zlib (\(status))"))
        }
        defer { inflateEnd(&stream) }
        let chunkLimit = Int(UInt32.max)
        var consumed = 0
        var produced = 0
        while true {
            if stream.avail_in == 0, consumed < source.count, let base = source.baseAddress {
                let chunk = min(source.count - consumed, chunkLimit)
                stream.next_in = UnsafeMutablePointer(mutating: (base + consumed).assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(chunk)
                consumed += chunk
            }
            guard produced < target.count, let out = target.baseAddress else {
                return produced  // output longer than declared; the caller reports it
            }
            let room = min(target.count - produced, chunkLimit)
            stream.next_out = (out + produced).assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(room)
            let inputBefore = stream.avail_in
            let result = inflate(&stream, Z_NO_FLUSH)
            let made = room - Int(stream.avail_out)
            produced += made
            switch result {
            case Z_STREAM_END:
                return produced
            case Z_OK, Z_BUF_ERROR:
                if made == 0, stream.avail_in == inputBefore, stream.avail_in == 0, consumed == source.count {
                    throw Failure(kind: .decompression(codec: "deflate", message: "unexpected end of compressed data"))
                }
                if made == 0, stream.avail_in == inputBefore, stream.avail_out > 0 {
                    throw Failure(kind: .decompression(codec: "deflate", message: "no progress"))
                }
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(result)"
                throw Failure(kind: .decompression(codec: "deflate", message: message))
            }
        }
    }

    /// Decompresses one or more concatenated zstd frames with a pooled decompression context.
    static func decompressZstd(_ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        let result: Int
        do {
            result = try ZstdContextPool.shared.withContext { context in
                ZSTD_decompressDCtx(context, target.baseAddress, target.count, source.baseAddress, source.count)
            }
        } catch {
            throw Failure(kind: .decompression(codec: "zstd", message: "cannot create a decompression context"))
        }
        if ZSTD_isError(result) != 0 {
            if ZSTD_getErrorCode(result) == ZSTD_error_dstSize_tooSmall {
                return target.count  // output longer than declared; the caller reports it
            }
            let message = ZSTD_getErrorName(result).map { String(cString: $0) } ?? "error \(result)"
            throw Failure(kind: .decompression(codec: "zstd", message: message))
        }
        return result
    }
}

/// A small pool of zstd decompression contexts shared by all archives.
///
/// Creating a context allocates about 100 KB, which costs more than decoding a typical
/// sample member, so contexts are kept and reused. The lock makes the pool safe to use
/// from several threads; each context is used by one thread at a time.
final class ZstdContextPool: @unchecked Sendable {
    struct CreationFailed: Error {}

    static let shared = ZstdContextPool()
    private static let maxIdle = 8

    private let lock = NSLock()
    private var idle: [OpaquePointer] = []

    /// Runs `body` with a context taken from the pool (or a new one) and returns it afterwards.
    func withContext<R>(_ body: (OpaquePointer) throws -> R) throws -> R {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        guard let context = reused ?? ZSTD_createDCtx() else { throw CreationFailed() }
        defer {
            ZSTD_DCtx_reset(context, ZSTD_reset_session_only)
            lock.lock()
            if idle.count < Self.maxIdle {
                idle.append(context)
                lock.unlock()
            } else {
                lock.unlock()
                ZSTD_freeDCtx(context)
            }
        }
        return try body(context)
    }
}
