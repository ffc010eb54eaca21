import HopLogic

/// Makes variables no source program can write (`_u#3`), so renaming apart
/// and unfolding never capture a user's name. One supply per proof.
struct FreshNames {
  private var counter = 0

  mutating func variable(like base: String) -> Variable {
    counter += 1
    let stem = base.split(separator: "#").first.map(String.init) ?? base
    return Variable((stem.hasPrefix("_") ? stem : "_" + stem) + "#\(counter)")
  }

  /// Renames `heap`'s existentials to fresh variables and drops the quantifier.
  mutating func openExistentials(of heap: SymbolicHeap) -> (heap: SymbolicHeap, renaming: [Variable: Variable]) {
    var renaming: [Variable: Variable] = [:]
    for variable in heap.existentials.sorted() { renaming[variable] = self.variable(like: variable.name) }
    let substitution = renaming.mapValues { Term.variable($0) }
    let opened = SymbolicHeap(pure: heap.pure.map { $0.substituting(substitution) },
                              spatial: heap.spatial.map { $0.substituting(substitution) })
    return (opened, renaming)
  }
}
