import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HopDriver

/// `--format` and `--no-color`, shared by the commands that report diagnostics.
struct OutputOptions: ParsableArguments {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Flag(name: .customLong("no-color"), help: "Never colour the output (also: the NO_COLOR environment variable).")
  var noColor = false

  /// Colour only on a terminal, and never with `--no-color` or `NO_COLOR`.
  func useColor(onStandardError: Bool) -> Bool { Self.useColor(onStandardError: onStandardError, noColor: noColor) }

  static func useColor(onStandardError: Bool, noColor: Bool) -> Bool {
    guard !noColor, getenv("NO_COLOR") == nil else { return false }
    return isatty(onStandardError ? STDERR_FILENO : STDOUT_FILENO) != 0
  }

  /// Prints the report's diagnostics: as text on standard error, or as one JSON document on standard output.
  func emitDiagnostics(_ report: Report, command: String) {
    Self.emitDiagnostics(report, command: command, format: format, noColor: noColor)
  }

  static func emitDiagnostics(_ report: Report, command: String, format: Format, noColor: Bool) {
    switch format {
    case .json:
      Console.standardOutput(JSONRenderer.render(report, command: command))
    case .text:
      Console.standardError(TextRenderer(useColor: useColor(onStandardError: true, noColor: noColor)).render(report))
    }
  }
}

/// The only place that writes to the process's output streams (plain `write(2)`, no buffering to flush).
enum Console {
  static func standardOutput(_ text: String) { writeAll(text, to: STDOUT_FILENO) }

  static func standardError(_ text: String) { writeAll(text, to: STDERR_FILENO) }

  private static func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { buffer in
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

extension ExitCode {
  init(_ status: ExitStatus) { self.init(status.rawValue) }
}
