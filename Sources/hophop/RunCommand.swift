import ArgumentParser
import HopDriver

/// `hophop run FILE`: concrete runs from random inputs that satisfy the precondition.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run procedures concretely on random inputs and report the faults found.",
    discussion: """
      Builds random concrete states satisfying the procedure's precondition (lists, segments and trees \
      of random sizes, resources holding their invariants, endpoint pairs as fresh channels), runs them \
      under a seeded random scheduler, and checks the final state against the postcondition exactly \
      (leaks included). The end of a channel whose peer the precondition does not own is played by \
      the environment, which sends and receives what the contract allows. Run i uses seed S + i; the \
      first fault of each kind is printed with its trace and the seed that replays it (--seed that \
      --runs 1). Running out of steps is not a fault. Exit 0: no fault found; 1: a fault; 2: bad input.
      """)

  @OptionGroup var output: OutputOptions
  @Option(help: "Run only this procedure (default: main of a sync file, else every procedure).") var proc: String?
  @Option(parsing: .unconditional, help: WholeNumberOption.help("The seed of the first run.", default: Self.defaults.seed),
          transform: { try WholeNumberOption.parse($0, minimum: UInt64(0), unit: nil) })
  var seed = Self.defaults.seed
  @Option(parsing: .unconditional, help: WholeNumberOption.help("Number of runs per procedure.", default: Self.defaults.runs),
          transform: { try WholeNumberOption.parse($0, minimum: 1, unit: "runs") })
  var runs = Self.defaults.runs
  @Option(name: .customLong("max-steps"), parsing: .unconditional,
          help: WholeNumberOption.help("Commands per run before it counts as out of steps (not a fault).",
                                       default: Self.defaults.maxSteps),
          transform: { try WholeNumberOption.parse($0, minimum: 1, unit: "commands") })
  var maxSteps = Self.defaults.maxSteps
  @Argument(help: "A Hop source file.") var file: String

  /// The session's own defaults, so that the help cannot disagree with them.
  static let defaults = RunSession.Options().campaign

  func run() throws {
    let result = RunSession.run(path: file, options: .init(procedure: proc, seed: seed, runs: runs, maxSteps: maxSteps))
    output.emit(Report(files: [result.report]), text: result.text) { RunJSONRenderer.render(result) }
    if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
  }
}
