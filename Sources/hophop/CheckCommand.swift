import ArgumentParser
import HopDriver

/// `hophop check FILE...`: prove the annotated procedures.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Prove the procedures of Hop programs: sync ones by symbolic execution, async ones by rely/guarantee.",
    discussion: """
      Sync procedures: memory safety, no leak, loop invariants, calls, resources, no race and the \
      postcondition, with the symbolic state of each failure (channel commands are not handled yet: \
      unknown). Async procedures: memory safety, loop invariants and the four rely/guarantee \
      conditions, with a counterexample for each failure. Exit 0: every procedure is valid; 1: \
      something is not valid or could not be decided; 2: bad input.
      """)

  @OptionGroup var output: OutputOptions
  @Option(help: "Per-query solver timeout in milliseconds (an undecided query is reported, never taken as proved).")
  var timeout: UInt32 = 5_000
  @Option(name: .customLong("dump-smt"), help: "Write every solver query to this directory as an SMT-LIB 2 file.")
  var dumpSMT: String?
  @Argument(help: "Hop source files.") var files: [String]

  func run() throws {
    try Self.check(files, options: .init(timeoutMilliseconds: timeout, dumpDirectory: dumpSMT),
                   format: output.format, noColor: output.noColor)
  }

  /// The files of `hophop check FILE...` written exactly so (operands only, no option), else nil.
  /// Like `entail`'s (decision 25), this form runs without ArgumentParser's reflection, which
  /// costs more than checking a small file; every other form goes through ArgumentParser.
  static func plainInvocation(_ arguments: [String]) -> [String]? {
    guard arguments.count >= 2, arguments[0] == configuration.commandName,
          arguments.dropFirst().allSatisfy({ !$0.hasPrefix("-") }) else { return nil }
    return Array(arguments.dropFirst())
  }

  /// Checks the files and prints the summary and the diagnostics (or the JSON document).
  static func check(_ files: [String], options: CheckSession.Options = .init(), format: OutputOptions.Format,
                    noColor: Bool) throws(ExitCode) {
    let result = CheckSession.check(files, options: options)
    switch format {
    case .json:
      Console.standardOutput(CheckJSONRenderer.render(result))
    case .text:
      let summary = CheckSession.summary(result)
      if !summary.isEmpty { Console.standardOutput(summary) }
      OutputOptions.emitDiagnostics(result.report, command: "check", format: format, noColor: noColor)
    }
    if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
  }
}
