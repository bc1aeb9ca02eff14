/// A file or folder could not be written, replaced or locked; the message names the path and the
/// system's reason.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
