import HopLogic
import HopSyntax

/// Program conditions (`if`, `while`, `with ... when`) as case splits: a
/// disjunction of conjunctions of pure atoms, read by the one evaluator of
/// program expressions (`ExpressionSemantics`) over `TermDomain`. `&&`, `||`
/// and `!` split into cases; a comparison is one atom; any other expression
/// `e` means `e != 0` (C's truth values). What cannot be translated gives no
/// information (one case, no facts): both branches are then explored, which
/// is sound. Past `TermDomain.caseLimit` cases a condition gives none either.
enum Conditions {
  /// The cases in which `condition` evaluates to `holds`; `[]` means it never does.
  static func cases(_ condition: Expression, holds: Bool) -> [[PureAtom]] {
    var domain = TermDomain(strict: false)
    let split = (try? ExpressionSemantics.truth(condition, in: &domain)) ?? .unknown
    return holds ? split.whenTrue : split.whenFalse
  }

  /// The `/` and `%` of a program expression, each with the cases in which C evaluates it.
  static func divisors(in expression: Expression) -> [DivisorObligation] {
    var domain = TermDomain(strict: false)
    _ = try? ExpressionSemantics.evaluate(expression, in: &domain)
    return domain.obligations
  }
}
