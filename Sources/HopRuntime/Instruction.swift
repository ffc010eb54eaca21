import HopSyntax

/// A variable of a running procedure, resolved once at compile time: a slot
/// of the current frame (parameters, then locals) or a global.
public enum VariableRef: Hashable, Sendable {
  case local(Int)
  case global(Int)
}

/// A program expression with its variables resolved, evaluated in the hot loop.
indirect enum CompiledExpression: Hashable, Sendable {
  case constant(Int)
  case variable(VariableRef)
  /// `*`: a fresh value from the run's random source.
  case nondeterministic
  case unary(UnaryOperator, CompiledExpression)
  case binary(BinaryOperator, CompiledExpression, CompiledExpression)

  /// The first variable the expression reads (left to right), if any: the value a trace shows
  /// next to a condition's outcome (`k == 2  [condition false, k = 3]`).
  var firstVariable: VariableRef? {
    switch self {
    case .variable(let variable): variable
    case .constant, .nondeterministic: nil
    case .unary(_, let operand): operand.firstVariable
    case .binary(_, let left, let right): left.firstVariable ?? right.firstVariable
    }
  }
}

/// One call site: the callee and where its reference arguments are copied back.
struct CallSite: Hashable, Sendable {
  var procedure: Int
  var referenceArguments: [VariableRef]
  var valueArguments: [CompiledExpression]
}

/// One reception: where the value goes, which message, on which endpoint.
struct ReceiveSite: Hashable, Sendable {
  var binding: VariableRef?
  var message: Int
  var endpoint: CompiledExpression
}

/// One command of the compiled form: structured statements become jumps so
/// that a thread is just a program counter per frame, and the scheduler can
/// switch threads after any command.
enum Instruction: Hashable, Sendable {
  case assign(VariableRef, CompiledExpression)
  case lookup(VariableRef, pointer: CompiledExpression, field: Int)
  case mutate(pointer: CompiledExpression, field: Int, value: CompiledExpression)
  case allocate(VariableRef)
  case dispose(CompiledExpression)
  /// Falls through when the condition holds, else jumps.
  case branch(CompiledExpression, elseTarget: Int)
  case jump(Int)
  /// `with r when (B)`: waits until `r` is free and B holds, then holds `r`.
  case acquire(resource: Int, condition: CompiledExpression)
  case release(resource: Int)
  case call(CallSite)
  /// Starts both calls as threads and waits for both.
  case parallel(CallSite, CallSite)
  case open(VariableRef, VariableRef, contract: Int)
  case close(CompiledExpression, CompiledExpression)
  case send(message: Int, endpoint: CompiledExpression, value: CompiledExpression?)
  case receive(ReceiveSite)
  /// Waits for a message any branch takes; branch `i` continues at `targets[i]`.
  case switchReceive([ReceiveSite], targets: [Int])
  case post(procedure: Int, arguments: [CompiledExpression])
  case delete(procedure: Int, arguments: [CompiledExpression])
  /// The end of the procedure: copies reference parameters back and pops the frame.
  case `return`
}

/// A procedure in compiled form.
public struct CompiledProcedure: Sendable {
  public var name: String
  /// The declaration's index among the program's procedures.
  public var index: Int
  public var isAsync: Bool
  public var referenceCount: Int
  public var valueCount: Int
  /// Slot names: parameters (reference, then value), then locals.
  public var slotNames: [String]
  var code: [Instruction]
  /// The source range of each instruction (the statement it came from).
  var ranges: [SourceRange]
  /// The declaration, for its specifications.
  public var declaration: Declaration

  public var parameterCount: Int { referenceCount + valueCount }
}
