import Foundation

/// Reading input files with errors that name the file.
public enum InputFile {
    /// The whole file, or an `InputError` saying why it cannot be read.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, "is a directory, expected a file") }
        guard FileGlob.isRegularFile(path) else { throw InputError(file: path, "is not a regular file (a FIFO, socket or device), expected a file") }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return [UInt8](data)
        } catch {
            throw InputError(file: path, "cannot read: \(error.localizedDescription)")
        }
    }

    /// Up to `count` bytes from the start of the file at `path`, for format detection.
    public static func prefix(_ path: String, count: Int = 64 << 10) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, "is a directory, expected a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError(file: path, "cannot open the file") }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        } catch {
            throw InputError(file: path, "cannot read: \(error.localizedDescription)")
        }
    }
}
