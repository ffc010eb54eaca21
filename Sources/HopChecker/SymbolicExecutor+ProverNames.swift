import HopLogic
import HopProver

/// The prover answers in names of its own: before it works on a heap it
/// renames the heap's existentials `_x#1`, `_x#2`, ... (in sorted order),
/// and names what it makes after those (`_u#5`); every call counts from 1
/// again, so one name means different values in two answers, and a value
/// that was `_x#s7` before a lookup is `_x#1` after it. The states the
/// checker keeps, and the ones `explain` shows, are put back into the
/// checker's names: the existential the prover renamed from `_x#s7` is
/// `_x#s7` again, and each one it made gets a fresh checker name. That is a
/// renaming of existentials that is one-to-one and captures nothing (the
/// originals are existentials of the heap asked about, the new names are
/// fresh), so the state is the same formula: only its names change, and
/// they now keep their meaning for the whole proof (issue 25).
extension SymbolicExecutor {
  /// A heap the prover returned for `asked` (which it was given closed), in the checker's names.
  mutating func inCheckerNames(_ heap: SymbolicHeap, asked: SymbolicHeap) -> SymbolicHeap {
    let renaming = checkerNames(for: Self.proverNames(in: heap), asked: asked)
    return renaming.isEmpty ? heap : heap.substitutingAll(renaming)
  }

  /// A frame the prover found in `asked`, its heap and instantiation in the checker's names.
  mutating func inCheckerNames(_ frame: Frame, asked: SymbolicHeap) -> Frame {
    var used = Self.proverNames(in: frame.heap)
    for value in frame.instantiation.values { used.formUnion(Self.proverNames(in: value)) }
    let renaming = checkerNames(for: used, asked: asked)
    guard !renaming.isEmpty else { return frame }
    var renamed = frame
    renamed.heap = frame.heap.substitutingAll(renaming)
    renamed.instantiation = frame.instantiation.mapValues { $0.substituting(renaming) }
    return renamed
  }

  /// The prover's names that occur in `item` (the program variables of a large state are not collected).
  private static func proverNames(in item: some VariableOccurrences) -> Set<Variable> {
    var found = Set<Variable>()
    item.forEachVariable { if isProverName($0) { found.insert($0) } }
    return found
  }

  /// For each of the prover's names among `variables`: the existential of `asked` it stands for, or a fresh name.
  private mutating func checkerNames(for variables: Set<Variable>, asked: SymbolicHeap) -> [Variable: Term] {
    guard !variables.isEmpty else { return [:] }
    let opened = Self.openedNames(asked: asked)
    var renaming: [Variable: Term] = [:]
    for variable in variables.sorted() where Self.isProverName(variable) {
      renaming[variable] = .variable(opened[variable] ?? supply.variable(variable.name))
    }
    return renaming
  }

  /// The prover's name for each existential of `asked` (`_x#s7` → `_x#1` when it comes first), backwards.
  static func openedNames(asked: SymbolicHeap) -> [Variable: Variable] {
    var opened: [Variable: Variable] = [:]
    for (index, original) in asked.closed.existentials.sorted().enumerated() {
      let stem = original.name.split(separator: "#").first.map(String.init) ?? original.name
      opened[Variable(stem + "#\(index + 1)")] = original
    }
    return opened
  }

  /// `_x#12`: an existential the prover made (digits right after the `#`; the checker's have its tag).
  private static func isProverName(_ variable: Variable) -> Bool {
    guard variable.isExistential, let hash = variable.name.firstIndex(of: "#") else { return false }
    let counter = variable.name[variable.name.index(after: hash)...]
    return !counter.isEmpty && counter.allSatisfy(\.isNumber)
  }
}
