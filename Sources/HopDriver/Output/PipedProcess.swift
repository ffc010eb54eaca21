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

  /// Runs `arguments[0]` (a path, not searched on `PATH`) with `arguments`, writing `input` to it.
  /// While it runs, Ctrl-C (SIGINT) or SIGTERM stops it before hophop exits.
  static func run(_ arguments: [String], input: [UInt8], timeoutSeconds: Int) -> Outcome {
    // 0: the child's standard input, 1: its standard output, 2: its standard error; [read end, write end].
    var pipes: [[Int32]] = []
    defer { for pipe in pipes { for descriptor in pipe where descriptor >= 0 { close(descriptor) } } }
    for _ in 0..<3 {
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else { return .notStarted }
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
    // Read both outputs while writing, so a large image cannot fill a pipe and block the child.
    let output = Received(), errors = Received()
    let group = DispatchGroup()
    for (descriptor, received) in [(pipes[1][0], output), (pipes[2][0], errors)] {
      group.enter()
      DispatchQueue.global().async {
        received.bytes = readAll(descriptor)
        group.leave()
      }
    }
    let writeEnd = pipes[0][1]
    pipes[0][1] = -1
    DispatchQueue.global().async {
      writeAll(input, to: writeEnd)
      close(writeEnd)
    }
    if group.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
      kill(pid, SIGTERM)
      kill(pid, SIGKILL)
      _ = wait(for: pid)
      // The readers may still hold their descriptors: they are left open for them.
      pipes[1][0] = -1
      pipes[2][0] = -1
      return .timedOut
    }
    return .finished(status: wait(for: pid), output: output.bytes, errors: errors.bytes)
  }

  /// What one reader read: written by its reader before it leaves the group, read only after the wait.
  private final class Received: @unchecked Sendable {
    var bytes: [UInt8] = []
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

  private static func readAll(_ descriptor: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return bytes }
      bytes += chunk[..<count]
    }
  }

  /// Writes until done or the reader is gone (EPIPE: SIGPIPE must be ignored by the caller).
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
      }
    }
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
