import Foundation

/// Turns DOT text into an image by running Graphviz's `dot` (found on `PATH`
/// through `/usr/bin/env`), for `hophop contract --format svg|png` and
/// `hophop explain --format svg|png|html` (the same timeout and messages).
///
/// `dot` is another program, so it is watched: a run longer than the
/// timeout is stopped with a clear message, a `dot` that dies early cannot
/// kill hophop with SIGPIPE, and an interrupted hophop (Ctrl-C) stops `dot`
/// too instead of leaving it running.
public enum GraphvizRenderer {
  /// Why no image was produced.
  public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// `dot` is not installed.
    case notInstalled
    /// `dot` ran and failed, with its standard error.
    case failed(String)
    /// `dot` ran longer than this many seconds and was stopped.
    case timedOut(Int)

    public var description: String {
      switch self {
      case .notInstalled:
        "Graphviz's 'dot' program was not found. Install Graphviz (Debian/Ubuntu: 'apt-get install graphviz', "
          + "macOS: 'brew install graphviz'), or use '--format dot' and render the output elsewhere."
      case .failed(let message): "dot failed: \(message)"
      case .timedOut(let seconds):
        "dot did not finish within \(seconds) s and was stopped; use '--format dot' and render it elsewhere, "
          + "or '--format text'"
      }
    }
  }

  /// Above this many states `hophop contract` warns that `dot` may take long.
  public static let largeContractStates = 200

  /// How long `dot` may run before it is stopped.
  public static let defaultTimeoutSeconds = 30

  /// `dot -T<format>` applied to `dot`; `format` is a Graphviz output format (`svg`, `png`).
  /// `program` is the command run in dot's place (tests give a stand-in that hangs or fails).
  public static func render(_ dot: String, format: String, timeoutSeconds: Int = defaultTimeoutSeconds,
                            program: String = "dot") -> Result<Data, Failure> {
    // A dot that exits early must not kill hophop through a write to its closed pipe.
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program, "-T\(format)"]
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      return .failure(.notInstalled)
    }
    let interruption = ChildStopper(process)
    defer { interruption.cancel() }
    // Read both outputs while writing, so a large image cannot fill a pipe and block dot.
    let read = OutputsRead()
    let group = DispatchGroup()
    for (handle, index) in [(output.fileHandleForReading, 0), (errors.fileHandleForReading, 1)] {
      group.enter()
      DispatchQueue.global().async {
        read.store(handle.readDataToEndOfFile(), at: index)
        group.leave()
      }
    }
    let writer = input.fileHandleForWriting
    DispatchQueue.global().async {
      try? writer.write(contentsOf: Data(dot.utf8))
      try? writer.close()
    }
    if group.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
      process.terminate()
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      return .failure(.timedOut(timeoutSeconds))
    }
    process.waitUntilExit()
    // `env` exits with 127 when it cannot find the program.
    if process.terminationStatus == 127 { return .failure(.notInstalled) }
    guard process.terminationStatus == 0 else {
      return .failure(.failed(String(decoding: read.data(at: 1), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)))
    }
    return .success(read.data(at: 0))
  }

  /// Several graphs as SVG documents, one `dot` run for all (a page of pictures starts one process,
  /// not one per picture): each `<svg>` element without the XML prologue, ready to inline in HTML.
  public static func renderSVGs(_ graphs: [String], timeoutSeconds: Int = defaultTimeoutSeconds,
                                program: String = "dot") -> Result<[String], Failure> {
    if graphs.isEmpty { return .success([]) }
    return render(graphs.joined(), format: "svg", timeoutSeconds: timeoutSeconds, program: program).flatMap { data in
      let text = String(decoding: data, as: UTF8.self)
      var svgs: [String] = []
      var rest = text[...]
      while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
        svgs.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
      }
      guard svgs.count == graphs.count else {
        return .failure(.failed("expected \(graphs.count) SVG pictures, dot wrote \(svgs.count)"))
      }
      return .success(svgs)
    }
  }
}

/// What the two reader threads read (0: standard output, 1: standard error), behind a lock:
/// a reader still running after a timeout must not race with anyone.
private final class OutputsRead: @unchecked Sendable {
  private let lock = NSLock()
  private var outputs = [Data(), Data()]

  func store(_ data: Data, at index: Int) { lock.withLock { outputs[index] = data } }
  func data(at index: Int) -> Data { lock.withLock { outputs[index] } }
}

/// While `dot` runs, Ctrl-C (SIGINT) or SIGTERM stops it before hophop exits.
private final class ChildStopper: @unchecked Sendable {
  private var sources: [DispatchSourceSignal] = []
  private var previous: [(Int32, sighandler_t?)] = []

  init(_ process: Process) {
    let pid = process.processIdentifier
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
