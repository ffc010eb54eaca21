import HopLogic
import HopSyntax

/// A concrete state to start a procedure in: the heap, the globals (by
/// `RuntimeProgram.globals` index), the parameter values (reference, then
/// value), and the values the precondition's existentials took, which a
/// postcondition that shares them must see again (decision 28).
public struct InitialState: Sendable {
  public var heap: ConcreteHeap
  public var globals: [Int]
  public var arguments: [Int]
  public var existentials: [String: Int]
  /// Procedures run first on the same thread (`init` before `main`).
  public var prelude: [Int]

  public init(heap: ConcreteHeap, globals: [Int], arguments: [Int], existentials: [String: Int] = [:],
              prelude: [Int] = []) {
    self.heap = heap
    self.globals = globals
    self.arguments = arguments
    self.existentials = existentials
    self.prelude = prelude
  }
}

/// The concrete interpreter of Hop programs (issue 19): runs one procedure
/// from a concrete state under a seeded random scheduler, and reports the
/// first fault with the trace that led to it.
///
/// Sync procedures: `||` starts threads, interleaved at every command;
/// `with r when (B)` waits for `r` and B; receives wait for messages. At the
/// end the final state must satisfy the postcondition and the resource
/// invariants exactly (`ModelChecker`). Async programs: `AsyncRunner`.
public enum Interpreter {
  /// The default step budget of a run (`--max-steps`).
  public static let defaultMaxSteps = 100_000

  /// Runs `procedure` from `initialState`, or from a state built from its
  /// precondition with `seed` when it is nil.
  public static func run(program: RuntimeProgram, procedure name: String, initialState: InitialState? = nil,
                         seed: UInt64, maxSteps: Int = defaultMaxSteps) -> RunOutcome {
    var random = SeededRandom(seed: seed)
    guard let procedure = program.procedure(named: name) else {
      return RunOutcome(result: .noInput(reason: "no procedure named '\(name)'"), steps: 0, seed: seed)
    }
    if procedure.isAsync {
      return AsyncRunner(program: program, random: random, maxSteps: maxSteps).run(procedure, seed: seed)
    }
    let start: InitialState
    if let initialState {
      start = initialState
    } else {
      switch InputGenerator(program: program, random: random).build(for: procedure) {
      case .success(let built):
        start = built.state
        random = built.random
      case .failure(let failure):
        return RunOutcome(result: .noInput(reason: failure.reason), steps: 0, seed: seed)
      }
    }
    let machine = Machine(program: program, heap: start.heap, globals: start.globals, random: random)
    let root = machine.frame(for: procedure.index, arguments: start.arguments, caller: nil, copyBack: [])
    let thread = machine.startThread(root, parent: nil)
    for prelude in start.prelude.reversed() {
      thread.frames.append(machine.frame(for: prelude, arguments: [], caller: nil, copyBack: []))
    }
    var result = schedule(machine, maxSteps: maxSteps)
      ?? ExitCheck(program: program, procedure: procedure, machine: machine, finalSlots: thread.finalSlots,
                   existentials: start.existentials).run()
    if case .fault(var fault) = result {
      fault.input = describe(start, of: procedure, in: program)
      result = .fault(fault)
    }
    return RunOutcome(result: result, steps: machine.steps, seed: seed)
  }

  /// The parameters and the first cells of a start state, for the report of a fault.
  static func describe(_ state: InitialState, of procedure: CompiledProcedure, in program: RuntimeProgram) -> String {
    let parameters = zip(procedure.slotNames, state.arguments).map { "\($0) = \($1)" }
    let addresses = state.heap.liveAddresses
    let objects = addresses.prefix(12).map { address -> String in
      if let endpoint = state.heap.endpoint(address) {
        let automaton = program.automaton(endpoint.contract, dual: endpoint.isDual)
        let owner = state.heap.environment.contains(address) ? " (the environment's)" : ""
        return "\(address) |-> \(automaton.displayName){\(automaton.stateNames[endpoint.state])}, peer: \(endpoint.peer)\(owner)"
      }
      let fields = (0..<program.usedFields).map { "\(program.fields[$0]): \(state.heap.field(address, $0))" }
      return fields.isEmpty ? "\(address) |->" : "\(address) |-> " + fields.joined(separator: ", ")
    }
    let heap = addresses.isEmpty ? "empty heap"
      : "heap: " + objects.joined(separator: "; ") + (addresses.count > 12 ? "; ... (\(addresses.count) in all)" : "")
    return (parameters.isEmpty ? "" : parameters.joined(separator: ", ") + "; ") + heap
  }

  /// Runs threads until all finish (nil), or a fault, a deadlock, the budget or a value beyond 64 bits ends the run.
  static func schedule(_ machine: Machine, maxSteps: Int) -> RunResult? {
    while !machine.threads.isEmpty {
      if machine.steps >= maxSteps { return .budgetExhausted }
      let count = machine.threads.count
      let environment = !machine.heap.environmentActors.isEmpty
      let choices = environment ? count + 1 : count
      let start = choices == 1 ? 0 : machine.random.below(choices)
      var moved = false
      for offset in 0..<choices {
        let index = (start + offset) % choices
        if index == count {
          if machine.environmentStep() {
            moved = true
            break
          }
          continue
        }
        let thread = machine.threads[index]
        guard let frame = thread.frames.last else { continue }
        let pc = frame.pc
        do throws(Stop) {
          guard try machine.step(thread) else { continue }
        } catch {
          if error.isRangeExceeded { return .rangeExceeded }
          return .fault(machine.fault(error, thread: thread, frame: frame, pc: pc))
        }
        if thread.frames.isEmpty { machine.threads.remove(at: index) }
        moved = true
        break
      }
      if !moved { return .fault(deadlock(machine)) }
    }
    return nil
  }

  /// Every thread is blocked: the fault is at the first blocked command (not a parent waiting for its children).
  private static func deadlock(_ machine: Machine) -> Fault {
    let blocked = machine.threads.filter { $0.waitingFor == 0 && !$0.frames.isEmpty }
    let waits = blocked.map { thread -> RunStep in
      let frame = thread.frames.last!
      let procedure = machine.program.procedures[frame.procedure]
      return RunStep(thread: thread.id, procedure: procedure.name, range: procedure.ranges[frame.pc],
                       values: "blocked here")
    }
    let first = waits.first
    return Fault(kind: .deadlock, range: first?.range ?? .point(0), thread: first?.thread ?? 0,
                 message: "every thread is blocked (\(waits.count) waiting) and not all have finished",
                 trace: machine.recordedTrace() + waits)
  }
}
