import HopSyntax

/// Finds `pending_f(..)` occurring positively in a precondition (docs/language.md
/// §3.2): a precondition may say an instance is *not* pending, but nothing
/// guarantees that an instance stays pending, so a positive occurrence is
/// rejected (HH208).
enum PendingPolarity {
  /// The positive occurrences of `pending_f` in `formula`.
  static func positiveOccurrences(in formula: Expression) -> [Expression] {
    var found: [Expression] = []
    visit(formula, positive: true, &found)
    return found
  }

  /// `positive` is the polarity of `expression`; `nil` means both (under `==`/`!=` of formulas).
  private static func visit(_ expression: Expression, positive: Bool?, _ found: inout [Expression]) {
    switch expression.kind {
    case .instance(.pending, _, _):
      if positive != false { found.append(expression) }
    case .unary(.not, let operand):
      visit(operand, positive: positive.map { !$0 }, &found)
    case .binary(.implies, let left, let right):
      visit(left, positive: positive.map { !$0 }, &found)
      visit(right, positive: positive, &found)
    case .binary(.and, let left, let right), .binary(.or, let left, let right):
      visit(left, positive: positive, &found)
      visit(right, positive: positive, &found)
    case .binary(_, let left, let right):
      visit(left, positive: nil, &found)
      visit(right, positive: nil, &found)
    case .quantified(_, _, let body), .old(let body):
      visit(body, positive: positive, &found)
    case .unary(_, let operand):
      visit(operand, positive: nil, &found)
    case .variable, .integer, .null, .boolean, .nondeterministic, .instance(.posted, _, _), .fieldRead, .valid:
      break
    }
  }
}
