import CZlib
import CZstd

/// Decodes one member's data piece by piece, handing out the output in chunks of bounded size.
///
/// Compressed input is pushed with ``push(_:emit:)``; each call decodes all of it and passes the
/// output to `emit`, at most ``chunkSize`` bytes at a time, from one reused buffer. Memory stays
/// at the chunk size (plus zstd's window, at most 128 MiB for a frame that asks for it),
/// however large the member. ``finish()`` says whether the stream ended cleanly.
final class ZipStreamDecoder {
    let method: UInt16
    let chunkSize: Int
    private let output: UnsafeMutableRawBufferPointer
    private var zlib: UnsafeMutablePointer<z_stream>?
    private var zstd: OpaquePointer?
    /// Whether the deflate stream has ended, or the last zstd frame is complete.
    private var ended: Bool

    /// A decoder for `method` (0, 8 or 93) with an output buffer of `chunkSize` bytes.
    init(method: UInt16, chunkSize: Int) throws(ZipDecompression.Failure) {
        self.method = method
        self.chunkSize = max(1, chunkSize)
        output = .allocate(byteCount: self.chunkSize, alignment: 16)
        ended = method == 0 || method == 93
        switch method {
        case 0:
            break
        case 8:
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let status = inflateInit2_(stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                stream.deallocate()
                output.deallocate()
                throw .init(kind: .decompression(codec: "deflate", message: "cannot initialise zlib (\(status))"))
            }
            zlib = stream
        case 93:
            guard let context = ZSTD_createDCtx() else {
                output.deallocate()
                throw .init(kind: .decompression(codec: "zstd", message: "cannot create a decompression context"))
            }
            zstd = context
        default:
            output.deallocate()
            throw .init(kind: .unsupportedMethod(method))
        }
    }

    deinit {
        if let zlib {
            inflateEnd(zlib)
            zlib.deallocate()
        }
        if let zstd { ZSTD_freeDCtx(zstd) }
        output.deallocate()
    }

    /// Decodes `input` and passes every byte of output to `emit`; errors from `emit` pass through.
    func push(_ input: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard input.count > 0, let base = input.baseAddress else { return }
        switch method {
        case 0:
            var start = 0
            while start < input.count {
                let end = min(input.count, start + chunkSize)
                try emit(UnsafeRawBufferPointer(rebasing: input[start..<end]))
                start = end
            }
        case 8:
            try inflate(base, count: input.count, emit: emit)
        default:
            try decompressZstd(base, count: input.count, emit: emit)
        }
    }

    /// Passes on any output still held after the last input, and throws unless the compressed
    /// data ended where it should.
    func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        if let context = zstd, let out = output.baseAddress {
            // zstd may hold decoded bytes, or the end of a frame, until it is called once more.
            var source = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
            while true {
                var target = ZSTD_outBuffer(dst: out, size: chunkSize, pos: 0)
                let result = ZSTD_decompressStream(context, &target, &source)
                if ZSTD_isError(result) != 0 {
                    let message = ZSTD_getErrorName(result).map { String(cString: $0) } ?? "error \(result)"
                    throw ZipDecompression.Failure(kind: .decompression(codec: "zstd", message: message))
                }
                if target.pos > 0 { try emit(UnsafeRawBufferPointer(start: out, count: target.pos)) }
                note(result, progressed: target.pos > 0)
                if target.pos < target.size { break }
            }
        }
        guard ended else {
            let codec = method == 8 ? "deflate" : "zstd"
            throw ZipDecompression.Failure(kind: .decompression(codec: codec, message: "unexpected end of compressed data"))
        }
    }

    private func inflate(
        _ base: UnsafeRawPointer, count: Int, emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let stream = zlib, !ended, let out = output.baseAddress else { return }
        // Input is pushed in pieces far below 4 GiB, zlib's limit per call.
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(count)
        while true {
            stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(chunkSize)
            let result = CZlib.inflate(stream, Z_NO_FLUSH)
            let made = chunkSize - Int(stream.pointee.avail_out)
            if made > 0 { try emit(UnsafeRawBufferPointer(start: out, count: made)) }
            switch result {
            case Z_STREAM_END:
                ended = true
                return
            case Z_OK, Z_BUF_ERROR:
                // Done with this input once zlib has taken all of it and had room to spare.
                if stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 { return }
                if made == 0, result == Z_BUF_ERROR {
                    throw ZipDecompression.Failure(kind: .decompression(codec: "deflate", message: "no progress"))
                }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(result)"
                throw ZipDecompression.Failure(kind: .decompression(codec: "deflate", message: message))
            }
        }
    }

    /// Keeps track of whether the last zstd frame is complete.
    ///
    /// `ZSTD_decompressStream` returns 0 when a frame is complete and flushed; a call after that
    /// which neither takes input nor gives output only asks for the next frame's header, and
    /// leaves the stream ended.
    private func note(_ result: Int, progressed: Bool) {
        if result == 0 {
            ended = true
        } else if progressed {
            ended = false
        }
    }

    private func decompressZstd(
        _ base: UnsafeRawPointer, count: Int, emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let context = zstd, let out = output.baseAddress else { return }
        var source = ZSTD_inBuffer(src: base, size: count, pos: 0)
        while true {
            var target = ZSTD_outBuffer(dst: out, size: chunkSize, pos: 0)
            let before = source.pos
            let result = ZSTD_decompressStream(context, &target, &source)
            if ZSTD_isError(result) != 0 {
                let message = ZSTD_getErrorName(result).map { String(cString: $0) } ?? "error \(result)"
                throw ZipDecompression.Failure(kind: .decompression(codec: "zstd", message: message))
            }
            if target.pos > 0 { try emit(UnsafeRawBufferPointer(start: out, count: target.pos)) }
            note(result, progressed: target.pos > 0 || source.pos > before)
            if source.pos == source.size, target.pos < target.size { return }
        }
    }
}
