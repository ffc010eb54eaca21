import HopSyntax

/// Runs an async program (docs/language.md §3): `main` is the one pending
/// instance at start; the scheduler repeatedly removes a pending instance
/// at random, evaluates its precondition in the state it starts in (with
/// itself no longer pending, decision 16), and runs it to completion. The
/// heap is not leak-checked, as in the checker.
///
/// Another procedure than `main` starts as the only pending instance, from
/// random globals and arguments (small numbers or a few fresh cells) that
/// satisfy its precondition: the checker proves each procedure from any
/// such state, so a fault from one is a fault the proof missed.
struct AsyncRunner {
  let program: RuntimeProgram
  var random: SeededRandom
  let maxSteps: Int
  /// Tries at finding globals that satisfy main's precondition.
  var attempts = 100

  func run(_ start: CompiledProcedure, seed: UInt64) -> RunOutcome {
    var random = self.random
    var heap = ConcreteHeap(fieldCount: program.fields.count)
    var globals: [Int] = []
    var arguments: [Int] = []
    var found = false
    for _ in 0..<attempts {
      heap = ConcreteHeap(fieldCount: program.fields.count)
      var choices = Array(0...6)
      if start.name != "main" {
        for _ in 0..<random.below(3) { choices.append(heap.allocateCell { _ in random.garbage() }) }
      }
      globals = program.globals.map { _ in choices[random.below(choices.count)] }
      arguments = (0..<start.parameterCount).map { _ in choices[random.below(choices.count)] }
      let formula = AsyncFormula(program: program, heap: heap, globals: globals, pending: [])
      if formula.precondition(of: start, arguments: arguments) {
        found = true
        break
      }
    }
    guard found else {
      return RunOutcome(result: .noInput(reason: "no values of the globals and arguments satisfying the precondition of "
                                           + "'\(start.name)' were found in \(attempts) tries"), steps: 0, seed: seed)
    }
    let machine = Machine(program: program, heap: heap, globals: globals, random: random)
    machine.pending = [[start.index] + arguments]
    while !machine.pending.isEmpty {
      let instance = machine.pending.remove(at: machine.random.below(machine.pending.count))
      let procedure = program.procedures[instance[0]]
      let values = Array(instance.dropFirst())
      // Evaluated in a closure so the formula's copy of the heap is gone before the instance writes to it.
      let holds = { AsyncFormula(program: program, heap: machine.heap, globals: machine.globals,
                                   pending: Set(machine.pending))
        .precondition(of: procedure, arguments: values) }()
      guard holds else {
        let shown = values.map(String.init).joined(separator: ", ")
        let range: SourceRange = if case .asyncProcedure(let d) = procedure.declaration { d.precondition?.range ?? d.name.range }
                                 else { .point(0) }
        let fault = Fault(kind: .asyncPreconditionFalse, range: range, thread: machine.threadCount,
                          message: "instance \(procedure.name)(\(shown)) starts in a state where its precondition is false",
                          trace: machine.recordedTrace())
        return RunOutcome(result: .fault(fault), steps: machine.steps, seed: seed)
      }
      machine.startThread(machine.frame(for: procedure.index, arguments: values, caller: nil, copyBack: []), parent: nil)
      if let stopped = Interpreter.schedule(machine, maxSteps: maxSteps) {
        return RunOutcome(result: stopped, steps: machine.steps, seed: seed)
      }
    }
    return RunOutcome(result: .completed, steps: machine.steps, seed: seed)
  }
}
