import Foundation

/// How a name reads to a person, so that names a reader cannot tell apart are caught.
///
/// `GPT-4o`, ` GPT-4o`, `GPT-4O`, `GPT-4o` followed by a zero-width space, `ＧＰＴ-４ｏ` and `GРТ-4о`
/// (Cyrillic Р, Т and о) are six names to a computer and one to a reader: evidence for a spoof
/// could take the real model's report file or heading. Their ``skeleton(_:)`` is the same, and
/// ``SubjectNames`` finds the subjects whose names share one. The skeleton is:
/// 1. compatibility-normalised (NFKC: full-width and mathematical letters, ligatures, `ℓ`);
/// 2. look-alike letters of other scripts (Cyrillic, Greek, Armenian) and look-alike dashes,
///    slashes and apostrophes mapped to the ASCII they imitate (a hand-picked part of Unicode's
///    confusables, UTS #39; digits and letters such as `0`/`O` and `1`/`l` are left apart, as
///    model names use both);
/// 3. case-folded (`ß` reads as `ss`) and normalised again;
/// 4. stripped of invisible characters (``InvisibleCharacters``, variation selectors included);
/// 5. trimmed of white space, with every run of white space inside read as one space.
public enum NameSkeleton {
    /// The skeleton of `name`: equal for names a reader cannot tell apart.
    public static func skeleton(_ name: String) -> String {
        var mapped = String.UnicodeScalarView()
        for scalar in name.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if let ascii = lookAlikes[scalar.value] {
                mapped.append(ascii)
            } else {
                mapped.append(scalar)
            }
        }
        let folded = String(mapped).folding(options: [.caseInsensitive], locale: nil).precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else if InvisibleCharacters.contains(scalar) || InvisibleCharacters.isVariationSelector(scalar) {
                continue
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Why `name` cannot be shown as written, or nil when it can.
    ///
    /// A name that begins or ends with white space, or holds a control or invisible character
    /// (a variation selector included), reads as another name: such names are refused, and the
    /// reason names the character.
    public static func problem(in name: String) -> String? {
        if let first = name.unicodeScalars.first, first.properties.isWhitespace {
            return "begins with white space (\(InvisibleCharacters.codePoint(first)))"
        }
        if let last = name.unicodeScalars.last, last.properties.isWhitespace {
            return "ends with white space (\(InvisibleCharacters.codePoint(last)))"
        }
        for scalar in name.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                return "holds a control character (\(InvisibleCharacters.codePoint(scalar)))"
            }
            if InvisibleCharacters.contains(scalar) || InvisibleCharacters.isVariationSelector(scalar) {
                return "holds an invisible character (\(InvisibleCharacters.codePoint(scalar)))"
            }
        }
        return nil
    }

    /// `name` in quotes with its invisible characters, variation selectors and control characters
    /// shown as `<U+XXXX>`, for messages: `' GPT-4o'`, `'GPT-4o<U+200B>'`.
    public static func quoted(_ name: String) -> String {
        "'" + InvisibleCharacters.visible(name, alsoReplacing: InvisibleCharacters.isVariationSelector) + "'"
    }

    /// The characters of `name` outside ASCII that `other` does not have, as `U+XXXX`, for messages:
    /// what to look for when two names look the same (`GРТ-4о` holds U+0420, U+0422, U+043E).
    public static func unusualCharacters(of name: String, notIn other: String) -> [String] {
        var listed: [String] = []
        let others = Set(other.unicodeScalars)
        for scalar in name.unicodeScalars where !scalar.isASCII && !others.contains(scalar) {
            let code = String(InvisibleCharacters.codePoint(scalar).dropFirst().dropLast())
            if !listed.contains(code) { listed.append(code) }
        }
        return listed
    }

    /// The skeleton of a subject: its model's and its snapshot's.
    public static func skeleton(_ subject: Subject) -> String {
        // Control characters never survive in a skeleton, so they cannot make two keys collide.
        skeleton(subject.model) + "\u{1F}" + (subject.snapshot.map(skeleton) ?? "\u{1E}")
    }

    /// Letters of other scripts, dashes, slashes and apostrophes that look like ASCII, and the ASCII they look like.
    static let lookAlikes: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        func add(_ ascii: Character, _ scalars: [UInt32]) {
            guard let target = ascii.unicodeScalars.first else { return }
            for value in scalars { table[value] = target }
        }
        // Cyrillic capitals and small letters.
        add("A", [0x0410]); add("B", [0x0412]); add("C", [0x0421]); add("E", [0x0415]); add("H", [0x041D])
        add("I", [0x0406, 0x04C0]); add("J", [0x0408]); add("K", [0x041A]); add("M", [0x041C]); add("O", [0x041E])
        add("P", [0x0420]); add("Q", [0x051A]); add("S", [0x0405]); add("T", [0x0422]); add("W", [0x051C])
        add("X", [0x0425]); add("Y", [0x0423, 0x04AE])
        add("a", [0x0430]); add("c", [0x0441]); add("d", [0x0501]); add("e", [0x0435]); add("h", [0x04BB])
        add("i", [0x0456]); add("j", [0x0458]); add("l", [0x04CF]); add("o", [0x043E]); add("p", [0x0440])
        add("q", [0x051B]); add("s", [0x0455]); add("w", [0x051D]); add("x", [0x0445]); add("y", [0x0443, 0x04AF])
        // Greek capitals and small letters.
        add("A", [0x0391]); add("B", [0x0392]); add("E", [0x0395]); add("H", [0x0397]); add("I", [0x0399])
        add("K", [0x039A]); add("M", [0x039C]); add("N", [0x039D]); add("O", [0x039F]); add("P", [0x03A1])
        add("T", [0x03A4]); add("X", [0x03A7]); add("Y", [0x03A5]); add("Z", [0x0396])
        add("a", [0x03B1]); add("c", [0x03F2]); add("i", [0x03B9]); add("j", [0x03F3]); add("o", [0x03BF])
        add("p", [0x03C1]); add("u", [0x03C5]); add("v", [0x03BD]); add("x", [0x03C7]); add("y", [0x03B3])
        // Armenian small letters, and Latin letters outside ASCII.
        add("h", [0x0570]); add("o", [0x0585]); add("q", [0x0566]); add("u", [0x057D])
        add("a", [0x0251]); add("g", [0x0261]); add("i", [0x0131, 0x0269])
        // Dashes and minus signs, slashes, apostrophes and primes.
        add("-", [0x02D7, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0xFE58])
        add("/", [0x2044, 0x2215, 0x29F8])
        add("'", [0x02B9, 0x02BC, 0x2018, 0x2019, 0x2032])
        return table
    }()
}

