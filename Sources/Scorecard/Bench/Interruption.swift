import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// While a benchmark runs in a temporary folder: on SIGINT or SIGTERM, stop the child process it
/// is measuring, remove the folder, and end as the signal would (exit 130 or 143 in a shell), so
/// an interrupted `bench memory` leaves no gigabytes of generated evidence behind.
final class Interruption: @unchecked Sendable {
    static let signals = [SIGINT, SIGTERM]
    private static let lock = NSLock()
    nonisolated(unsafe) private static var running: pid_t = 0

    private var sources: [any DispatchSourceSignal] = []

    /// Starts watching; ``stop()`` (or dropping the value) restores the default handling.
    init(removing folder: String) {
        // A process started with the signals blocked (as some launchers do) would never see them.
        var watched = sigset_t()
        sigemptyset(&watched)
        for number in Self.signals { sigaddset(&watched, number) }
        pthread_sigmask(SIG_UNBLOCK, &watched, nil)
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let child = Self.lock.withLock { Self.running }
                if child > 0 {
                    kill(child, SIGTERM)
                    var status: Int32 = 0
                    _ = waitpid(child, &status, 0)
                }
                try? FileManager.default.removeItem(atPath: folder)
                signal(number, SIG_DFL)
                kill(getpid(), number)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit { stop() }

    /// Restores the default handling of the signals.
    func stop() {
        for source in sources { source.cancel() }
        if !sources.isEmpty { for number in Self.signals { signal(number, SIG_DFL) } }
        sources = []
    }

    /// Records the child being measured (0: none), for the handler to stop.
    static func child(_ pid: pid_t) { lock.withLock { running = pid } }

    /// Spawn attributes that give a child the default handling of the watched signals and an
    /// empty signal mask (ignored signals would otherwise be inherited across exec).
    static func defaultSignals(_ attributes: inout posix_spawnattr_t) {
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in signals { sigaddset(&defaults, number) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    }
}
