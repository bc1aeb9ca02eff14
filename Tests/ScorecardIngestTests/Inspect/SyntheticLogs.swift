import Foundation

/// Small hand-made Inspect logs for cases the genuine fixtures do not cover (bad shapes, duplicates).
///
/// They follow the layout of the real logs in Fixtures/inspect, cut down to the fields the reader uses.
enum SyntheticLog {
    /// One sample record; `value` and `id` are JSON literals.
    static func sample(id: String = "1", epoch: Int = 1, value: String = "\"C\"", answer: String? = nil,
                       metadata: String = "{\"tier\": \"a\"}", error: String? = nil) -> String {
        let scores = error == nil ? "{\"check\": {\"value\": \(value)\(answer.map { ", \"answer\": \($0)" } ?? ""), \"history\": []}}" : "{}"
        let errorField = error.map { ", \"error\": {\"message\": \($0), \"traceback\": \"\"}" } ?? ""
        return "{\"id\": \(id), \"epoch\": \(epoch), \"input\": \"q\", \"messages\": [{\"role\": \"user\", \"content\": \"q\"}], \"scores\": \(scores), \"metadata\": \(metadata)\(errorField), \"events\": []}"
    }

    /// A whole `.json` log.
    static func json(
        version: String = "2", status: String = "success", epochs: Int = 1, samples: [String],
        results: String? = "{\"total_samples\": 1, \"completed_samples\": 1, \"scores\": [{\"name\": \"check\", \"scorer\": \"check\", \"scored_samples\": 1, \"unscored_samples\": 0, \"params\": {}, \"metrics\": {\"accuracy\": {\"name\": \"accuracy\", \"value\": 1.0, \"params\": {}}}}]}",
        evalMetadata: String = "{\"category\": \"cybersecurity\"}"
    ) -> String {
        """
        {
          "version": \(version),
          "status": "\(status)",
          "eval": {"task": "synthetic", "task_version": 1, "model": "mock/model", "dataset": {"name": "d", "samples": 1},
                   "config": {"epochs": \(epochs)}, "metadata": \(evalMetadata)},
          "plan": {"name": "plan", "steps": []},
          \(results.map { "\"results\": \($0)," } ?? "")
          "stats": {"started_at": "", "completed_at": ""},
          "samples": [
            \(samples.joined(separator: ",\n    "))
          ]
        }
        """
    }

    /// A `.eval` archive with stored (uncompressed) members, in the order given.
    static func eval(_ members: [(String, String)]) -> [UInt8] {
        StoredZip.make(members.map { ($0.0, Array($0.1.utf8)) })
    }

    /// The `header.json` of a `.eval` (the `.json` top level without samples).
    static func header(status: String = "success", epochs: Int = 1) -> String {
        let log = json(status: status, epochs: epochs, samples: [])
        return log.replacingOccurrences(of: "\"samples\": [\n    \n  ]", with: "\"invalidated\": false")
    }
}

/// Writes ZIP archives with stored members: enough to build `.eval` logs in tests.
enum StoredZip {
    static func make(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (name, bytes) in members {
            let offset = UInt32(out.count)
            let crc = crc32(bytes)
            let nameBytes = Array(name.utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0)
            out += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(UInt16(nameBytes.count)) + le16(0)
            out += nameBytes + bytes
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0)
            central += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(UInt16(nameBytes.count))
            central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return out
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

extension Array where Element == UInt8 {
    /// Every occurrence of `old` replaced by `new` (same length, so offsets in a ZIP stay valid).
    func replacing(_ old: String, with new: String) -> [UInt8] {
        let from = Array(old.utf8), to = Array(new.utf8)
        precondition(from.count == to.count, "replacements must keep the length")
        var result = self
        var index = 0
        while index + from.count <= result.count {
            if Array(result[index..<(index + from.count)]) == from {
                result.replaceSubrange(index..<(index + from.count), with: to)
                index += from.count
            } else {
                index += 1
            }
        }
        return result
    }
}
