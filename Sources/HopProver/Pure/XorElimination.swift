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

  /// Every equality the equations imply between two operands, or between one and 0.
  ///
  /// Not only the rows that happen to have two operands: which rows those are depends on
  /// the pivots, that is on the order of the names (with `u == s ^ x` and `w == u ^ x`,
  /// `w == s` is a row when `x` is eliminated, and a sum of two rows when `w` is). The
  /// rows are fully reduced (a pivot occurs in its own row only), so an operand's normal
  /// form, the rest of its row for a pivot and itself otherwise, names its class modulo
  /// the equations: two operands are equal exactly when their normal forms are.
  var equalities: [(Term, Term)] {
    var operands = Set<Term>()
    for row in rows.values { operands.formUnion(row) }
    var classes: [Set<Term>: [Term]] = [:]
    for operand in operands {
      let normal = rows[operand].map { $0.subtracting([operand]) } ?? [operand]
      classes[normal, default: []].append(operand)
    }
    var result: [(Term, Term)] = []
    for (normal, members) in classes {
      let sorted = members.sorted(by: Self.keepOrder)
      if normal.isEmpty {
        result += sorted.map { ($0, Term.integer(BigInteger(0))) }
      } else {
        result += sorted.dropFirst().map { (sorted[0], $0) }
      }
    }
    return result.sorted { "\($0.0) \($0.1)" < "\($1.0) \($1.1)" }
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
