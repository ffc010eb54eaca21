import HopLogic
import HopSyntax

/// The symbolic heaps of a formula written in Hop syntax (`x |-> tl: y * lseg(y, z)`),
/// so prover tests read like the logic. Traps on a formula that does not parse:
/// test inputs are written by hand.
public func heaps(_ formula: String) -> [SymbolicHeap] {
  let (_, result) = parseText("f() [\(formula)] {}")
  guard !result.diagnostics.hasErrors, case .procedure(let procedure)? = result.program.declarations.first,
        let assertion = procedure.precondition else {
    fatalError("test formula does not parse: \(formula) \(result.diagnostics.map(\.message))")
  }
  do {
    return try AssertionTranslation.heaps(assertion)
  } catch {
    fatalError("test formula has no meaning: \(formula): \(error.message)")
  }
}

/// The single symbolic heap of a formula without `if`.
public func heap(_ formula: String) -> SymbolicHeap {
  let all = heaps(formula)
  guard all.count == 1 else { fatalError("expected one disjunct in \(formula), got \(all.count)") }
  return all[0]
}
