import ScorecardJSON
/// Looking at the first bytes of a file to tell formats apart, without parsing it whole.
///
/// A prefix is usually cut in the middle of a value; every function here reads as far as the
/// prefix goes and reports what it saw, never throwing.
enum FormatSniffing {
    /// The member names of the top-level JSON object, as far as the prefix goes; nil when the
    /// prefix does not start (after whitespace and a byte-order mark) with an object.
    static func topLevelKeys(_ prefix: [UInt8]) -> [String]? {
        withCursor(prefix) { cursor in
            guard (try? cursor.peekKind()) == .object, var container = try? cursor.beginObject() else { return nil }
            var keys: [String] = []
            while let key = try? cursor.nextKey(&container), let name = try? cursor.string(of: key) {
                keys.append(name)
                guard (try? cursor.skipValue()) != nil else { break }
            }
            return keys
        }
    }

    /// Whether the prefix is the listing `inspect eval-set` writes beside its logs (`logs.json`):
    /// an object whose members are named after log files (`….eval`, `….json`) and hold their
    /// headers. It is not a log, and not our evidence format, though it names models and tasks.
    /// Whether the prefix opens the manifest `inspect eval_set` writes (`eval-set.json`: an object
    /// whose first member is `eval_set_id`), which names tasks but holds no results.
    static func isInspectEvalSetManifest(_ prefix: [UInt8]) -> Bool {
        withCursor(prefix) { cursor in
            guard (try? cursor.peekKind()) == .object, var container = try? cursor.beginObject(),
                  let key = try? cursor.nextKey(&container), let name = try? cursor.string(of: key) else { return false }
            return name == "eval_set_id"
        } ?? false
    }

    static func isInspectLogListing(_ prefix: [UInt8]) -> Bool {
        withCursor(prefix) { cursor in
            guard (try? cursor.peekKind()) == .object, var container = try? cursor.beginObject(),
                  let key = try? cursor.nextKey(&container), let name = try? cursor.string(of: key) else { return false }
            return (name.hasSuffix(".eval") || name.hasSuffix(".json")) && (try? cursor.peekKind()) == .object
        } ?? false
    }

    /// The member names of the first object-valued member of the top-level member `name`, as far as
    /// the prefix goes; nil when there is no such member in the prefix.
    ///
    /// For an lm-eval results file, `firstEntryKeys(of: "results")` gives the keys of the first
    /// task: `alias`, `acc,none`, `acc_stderr,none`, …
    static func firstEntryKeys(of name: String, in prefix: [UInt8]) -> [String]? {
        withCursor(prefix) { cursor in
            guard (try? cursor.peekKind()) == .object, var top = try? cursor.beginObject() else { return nil }
            while let key = try? cursor.nextKey(&top), let keyName = try? cursor.string(of: key) {
                guard keyName == name else {
                    guard (try? cursor.skipValue()) != nil else { return nil }
                    continue
                }
                guard (try? cursor.peekKind()) == .object, var entries = try? cursor.beginObject(),
                      (try? cursor.nextKey(&entries)) != nil,
                      (try? cursor.peekKind()) == .object, var entry = try? cursor.beginObject()
                else { return nil }
                var keys: [String] = []
                while let inner = try? cursor.nextKey(&entry), let innerName = try? cursor.string(of: inner) {
                    keys.append(innerName)
                    guard (try? cursor.skipValue()) != nil else { break }
                }
                return keys
            }
            return nil
        }
    }

    /// The first line of a prefix (without its newline), for JSON Lines formats.
    static func firstLine(_ prefix: [UInt8]) -> [UInt8] {
        let body = withoutByteOrderMark(prefix)
        guard let newline = body.firstIndex(of: 0x0A) else { return body }
        return Array(body[..<newline])
    }

    /// The bytes without a leading UTF-8 byte-order mark.
    static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    private static func withCursor<T>(_ prefix: [UInt8], _ body: (inout JSONCursor) -> T?) -> T? {
        let bytes = withoutByteOrderMark(prefix)
        return bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            return body(&cursor)
        }
    }
}
