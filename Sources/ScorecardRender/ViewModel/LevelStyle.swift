import ScorecardCore

/// Colours and CSS classes for levels: a colour-blind-safe sequence from blue through yellow and
/// orange to vermillion (after Okabe and Ito), light tints behind text and strong tones for lines.
///
/// Colour is never the only signal: every level is also written out, and "not assessed" has its
/// own hatched style. Levels map onto the palette by rank, so frameworks with any number of
/// levels get the same progression.
enum LevelStyle {
    /// Tints for table cells, lowest level first (the CSS in the HTML template uses the same).
    static let tints = ["#dbeaf7", "#fbf0b4", "#f8d49a", "#f2b5a0"]
    /// Strong tones for threshold lines and labels on white, with at least 4.5:1 contrast.
    static let strokes = ["#005a8c", "#7a6200", "#9c5a00", "#b23c00"]

    /// The palette position of `level` in `scale`.
    static func index(of level: Level, in scale: LevelScale) -> Int {
        let count = scale.definitions.count
        guard count > 1 else { return 0 }
        let position = Double(level.rank) * Double(tints.count - 1) / Double(count - 1)
        return min(tints.count - 1, max(0, Int(position.rounded())))
    }

    /// CSS classes of a level cell, such as `lvl lvl-1`.
    static func css(_ level: Level?, in scale: LevelScale) -> String {
        guard let level else { return "lvl lvl-na" }
        return "lvl lvl-\(index(of: level, in: scale))"
    }

    /// The strong colour of a level, for lines and text on white.
    static func stroke(_ level: Level, in scale: LevelScale) -> String {
        strokes[index(of: level, in: scale)]
    }
}
