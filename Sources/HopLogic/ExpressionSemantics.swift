import HopSyntax

/// What a program expression evaluates to before C's conversions: a number
/// (`x + 1`) or a truth value (`x < y`, `a && b`).
public enum ExpressionValue<Number, Truth> {
  case number(Number)
  case truth(Truth)
}

/// The comparisons of the language, `>` and `>=` read as `<` and `<=` with their sides swapped.
public enum ComparisonOperator: Hashable, Sendable {
  case equal, notEqual, less, lessEqual
}

/// The connectives whose right side C evaluates only when the left side does not decide.
public enum ShortCircuitOperator: Hashable, Sendable {
  /// `a && b`: `b` only where `a` holds.
  case and
  /// `a || b`: `b` only where `a` does not hold.
  case or
  /// `a ==> b`: `b` only where `a` holds.
  case implies

  /// The value of the left side under which the right side is evaluated.
  public var rightSideWhen: Bool { self != .or }
}

/// One domain in which program expressions have a meaning: the sync
/// checker's terms of the logic (`TermDomain`), the async checker's SMT
/// terms, and the concrete machine integers of `hophop run`.
///
/// Issue 23: what `/`, `%`, `&&` or a comparison used as a number means was
/// written once per engine, and the copies drifted apart (Z3's floor division
/// in one, C's truncation in another, wrapping in the third). A domain only
/// says what each operator does to its own values; `ExpressionSemantics` is
/// the one walk over the syntax, which fixes C's reading for every domain:
/// the order and short circuit of `&&`, `||` and `==>`, the conversions
/// between numbers and truth values, and that every `/` and `%` first
/// requires its divisor not to be zero, where it is evaluated (Gillian's one
/// interpreter over concrete and symbolic state models is the model).
/// `/` and `%` are C's: the quotient truncated toward zero, the remainder
/// with the sign of the dividend (decisions 21 and 59).
public protocol ExpressionDomain {
  associatedtype Number
  associatedtype Truth

  mutating func integer(_ value: BigInteger, _ expression: Expression) throws -> Number
  mutating func variable(_ name: String, _ expression: Expression) throws -> Number
  mutating func boolean(_ value: Bool) -> Truth
  mutating func negate(_ value: Number, _ expression: Expression) throws -> Number
  /// `a op b`; for `/` and `%` only after `requireNonZero` has been asked about `b`.
  mutating func arithmetic(_ op: ArithmeticOperator, _ a: Number, _ b: Number,
                           _ expression: Expression) throws -> Number
  /// The obligation a `/` or `%` raises: its divisor is not zero here (a fault,
  /// a proof obligation, or nothing in a domain that has no such error).
  mutating func requireNonZero(_ divisor: Number, _ expression: Expression) throws
  mutating func compare(_ op: ComparisonOperator, _ a: Number, _ b: Number, _ expression: Expression) throws -> Truth
  mutating func not(_ value: Truth) -> Truth
  /// `left op right`, where `right` is evaluated only where `left` is `op.rightSideWhen`
  /// (C's short circuit), so that obligations raised inside it are guarded by `left`.
  mutating func shortCircuit(_ op: ShortCircuitOperator, _ left: Truth,
                             _ right: (inout Self) throws -> Truth) throws -> Truth
  /// `a == b` of two truth values.
  mutating func equivalent(_ a: Truth, _ b: Truth) -> Truth
  /// A number used as a truth value (C: "not 0").
  mutating func truth(_ number: Number, _ expression: Expression) throws -> Truth
  /// A truth value used as a number (C: 0 or 1).
  mutating func number(_ truth: Truth, _ expression: Expression) throws -> Number
  /// Everything that is not one of the program operators: `*`, field reads, `old`,
  /// `valid`, quantifiers and instance predicates of async formulas.
  mutating func other(_ expression: Expression) throws -> ExpressionValue<Number, Truth>
}

