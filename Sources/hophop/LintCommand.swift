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
  @Option(help: "The most messages one buffer may hold during product exploration.")
  var maxBuffer = LintSession.defaultMaxBufferLength
  @Option(help: "The most configurations of C ‖ ~C explored per contract.")
  var maxConfigurations = LintSession.defaultMaxConfigurations
  @Argument(help: "Hop source files.") var files: [String]

  /// A bound of 0 would explore nothing (no message could be sent, or no
  /// configuration visited), so every contract would get "unknown": refused.
  func validate() throws {
    if maxBuffer < 1 { throw ValidationError("--max-buffer must be at least 1 (got \(maxBuffer))") }
    if maxConfigurations < 1 {
      throw ValidationError("--max-configurations must be at least 1 (got \(maxConfigurations))")
    }
  }

  func run() throws {
    let result = LintSession.lint(files, maxBufferLength: maxBuffer, maxConfigurations: maxConfigurations)
    switch output.format {
    case .json:
      Console.standardOutput(LintJSONRenderer.render(result))
    case .text:
      let tables = LintSession.tables(result)
      if !tables.isEmpty { Console.standardOutput(tables) }
      output.emitDiagnostics(result.report, command: "lint")
    }
    if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
  }
}
