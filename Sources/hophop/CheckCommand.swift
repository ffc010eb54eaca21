import ArgumentParser
import HopDriver

/// `hophop check FILE...`: prove the annotated procedures.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Prove the procedures of Hop programs: sync ones by symbolic execution, async ones by rely/guarantee.",
    discussion: """
      Sync procedures: memory safety, no leak, loop invariants, calls, resources, no race, channels \
      and contracts (no contract violation, no unexpected message, close in a final state) and the \
      postcondition, with the symbolic state of each failure. Async procedures: memory safety, loop \
      invariants and the four rely/guarantee conditions, with a counterexample for each failure. \
      With --counterexample, each failed procedure is also run concretely (as hophop run does) for \
      a while, and the error says which run fails at it, with the seed that replays it, or that \
      none was found. Exit 0: every procedure is valid; 1: something is not valid or could not be \
      decided; 2: bad input.
      """)

  @OptionGroup var output: OutputOptions
  @Option(parsing: .unconditional,
          help: WholeNumberOption.help("Per-query solver timeout in milliseconds (an undecided query is reported, "
                                         + "never taken as proved).", default: CheckSession.Options.defaultTimeout),
          transform: { try WholeNumberOption.parse($0, minimum: UInt32(0), unit: "milliseconds") })
  var timeout: UInt32 = CheckSession.Options.defaultTimeout
  @Option(name: .customLong("dump-smt"), help: "Write every solver query to this directory as an SMT-LIB 2 file.")
  var dumpSMT: String?
  @Flag(help: "Run each failed procedure concretely, looking for a run that fails at the failing command.")
  var counterexample = false
  @Option(name: .customLong("counterexample-budget"), parsing: .unconditional,
          help: WholeNumberOption.help("With --counterexample: milliseconds of runs per failed procedure.",
                                       default: Self.defaultCounterexampleBudget),
          transform: { try WholeNumberOption.parse($0, minimum: UInt32(1), unit: "milliseconds") })
  var counterexampleBudget: UInt32 = Self.defaultCounterexampleBudget
  static let defaultCounterexampleBudget: UInt32 = 1_000
  @Option(parsing: .unconditional,
          help: ArgumentHelp("How many files and procedures to prove at once; 1: one after the other. The output is "
                               + "the same for every value (default: the number of cores)."),
          transform: { try WholeNumberOption.parse($0, minimum: 1, unit: "jobs") })
  var jobs: Int = CheckSession.Options.defaultJobs
  @Flag(name: .customLong("no-infer"), help: "An omitted loop invariant is emp (Smallfoot's meaning), not inferred.")
  var noInfer = false
  @Argument(help: "Hop source files.") var files: [String]

  func run() throws {
    let budget = counterexample ? Duration.milliseconds(Int64(counterexampleBudget)) : nil
    try Self.check(files, options: .init(timeoutMilliseconds: timeout, dumpDirectory: dumpSMT,
                                         counterexampleBudget: budget, infersInvariants: !noInfer, jobs: jobs),
                   format: output.format, noColor: output.noColor)
  }

  /// `hophop check FILE...` without ArgumentParser (`PlainInvocation`).
  static let plainInvocation = PlainInvocation(command: configuration.commandName!, operands: .oneOrMore) { files throws(ExitCode) in
    try check(files, format: .text, noColor: false)
  }

  /// Checks the files and prints each file's verdicts, then its diagnostics (or the JSON document).
  static func check(_ files: [String], options: CheckSession.Options = .init(), format: OutputOptions.Format,
                    noColor: Bool) throws(ExitCode) {
    let result = CheckSession.check(files, options: options)
    if let failure = result.z3Failure { try OutputOptions.fail(failure, command: "check", files: files, format: format) }
    OutputOptions.emit(result.report, perFile: result.files.map(CheckSession.summary), format: format, noColor: noColor) {
      CheckJSONRenderer.render(result)
    }
    if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
  }
}
