import HopSyntax

/// What went wrong in a concrete run: the runtime counterpart of the
/// checker's errors, so a failed proof can be shown by a run that faults.
public enum FaultKind: String, Hashable, Sendable, CaseIterable, Comparable {
  /// A field read or write, or a `dispose`, of NULL (HH101 at run time).
  case nullDereference = "null dereference"
  /// A field access or `dispose` of an address that was allocated and has been disposed.
  case danglingDereference = "dangling dereference"
  /// A `dispose` of an address that is already disposed.
  case doubleDispose = "double dispose"
  /// An access to an address that was never allocated, or to a cell of the wrong
  /// kind (a field of an endpoint, a message on a plain cell).
  case invalidAddress = "invalid address"
  /// `/` or `%` by zero in a program expression.
  case divisionByZero = "division by zero"
  /// A `send` or `receive` with no transition from the endpoint's state (HH108).
  case contractViolation = "contract violation"
  /// A message at the head of a queue that the receive does not list, or that
  /// the receiver's contract state cannot take (HH109).
  case unexpectedMessage = "unexpected message"
  /// `close` of endpoints that are not in one final state (HH110).
  case closeNotFinal = "close in a non-final state"
  /// `close` of two endpoints that are not each other's peers (HH111).
  case closeNotPeers = "close of endpoints that are not peers"
  /// `close` while messages are still queued on the channel (HH112).
  case closeWithMessages = "close with messages queued"
  /// Every thread is blocked and not all have finished.
  case deadlock = "deadlock"
  /// At exit the heap holds cells that the postcondition does not describe (HH102).
  case leak = "leak"
  /// At exit the state does not satisfy the postcondition (HH103).
  case postconditionFailed = "postcondition does not hold"
  /// An async instance started in a state where its precondition is false (HH202–HH204).
  case asyncPreconditionFalse = "async precondition false at start"

  public static func < (a: FaultKind, b: FaultKind) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// One executed command, as the trace of a fault shows it.
public struct RunStep: Hashable, Sendable {
  /// The thread that ran it (0 is the first; threads are numbered as they start).
  public var thread: Int
  /// The procedure the command belongs to.
  public var procedure: String
  /// The command, in the source.
  public var range: SourceRange
  /// The values the command read or wrote, `x = 5` style; empty when none.
  public var values: String

  public init(thread: Int, procedure: String, range: SourceRange, values: String) {
    self.thread = thread
    self.procedure = procedure
    self.range = range
    self.values = values
  }
}

/// A fault: its kind, where, in which thread, why in words, and the last
/// commands of the run that led to it (oldest first).
public struct Fault: Hashable, Sendable {
  public var kind: FaultKind
  /// The faulting command (the postcondition for a leak, the procedure for an async precondition).
  public var range: SourceRange
  public var thread: Int
  public var message: String
  public var trace: [RunStep]
  /// The run's input, `x = 1000, n = 2; heap: 1000 |-> tl: 0`, when it was built from a precondition.
  public var input = ""

  public init(kind: FaultKind, range: SourceRange, thread: Int, message: String, trace: [RunStep] = []) {
    self.kind = kind
    self.range = range
    self.thread = thread
    self.message = message
    self.trace = trace
  }
}

/// How one run ended.
public enum RunResult: Hashable, Sendable {
  /// Every thread (or every pending instance) finished and the final state satisfied the postcondition.
  case completed
  case fault(Fault)
  /// The step budget ran out first: not a fault (the program may just be long, or loop).
  case budgetExhausted
  /// A value left the 64-bit range the runtime computes in (decision 59): not a fault, since
  /// the language's integers are unbounded; the run cannot go on exactly, so it stops here.
  case rangeExceeded
  /// No concrete state satisfying the precondition could be built, so nothing ran.
  case noInput(reason: String)
}

/// The outcome of `Interpreter.run`: how it ended, after how many commands, from which seed.
public struct RunOutcome: Hashable, Sendable {
  public var result: RunResult
  public var steps: Int
  public var seed: UInt64

  public var fault: Fault? {
    if case .fault(let fault) = result { return fault }
    return nil
  }
}
