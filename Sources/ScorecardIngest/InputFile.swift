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
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return [UInt8](data)
        } catch {
            throw InputError(file: path, "cannot read: \(error.localizedDescription)")
        }
    }
}
