import HopLogic
import HopSyntax

/// Program conditions (`if`, `while`, `with ... when`) as case splits: a
/// disjunction of conjunctions of pure atoms. `&&`, `||` and `!` split into
/// cases; a comparison is one atom; any other expression `e` means `e != 0`
/// (C's truth values). What cannot be translated gives no information (one
/// case, no facts): both branches are then explored, which is sound.
enum Conditions {
  /// Past these sizes a condition gives no information instead (sound: both branches are
  /// explored), so that a long `&&` or `||` chain cannot blow up into millions of cases.
  static let caseLimit = 64, atomLimit = 1_000

  /// The cases in which `condition` evaluates to `holds`; `[]` means it never does.
  static func cases(_ condition: Expression, holds: Bool) -> [[PureAtom]] {
    let both = split(condition)
    return holds ? both.true : both.false
  }

  /// The cases in which the condition is true and those in which it is false, computed
  /// together so that each sub-expression is visited once.
  private static func split(_ condition: Expression) -> (true: [[PureAtom]], false: [[PureAtom]]) {
    // The parser bounds the depth of expressions (and builds long `&&`/`||` chains balanced).
    switch condition.kind {
    case .boolean(let value):
      return value ? ([[]], []) : ([], [[]])
    case .nondeterministic:
      return ([[]], [[]])
    case .unary(.not, let inner):
      let (yes, no) = split(inner)
      return (no, yes)
    case .binary(.and, let left, let right):
      let (l, r) = (split(left), split(right))
      // C's short circuit: false when the left is false, or the left is true and the right false.
      return (capped(product(l.true, r.true)), capped(l.false + product(l.true, r.false)))
    case .binary(.or, let left, let right):
      let (l, r) = (split(left), split(right))
      return (capped(l.true + product(l.false, r.true)), capped(product(l.false, r.false)))
    default:
      if let atom = try? AssertionTranslation.comparison(condition) {
        return ([[atom]], [[atom.negated]])
      }
      if let term = try? AssertionTranslation.term(condition) {
        return ([[.notEqual(term, .int(0))]], [[.equal(term, .int(0))]])
      }
      return ([[]], [[]])
    }
  }

  /// No information (one case, no facts) in place of too many cases: an over-approximation.
  private static func capped(_ cases: [[PureAtom]]) -> [[PureAtom]] {
    guard cases.count <= caseLimit, cases.reduce(0, { $0 + $1.count }) <= atomLimit else { return [[]] }
    return cases
  }

  private static func product(_ a: [[PureAtom]], _ b: [[PureAtom]]) -> [[PureAtom]] {
    guard a.count * b.count <= caseLimit else { return [[]] }
    return a.flatMap { x in b.map { y in x + y } }
  }
}
