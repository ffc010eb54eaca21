#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Runs a program with `posix_spawn`, its standard input given as bytes and its standard output and
/// error read to the end, and stops it after a time limit. `GraphvizRenderer` runs `dot` with it.
///
/// Plain POSIX rather than Foundation's `Process`: the shipped executable links no Foundation
/// (issue 27), whose size and start-up were most of hophop's own.
enum PipedProcess {
  /// How a run ended.
  enum Outcome: Equatable {
    /// The program could not be started (no pipe, no process).
    case notStarted
    /// It ran longer than the limit and was killed.
    case timedOut
    /// It ended: its exit status (128 + the signal's number when a signal ended it) and what it wrote.
    case finished(status: Int32, output: [UInt8], errors: [UInt8])
  }

  /// `pipe2(O_CLOEXEC)`: both ends made close-on-exec atomically. Swift's Glibc module does
  /// not show `pipe2`, so it is declared by its C name below; elsewhere `pipe` then `fcntl`.
  private static func closeOnExecPipe(_ ends: inout [Int32]) -> Int32 {
    ends.withUnsafeMutableBufferPointer { buffer in
      #if os(Linux)
      return systemPipe2(buffer.baseAddress!, O_CLOEXEC)
      #else
      guard pipe(buffer.baseAddress!) == 0 else { return -1 }
      for descriptor in buffer { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
      return 0
      #endif
    }
  }

  /// Runs `arguments[0]` (a path, not searched on `PATH`) with `arguments`, writing `input` to it.
  /// While it runs, Ctrl-C (SIGINT) or SIGTERM stops it before hophop exits.
  static func run(_ arguments: [String], input: [UInt8], timeoutSeconds: Int) -> Outcome {
    // 0: the child's standard input, 1: its standard output, 2: its standard error; [read end, write end].
    var pipes: [[Int32]] = []
    defer { for pipe in pipes { for descriptor in pipe where descriptor >= 0 { close(descriptor) } } }
    for _ in 0..<3 {
      var ends: [Int32] = [-1, -1]
      // Close-on-exec: a child that another thread starts at the same moment must not inherit
      // these ends (it would hold a write end open, and this child's reader would wait for its
      // end of file until that child exits). The dup2 onto 0, 1 and 2 clears the flag for ours.
      guard Self.closeOnExecPipe(&ends) == 0 else { return .notStarted }
      pipes.append(ends)
    }
    guard let pid = spawn(arguments, stdin: pipes[0][0], stdout: pipes[1][1], stderr: pipes[2][1],
                          closing: pipes.flatMap { $0 }) else { return .notStarted }
    let stopper = ChildStopper(pid)
    defer { stopper.cancel() }
    // The child's ends are its own now; closing ours lets the readers see the end of file.
    for (index, end) in [(0, 0), (1, 1), (2, 1)] {
      close(pipes[index][end])
      pipes[index][end] = -1
    }
    // One loop in this thread writes the input and reads both outputs as the pipes allow (so a
    // large image cannot fill a pipe and block the child). No other thread is used: a reader
    // queued on Dispatch's pool could wait behind the very jobs that wait for it (`--jobs`).
    var output: [UInt8] = [], errors: [UInt8] = []
    var offset = 0
    // A write of more than the pipe holds would block on a full pipe: ours writes what fits.
    _ = fcntl(pipes[0][1], F_SETFL, fcntl(pipes[0][1], F_GETFL) | O_NONBLOCK)
    let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while pipes[1][0] >= 0 || pipes[2][0] >= 0 {
      if pipes[0][1] >= 0 && offset == input.count {
        close(pipes[0][1])
        pipes[0][1] = -1
      }
      var polled = [(pipes[0][1], Int16(POLLOUT)), (pipes[1][0], Int16(POLLIN)), (pipes[2][0], Int16(POLLIN))]
        .filter { $0.0 >= 0 }.map { pollfd(fd: $0.0, events: $0.1, revents: 0) }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return stop(pid, &pipes) }
      let milliseconds = Int32(min(left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000 + 1, 60_000))
      let ready = poll(&polled, nfds_t(polled.count), milliseconds)
      if ready < 0 && errno != EINTR { return stop(pid, &pipes) }
      for entry in polled where entry.revents != 0 {
        if entry.fd == pipes[0][1] {
          let written = input.withUnsafeBytes { write(entry.fd, $0.baseAddress! + offset, input.count - offset) }
          if written > 0 { offset += written } else if errno != EINTR && errno != EAGAIN { offset = input.count }
          continue
        }
        let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
        if count > 0 {
          if entry.fd == pipes[1][0] { output += chunk[..<count] } else { errors += chunk[..<count] }
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
          close(entry.fd)
          if entry.fd == pipes[1][0] { pipes[1][0] = -1 } else { pipes[2][0] = -1 }
        }
      }
    }
    return .finished(status: wait(for: pid), output: output, errors: errors)
  }

  /// Past the time limit: the child is killed and reaped.
  private static func stop(_ pid: pid_t, _ pipes: inout [[Int32]]) -> Outcome {
    kill(pid, SIGTERM)
    kill(pid, SIGKILL)
    _ = wait(for: pid)
    return .timedOut
  }

  /// The child's pid; it gets `stdin`, `stdout`, `stderr` as 0, 1, 2, closes the descriptors in
  /// `closing`, and starts with default signal handling and no blocked signals.
  private static func spawn(_ arguments: [String], stdin: Int32, stdout: Int32, stderr: Int32,
                            closing: [Int32]) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdin, 0)
    posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    posix_spawn_file_actions_adddup2(&actions, stderr, 2)
    for descriptor in closing { posix_spawn_file_actions_addclose(&actions, descriptor) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t(), none = sigset_t()
    sigfillset(&all)
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    guard let path = argv[0] else { return nil }
    var pid = pid_t()
    guard posix_spawn(&pid, path, &actions, &attributes, argv, environ) == 0 else { return nil }
    return pid
  }

  /// Waits for the child to end: its exit status, or 128 + the number of the signal that ended it.
  private static func wait(for pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { return -1 }
    }
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }

}

/// While a child runs, Ctrl-C (SIGINT) or SIGTERM stops it before hophop exits.
private final class ChildStopper: @unchecked Sendable {
  private var sources: [any DispatchSourceSignal] = []
  private var previous: [(Int32, sighandler_t?)] = []

  init(_ pid: pid_t) {
    for number in [SIGINT, SIGTERM] {
      previous.append((number, signal(number, SIG_IGN)))
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        kill(pid, SIGTERM)
        kill(pid, SIGKILL)
        exit(128 + number)
      }
      source.resume()
      sources.append(source)
    }
  }

  func cancel() {
    sources.forEach { $0.cancel() }
    for (number, handler) in previous { signal(number, handler) }
  }
}

#if os(Linux)
/// glibc's `pipe2` (see `PipedProcess.closeOnExecPipe`).
@_silgen_name("pipe2")
private func systemPipe2(_ ends: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
#endif
