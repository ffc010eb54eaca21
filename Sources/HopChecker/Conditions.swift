import HopLogic
import HopSyntax

/// Program conditions (`if`, `while`, `with ... when`) as case splits: a
/// disjunction of conjunctions of pure atoms. `&&`, `||` and `!` split into
/// cases; a comparison is one atom; any other expression `e` means `e != 0`
/// (C's truth values). What cannot be translated gives no information (one
/// case, no facts): both branches are then explored, which is sound.
enum Conditions {
  /// The cases in which `condition` evaluates to `holds`; `[]` means it never does.
  static func cases(_ condition: Expression, holds: Bool) -> [[PureAtom]] {
    // An explicit stack would be overkill: the parser bounds the depth of expressions.
    switch condition.kind {
    case .boolean(let value):
      return value == holds ? [[]] : []
    case .nondeterministic:
      return [[]]
    case .unary(.not, let inner):
      return cases(inner, holds: !holds)
    case .binary(.and, let left, let right):
      return holds ? product(cases(left, holds: true), cases(right, holds: true))
        : cases(left, holds: false) + product(cases(left, holds: true), cases(right, holds: false))
    case .binary(.or, let left, let right):
      return holds ? cases(left, holds: true) + product(cases(left, holds: false), cases(right, holds: true))
        : product(cases(left, holds: false), cases(right, holds: false))
    default:
      if let atom = try? AssertionTranslation.comparison(condition) {
        return [[holds ? atom : atom.negated]]
      }
      if let term = try? AssertionTranslation.term(condition) {
        return [[holds ? .notEqual(term, .int(0)) : .equal(term, .int(0))]]
      }
      return [[]]
    }
  }

  private static func product(_ a: [[PureAtom]], _ b: [[PureAtom]]) -> [[PureAtom]] {
    a.flatMap { x in b.map { y in x + y } }
  }
}
