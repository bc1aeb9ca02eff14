import Foundation

/// Runs a job per item on a few threads and hands the results back in item order.
///
/// At most `window` results are finished but not yet handed back, so memory stays bounded by
/// the window (not by the number of items) however uneven the jobs are. The caller's thread
/// receives each result through `deliver`, in order, while later items are still being worked on.
enum OrderedWorkers {
    static func run<Result: Sendable>(
        count: Int, jobs: Int, window: Int? = nil, work: @escaping @Sendable (Int) -> Result, deliver: (Int, Result) -> Void
    ) {
        guard count > 0 else { return }
        let threads = max(1, min(jobs, count))
        if threads == 1 {
            for index in 0..<count { deliver(index, work(index)) }
            return
        }
        let state = State<Result>(limit: max(window ?? threads * 2, threads))
        for _ in 0..<threads {
            let thread = Thread {
                while let index = state.claim(count: count) {
                    state.finish(index, work(index))
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for index in 0..<count { deliver(index, state.take(index)) }
    }

    /// Shared between the workers and the delivering thread; every access holds the condition's lock.
    private final class State<Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var next = 0
        private var delivered = 0
        private var finished: [Int: Result] = [:]
        private let limit: Int

        init(limit: Int) {
            self.limit = limit
        }

        /// The next item to work on, waiting while the window is full; nil when none is left.
        func claim(count: Int) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while next < count, next - delivered >= limit { condition.wait() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func finish(_ index: Int, _ result: Result) {
            condition.lock()
            finished[index] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for item `index` and removes it.
        func take(_ index: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = finished.removeValue(forKey: index) {
                    delivered += 1
                    condition.broadcast()
                    return result
                }
                condition.wait()
            }
        }
    }
}
