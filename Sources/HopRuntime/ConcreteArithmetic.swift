import HopLogic
import HopSyntax

/// Why a concrete evaluation has no value: a zero divisor in a program (a
/// fault), or a value outside the 64 bits the interpreter computes in, which
/// is not a fault of the program but the end of what the runtime can show.
enum ConcreteStop: Error, Hashable {
  case divisionByZero
  case rangeExceeded
  /// A name without a value, or a form `ConcreteDomain` does not evaluate.
  case noValue
}

/// Integer arithmetic of `hophop run` (decision 59): the language's integers
/// are mathematical, as in both checkers, and a run computes them exactly as
/// long as they fit in 64 bits; a result outside that range stops the run
/// (`RunResult.rangeExceeded`) instead of wrapping to a value no proof
/// talks about. `/` and `%` are C's: truncated toward zero, the remainder
/// with the sign of the dividend. The one place the interpreter's programs,
/// async formulas and model-checked terms take their operators from.
enum ConcreteArithmetic {
  /// `a op b` exactly; a divisor of 0 is `divisionByZero`, a result beyond 64 bits `rangeExceeded`.
  static func apply(_ op: ArithmeticOperator, _ a: Int, _ b: Int) throws(ConcreteStop) -> Int {
    let (value, overflow): (Int, Bool)
    switch op {
    case .plus: (value, overflow) = a.addingReportingOverflow(b)
    case .minus: (value, overflow) = a.subtractingReportingOverflow(b)
    case .times: (value, overflow) = a.multipliedReportingOverflow(by: b)
    case .xor: (value, overflow) = (a ^ b, false)
    case .divide:
      guard b != 0 else { throw .divisionByZero }
      (value, overflow) = a.dividedReportingOverflow(by: b)
    case .modulo:
      guard b != 0 else { throw .divisionByZero }
      // `Int.min % -1` is 0 exactly; Swift reports it as an overflow.
      (value, overflow) = b == -1 ? (0, false) : a.remainderReportingOverflow(dividingBy: b)
    }
    if overflow { throw .rangeExceeded }
    return value
  }

  /// `-a` exactly (`-Int.min` is beyond 64 bits).
  static func negate(_ a: Int) throws(ConcreteStop) -> Int {
    let (value, overflow) = 0.subtractingReportingOverflow(a)
    if overflow { throw .rangeExceeded }
    return value
  }

  /// A literal, when it fits in 64 bits.
  static func constant(_ value: BigInteger) throws(ConcreteStop) -> Int {
    guard let exact = value.exactInt else { throw .rangeExceeded }
    return exact
  }
}

/// Machine integers and Booleans, the interpreter's domain of
/// `ExpressionSemantics`: a number is an `Int` (exact, decision 59), a truth
/// value a `Bool`; only the side of `&&`, `||` and `==>` that C evaluates is
/// evaluated. In a program a zero divisor is a fault; in a formula (`isProgram`
/// false) a division by 0 has no value and 0 stands for it.
struct ConcreteDomain: ExpressionDomain {
  var isProgram = true
  /// The value of a name; nil for one that has none.
  var lookup: (String) -> Int?

  func integer(_ value: BigInteger, _ expression: Expression) throws -> Int { try ConcreteArithmetic.constant(value) }

  func variable(_ name: String, _ expression: Expression) throws -> Int {
    guard let value = lookup(name) else { throw ConcreteStop.noValue }
    return value
  }

  func boolean(_ value: Bool) -> Bool { value }
  func negate(_ value: Int, _ expression: Expression) throws -> Int { try ConcreteArithmetic.negate(value) }

  func arithmetic(_ op: ArithmeticOperator, _ a: Int, _ b: Int, _ expression: Expression) throws -> Int {
    if !isProgram, b == 0, op == .divide || op == .modulo { return 0 }
    return try ConcreteArithmetic.apply(op, a, b)
  }

  func requireNonZero(_ divisor: Int, _ expression: Expression) throws {
    if isProgram, divisor == 0 { throw ConcreteStop.divisionByZero }
  }

  func compare(_ op: ComparisonOperator, _ a: Int, _ b: Int, _ expression: Expression) -> Bool {
    switch op {
    case .equal: a == b
    case .notEqual: a != b
    case .less: a < b
    case .lessEqual: a <= b
    }
  }

  func not(_ value: Bool) -> Bool { !value }

  mutating func shortCircuit(_ op: ShortCircuitOperator, _ left: Bool,
                             _ right: (inout ConcreteDomain) throws -> Bool) throws -> Bool {
    guard left == op.rightSideWhen else { return op != .and }
    return try right(&self)
  }

  func equivalent(_ a: Bool, _ b: Bool) -> Bool { a == b }
  func truth(_ number: Int, _ expression: Expression) -> Bool { number != 0 }
  func number(_ truth: Bool, _ expression: Expression) -> Int { truth ? 1 : 0 }
  func other(_ expression: Expression) throws -> ExpressionValue<Int, Bool> { throw ConcreteStop.noValue }

  /// `a op b` for a comparison (0 or 1) or an arithmetic operator, both sides evaluated: the
  /// compiled programs' and async formulas' access to the domain's operators.
  static func apply(_ op: BinaryOperator, _ a: Int, _ b: Int) throws(ConcreteStop) -> Int {
    let comparison: (ComparisonOperator, Bool)? = switch op {
    case .equal: (.equal, false)
    case .notEqual: (.notEqual, false)
    case .less: (.less, false)
    case .lessEqual: (.lessEqual, false)
    case .greater: (.less, true)
    case .greaterEqual: (.lessEqual, true)
    default: nil
    }
    let domain = ConcreteDomain { _ in nil }
    if let (comparison, swapped) = comparison {
      let expression = Expression(.null, range: .point(0))
      return domain.compare(comparison, swapped ? b : a, swapped ? a : b, expression) ? 1 : 0
    }
    let arithmetic: ArithmeticOperator = switch op {
    case .plus: .plus
    case .minus: .minus
    case .times: .times
    case .divide: .divide
    case .modulo: .modulo
    default: .xor
    }
    return try ConcreteArithmetic.apply(arithmetic, a, b)
  }

}
