import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest

/// Framework files on their own (`scorecard frameworks lint`, `show` and `list`).
public enum Frameworks {
    /// Reads and validates the framework at `path`; evaluator names and parameters are checked
    /// against `registry`.
    public static func load(path: String, registry: EvaluatorRegistry = StandardEvaluators.registry) throws(InputError) -> LoadedFramework {
        try FrameworkLoader.load(path: path, registry: registry)
    }

    /// One framework file found by ``list(in:registry:)``.
    public struct Listing: Encodable, Sendable {
        public var path: String
        @Nullable public var id: String? = nil
        @Nullable public var name: String? = nil
        @Nullable public var version: String? = nil
        @Nullable public var schemaVersion: Int? = nil
        /// The stage ids, which evidence must use (or be mapped onto with `--map-stage`).
        public var stages: [String] = []
        /// Why the file does not load, when it does not.
        @Nullable public var error: String? = nil
    }

    /// The folders searched when none is given: `frameworks/` in the current folder (a checkout
    /// of the repository), and beside the executable `frameworks/`, `../share/scorecard/frameworks`
    /// and, for a binary built in a checkout (`.build/debug/scorecard`), the checkout's `frameworks/`
    /// (the nearest folder above it holding `Package.swift`).
    public static func defaultFolders(executable: String? = Bundle.main.executablePath) -> [String] {
        var folders = [FileManager.default.currentDirectoryPath + "/frameworks"]
        if let executable {
            let directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            folders += ["frameworks", "../share/scorecard/frameworks"].map { directory.appendingPathComponent($0).standardized.path }
            // A binary built in a checkout (.build/<triple>/debug/scorecard): the checkout's folder.
            var parent = directory
            for _ in 0..<4 {
                parent.deleteLastPathComponent()
                if FileManager.default.fileExists(atPath: parent.appendingPathComponent("Package.swift").path) {
                    folders.append(parent.appendingPathComponent("frameworks").path)
                    break
                }
            }
        }
        var seen = Set<String>()
        return folders.filter { seen.insert(URL(fileURLWithPath: $0).resolvingSymlinksInPath().path).inserted }
    }

    /// The `.yaml` and `.yml` files in `folders` that exist, in name order, each loaded (a file
    /// that does not load is listed with its first problem).
    public static func list(in folders: [String], registry: EvaluatorRegistry = BuiltinEvaluators.registry) -> [Listing] {
        var listings: [Listing] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = (folder as NSString).appendingPathComponent(name)
                do {
                    let framework = try load(path: path, registry: registry).framework
                    listings.append(Listing(
                        path: path, id: framework.id, name: framework.name, version: framework.version,
                        schemaVersion: framework.schemaVersion, stages: framework.stages.map(\.id)))
                } catch {
                    listings.append(Listing(path: path, error: error.diagnostics.first?.description ?? "\(error)"))
                }
            }
        }
        return listings
    }
}
