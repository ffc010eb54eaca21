import HopLogic
import HopSMT
import HopSyntax

/// A `/` or `%` of a program expression: its divisor and the conditions
/// (`&&`, `||` and `==>` on the way) under which C evaluates it.
struct SMTDivisor {
  var divisor: SMTTerm
  var conditions: [SMTTerm]
  var expression: Expression
}

/// Expressions and formulas as SMT terms, the async checker's domain of
/// `ExpressionSemantics`: numbers are `Int` terms, truth values `Bool` terms.
/// It also reads what only formulas have (field reads, `old`, `valid`,
/// `pending`/`posted`, quantifiers) through `other`.
struct SMTExpressionDomain: ExpressionDomain {
  let encoder: FormulaEncoder
  var evaluation: Evaluation
  /// The conditions under which the expression being evaluated is evaluated.
  private var conditions: [SMTTerm] = []
  private(set) var divisors: [SMTDivisor] = []

  init(encoder: FormulaEncoder, evaluation: Evaluation) {
    self.encoder = encoder
    self.evaluation = evaluation
  }

  private var smt: SMTContext { encoder.fresh.smt }

  func integer(_ value: BigInteger, _ expression: Expression) -> SMTTerm { smt.integer(value.description) }

  func variable(_ name: String, _ expression: Expression) throws -> SMTTerm {
    if let value = evaluation.bound[name] ?? evaluation.variables[name] ?? evaluation.current.globals[name] {
      return value
    }
    throw EncodingError(range: expression.range, message: "'\(name)' is not a variable of this procedure")
  }

  func boolean(_ value: Bool) -> SMTTerm { smt.boolean(value) }
  func negate(_ value: SMTTerm, _ expression: Expression) -> SMTTerm { smt.negate(value) }

  func arithmetic(_ op: ArithmeticOperator, _ a: SMTTerm, _ b: SMTTerm, _ expression: Expression) -> SMTTerm {
    switch op {
    case .plus: smt.add(a, b)
    case .minus: smt.subtract(a, b)
    case .times: smt.multiply(a, b)
    case .divide: smt.truncatingDivide(a, b)
    case .modulo: smt.truncatingRemainder(a, b)
    case .xor: smt.xor(a, b)
    }
  }

  mutating func requireNonZero(_ divisor: SMTTerm, _ expression: Expression) {
    divisors.append(SMTDivisor(divisor: divisor, conditions: conditions, expression: expression))
  }

  func compare(_ op: ComparisonOperator, _ a: SMTTerm, _ b: SMTTerm, _ expression: Expression) -> SMTTerm {
    switch op {
    case .equal: smt.equal(a, b)
    case .notEqual: smt.not(smt.equal(a, b))
    case .less: smt.less(a, b)
    case .lessEqual: smt.lessEqual(a, b)
    }
  }

  func not(_ value: SMTTerm) -> SMTTerm { smt.not(value) }

  mutating func shortCircuit(_ op: ShortCircuitOperator, _ left: SMTTerm,
                             _ right: (inout SMTExpressionDomain) throws -> SMTTerm) throws -> SMTTerm {
    conditions.append(op.rightSideWhen ? left : smt.not(left))
    defer { conditions.removeLast() }
    let rest = try right(&self)
    return switch op {
    case .and: smt.and([left, rest])
    case .or: smt.or([left, rest])
    case .implies: smt.implies(left, rest)
    }
  }

  func equivalent(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm { smt.equal(a, b) }

  func truth(_ number: SMTTerm, _ expression: Expression) throws -> SMTTerm {
    guard encoder.isProgram else {
      throw EncodingError(range: expression.range, message: "a number is used where a formula (a truth value) is needed")
    }
    return smt.not(smt.equal(number, smt.integer(0)))
  }

  func number(_ truth: SMTTerm, _ expression: Expression) throws -> SMTTerm {
    guard encoder.isProgram else {
      throw EncodingError(range: expression.range, message: "a formula (a truth value) is used where a number is needed")
    }
    return smt.ifThenElse(truth, smt.integer(1), smt.integer(0))
  }

  mutating func other(_ expression: Expression) throws -> ExpressionValue<SMTTerm, SMTTerm> {
    switch expression.kind {
    case .fieldRead(let pointer, let field):
      guard let array = evaluation.current.fields[field.name] else {
        throw EncodingError(range: field.range, message: "unknown field '\(field.name)'")
      }
      return .number(smt.select(array, [try ExpressionSemantics.number(pointer, in: &self)]))
    case .old(let inner):
      let now = evaluation
      evaluation = now.atStart
      defer { evaluation = now }
      return try ExpressionSemantics.evaluate(inner, in: &self)
    case .valid(let pointer):
      return .truth(evaluation.current.isValid(try ExpressionSemantics.number(pointer, in: &self), in: smt))
    case .instance(let predicate, let procedure, let arguments):
      var values: [SMTTerm] = []
      for argument in arguments { values.append(try ExpressionSemantics.number(argument, in: &self)) }
      let now = evaluation.current.isPending(procedure.name, values, in: smt)
      switch predicate {
      case .pending: return .truth(now)
      case .posted: return .truth(smt.and([now, smt.not(evaluation.old.isPending(procedure.name, values, in: smt))]))
      }
    case .quantified(let quantifier, let names, let body):
      let outer = evaluation
      defer { evaluation = outer }
      let constants = names.map { name in
        let constant = encoder.fresh.constant(name.name, .int)
        evaluation.bound[name.name] = constant
        return constant
      }
      let encodedBody = try ExpressionSemantics.truth(body, in: &self)
      return .truth(quantifier == .forall ? smt.forall(constants, encodedBody) : smt.exists(constants, encodedBody))
    case .nondeterministic:
      throw EncodingError(range: expression.range, message: "'*' is allowed only as a whole right-hand side or condition")
    default:
      throw EncodingError(range: expression.range, message: "this expression has no value here")
    }
  }
}
