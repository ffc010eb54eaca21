/// Makes variables no source program can write (`_u#3`), so renaming apart,
/// unfolding and forgetting never capture a user's name: one supply for both
/// checkers (decision 63). One supply per proof.
///
/// Each user of a supply gets its own `tag`, written between the `#` and the
/// counter, so that two supplies at work on the same heap never make the same
/// name: the prover's are `_x#12` (no tag), the sync checker's `_x#s12`
/// (tag `s`). No source program can write a `#`.
public struct FreshNames: Sendable {
  public let tag: String
  private var counter = 0

  /// - Parameter tag: letters told apart from every other supply's (not digits).
  public init(tag: String = "") {
    precondition(tag.allSatisfy(\.isLetter), "a fresh-name tag is letters only: \(tag)")
    self.tag = tag
  }

  /// A variable named after `stem` (up to its `#`, if it was fresh already), never made before by this supply.
  public mutating func variable(_ stem: String) -> Variable {
    counter += 1
    let base = stem.split(separator: "#").first.map(String.init) ?? stem
    return Variable((base.hasPrefix("_") ? base : "_" + base) + "#\(tag)\(counter)")
  }

  /// Renames `heap`'s existentials to fresh variables and drops the quantifier.
  public mutating func openExistentials(of heap: SymbolicHeap) -> (heap: SymbolicHeap, renaming: [Variable: Variable]) {
    var renaming: [Variable: Variable] = [:]
    for variable in heap.existentials.sorted() { renaming[variable] = self.variable(variable.name) }
    let substitution = renaming.mapValues { Term.variable($0) }
    let opened = SymbolicHeap(pure: heap.pure.map { $0.substituting(substitution) },
                              spatial: heap.spatial.map { $0.substituting(substitution) })
    return (opened, renaming)
  }
}
