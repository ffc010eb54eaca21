import ArgumentParser
import Foundation
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
  func useColor(onStandardError: Bool) -> Bool {
    guard !noColor, ProcessInfo.processInfo.environment["NO_COLOR"] == nil else { return false }
    return isatty(onStandardError ? STDERR_FILENO : STDOUT_FILENO) != 0
  }

  /// Prints the report's diagnostics: as text on standard error, or as one JSON document on standard output.
  func emitDiagnostics(_ report: Report, command: String) {
    switch format {
    case .json:
      Console.standardOutput(JSONRenderer.render(report, command: command))
    case .text:
      Console.standardError(TextRenderer(useColor: useColor(onStandardError: true)).render(report))
    }
  }
}

/// The only place that writes to the process's output streams.
enum Console {
  static func standardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

extension ExitCode {
  init(_ status: ExitStatus) { self.init(status.rawValue) }
}
