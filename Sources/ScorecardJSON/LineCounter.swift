/// Counts newlines fast, so records from a multi-gigabyte log can carry line numbers.
///
/// `LineIndex` keeps every line start, which is right for error messages but costs a slow pass
/// and memory per line; this counts eight bytes at a time (a zero-byte test on the word XOR
/// `0x0A…`, exact, then a population count) and keeps only a running total.
public struct LineCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var lines = 1

    /// A counter at line 1 of `bytes`, which it borrows (do not let it outlive the buffer).
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The 1-based line of `offset`; offsets must not decrease from call to call.
    public mutating func line(at offset: Int) -> Int {
        let end = min(max(offset, position), bytes.count)
        guard let base = bytes.baseAddress else { return lines }
        var i = position
        let raw = UnsafeRawPointer(base)
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        while i &+ 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ newlines
            // High bit set exactly in the bytes of `word` that are zero (no borrow between bytes).
            let zeros = ~(((word & low7) &+ low7) | word | low7)
            count &+= zeros.nonzeroBitCount
            i &+= 8
        }
        while i < end {
            if base[i] == 0x0A { count &+= 1 }
            i &+= 1
        }
        lines &+= count
        position = end
        return lines
    }
}
