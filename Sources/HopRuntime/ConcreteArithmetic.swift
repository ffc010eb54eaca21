import HopSyntax

/// Machine-integer arithmetic as C does it, in one place for program
/// expressions (`Machine`), async formulas (`AsyncFormula`) and the terms of
/// the model checker: `+ - *` wrap, `/` and `%` truncate toward zero and
/// `Int.min / -1` wraps instead of trapping; a divisor of 0 gives nil, which
/// each caller reads its own way (a fault in a program, no value in a formula).
enum ConcreteArithmetic {
  static func divide(_ a: Int, _ b: Int) -> Int? { b == 0 ? nil : a.dividedReportingOverflow(by: b).partialValue }

  static func remainder(_ a: Int, _ b: Int) -> Int? {
    b == 0 ? nil : a.remainderReportingOverflow(dividingBy: b).partialValue
  }

  /// `a op b` with both sides evaluated (callers short-circuit `&&`, `||` and `=>` before); comparisons give 0 or 1.
  static func apply(_ op: BinaryOperator, _ a: Int, _ b: Int) -> Int? {
    switch op {
    case .equal: a == b ? 1 : 0
    case .notEqual: a != b ? 1 : 0
    case .less: a < b ? 1 : 0
    case .lessEqual: a <= b ? 1 : 0
    case .greater: a > b ? 1 : 0
    case .greaterEqual: a >= b ? 1 : 0
    case .plus: a &+ b
    case .minus: a &- b
    case .times: a &* b
    case .xor: a ^ b
    case .divide: divide(a, b)
    case .modulo: remainder(a, b)
    case .and: a != 0 && b != 0 ? 1 : 0
    case .or: a != 0 || b != 0 ? 1 : 0
    case .implies: a == 0 || b != 0 ? 1 : 0
    }
  }
}
