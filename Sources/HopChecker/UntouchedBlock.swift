import HopLogic

/// The cells that a cut command (decision 84) left out, remembered with the state the
/// command produced (decision 88), so that the next command's cut costs what its own
/// part costs instead of a walk of every cell: over N live cells, N commands then cost
/// N steps, not N².
///
/// The cells are one block of the state's atoms (`range`): `StateSlice.whole` puts the
/// cells left out together, and the commands after a cut (a field written, a cell
/// disposed, a variable assigned, a cell allocated) keep them together, at a place the
/// executor knows. Each cell is one the cut could leave out: a plain cell with program
/// variables only, at an address no other cell of the block has. Which cells mention
/// a variable is indexed, so that the next cut finds the ones its variables reach.
///
/// A block belongs to one array of atoms, which it keeps: a state is described by it
/// only when its atoms are that very array (the same storage, `describes`). A state
/// whose atoms were changed or rebuilt since has other storage, and is cut by the walk,
/// as before; so a block that no longer says the truth is never used.
struct UntouchedBlock {
  /// The atoms of the state the block is in (kept, so that their storage is not reused).
  private let atoms: [SpatialAtom]
  private let storage: UnsafeRawPointer?
  /// Where the cells are among `atoms`.
  let range: Range<Int>
  /// The block's cells by address, and which mention each variable: made by the cut that left
  /// them out when it was itself made from a block, else on first use (`indexed`).
  private var index: Index?

  /// The block `range` of `heap`'s atoms, whose cells `index` indexes (nil: not yet indexed); nil
  /// when the range is not within the atoms, or its first or last atom is not the indexed cell at
  /// its address (a check of two atoms: the whole block is checked in debug builds).
  init?(_ heap: SymbolicHeap, range: Range<Int>, index: Index? = nil) {
    guard range.upperBound <= heap.spatial.count else { return nil }
    if let index, let first = range.first, let last = range.last {
      for atom in [heap.spatial[first], heap.spatial[last]] {
        guard let address = Index.address(of: atom), index.cells[address] == atom else { return nil }
      }
    }
    atoms = heap.spatial
    storage = Self.storage(of: atoms)
    self.range = range
    self.index = index
    assert(isWellFormed, "a block is plain cells at distinct addresses, indexed as they are")
  }

  /// What a block must be (checked in debug builds): plain cells (`SymbolicHeap.isPlainCell`)
  /// at distinct addresses, whose index, if made, is theirs.
  private var isWellFormed: Bool {
    let cells = atoms[range]
    let made = Index(cells)
    return cells.allSatisfy(SymbolicHeap.isPlainCell) && made.cells.count == cells.count && (index == nil || index == made)
  }

  /// The index of the block's cells, if it is made.
  var knownIndex: Index? { index }

  /// The index of the block's cells, made now if it was not (one walk of the cells).
  mutating func indexed() -> Index {
    if let index { return index }
    let made = Index(cells)
    index = made
    return made
  }

  /// The index, given away (made now if it was not): the block keeps none, so that the cut that
  /// takes it changes it in place for the next block instead of copying it.
  mutating func takeIndex() -> Index {
    let taken = indexed()
    index = nil
    return taken
  }

  /// Whether `state`'s atoms are the ones this block was made for.
  func describes(_ state: SymbolicHeap) -> Bool {
    storage != nil && state.spatial.count == atoms.count && Self.storage(of: state.spatial) == storage
  }

  /// The block's cells.
  var cells: ArraySlice<SpatialAtom> { atoms[range] }

  private static func storage(of atoms: [SpatialAtom]) -> UnsafeRawPointer? {
    atoms.isEmpty ? nil : atoms.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
  }

  /// A block's cells by their addresses, and which of them mention each variable.
  struct Index: Equatable {
    private(set) var cells: [Variable: SpatialAtom] = [:]
    private(set) var cellsByVariable: [Variable: [Variable]] = [:]

    init(_ cells: some Sequence<SpatialAtom>) {
      for cell in cells { insert(cell) }
    }

    /// Whether a cell of the block mentions the program variable `name`.
    func mentions(_ name: String) -> Bool { cellsByVariable[Variable(name)] != nil }

    /// The address of a plain cell (a block has no other atoms).
    static func address(of cell: SpatialAtom) -> Variable? {
      if case .pointsTo(.variable(let address), _) = cell { address } else { nil }
    }

    mutating func insert(_ cell: SpatialAtom) {
      guard let address = Self.address(of: cell) else { return }
      cells[address] = cell
      cell.forEachVariable { variable in
        if cellsByVariable[variable, default: []].last != address { cellsByVariable[variable, default: []].append(address) }
      }
    }

    /// Removes the cell at `address` from the index; the cell.
    @discardableResult
    mutating func remove(at address: Variable) -> SpatialAtom? {
      guard let cell = cells.removeValue(forKey: address) else { return nil }
      cell.forEachVariable { variable in
        cellsByVariable[variable]?.removeAll { $0 == address }
        if cellsByVariable[variable]?.isEmpty == true { cellsByVariable[variable] = nil }
      }
      return cell
    }
  }
}

/// Where the state a step produces keeps the cells its cut left out: `count` cells from `start`,
/// with their index when the cut had one. The executor makes it the next `UntouchedBlock` once
/// the step's state is known.
struct LeftOutCells {
  var start: Int
  var count: Int
  var index: UntouchedBlock.Index?

  var range: Range<Int> { start..<start + count }
}