/// The one evaluator of program expressions, over any `ExpressionDomain` (issue 23).
public enum ExpressionSemantics {
  /// `expression` as a number, converting a truth value as C does.
  public static func number<Domain: ExpressionDomain>(_ expression: Expression, in domain: inout Domain) throws
    -> Domain.Number {
    switch try evaluate(expression, in: &domain) {
    case .number(let value): value
    case .truth(let value): try domain.number(value, expression)
    }
  }

  /// `expression` as a truth value, converting a number as C does.
  public static func truth<Domain: ExpressionDomain>(_ expression: Expression, in domain: inout Domain) throws
    -> Domain.Truth {
    switch try evaluate(expression, in: &domain) {
    case .number(let value): try domain.truth(value, expression)
    case .truth(let value): value
    }
  }

  public static func evaluate<Domain: ExpressionDomain>(_ expression: Expression, in domain: inout Domain) throws
    -> ExpressionValue<Domain.Number, Domain.Truth> {
    switch expression.kind {
    case .integer(let digits):
      guard let value = BigInteger(digits) else { return try domain.other(expression) }
      return .number(try domain.integer(value, expression))
    case .null:
      return .number(try domain.integer(BigInteger(0), expression))
    case .boolean(let value):
      return .truth(domain.boolean(value))
    case .variable(let name):
      return .number(try domain.variable(name.name, expression))
    case .unary(.not, let inner):
      return .truth(domain.not(try truth(inner, in: &domain)))
    case .unary(.negate, let inner):
      return .number(try domain.negate(try number(inner, in: &domain), expression))
    case .unary(.plus, let inner):
      return .number(try number(inner, in: &domain))
    case .binary(let op, let left, let right):
      return try binary(op, left, right, expression, in: &domain)
    default:
      return try domain.other(expression)
    }
  }

  private static func binary<Domain: ExpressionDomain>(_ op: BinaryOperator, _ left: Expression, _ right: Expression,
                                                       _ expression: Expression, in domain: inout Domain) throws
    -> ExpressionValue<Domain.Number, Domain.Truth> {
    switch op {
    case .and, .or, .implies:
      let condition = try truth(left, in: &domain)
      let connective: ShortCircuitOperator = op == .and ? .and : op == .or ? .or : .implies
      return .truth(try domain.shortCircuit(connective, condition) { (domain: inout Domain) throws -> Domain.Truth in
        try truth(right, in: &domain)
      })
    case .equal, .notEqual:
      let a = try evaluate(left, in: &domain)
      let b = try evaluate(right, in: &domain)
      let equal: Domain.Truth
      if case .truth(let x) = a, case .truth(let y) = b {
        equal = domain.equivalent(x, y)
      } else {
        equal = try domain.compare(.equal, try numeric(a, left, &domain), try numeric(b, right, &domain), expression)
      }
      return .truth(op == .equal ? equal : domain.not(equal))
    case .less, .lessEqual, .greater, .greaterEqual:
      let a = try number(left, in: &domain)
      let b = try number(right, in: &domain)
      let (comparison, swapped): (ComparisonOperator, Bool) = switch op {
      case .less: (.less, false)
      case .lessEqual: (.lessEqual, false)
      case .greater: (.less, true)
      default: (.lessEqual, true)
      }
      return .truth(try domain.compare(comparison, swapped ? b : a, swapped ? a : b, expression))
    case .plus, .minus, .times, .xor, .divide, .modulo:
      let a = try number(left, in: &domain)
      let b = try number(right, in: &domain)
      let arithmetic: ArithmeticOperator = switch op {
      case .plus: .plus
      case .minus: .minus
      case .times: .times
      case .xor: .xor
      case .divide: .divide
      default: .modulo
      }
      if arithmetic == .divide || arithmetic == .modulo { try domain.requireNonZero(b, expression) }
      return .number(try domain.arithmetic(arithmetic, a, b, expression))
    }
  }

  private static func numeric<Domain: ExpressionDomain>(_ value: ExpressionValue<Domain.Number, Domain.Truth>,
                                                        _ expression: Expression, _ domain: inout Domain) throws
    -> Domain.Number {
    switch value {
    case .number(let number): number
    case .truth(let truth): try domain.number(truth, expression)
    }
  }
}
