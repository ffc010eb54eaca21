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

  @Flag(name: .customLong("no-color"), help: "Never colour the output (also: NO_COLOR set and not empty, or TERM=dumb).")
  var noColor = false

  /// Colour only on a terminal, and never with `--no-color`, a non-empty `NO_COLOR` or `TERM=dumb` (`ColorPolicy`).
  static func useColor(onStandardError: Bool, noColor: Bool) -> Bool {
    ColorPolicy.useColor(noColorFlag: noColor, descriptor: onStandardError ? STDERR_FILENO : STDOUT_FILENO)
  }

  /// Prints a command's outcome: as text, `text` on standard output and the diagnostics on standard
  /// error; as JSON, the one document `json` makes, on standard output.
  func emit(_ report: Report, text: String = "", json: () -> String) {
    Self.emit(report, text: text, format: format, noColor: noColor, json: json)
  }

  static func emit(_ report: Report, text: String = "", format: Format, noColor: Bool, json: () -> String) {
    switch format {
    case .json:
      Console.standardOutput(json())
    case .text:
      if !text.isEmpty { Console.standardOutput(text) }
      Console.standardError(TextRenderer(useColor: useColor(onStandardError: true, noColor: noColor)).render(report))
    }
  }

  /// As `emit`, for a command that says something of each file (`check`): in text, each file's
  /// lines (`texts[i]` for `report.files[i]`) on standard output and then its diagnostics on standard
  /// error, file after file, so that on a terminal each file's diagnostics follow its verdict.
  static func emit(_ report: Report, perFile texts: [String], format: Format, noColor: Bool, json: () -> String) {
    guard format == .text else { return emit(report, format: format, noColor: noColor, json: json) }
    let renderer = TextRenderer(useColor: useColor(onStandardError: true, noColor: noColor))
    for (file, text) in zip(report.files, texts) {
      if !text.isEmpty { Console.standardOutput(text) }
      Console.standardError(renderer.render(file))
    }
  }
}

extension OutputOptions {
  /// Z3 was needed and could not be loaded: the diagnostic on standard error (and with `--format json`
  /// the command's document, with no result, on standard output), then exit status 2.
  static func fail(_ failure: Z3Failure, command: String, files: [String], format: Format) throws(ExitCode) -> Never {
    if format == .json { Console.standardOutput(failure.document(command: command, files: files)) }
    Console.standardError(failure.text)
    throw ExitCode(.badInput)
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
