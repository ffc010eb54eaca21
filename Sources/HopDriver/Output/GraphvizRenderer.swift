import Foundation

/// Turns DOT text into an image by running Graphviz's `dot` (found on `PATH`
/// through `/usr/bin/env`), for `hophop contract --format svg|png`.
public enum GraphvizRenderer {
  /// Why no image was produced.
  public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// `dot` is not installed.
    case notInstalled
    /// `dot` ran and failed, with its standard error.
    case failed(String)

    public var description: String {
      switch self {
      case .notInstalled:
        "Graphviz's 'dot' program was not found. Install Graphviz (Debian/Ubuntu: 'apt-get install graphviz', "
          + "macOS: 'brew install graphviz'), or use '--format dot' and render the output elsewhere."
      case .failed(let message): "dot failed: \(message)"
      }
    }
  }

  /// `dot -T<format>` applied to `dot`; `format` is a Graphviz output format (`svg`, `png`).
  public static func render(_ dot: String, format: String) -> Result<Data, Failure> {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["dot", "-T\(format)"]
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      return .failure(.notInstalled)
    }
    // Read both outputs while writing, so a large image cannot fill a pipe and block dot.
    nonisolated(unsafe) var image = Data()
    nonisolated(unsafe) var messages = Data()
    let group = DispatchGroup()
    for (handle, index) in [(output.fileHandleForReading, 0), (errors.fileHandleForReading, 1)] {
      group.enter()
      DispatchQueue.global().async {
        let data = handle.readDataToEndOfFile()
        if index == 0 { image = data } else { messages = data }
        group.leave()
      }
    }
    input.fileHandleForWriting.write(Data(dot.utf8))
    try? input.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    // `env` exits with 127 when it cannot find the program.
    if process.terminationStatus == 127 { return .failure(.notInstalled) }
    guard process.terminationStatus == 0 else {
      return .failure(.failed(String(decoding: messages, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
    }
    return .success(image)
  }
}
