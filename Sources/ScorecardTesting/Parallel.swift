import Foundation

/// Runs `body(0)` … `body(count - 1)` at once, each on a thread of its own, and waits for all of
/// them; returns the errors they threw (empty when none did).
///
/// For tests of concurrent writers: every call starts together, so a read-modify-write race
/// between them shows up as lost records.
public func inParallel(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> [any Error] {
    let collected = Collected()
    let start = DispatchSemaphore(value: 0)
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            start.wait()
            do { try body(index) } catch { collected.add(error) }
            group.leave()
        }
        thread.start()
    }
    for _ in 0..<count { start.signal() }
    group.wait()
    return collected.errors
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [any Error] = []

    func add(_ error: any Error) { lock.withLock { all.append(error) } }
    var errors: [any Error] { lock.withLock { all } }
}
