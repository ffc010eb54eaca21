import ArgumentParser
import Foundation
import HopRuntime
import HopSyntax

/// `hophop-bench run`: interpreted commands per second of the concrete
/// interpreter on a list-transfer (examples/list_transfer.hop's `main`) of
/// 10^5 cells: two threads, a send and an acknowledgement per cell, the
/// scheduler choosing a thread at every command, and the exit check.
/// Target (issue 19): at least 10^6 commands/s in a release build.
struct RunBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Commands per second of the concrete interpreter on a list-transfer.")

  @Option(help: "The list-transfer program.") var file = "examples/list_transfer.hop"
  @Option(help: "Cells in the list.") var cells = 100_000
  @Option(help: "Timed repetitions (the fastest is reported).") var repetitions = 3

  func run() throws {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let front = Frontend.analyze(SourceFile(path: file, text: text))
    guard front.isUsable else { throw ValidationError("\(file) does not parse and resolve") }
    let program = try RuntimeProgram.compile(front.program)
    guard let tail = program.fieldIndex["tl"] else { throw ValidationError("\(file) has no field 'tl'") }
    var best = Double.infinity
    var steps = 0
    for _ in 0..<max(1, repetitions) {
      var heap = ConcreteHeap(fieldCount: program.fields.count)
      var next = 0
      for _ in 0..<cells {
        let cell = heap.allocateCell { _ in 0 }
        heap.setField(cell, tail, next)
        next = cell
      }
      let state = InitialState(heap: heap, globals: program.globals.map { _ in 0 }, arguments: [next])
      let clock = ContinuousClock()
      var outcome: RunOutcome?
      let elapsed = clock.measure {
        outcome = Interpreter.run(program: program, procedure: "main", initialState: state, seed: 1, maxSteps: Int.max)
      }
      guard let outcome, outcome.result == .completed else {
        throw ValidationError("the run did not complete: \(String(describing: outcome?.result))")
      }
      steps = outcome.steps
      best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let rate = Double(steps) / best
    print(String(format: "list-transfer of %d cells: %d commands in %.3f s: %.2f million commands/s (target: 1)",
                 cells, steps, best, rate / 1e6))
    if rate < 1e6 { throw ExitCode.failure }
  }
}
