import ArgumentParser
import HopDriver

/// `hophop lint FILE...`: the properties of every contract, and warnings.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Check the properties of the contracts in Hop files.",
    discussion: """
      Prints one table per contract (deterministic, uniform choice, synchronizing final states, leak-free, \
      half-duplex, progress) and warnings as diagnostics. Half-duplex and progress explore C ‖ ~C with \
      bounded FIFO buffers and answer 'unknown' when the bound is hit and nothing else settles them. \
      Exit 0: fine; 1: a contract used by a close is not leak-free; 2: bad input or a malformed contract.
      """)

  @OptionGroup var output: OutputOptions
  // A bound of 0 would explore nothing (no message sent, no configuration visited), so every
  // contract would get "unknown": the bounds start at 1.
  @Option(parsing: .unconditional,
          help: WholeNumberOption.help("The most messages one buffer may hold during product exploration.",
                                       default: LintSession.defaultMaxBufferLength),
          transform: { try WholeNumberOption.parse($0, minimum: 1, unit: "messages") })
  var maxBuffer = LintSession.defaultMaxBufferLength
  @Option(parsing: .unconditional,
          help: WholeNumberOption.help("The most configurations of C ‖ ~C explored per contract.",
                                       default: LintSession.defaultMaxConfigurations),
          transform: { try WholeNumberOption.parse($0, minimum: 1, unit: "configurations") })
  var maxConfigurations = LintSession.defaultMaxConfigurations
  @Argument(help: "Hop source files.") var files: [String]

  func run() throws {
    try Self.lint(files, maxBuffer: maxBuffer, maxConfigurations: maxConfigurations, format: output.format,
                  noColor: output.noColor)
  }

  /// `hophop lint FILE...` without ArgumentParser (`PlainInvocation`).
  static let plainInvocation = PlainInvocation(command: configuration.commandName!, operands: .oneOrMore) { files throws(ExitCode) in
    try lint(files, format: .text, noColor: false)
  }

  /// Lints the files and prints the tables and the diagnostics (or the JSON document).
  static func lint(_ files: [String], maxBuffer: Int = LintSession.defaultMaxBufferLength,
                   maxConfigurations: Int = LintSession.defaultMaxConfigurations, format: OutputOptions.Format,
                   noColor: Bool) throws(ExitCode) {
    let result = LintSession.lint(files, maxBufferLength: maxBuffer, maxConfigurations: maxConfigurations)
    OutputOptions.emit(result.report, text: text(result), format: format, noColor: noColor) {
      LintJSONRenderer.render(result)
    }
    if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
  }

  /// The tables, and a line for each file that has no contract to lint (rather than nothing at all).
  static func text(_ result: LintSession.Result) -> String {
    // A file whose contracts all failed to compile has its errors to show instead.
    let none = result.files.filter { file in
      file.contracts?.contracts.isEmpty == true && !file.report.diagnostics.contains { $0.severity == .error }
    }
      .map { "\($0.report.path): no contracts to lint\n" }.joined()
    let tables = LintSession.tables(result)
    return none + tables
  }
}
