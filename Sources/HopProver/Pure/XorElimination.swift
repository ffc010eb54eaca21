import HopLogic

/// Linear algebra over GF(2) for facts with `^`: each equality `t == u` of
/// xor chains is the equation "the xor of these operands is 0", which holds
/// bit by bit, so its linear consequences are sound for C's bitwise xor.
/// Gaussian elimination finds the consequences that are plain equalities
/// (`w == s`, or `p == 0`), which the equality closure can use: with
/// `u == s ^ x` and `w == u ^ x` it gives `w == s` — one step of walking an
/// xor-linked list.
struct XorElimination {
  /// Reduced equations, by pivot: the pivot is the xor of the rest.
  private var rows: [Term: Set<Term>] = [:]

  /// Adds the equation "the xor of `operands` is 0" (operands appearing twice cancel).
  mutating func add(_ operands: Set<Term>) {
    var equation = operands
    for (pivot, row) in rows where equation.contains(pivot) { equation.formSymmetricDifference(row) }
    // Eliminate the least useful name first (the prover's fresh names, then others), keeping constants.
    guard let pivot = equation.filter({ $0.constantValue == nil }).max(by: Self.keepOrder) else { return }
    for (other, row) in rows where row.contains(pivot) { rows[other] = row.symmetricDifference(equation) }
    rows[pivot] = equation
  }

  /// The equalities the equations imply between two operands, or between one and 0.
  var equalities: [(Term, Term)] {
    rows.values.compactMap { row -> (Term, Term)? in
      let sorted = row.sorted(by: Self.keepOrder)
      switch sorted.count {
      case 1: return (sorted[0], .integer(BigInteger(0)))
      case 2: return (sorted[0], sorted[1])
      default: return nil
      }
    }.sorted { "\($0.0) \($0.1)" < "\($1.0) \($1.1)" }
  }

  /// The operands of an xor chain, each once or not at all (pairs cancel, 0 and NULL drop out).
  static func operands(_ term: Term, _ canonical: (Term) -> Term) -> Set<Term> {
    var result = Set<Term>()
    var stack = [term]
    while let next = stack.popLast() {
      if case .binary(.xor, let left, let right) = next {
        stack += [left, right]
        continue
      }
      let operand = canonical(next)
      if case .binary(.xor, _, _) = operand {
        stack.append(operand)
        continue
      }
      if operand.constantValue == BigInteger(0) { continue }
      if !result.insert(operand).inserted { result.remove(operand) }
    }
    return result
  }

  /// Constants and source names are kept; the prover's `#` names are eliminated first.
  private static func keepOrder(_ a: Term, _ b: Term) -> Bool {
    func rank(_ t: Term) -> (Int, String) {
      if t.constantValue != nil { return (0, t.description) }
      if case .variable(let v) = t { return (v.name.contains("#") ? 2 : 1, v.name) }
      return (3, t.description)
    }
    return rank(a) < rank(b)
  }
}
