/// A symbolic heap `∃X. Π ∧ Σ`: the state the checker tracks and the
/// formulas the prover compares. A disjunction is an array of these.
public struct SymbolicHeap: Hashable, Sendable, CustomStringConvertible {
  /// Variables quantified existentially over the whole heap.
  public var existentials: Set<Variable>
  public var pure: [PureAtom]
  public var spatial: [SpatialAtom]

  public init(existentials: Set<Variable> = [], pure: [PureAtom] = [], spatial: [SpatialAtom] = []) {
    self.existentials = existentials
    self.pure = pure
    self.spatial = spatial
  }

  public static let emp = SymbolicHeap()

  /// `A * B`: pure parts conjoined, spatial parts separated (existentials must not clash).
  public static func * (a: SymbolicHeap, b: SymbolicHeap) -> SymbolicHeap {
    SymbolicHeap(existentials: a.existentials.union(b.existentials), pure: a.pure + b.pure,
                 spatial: a.spatial + b.spatial)
  }

  /// Calls `body` on each occurrence of a variable, in the pure part and then the spatial part.
  public func forEachVariable(_ body: (Variable) -> Void) {
    for fact in pure { fact.forEachVariable(body) }
    for atom in spatial { atom.forEachVariable(body) }
  }

  /// The same heap with exactly its `_` names existential: the convention of Hop's
  /// formulas, of the checker's states and of inferred invariants (what the prover opens).
  public var closed: SymbolicHeap {
    var heap = self
    heap.existentials = []
    forEachVariable { if $0.isExistential { heap.existentials.insert($0) } }
    return heap
  }

  public var freeVariables: Set<Variable> { variables.subtracting(existentials) }

  /// Substitutes free variables; existentials are left alone (callers rename them apart first).
  public func substituting(_ substitution: [Variable: Term]) -> SymbolicHeap {
    let free = substitution.filter { !existentials.contains($0.key) }
    return SymbolicHeap(existentials: existentials, pure: pure.map { $0.substituting(free) },
                        spatial: spatial.map { $0.substituting(free) })
  }

  /// In Hop syntax: `emp` for the empty heap, atoms separated by ` * `.
  public var description: String {
    let parts = spatial.map(\.description) + pure.map(\.description)
    let body = parts.isEmpty ? "emp" : parts.joined(separator: " * ")
    guard !existentials.isEmpty else { return body }
    return "exists \(existentials.sorted().map(\.name).joined(separator: ", ")). \(body)"
  }
}

extension SymbolicHeap: VariableOccurrences {}
