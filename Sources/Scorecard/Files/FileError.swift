/// A file or folder could not be written, replaced or locked; the message names the path and the
/// system's reason.
public struct FileError: Error, Sendable, CustomStringConvertible {
    /// What failed, on which path, and why.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
