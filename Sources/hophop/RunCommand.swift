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
  @Option(help: "The seed of the first run.") var seed: UInt64 = 1
  @Option(help: "Number of runs per procedure.") var runs = 100
  @Option(name: .customLong("max-steps"), help: "Commands per run before it counts as out of steps (not a fault).")
  var maxSteps = 100_000
  @Argument(help: "A Hop source file.") var file: String

  func validate() throws {
    guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
    guard maxSteps > 0 else { throw ValidationError("--max-steps must be at least 1") }
  }

  func run() throws {
    let result = RunSession.run(path: file, options: .init(procedure: proc, seed: seed, runs: runs, maxSteps: maxSteps))
    output.emit(Report(files: [result.report]), text: result.text) { RunJSONRenderer.render(result) }
    if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
  }
}
