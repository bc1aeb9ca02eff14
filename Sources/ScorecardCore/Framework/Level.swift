/// One rung of a framework's ordered risk scale, such as `medium`.
///
/// Levels compare by their rank in the scale that defined them; the lowest rung has rank 0.
/// Two levels from different scales must not be compared.
public struct Level: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Identifier used in files, such as `medium`.
    public let id: String
    /// Position in the scale, 0 for the floor.
    public let rank: Int

    public init(id: String, rank: Int) {
        self.id = id
        self.rank = rank
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    public var description: String { id }
}

/// A level's definition in the framework file: identifier, display name, and meaning.
public struct LevelDefinition: Hashable, Sendable, Codable {
    public let id: String
    public let name: String
    public let summary: String?

    public init(id: String, name: String, summary: String? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
    }
}

/// The ordered levels of a framework, lowest first.
///
/// The first level is the floor: the level a category takes when no threshold is met. It has no
/// threshold of its own.
public struct LevelScale: Hashable, Sendable {
    public let definitions: [LevelDefinition]

    public init(_ definitions: [LevelDefinition]) {
        self.definitions = definitions
    }

    /// All levels in ascending order.
    public var levels: [Level] { definitions.indices.map { Level(id: definitions[$0].id, rank: $0) } }

    /// The lowest level.
    public var floor: Level { Level(id: definitions.first?.id ?? "", rank: 0) }

    /// The level with this identifier, if the scale has it.
    public func level(_ id: String) -> Level? {
        definitions.firstIndex { $0.id == id }.map { Level(id: id, rank: $0) }
    }

    /// The display name of a level, such as `Medium`.
    public func name(of level: Level) -> String {
        definitions.indices.contains(level.rank) ? definitions[level.rank].name : level.id
    }

    /// The next level above `level`, or nil at the top of the scale.
    public func above(_ level: Level) -> Level? {
        let next = level.rank + 1
        return definitions.indices.contains(next) ? Level(id: definitions[next].id, rank: next) : nil
    }
}