/// The subjects seen so far, by skeleton: each new subject whose names cannot be shown as written,
/// or that a reader cannot tell from one seen before, is a problem.
///
/// Feed it every subject where it is formed (evidence, determinations, a card) with where it was
/// seen, in input order; the caller words the problems, with file and line.
public struct SubjectNames: Sendable {
    /// What is wrong with a subject's names.
    public enum Problem: Sendable, Equatable {
        /// The model name (or, with `snapshot`, the snapshot name) cannot be shown as written: ``NameSkeleton/problem(in:)``.
        case unfit(name: String, snapshot: Bool, reason: String)
        /// The subject reads like `other`, first seen at `seenAt`.
        case ambiguous(with: Subject, seenAt: String)
    }

    private var seen: [Subject: String] = [:]
    private var bySkeleton: [String: Subject] = [:]

    /// An empty register.
    public init() {}

    /// Records `subject`, seen at `place` (a file and line, as text), and returns its problems
    /// the first time it is seen; nothing after that.
    public mutating func add(_ subject: Subject, seenAt place: String) -> [Problem] {
        guard seen[subject] == nil else { return [] }
        seen[subject] = place
        var problems: [Problem] = []
        if let reason = NameSkeleton.problem(in: subject.model) {
            problems.append(.unfit(name: subject.model, snapshot: false, reason: reason))
        }
        if let snapshot = subject.snapshot, let reason = NameSkeleton.problem(in: snapshot) {
            problems.append(.unfit(name: snapshot, snapshot: true, reason: reason))
        }
        let key = NameSkeleton.skeleton(subject)
        if let first = bySkeleton[key], let firstPlace = seen[first] {
            problems.append(.ambiguous(with: first, seenAt: firstPlace))
        } else {
            bySkeleton[key] = subject
        }
        return problems
    }
}
