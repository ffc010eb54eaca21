import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a program as a child process, with the figures the kernel keeps for it:
/// wall time, CPU time (user + system) and peak resident memory.
struct ChildRun {
  var status: Int32
  var stdout: String
  var wallSeconds: Double
  var cpuSeconds: Double
  /// Peak resident set size (`ru_maxrss`), in MB.
  var peakMegabytes: Double
  /// Whether the run was stopped (SIGKILL) at its time limit.
  var timedOut = false

  /// Runs `executable` with `arguments`, its standard output into a temporary file (read back), standard error discarded.
  /// With a `timeout` (seconds) the child is polled every 0.2 ms and killed past it; without
  /// one the wait blocks, so that start-up figures carry no polling error.
  static func run(_ executable: String, _ arguments: [String], timeout: Double? = nil) throws -> ChildRun {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-bench-\(getpid())-\(UUID().uuidString).out").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw ChildError(message: "cannot run \(executable): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    if let timeout {
      let deadline = start + UInt64(timeout * 1e9)
      while true {
        let done = wait4(pid, &status, WNOHANG, &usage)
        if done == pid || (done < 0 && errno != EINTR) { break }
        if !timedOut && DispatchTime.now().uptimeNanoseconds > deadline {
          kill(pid, SIGKILL)
          timedOut = true
        }
        usleep(200)
      }
    } else {
      while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
      + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    // Exit status: WEXITSTATUS, or 128 + signal.
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return ChildRun(status: code, stdout: text, wallSeconds: wall, cpuSeconds: cpu,
                    peakMegabytes: Double(usage.ru_maxrss) / 1024, timedOut: timedOut)
  }

  /// The `hophop` executable next to this `hophop-bench` (same build folder).
  static var siblingHophop: String {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return me.deletingLastPathComponent().appendingPathComponent("hophop").path
  }
}

struct ChildError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
