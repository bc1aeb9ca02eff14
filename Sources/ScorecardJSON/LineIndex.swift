/// Turns byte offsets into 1-based lines and columns.
///
/// Built once per file (one pass to find newlines); lookups are binary searches.
public struct LineIndex: Sendable {
    private let lineStarts: [Int]

    /// Indexes the line starts of `bytes`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts = [0]
        for i in bytes.indices where bytes[i] == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    /// Indexes the line starts of `bytes`.
    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineIndex($0) }
    }

    /// The 1-based line and column (in bytes) of `offset`.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// The 1-based line of `offset`.
    public func line(of offset: Int) -> Int { position(of: offset).line }
}
