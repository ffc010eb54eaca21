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
  /// The cells left out, in the state's order, as the prover writes them (NULL as 0).
  var untouched: [SpatialAtom]

  /// At most this many walks over the atoms before the cut is given up (a chain of
  /// cells found in the wrong order pulls one more into the part at each walk).
  static let passes = 3

  /// The cut of `state` around `reached` (the variables of what the command reads,
  /// needs or writes), or nil when nothing can be left out or the cut is not found in `passes` walks.
  init?(_ state: SymbolicHeap, around reached: Set<Variable>) {
    var kept = VariableSet(reached)
    for fact in state.pure { fact.forEachVariable { kept.insert($0) } }
    // Whether each atom is in the part, and whether a cell left out holds NULL (the prover writes it 0).
    var inPart = [Bool](repeating: false, count: state.spatial.count)
    var holdsNull = inPart
    var settled = false
    for _ in 0..<Self.passes {
      var grew = false
      for (index, atom) in state.spatial.enumerated() where !inPart[index] {
        switch Self.leftOut(atom, unless: kept) {
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
      guard case .pointsTo(.variable(let address), _) = atom, addresses.insert(address).inserted else { return nil }
      rest.append(holdsNull[index] ? Self.withZero(atom) : atom)
    }
    touched = SymbolicHeap(pure: state.pure, spatial: part).closed
    untouched = rest
  }

  /// For a plain cell whose terms are program variables not in `kept` and constants:
  /// whether it holds NULL; nil for any other atom (it goes into the part).
  private static func leftOut(_ atom: SpatialAtom, unless kept: VariableSet) -> Bool? {
    guard SymbolicHeap.isPlainCell(atom), case .pointsTo(.variable(let address), let fields) = atom,
          !kept.contains(address) else { return nil }
    var null = false
    for value in fields.values {
      if case .variable(let variable) = value, kept.contains(variable) { return nil }
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
    SymbolicHeap(existentials: part.existentials, pure: part.pure,
                 spatial: Array(part.spatial.prefix(leading)) + untouched + part.spatial.dropFirst(leading))
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
