import ScorecardIngest

/// What a job that reads many files (import, regenerate) reports as it goes, for a progress display.
public enum ProgressEvent: Sendable {
    /// Reading starts: `files` files are to be read.
    case reading(files: Int)
    /// One file was read (or failed to read).
    case read(FileProgress)
    /// Reading is over; what follows (assessing, writing) is quick.
    case done
}

/// One file read by a long job.
public struct FileProgress: Sendable {
    /// 1-based position among the files being read.
    public let index: Int
    public let total: Int
    /// The file, as the job names it in records and messages.
    public let path: String
    public let byteCount: Int
    public let summaryRecords: Int
    public let sampleRecords: Int
    /// Whether the file could not be read; its problems are reported with the job's error.
    public let failed: Bool
    /// Problems that did not stop the file from being read.
    public let warnings: [Diagnostic]
}
