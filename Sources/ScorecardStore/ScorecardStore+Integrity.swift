import GRDB
import ScorecardCore

/// What walking every card's scorecard chain found (``ScorecardStore/verifyHistory()``).
public struct HistoryVerification: Sendable {
    /// One card's chain, walked end to end.
    public struct Chain: Sendable {
        public let card: StoredCard
        /// Scorecard rows in the chain.
        public let rows: Int
        /// The chain hash of the card's last row (``ScorecardChain/genesis`` when it has none):
        /// keep it elsewhere to notice a chain rewritten from scratch.
        public let head: String
    }

    public var chains: [Chain] = []
    /// Sign-off rows in the store's sign-off chain, and its head (``ScorecardChain/genesis`` when empty).
    public var signoffRows = 0
    public var signoffHead = ScorecardChain.genesis
    /// What is wrong, one message each, naming the row, run or table; empty when the history is whole.
    public var problems: [String] = []

    /// Whether the history is whole.
    public var isWhole: Bool { problems.isEmpty }
}

extension ScorecardStore {
    /// The triggers that keep scorecard rows immutable and chained.
    static let guardTriggers = ["scorecard_immutable_update", "scorecard_immutable_delete", "scorecard_chain_extends"]

    /// Proves the stored history whole: every card's scorecard rows are walked in order and their
    /// hashes recomputed (``ScorecardChain``), every run's recorded chain head is found in its
    /// card's chain, no row refers to one that is gone, and the triggers that guard the rows are
    /// in place. The sign-off rows are walked the same way, and each one's signature is checked
    /// against its own key (which proves it unaltered; `scorecard verify` checks who signed it).
    public func verifyHistory() throws(StoreError) -> HistoryVerification {
        try read { db in
            var result = HistoryVerification()
            let triggers = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            for name in Self.guardTriggers where !triggers.contains(name) {
                result.problems.append("the trigger \(name) that guards scorecard rows is missing: the schema was changed outside the tool")
            }
            for name in Self.signoffTriggers where !triggers.contains(name) {
                result.problems.append("the trigger \(name) that guards sign-off rows is missing: the schema was changed outside the tool")
            }
            let cards = try CardRow.order(CardRow.Columns.id).fetchAll(db).map { StoredCard(id: $0.id ?? 0, key: $0.key) }
            var chainsByCard: [Int64: Set<String>] = [:]
            for card in cards {
                let (chain, hashes, problems) = try Self.walk(card, db)
                result.chains.append(chain)
                result.problems += problems
                chainsByCard[card.id] = hashes
            }
            let runs = try RunRow.filter(Column("chain_head") != nil).order(RunRow.Columns.id).fetchAll(db)
            for run in runs {
                guard let head = run.chainHead, let id = run.id else { continue }
                if chainsByCard[run.cardId]?.contains(head) != true {
                    let card = cards.first { $0.id == run.cardId }?.label ?? "card \(run.cardId), which is not in the store"
                    result.problems.append(
                        "run \(id) of \(card) committed up to chain hash \(head.prefix(12)), which no stored scorecard row has: scorecard rows were deleted")
                }
            }
            let signoffs = try Self.walkSignoffs(db)
            result.signoffRows = signoffs.rows
            result.signoffHead = signoffs.head
            result.problems += signoffs.problems
            var dangling: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0], parent: String = row[2]
                dangling["\(table) → \(parent)", default: 0] += 1
            }
            for (pair, count) in dangling.sorted(by: { $0.key < $1.key }) {
                let parts = pair.components(separatedBy: " → ")
                result.problems.append(
                    "\(count) row\(count == 1 ? "" : "s") of \(parts[0]) refer\(count == 1 ? "s" : "") to \(parts[1]) rows that are not in the store: rows were deleted")
            }
            return result
        }
    }

    /// Walks one card's rows in id order: the chain, the set of its chain hashes, and what is wrong.
    private static func walk(_ card: StoredCard, _ db: Database) throws -> (HistoryVerification.Chain, Set<String>, [String]) {
        var problems: [String] = []
        var hashes: Set<String> = []
        var previous = ScorecardChain.genesis
        var previousID: Int64?
        var count = 0
        let rows = try ScorecardRow.fetchCursor(db, sql: "SELECT * FROM scorecard WHERE card_id = ? ORDER BY id", arguments: [card.id])
        while let row = try rows.next() {
            count += 1
            let id = row.id ?? 0
            let name = "scorecard \(id) (\(row.model)\(row.snapshot.isEmpty ? "" : " \(row.snapshot)"), \(card.label))"
            if SHA256.hex(of: Array(row.document.utf8)) != row.documentSha256 {
                problems.append("\(name): its document does not hash to its recorded document hash: the document was edited")
            }
            let content = ScorecardChain.content(.init(
                card: row.cardId, model: row.model, snapshot: row.snapshot, frameworkSHA256: row.frameworkSha256,
                documentSHA256: row.documentSha256, createdAt: row.createdAt, runID: row.runId))
            if content != row.contentSha256 {
                problems.append("\(name): its fields do not hash to its recorded content hash: the row was edited")
            }
            if row.previousSha256 != previous {
                let after = previousID.map { "follows scorecard \($0)" } ?? "is the card's first row"
                problems.append(
                    "\(name) \(after) but was chained after another row (\(row.previousSha256.prefix(12))): a scorecard row before it was deleted, or rows were reordered")
            }
            if ScorecardChain.link(previous: row.previousSha256, content: row.contentSha256) != row.chainSha256 {
                problems.append("\(name): its chain hash does not follow from its content and predecessor: the chain was rewritten")
            }
            hashes.insert(row.chainSha256)
            previous = row.chainSha256
            previousID = id
        }
        return (HistoryVerification.Chain(card: card, rows: count, head: previous), hashes, problems)
    }

    /// Differences between the determinations stored as rows for the determinations file
    /// `sha256` and `parsed`, the determinations its stored text gives; empty when they agree.
    public func determinationDifferences(_ parsed: [Determination], file sha256: String) throws(StoreError) -> [String] {
        let stored = try read { db in
            try DeterminationRow.filter(Column("file_sha256") == sha256).order(Column("line"), Column("id")).fetchAll(db)
        }
        let expected = parsed.map { StoreConversion.row($0, file: sha256) }.sorted { $0.line < $1.line }
        var differences: [String] = []
        func key(_ row: DeterminationRow) -> String {
            "\(row.model)\(row.snapshot.isEmpty ? "" : "@\(row.snapshot)") \(row.category) \(row.stage) (line \(row.line))"
        }
        let storedByKey = Dictionary(stored.map { (key($0), $0) }) { first, _ in first }
        let expectedByKey = Dictionary(expected.map { (key($0), $0) }) { first, _ in first }
        for row in expected {
            guard var found = storedByKey[key(row)] else {
                differences.append("the determination of \(key(row)) is missing from the determination table")
                continue
            }
            found.id = nil
            if found != row {
                differences.append(
                    "the determination table's row for \(key(row)) differs from the stored file: level \(found.level) where the file says \(row.level)\(found.level == row.level ? " (another field was edited)" : "")")
            }
        }
        for row in stored where expectedByKey[key(row)] == nil {
            differences.append("the determination table holds \(key(row)), which the stored file does not have")
        }
        return differences
    }

    /// Stored framework and determinations texts that do not hash to the hash they are stored
    /// under, one message each.
    public func storedTextProblems() throws(StoreError) -> [String] {
        try read { db in
            var problems: [String] = []
            for row in try FrameworkRow.fetchAll(db) where SHA256.hex(of: Array(row.text.utf8)) != row.sha256 {
                problems.append("the stored text of the framework \(row.path) (\(row.sha256.prefix(12))) was edited: it no longer hashes to its key")
            }
            for row in try DeterminationFileRow.fetchAll(db) where SHA256.hex(of: Array(row.text.utf8)) != row.sha256 {
                problems.append(
                    "the stored text of the determinations \(row.path) (\(row.sha256.prefix(12))) was edited: it no longer hashes to its key")
            }
            return problems
        }
    }
}
