import HopLogic

/// A state cut in two for one command (decision 84): the part the command's
/// variables reach, which the prover is given, and cells that share no
/// variable with that part, which the command cannot touch. By the frame rule
/// a proof about the first part is one about the whole state with the second
/// part kept as frame, so that a call or a field access over N live cells
/// costs what its footprint costs in the prover, not N.
///
/// The cut is made only where the prover, given the whole state, would have
/// done the same steps on the first part and left the second as it is, so
/// that the results are the same (the caller rebuilds the whole answer from
/// the part's): every cell left out is a plain `x |-> f: v` with atomic
/// terms, program variables only (no existential: the prover numbers the
/// existentials of what it is given, and they must be the whole state's),
/// its address a variable no other cell left out has, and none of its
/// variables occurs in the part kept, in a pure fact, or in `reached`. Every
/// pure fact stays in the part. Where no cell can be left out, there is no slice.
struct StateSlice {
  /// The pure facts and the atoms the command's variables reach (closed).
  var touched: SymbolicHeap
  /// The cells left out, in the state's order, as the prover writes them (NULL as 0): those before
  /// the block (all of them for a cut made by a walk), the block's not reached, and those after it.
  private var leftBefore: [SpatialAtom]
  private var blockCells: ArraySlice<SpatialAtom> = []
  /// The positions in `blockCells` of the cells the part reaches (in order).
  private var pulled: [Int] = []
  private var leftAfter: [SpatialAtom] = []
  /// How many cells are left out.
  private(set) var untouchedCount: Int
  /// The index of the cells left out, when the cut was made from a block (`init(_:around:block:index:)`).
  var untouchedIndex: UntouchedBlock.Index?

  /// The cells left out, in the state's order, as the prover writes them (NULL as 0).
  var untouched: [SpatialAtom] {
    var cells: [SpatialAtom] = []
    appendUntouched(to: &cells)
    return cells
  }

  private func appendUntouched(to cells: inout [SpatialAtom]) {
    cells += leftBefore
    var from = blockCells.startIndex
    for position in pulled {
      cells += blockCells[from..<position]
      from = position + 1
    }
    cells += blockCells[from...]
    cells += leftAfter
  }

  /// At most this many walks over the atoms before the cut is given up (a chain of
  /// cells found in the wrong order pulls one more into the part at each walk).
  static let passes = 3

  /// The cut of `state` around `reached` (the variables of what the command reads,
  /// needs or writes), or nil when nothing can be left out or the cut is not found in `passes` walks.
  init?(_ state: SymbolicHeap, around reached: Set<Variable>, passes: Int = StateSlice.passes) {
    var kept = VariableSet(reached)
    for fact in state.pure { fact.forEachVariable { kept.insert($0) } }
    // Whether each atom is in the part, and whether a cell left out holds NULL (the prover writes it 0).
    var inPart = [Bool](repeating: false, count: state.spatial.count)
    var holdsNull = inPart
    var settled = false
    for _ in 0..<passes {
      var grew = false
      for (index, atom) in state.spatial.enumerated() where !inPart[index] {
        switch Self.leftOut(atom, unless: kept.contains) {
        case .some(let null):
          holdsNull[index] = null
        case nil:
          inPart[index] = true
          atom.forEachVariable { if kept.insert($0) { grew = true } }
        }
      }
      if !grew {
        settled = true
        break
      }
    }
    guard settled, inPart.contains(false) else { return nil }
    var addresses = Set<Variable>(minimumCapacity: state.spatial.count)
    var part: [SpatialAtom] = []
    var rest: [SpatialAtom] = []
    rest.reserveCapacity(state.spatial.count)
    for (index, atom) in state.spatial.enumerated() {
      if inPart[index] {
        part.append(atom)
        continue
      }
      guard let address = UntouchedBlock.Index.address(of: atom), addresses.insert(address).inserted else { return nil }
      rest.append(holdsNull[index] ? Self.withZero(atom) : atom)
    }
    touched = SymbolicHeap(pure: state.pure, spatial: part).closed
    leftBefore = rest
    untouchedCount = rest.count
  }

