import HopLogic
import HopSyntax

/// A procedure activation: where it is, its slots, and where its reference
/// parameters go back to when it returns (copy-in/copy-out, which is
/// Smallfoot's by-reference passing as long as there are no races).
final class CallFrame {
  let procedure: Int
  /// The procedure's instructions, held here so a step does not copy the compiled procedure.
  let code: [Instruction]
  var pc = 0
  var slots: [Int]
  /// The caller's frame (nil for a root) and the caller's variables of the reference parameters.
  let caller: CallFrame?
  let copyBack: [VariableRef]

  init(procedure: Int, code: [Instruction], slots: [Int], caller: CallFrame?, copyBack: [VariableRef]) {
    self.procedure = procedure
    self.code = code
    self.slots = slots
    self.caller = caller
    self.copyBack = copyBack
  }
}

/// A thread of a `||` (thread 0 runs the procedure itself).
final class ThreadState {
  let id: Int
  var frames: [CallFrame]
  /// The thread that started this one and waits for it.
  let parent: ThreadState?
  var waitingFor = 0
  /// The slots of the last frame that returned (the root's are the final values for the postcondition).
  var finalSlots: [Int] = []

  init(id: Int, frames: [CallFrame], parent: ThreadState?) {
    self.id = id
    self.frames = frames
    self.parent = parent
  }
}

/// Why a step stopped the run: a fault kind and what to say about it.
struct Stop: Error {
  var kind: FaultKind
  var message: String
  /// Not a fault: a value left the 64-bit range the runtime computes in (decision 59), and the run
  /// ends as `RunResult.rangeExceeded` (`kind` is then not used).
  var isRangeExceeded = false

  init(kind: FaultKind, message: String) {
    self.kind = kind
    self.message = message
  }

  /// What a concrete evaluation's stop means in a program.
  init(_ stop: ConcreteStop) {
    switch stop {
    case .divisionByZero: self.init(kind: .divisionByZero, message: "the divisor is 0")
    case .rangeExceeded, .noValue:
      self.init(kind: .divisionByZero, message: "a value is beyond the 64-bit range of the runtime")
      isRangeExceeded = true
    }
  }
}

/// The state of one run: the heap, the globals, the threads, the resources
/// and the random source. `Interpreter` drives it; `Machine+Step` executes
/// one command; `Machine+Channels` the message passing.
final class Machine {
  let program: RuntimeProgram
  var heap: ConcreteHeap
  var globals: [Int]
  var random: SeededRandom
  /// Threads that have not finished, in start order.
  var threads: [ThreadState] = []
  var threadCount = 0
  /// The thread holding each resource, or -1.
  var holder: [Int]
  var steps = 0
  /// Async programs: the pending instances, each `[procedure] + arguments`, a set kept in posting order.
  var pending: [[Int]] = []
  /// The last commands run (a ring of `Self.traceLength`), for fault traces.
  var trace: [RecordedStep]
  var traceNext = 0
  var traceFilled = false
  static let traceLength = 16

  /// One executed command, stored raw in the hot loop and described only when a fault is reported.
  struct RecordedStep {
    var thread: Int
    var procedure: Int
    var pc: Int
    var a: Int
    var b: Int
  }

  init(program: RuntimeProgram, heap: ConcreteHeap, globals: [Int], random: SeededRandom) {
    self.program = program
    self.heap = heap
    self.globals = globals
    self.random = random
    holder = Array(repeating: -1, count: program.resources.count)
    trace = Array(repeating: RecordedStep(thread: 0, procedure: 0, pc: 0, a: 0, b: 0), count: Self.traceLength)
  }

  /// A frame for `procedure` with these parameter values and fresh (unspecified) locals.
  func frame(for procedure: Int, arguments: [Int], caller: CallFrame?, copyBack: [VariableRef]) -> CallFrame {
    let compiled = program.procedures[procedure]
    var slots = arguments
    while slots.count < compiled.slotNames.count { slots.append(random.garbage()) }
    return CallFrame(procedure: procedure, code: compiled.code, slots: slots, caller: caller, copyBack: copyBack)
  }

  @discardableResult
  func startThread(_ frame: CallFrame, parent: ThreadState?) -> ThreadState {
    let thread = ThreadState(id: threadCount, frames: [frame], parent: parent)
    threadCount += 1
    threads.append(thread)
    return thread
  }

  @inline(__always)
  func record(_ thread: ThreadState, _ frame: CallFrame, pc: Int, _ a: Int = 0, _ b: Int = 0) {
    trace[traceNext] = RecordedStep(thread: thread.id, procedure: frame.procedure, pc: pc, a: a, b: b)
    traceNext += 1
    if traceNext == Self.traceLength {
      traceNext = 0
      traceFilled = true
    }
  }

  /// The recorded steps, oldest first, described.
  func recordedTrace() -> [RunStep] {
    let order = traceFilled ? Array(trace[traceNext...] + trace[..<traceNext]) : Array(trace[..<traceNext])
    return order.map(describe)
  }

  /// A fault at the command `pc` of `frame` in `thread`, with the trace so far.
  func fault(_ stop: Stop, thread: ThreadState, frame: CallFrame, pc: Int) -> Fault {
    let procedure = program.procedures[frame.procedure]
    return Fault(kind: stop.kind, range: procedure.ranges[pc], thread: thread.id, message: stop.message,
                 trace: recordedTrace() + [RunStep(thread: thread.id, procedure: procedure.name,
                                                      range: procedure.ranges[pc], values: "faults here")])
  }

  // MARK: Variables and expressions

  @inline(__always)
  func read(_ variable: VariableRef, _ frame: CallFrame) -> Int {
    switch variable {
    case .local(let slot): frame.slots[slot]
    case .global(let index): index >= 0 ? globals[index] : 0
    }
  }

  @inline(__always)
  func write(_ variable: VariableRef, _ value: Int, _ frame: CallFrame) {
    switch variable {
    case .local(let slot): frame.slots[slot] = value
    case .global(let index): if index >= 0 { globals[index] = value }
    }
  }

  /// C's reading of an expression: the compiled form of `ExpressionSemantics` (names are slots
  /// here), with every operator taken from `ConcreteDomain`, the interpreter's domain.
  func evaluate(_ expression: CompiledExpression, _ frame: CallFrame) throws(Stop) -> Int {
    switch expression {
    case .constant(let value): return value
    case .variable(let variable): return read(variable, frame)
    case .nondeterministic: return random.below(17) - 8
    case .unary(let op, let inner):
      let value = try evaluate(inner, frame)
      switch op {
      case .not: return value == 0 ? 1 : 0
      case .negate: return try concrete { () throws(ConcreteStop) in try ConcreteArithmetic.negate(value) }
      case .plus: return value
      }
    case .binary(let op, let left, let right):
      let a = try evaluate(left, frame)
      let connective: ShortCircuitOperator? = switch op {
      case .and: .and
      case .or: .or
      case .implies: .implies
      default: nil
      }
      if let connective {
        guard (a != 0) == connective.rightSideWhen else { return connective == .and ? 0 : 1 }
        return try evaluate(right, frame) != 0 ? 1 : 0
      }
      let b = try evaluate(right, frame)
      return try concrete { () throws(ConcreteStop) in try ConcreteDomain.apply(op, a, b) }
    }
  }

  private func concrete(_ body: () throws(ConcreteStop) -> Int) throws(Stop) -> Int {
    do throws(ConcreteStop) {
      return try body()
    } catch {
      throw Stop(error)
    }
  }
}
