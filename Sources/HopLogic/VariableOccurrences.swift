/// What variables occur in: terms, atoms and heaps. Each says how to walk its
/// occurrences (`forEachVariable`, which allocates nothing), and the set of
/// its variables is built from that one walk, here, for all of them.
public protocol VariableOccurrences {
  /// Calls `body` on each occurrence of a variable.
  func forEachVariable(_ body: (Variable) -> Void)
}

extension VariableOccurrences {
  /// The variables that occur, each once.
  public var variables: Set<Variable> {
    var found = Set<Variable>()
    forEachVariable { found.insert($0) }
    return found
  }
}
