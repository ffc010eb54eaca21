#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
                            program: String = "dot") -> Result<[UInt8], Failure> {
    // A dot that exits early must not kill hophop through a write to its closed pipe.
    signal(SIGPIPE, SIG_IGN)
    switch PipedProcess.run(["/usr/bin/env", program, "-T\(format)"], input: Array(dot.utf8), timeoutSeconds: timeoutSeconds) {
    case .notStarted: return .failure(.notInstalled)
    case .timedOut: return .failure(.timedOut(timeoutSeconds))
    // `env` exits with 127 when it cannot find the program.
    case .finished(status: 127, output: _, errors: _): return .failure(.notInstalled)
    case .finished(status: 0, output: let image, errors: _): return .success(image)
    case .finished(status: _, output: _, errors: let errors):
      return .failure(.failed(String(String(decoding: errors, as: UTF8.self).trimmedOfWhitespace)))
    }
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
      while let start = rest.firstRange(of: "<svg"), let end = rest[start.upperBound...].firstRange(of: "</svg>") {
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

extension String {
  /// The text without the spaces, tabs and line breaks around it (what `dot` writes on standard error).
  var trimmedOfWhitespace: Substring {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
    return self[start..<max(start, end)]
  }
}
