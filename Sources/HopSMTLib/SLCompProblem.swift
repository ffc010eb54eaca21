import HopLogic
import HopSyntax

/// An SL-COMP problem (divisions `qf_shls_sat` and `qf_shls_entl`) in the
/// prover's vocabulary: a satisfiability question about one symbolic heap, or
/// an entailment `A ⊢ B` posed as `A ∧ ¬B` (so `unsat` means it holds).
public struct SLCompProblem: Hashable, Sendable {
  /// The answer the file declares with `(set-info :status ...)`.
  public enum Status: String, Hashable, Sendable {
    case sat, unsat, unknown
  }

  public enum Query: Hashable, Sendable {
    case satisfiability(SymbolicHeap)
    case entailment(antecedent: SymbolicHeap, consequent: SymbolicHeap)
  }

  public var status: Status?
  public var query: Query
}

/// Why a file could not be turned into a problem: malformed input (exit 2)
/// or a construct outside the supported fragment (answer `unknown`).
public enum SLCompError: Error, Hashable, Sendable {
  case malformed(Diagnostic)
  case unsupported(Diagnostic)

  public var diagnostic: Diagnostic {
    switch self {
    case .malformed(let diagnostic), .unsupported(let diagnostic): diagnostic
    }
  }
}

/// A recursive definition recognised, by its structure, as an acyclic list
/// segment `P(in, out) = (in = out ∧ emp) ∨ (in ≠ out ∧ ∃u. in ↦ C(..u..) * P(u, out))`.
struct ListSegmentDefinition: Hashable {
  var name: String
  /// The name of the constructor field that holds `u` (the next pointer).
  var field: String
}
