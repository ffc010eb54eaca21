import HopLogic
import HopSMT
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

/// Translates Hop expressions and first-order formulas into SMT terms: the
/// one evaluator of expressions (`ExpressionSemantics`) over
/// `SMTExpressionDomain`.
///
/// Program expressions follow C: a number used as a condition means "not 0"
/// and a comparison used as a number is 0 or 1. Specification formulas are
/// strict: such a mix is an error. In both, `/` and `%` are C's
/// (truncating; `SMTContext.truncatingDivide`).
struct FormulaEncoder {
  let fresh: FreshConstants
  /// True for program expressions (C conversions between numbers and truth values).
  var isProgram = false

  /// `expression` as a truth value.
  func formula(_ expression: Expression, _ evaluation: Evaluation) throws -> SMTTerm {
    var domain = SMTExpressionDomain(encoder: self, evaluation: evaluation)
    return try ExpressionSemantics.truth(expression, in: &domain)
  }

  /// `expression` as an integer.
  func integer(_ expression: Expression, _ evaluation: Evaluation) throws -> SMTTerm {
    var domain = SMTExpressionDomain(encoder: self, evaluation: evaluation)
    return try ExpressionSemantics.number(expression, in: &domain)
  }

  /// Every `/` and `%` of `expression`, with the conditions under which C evaluates it.
  func divisors(_ expression: Expression, _ evaluation: Evaluation) throws -> [SMTDivisor] {
    var domain = SMTExpressionDomain(encoder: self, evaluation: evaluation)
    _ = try ExpressionSemantics.evaluate(expression, in: &domain)
    return domain.divisors
  }
}
