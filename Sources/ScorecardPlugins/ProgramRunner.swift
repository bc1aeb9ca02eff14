import Foundation
import ScorecardCore

/// Runs a program without a shell: a clean environment, the request on standard input (closed
/// once written), a time limit, and a cap on what it may write.
///
/// The child runs in its own process group (Foundation starts it so), and a program that runs
/// past its time or writes past the cap is killed with its whole group. One thread drives the
/// pipes with `poll(2)`, so a program that never reads its input or never closes its output
/// cannot block the caller past the deadline.
struct ProgramRunner: Sendable {
    /// Why a run gave no reply.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotStart(String)
        case timedOut(seconds: Double)
        case replyTooLarge(limit: Int)
        case exited(status: Int32, stderr: String)
        case killed(signal: Int32, stderr: String)

        var description: String {
            switch self {
            case .cannotStart(let why): "could not be started: \(why)"
            case .timedOut(let seconds): "did not answer within \(Format.number(seconds)) s and was killed"
            case .replyTooLarge(let limit): "wrote more than \(limit) bytes and was killed"
            case .exited(let status, let stderr): "exited with status \(status)" + Self.tail(stderr)
            case .killed(let signal, let stderr): "was killed by signal \(signal)" + Self.tail(stderr)
            }
        }

        private static func tail(_ stderr: String) -> String {
            stderr.isEmpty ? "" : "; its standard error ends: \(stderr)"
        }
    }

    let executable: String
    let arguments: [String]
    let directory: String
    let environment: [String: String]
    let timeout: Double
    let outputLimit: Int
    /// At most this much of standard error is kept, for messages.
    static let errorLimit = 4096

    /// Standard output of a run that exited 0, or why there is none.
    func run(input: [UInt8]) -> Result<[UInt8], Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            return .failure(.cannotStart("\(executable): \(error.localizedDescription)"))
        }
        var pipes = PipeDriver(input: input, stdin: stdin.fileHandleForWriting, stdout: stdout.fileHandleForReading,
                               stderr: stderr.fileHandleForReading, outputLimit: outputLimit)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        let drained = pipes.drive(until: deadline)
        var failure: Failure?
        switch drained {
        case .overflow: failure = .replyTooLarge(limit: outputLimit)
        case .deadline: failure = .timedOut(seconds: timeout)
        case .closed:
            // Outputs are closed; the program still has until the deadline to exit.
            while process.isRunning && DispatchTime.now().uptimeNanoseconds < deadline { usleep(500) }
            if process.isRunning { failure = .timedOut(seconds: timeout) }
        }
        if failure != nil { kill(-process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        pipes.close()
        if let failure { return .failure(failure) }
        let errorText = Self.printable(pipes.error)
        switch process.terminationReason {
        case .uncaughtSignal: return .failure(.killed(signal: process.terminationStatus, stderr: errorText))
        case .exit where process.terminationStatus != 0: return .failure(.exited(status: process.terminationStatus, stderr: errorText))
        default: return .success(pipes.output)
        }
    }

    /// Untrusted bytes as one short line: control characters shown as `?`.
    static func printable(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let line = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format ? "?" : scalar
        }))
        return line.count > 500 ? "…" + String(line.suffix(500)) : line
    }
}

/// The parent's ends of the three pipes, driven by `poll(2)` from one thread.
private struct PipeDriver {
    enum End { case closed, overflow, deadline }

    let input: [UInt8]
    var written = 0
    var stdin: FileHandle?
    var stdout: FileHandle?
    var stderr: FileHandle?
    let outputLimit: Int
    var output: [UInt8] = []
    var error: [UInt8] = []

    init(input: [UInt8], stdin: FileHandle, stdout: FileHandle, stderr: FileHandle, outputLimit: Int) {
        self.input = input
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.outputLimit = outputLimit
        for handle in [stdin, stdout, stderr] {
            let fd = handle.fileDescriptor
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
    }

    /// Writes the input, then closes standard input; reads both outputs until they close, the
    /// output passes its cap, or the deadline.
    mutating func drive(until deadline: UInt64) -> End {
        // A write to a program that has closed its input raises SIGPIPE: block it on this
        // thread, and take any such signal pending before unblocking.
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeSignal, nil, &zero)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        if input.isEmpty { closeInput() }
        while stdout != nil || stderr != nil {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return .deadline }
            var fds: [pollfd] = []
            if let stdin { fds.append(pollfd(fd: stdin.fileDescriptor, events: Int16(POLLOUT), revents: 0)) }
            if let stdout { fds.append(pollfd(fd: stdout.fileDescriptor, events: Int16(POLLIN), revents: 0)) }
            if let stderr { fds.append(pollfd(fd: stderr.fileDescriptor, events: Int16(POLLIN), revents: 0)) }
            let wait = Int32(min(100, max(1, (deadline - now) / 1_000_000)))
            guard poll(&fds, nfds_t(fds.count), wait) >= 0 || errno == EINTR else { return .closed }
            for fd in fds where fd.revents != 0 {
                if fd.fd == stdin?.fileDescriptor { writeSome() }
                else if fd.fd == stdout?.fileDescriptor {
                    if !Self.readSome(from: &stdout, into: &output, keep: outputLimit + 1) { continue }
                    if output.count > outputLimit { return .overflow }
                } else if fd.fd == stderr?.fileDescriptor {
                    _ = Self.readSome(from: &stderr, into: &error, keep: ProgramRunner.errorLimit)
                }
            }
        }
        return .closed
    }

    private mutating func writeSome() {
        guard let stdin else { return }
        let count = input.withUnsafeBytes { buffer in
            Glibc.write(stdin.fileDescriptor, buffer.baseAddress! + written, min(64 << 10, input.count - written))
        }
        if count > 0 { written += count }
        // EAGAIN: try again when writable. Any other error (EPIPE: the program stopped reading): done.
        if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) { closeInput() }
    }

    private mutating func closeInput() {
        try? stdin?.close()
        stdin = nil
    }

    /// Reads what is there; false when the pipe closed (and is dropped).
    private static func readSome(from handle: inout FileHandle?, into buffer: inout [UInt8], keep limit: Int) -> Bool {
        guard let fd = handle?.fileDescriptor else { return false }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<min(count, max(0, limit - buffer.count))])
            return true
        }
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return true }
        try? handle?.close()
        handle = nil
        return false
    }

    mutating func close() {
        closeInput()
        try? stdout?.close()
        try? stderr?.close()
        stdout = nil
        stderr = nil
    }
}
