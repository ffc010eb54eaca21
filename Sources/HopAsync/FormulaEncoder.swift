import HopProver
import HopSyntax

/// Where a formula or program expression is read: the current and the
/// initial (`old`) state, and the values of variables in both.
struct Evaluation {
  var current: AsyncState
  var old: AsyncState
  /// Parameters and locals now.
  var variables: [String: SMTTerm]
  /// Parameters and locals at the start of the procedure (for `old(x)`).
  var oldVariables: [String: SMTTerm]
  /// Variables bound by enclosing quantifiers; they hide everything else.
  var bound: [String: SMTTerm] = [:]

  /// A one-state reading: `old(..)` means the state itself (preconditions).
  init(state: AsyncState, variables: [String: SMTTerm]) {
    self.init(current: state, old: state, variables: variables, oldVariables: variables)
  }

  init(current: AsyncState, old: AsyncState, variables: [String: SMTTerm], oldVariables: [String: SMTTerm]) {
    self.current = current
    self.old = old
    self.variables = variables
    self.oldVariables = oldVariables
  }

  /// The same reading moved to the initial state.
  var atStart: Evaluation {
    var start = Evaluation(current: old, old: old, variables: oldVariables, oldVariables: oldVariables)
    start.bound = bound
    return start
  }
}

/// A formula or expression that cannot be encoded: a number where a truth
/// value is needed or the reverse (HH209).
struct EncodingError: Error {
  var range: SourceRange
  var message: String
}

/// Translates Hop expressions and first-order formulas into SMT terms.
///
/// Program expressions follow C: a number used as a condition means "not 0"
/// and a comparison used as a number is 0 or 1. Specification formulas are
/// strict: such a mix is an error. In both, `/` and `%` are C's
/// (truncating; `CArithmetic`).
struct FormulaEncoder {
  let fresh: FreshConstants
  /// True for program expressions (C conversions between numbers and truth values).
  var isProgram = false

  private var smt: SMTContext { fresh.smt }

  /// `expression` as a truth value.
  func formula(_ expression: Expression, _ evaluation: Evaluation) throws -> SMTTerm {
    try convert(encode(expression, evaluation), to: .bool, expression.range)
  }

  /// `expression` as an integer.
  func integer(_ expression: Expression, _ evaluation: Evaluation) throws -> SMTTerm {
    try convert(encode(expression, evaluation), to: .int, expression.range)
  }

  private func convert(_ term: SMTTerm, to sort: SMTSort, _ range: SourceRange) throws -> SMTTerm {
    if term.sort == sort { return term }
    guard isProgram else {
      throw EncodingError(range: range, message: sort == .bool
                          ? "a number is used where a formula (a truth value) is needed"
                          : "a formula (a truth value) is used where a number is needed")
    }
    return sort == .bool
      ? smt.not(smt.equal(term, smt.integer(0)))
      : smt.ifThenElse(term, smt.integer(1), smt.integer(0))
  }

  private func encode(_ expression: Expression, _ evaluation: Evaluation) throws -> SMTTerm {
    switch expression.kind {
    case .variable(let name):
      if let value = evaluation.bound[name.name] ?? evaluation.variables[name.name]
        ?? evaluation.current.globals[name.name] {
        return value
      }
      throw EncodingError(range: expression.range, message: "'\(name.name)' is not a variable of this procedure")
    case .integer(let digits):
      return smt.integer(digits)
    case .null:
      return smt.integer(0)
    case .boolean(let value):
      return smt.boolean(value)
    case .nondeterministic:
      throw EncodingError(range: expression.range,
                          message: "'*' is allowed only as a whole right-hand side or condition")
    case .unary(let op, let operand):
      switch op {
      case .not: return smt.not(try formula(operand, evaluation))
      case .negate: return smt.negate(try integer(operand, evaluation))
      case .plus: return try integer(operand, evaluation)
      }
    case .binary(let op, let left, let right):
      return try binary(op, left, right, evaluation)
    case .fieldRead(let pointer, let field):
      guard let array = evaluation.current.fields[field.name] else {
        throw EncodingError(range: field.range, message: "unknown field '\(field.name)'")
      }
      return smt.select(array, [try integer(pointer, evaluation)])
    case .old(let inner):
      return try encode(inner, evaluation.atStart)
    case .valid(let pointer):
      return evaluation.current.isValid(try integer(pointer, evaluation), in: smt)
    case .instance(let predicate, let procedure, let arguments):
      let values = try arguments.map { try integer($0, evaluation) }
      let now = evaluation.current.isPending(procedure.name, values, in: smt)
      switch predicate {
      case .pending: return now
      case .posted: return smt.and([now, smt.not(evaluation.old.isPending(procedure.name, values, in: smt))])
      }
    case .quantified(let quantifier, let names, let body):
      var inner = evaluation
      let constants = names.map { name in
        let constant = fresh.constant(name.name, .int)
        inner.bound[name.name] = constant
        return constant
      }
      let encodedBody = try formula(body, inner)
      return quantifier == .forall ? smt.forall(constants, encodedBody) : smt.exists(constants, encodedBody)
    }
  }

  private func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression,
                      _ evaluation: Evaluation) throws -> SMTTerm {
    switch op {
    case .implies: return smt.implies(try formula(left, evaluation), try formula(right, evaluation))
    case .or: return smt.or([try formula(left, evaluation), try formula(right, evaluation)])
    case .and: return smt.and([try formula(left, evaluation), try formula(right, evaluation)])
    case .equal, .notEqual:
      var a = try encode(left, evaluation)
      var b = try encode(right, evaluation)
      if a.sort != b.sort {
        a = try convert(a, to: .int, left.range)
        b = try convert(b, to: .int, right.range)
      }
      let equal = smt.equal(a, b)
      return op == .equal ? equal : smt.not(equal)
    case .less: return smt.less(try integer(left, evaluation), try integer(right, evaluation))
    case .lessEqual: return smt.lessEqual(try integer(left, evaluation), try integer(right, evaluation))
    case .greater: return smt.less(try integer(right, evaluation), try integer(left, evaluation))
    case .greaterEqual: return smt.lessEqual(try integer(right, evaluation), try integer(left, evaluation))
    case .plus: return smt.add(try integer(left, evaluation), try integer(right, evaluation))
    case .minus: return smt.subtract(try integer(left, evaluation), try integer(right, evaluation))
    case .times: return smt.multiply(try integer(left, evaluation), try integer(right, evaluation))
    case .divide: return smt.truncatingDivide(try integer(left, evaluation), try integer(right, evaluation))
    case .modulo: return smt.truncatingRemainder(try integer(left, evaluation), try integer(right, evaluation))
    case .xor: return smt.xor(try integer(left, evaluation), try integer(right, evaluation))
    }
  }
}