  /// The same cut for a state with a block of cells left out before (`UntouchedBlock`, decision 88),
  /// `index` being the block's: only the atoms outside the block are walked, and the block's cells
  /// that the part's variables reach are found in the index. The cut is the one the walk makes
  /// when it settles (both take the least part closed under shared variables); `untouchedIndex`
  /// is then the index of the cells left out, for the next command.
  init?(_ state: SymbolicHeap, around reached: Set<Variable>, block: UntouchedBlock, index: consuming UntouchedBlock.Index) {
    let range = block.range
    var kept = Set<Variable>()
    // Kept variables not yet looked up in the block's index.
    var unseen: [Variable] = []
    func keep(_ variable: Variable) -> Bool {
      guard kept.insert(variable).inserted else { return false }
      unseen.append(variable)
      return true
    }
    for variable in reached { _ = keep(variable) }
    for fact in state.pure { fact.forEachVariable { _ = keep($0) } }
    let outside = Array(state.spatial.indices[..<range.lowerBound]) + Array(state.spatial.indices[range.upperBound...])
    var inPart = [Bool](repeating: false, count: outside.count)
    var holdsNull = inPart
    // The block's cells the part reaches, by address.
    var reachedInBlock = Set<Variable>()
    var grew = true
    while grew {
      grew = false
      for (position, index) in outside.enumerated() where !inPart[position] {
        let atom = state.spatial[index]
        switch Self.leftOut(atom, unless: kept.contains) {
        case .some(let null):
          holdsNull[position] = null
        case nil:
          inPart[position] = true
          atom.forEachVariable { if keep($0) { grew = true } }
        }
      }
      while let variable = unseen.popLast() {
        for address in index.cellsByVariable[variable] ?? [] where reachedInBlock.insert(address).inserted {
          grew = true
          index.cells[address]?.forEachVariable { _ = keep($0) }
        }
      }
    }
    let leftOutside = inPart.count(where: { !$0 })
    guard leftOutside > 0 || reachedInBlock.count < range.count else { return nil }
    // Cells left out at distinct addresses: the block's are; the others must differ from them and from each other.
    var next = index
    for address in reachedInBlock { next.remove(at: address) }
    var part: [SpatialAtom] = []
    var before: [SpatialAtom] = []
    var after: [SpatialAtom] = []
    for (position, index) in outside.enumerated() {
      if inPart[position] {
        if index < range.lowerBound { part.append(state.spatial[index]) }
        continue
      }
      let cell = holdsNull[position] ? Self.withZero(state.spatial[index]) : state.spatial[index]
      guard let address = UntouchedBlock.Index.address(of: cell), next.cells[address] == nil else { return nil }
      next.insert(cell)
      if index < range.lowerBound { before.append(cell) } else { after.append(cell) }
    }
    // The block's cells the part reaches, found by their addresses (when few, compared one by one).
    let cells = block.cells
    var positions: [Int] = []
    if !reachedInBlock.isEmpty {
      let few = reachedInBlock.count <= VariableSet.listLimit ? Array(reachedInBlock) : nil
      let wanted = { (address: Variable) in few?.contains(address) ?? reachedInBlock.contains(address) }
      for position in cells.indices {
        guard let address = UntouchedBlock.Index.address(of: cells[position]), wanted(address) else { continue }
        positions.append(position)
        part.append(cells[position])
        if positions.count == reachedInBlock.count { break }
      }
    }
    for (position, index) in outside.enumerated() where inPart[position] && index >= range.upperBound {
      part.append(state.spatial[index])
    }
    touched = SymbolicHeap(pure: state.pure, spatial: part).closed
    leftBefore = before
    blockCells = cells
    leftAfter = after
    pulled = positions
    untouchedCount = before.count + cells.count - positions.count + after.count
    untouchedIndex = next
  }

  /// For a plain cell whose terms are program variables not in `kept` and constants:
  /// whether it holds NULL; nil for any other atom (it goes into the part).
  private static func leftOut(_ atom: SpatialAtom, unless kept: (Variable) -> Bool) -> Bool? {
    guard SymbolicHeap.isPlainCell(atom), case .pointsTo(.variable(let address), let fields) = atom,
          !kept(address) else { return nil }
    var null = false
    for value in fields.values {
      if case .variable(let variable) = value, kept(variable) { return nil }
      if value == .null { null = true }
    }
    return null
  }

  /// The cell with NULL written 0, as the prover's closure writes every term it is given.
  private static func withZero(_ atom: SpatialAtom) -> SpatialAtom {
    guard case .pointsTo(let address, var fields) = atom else { return atom }
    for (field, value) in fields where value == .null { fields[field] = .integer(BigInteger(0)) }
    return .pointsTo(address, fields: fields)
  }

  /// The part's answer with the cells left out put back, after its first `leading` atoms and before
  /// the rest (where the prover, given the whole state, would have kept them); its existentials are the part's.
  func whole(_ part: SymbolicHeap, after leading: Int) -> SymbolicHeap {
    var spatial: [SpatialAtom] = []
    spatial.reserveCapacity(part.spatial.count + untouchedCount)
    spatial += part.spatial.prefix(leading)
    appendUntouched(to: &spatial)
    spatial += part.spatial.dropFirst(leading)
    return SymbolicHeap(existentials: part.existentials, pure: part.pure, spatial: spatial)
  }
}

/// A set of variables that is usually small (what one command mentions): a list
/// compared name by name while it is short, which costs less than hashing each
/// variable of every cell it is asked about; a hashed set past that.
struct VariableSet {
  private var list: [Variable] = []
  private var set: Set<Variable> = []
  static let listLimit = 16

  init(_ variables: Set<Variable>) {
    for variable in variables { insert(variable) }
  }

  func contains(_ variable: Variable) -> Bool {
    list.count < Self.listLimit ? list.contains(variable) : set.contains(variable)
  }

  /// Adds `variable`; whether it was new.
  @discardableResult
  mutating func insert(_ variable: Variable) -> Bool {
    if list.count < Self.listLimit {
      if list.contains(variable) { return false }
      list.append(variable)
      if list.count == Self.listLimit { set = Set(list) }
      return true
    }
    return set.insert(variable).inserted
  }
}
