import HopLogic

/// Builds one concrete heap for one disjunct of a precondition: allocates
/// what each atom describes once its ends are known, then gives every name
/// still without a value a small random one. The result is validated by
/// the caller with the `ModelChecker`.
struct StateBuilder {
  let program: RuntimeProgram
  var random: SeededRandom
  let maximumSize: Int
  var heap: ConcreteHeap
  /// Every name's value: program variables and existentials alike.
  var values: [String: Int] = [:]
  /// Cells described by `|->`, whose listed fields are set once every name has a value.
  var described: [(address: Int, fields: [String: Term])] = []

  init(program: RuntimeProgram, random: SeededRandom, maximumSize: Int, heap: ConcreteHeap? = nil) {
    self.program = program
    self.random = random
    self.maximumSize = maximumSize
    self.heap = heap ?? ConcreteHeap(fieldCount: program.fields.count)
  }

  typealias Failure = InputGenerator.Failure

  func value(_ term: Term) -> Int? { ModelChecker.evaluate(term) { values[$0] } }

  /// A small value for a name nothing constrains (a count, a key).
  mutating func small() -> Int { random.below(maximumSize + 1) }

  mutating func build(_ disjunct: SymbolicHeap, procedure: CompiledProcedure) -> Result<InitialState, Failure> {
    if let failure = placeAll(disjunct) { return .failure(failure) }
    for name in procedure.slotNames.prefix(procedure.parameterCount) where values[name] == nil { values[name] = small() }
    for name in program.globals where values[name] == nil { values[name] = small() }
    let arguments = procedure.slotNames.prefix(procedure.parameterCount).map { values[$0]! }
    let globals = program.globals.map { values[$0]! }
    let existentials = values.filter { $0.key.hasPrefix("_") }
    return .success(InitialState(heap: heap, globals: globals, arguments: arguments, existentials: existentials))
  }

  /// Allocates every atom of `disjunct` in `heap` and gives every name of it a value; nil when done.
  mutating func placeAll(_ disjunct: SymbolicHeap) -> Failure? {
    var atoms = disjunct.spatial
    while !atoms.isEmpty {
      propagateEqualities(disjunct.pure)
      var progressed = false
      var index = 0
      while index < atoms.count {
        let placed: [Int]
        do throws(Failure) {
          placed = try place(index, among: atoms)
        } catch {
          return error
        }
        if placed.isEmpty {
          index += 1
        } else {
          for offset in placed.sorted(by: >) { atoms.remove(at: offset) }
          progressed = true
          index = 0
        }
      }
      if !progressed {
        // Some end is still unknown: the first unassigned end becomes NULL, and the atoms are tried again.
        // In the atoms' order, and by name within an atom: a seed must build the same state in every process.
        guard let name = atoms.flatMap({ $0.variables.map(\.name).sorted() }).first(where: { values[$0] == nil }) else {
          return Failure(reason: "'\(atoms[0])' cannot be built from its ends")
        }
        values[name] = 0
      }
    }
    propagateEqualities(disjunct.pure)
    for name in disjunct.variables.map(\.name).sorted() where values[name] == nil { values[name] = small() }
    for (address, fields) in described {
      for (name, term) in fields {
        guard let field = program.fieldIndex[name], let concrete = value(term) else { continue }
        heap.setField(address, field, concrete)
      }
    }
    return nil
  }

  /// `x == e` with `x` unknown and `e` known gives `x` its value.
  mutating func propagateEqualities(_ pure: [PureAtom]) {
    var changed = true
    while changed {
      changed = false
      for case .equal(let a, let b) in pure {
        if case .variable(let v) = a, values[v.name] == nil, let known = value(b) {
          values[v.name] = known
          changed = true
        } else if case .variable(let v) = b, values[v.name] == nil, let known = value(a) {
          values[v.name] = known
          changed = true
        }
      }
    }
  }

  /// Allocates what `atom` describes when its ends are known; the indices of the atoms placed
  /// (an endpoint places its peer too), empty when it must wait.
  mutating func place(_ index: Int, among atoms: [SpatialAtom]) throws(Failure) -> [Int] {
    let atom = atoms[index]
    switch atom {
    case .pointsTo(let address, let fields):
      guard case .variable(let name) = address, values[name.name] == nil else {
        throw Failure(reason: "cannot build '\(atom)': its address is not a fresh name")
      }
      let cell = newCell()
      values[name.name] = cell
      described.append((cell, fields))
      return [index]
    case .endpoint(let address, let cell):
      return try placeChannel(address, cell, index, among: atoms)
    case .segment(let name, let from, let to):
      guard let end = value(to) else { return [] }
      guard let field = program.fieldIndex[name] else { return [index] }
      guard try startIsFree(from, atom, empty: end) else { return [index] }
      var first = end
      for _ in 0..<small() {
        let cell = newCell()
        heap.setField(cell, field, first)
        first = cell
      }
      bindStart(from, first)
      return [index]
    case .predicate(.tree, let fields, let arguments):
      guard let left = program.fieldIndex[fields[0]], let right = program.fieldIndex[fields[1]] else { return [index] }
      guard try startIsFree(arguments[0], atom, empty: 0) else { return [index] }
      let count = small()
      bindStart(arguments[0], tree(count, left, right))
      return [index]
    case .predicate(let predicate, let fields, let arguments):
      guard let after = value(arguments[1]), let before = value(arguments[2]) else { return [] }
      guard let forward = program.fieldIndex[fields[0]], let back = program.fieldIndex[fields[1]] else {
        return [index]
      }
      let count = small()
      var cells: [Int] = []
      for _ in 0..<count { cells.append(newCell()) }
      for (position, cell) in cells.enumerated() {
        let previous = position == 0 ? before : cells[position - 1]
        let next = position == cells.count - 1 ? after : cells[position + 1]
        if predicate == .xlseg {
          heap.setField(cell, forward, next ^ previous)
        } else {
          heap.setField(cell, forward, next)
          heap.setField(cell, back, previous)
        }
      }
      let first = cells.first ?? after
      let last = cells.last ?? before
      for (term, concrete) in [(arguments[0], first), (arguments[3], last)] {
        if let known = value(term) {
          guard known == concrete else { throw (Failure(reason: "the ends of '\(atom)' do not fit")) }
        } else if case .variable(let name) = term {
          values[name.name] = concrete
        } else {
          throw Failure(reason: "cannot build '\(atom)': an end is not a name")
        }
      }
      return [index]
    }
  }

  /// True when the start of a segment or tree is a name still without a value; false when it is
  /// known and the segment is empty; throws when it is known to be something else.
  private func startIsFree(_ start: Term, _ atom: SpatialAtom, empty: Int) throws(Failure) -> Bool {
    if let known = value(start) {
      guard known == empty else { throw Failure(reason: "the start of '\(atom)' is already another cell") }
      return false
    }
    guard case .variable = start else { throw Failure(reason: "cannot build '\(atom)': its start is not a name") }
    return true
  }

  private mutating func bindStart(_ start: Term, _ value: Int) {
    if case .variable(let name) = start { values[name.name] = value }
  }

  /// A new cell with unspecified (random) field values.
  private mutating func newCell() -> Int {
    let initial = (0..<heap.fieldCount).map { _ in random.garbage() }
    return heap.allocateCell { initial[$0] }
  }

  /// A random tree of `count` cells; its root (NULL when empty).
  private mutating func tree(_ count: Int, _ left: Int, _ right: Int) -> Int {
    guard count > 0 else { return 0 }
    let leftSize = random.below(count)
    let root = newCell()
    let leftChild = tree(leftSize, left, right)
    let rightChild = tree(count - 1 - leftSize, left, right)
    heap.setField(root, left, leftChild)
    heap.setField(root, right, rightChild)
    return root
  }

  /// An endpoint and its peer, which the same disjunct must own, as the two ends of a new channel.
  private mutating func placeChannel(_ address: Term, _ cell: EndpointCell, _ index: Int,
                                     among atoms: [SpatialAtom]) throws(Failure) -> [Int] {
    // A message of the environment that carries its own endpoint (`val == src`): nothing to allocate.
    if let known = value(address), heap.environment.contains(known), let endpoint = heap.endpoint(known) {
      let automaton = program.automaton(endpoint.contract, dual: endpoint.isDual)
      guard automaton.name == cell.contract, endpoint.isDual == cell.isDual,
            cell.states.contains(automaton.stateNames[endpoint.state]) else {
        throw Failure(reason: "the environment's endpoint \(known) is not in a state '\(SpatialAtom.endpoint(address, cell))' allows")
      }
      return [index]
    }
    guard case .variable(let name) = address, values[name.name] == nil else {
      throw Failure(reason: "cannot build '\(SpatialAtom.endpoint(address, cell))': its address is not a fresh name")
    }
    let peerIndex = atoms.indices.first { other in
      guard other != index, case .endpoint(let otherAddress, let otherCell) = atoms[other] else { return false }
      return cell.peer == otherAddress || otherCell.peer == address
    }
    guard let peerIndex else { return try placeWithEnvironment(name.name, cell, index) }
    guard case .endpoint(let peerAddress, let peerCell) = atoms[peerIndex], case .variable(let peerName) = peerAddress,
          values[peerName.name] == nil else {
      throw Failure(reason: "cannot build endpoint '\(name.name)': its peer's address is not a fresh name")
    }
    guard let contract = program.contractIndex[cell.contract], peerCell.contract == cell.contract,
          peerCell.isDual != cell.isDual else {
      throw Failure(reason: "cannot build endpoints '\(name.name)' and '\(peerName.name)': not the two ends of one contract")
    }
    let automaton = program.contracts[contract]
    let states = cell.states.intersection(peerCell.states).sorted().compactMap(automaton.state(named:))
    guard !states.isEmpty else {
      throw (Failure(reason: "cannot build endpoints '\(name.name)' and '\(peerName.name)' in different states "
                                + "(the messages in flight between them are not built)"))
    }
    let (plain, dual) = heap.openChannel(contract: contract, state: states[random.below(states.count)])
    values[name.name] = cell.isDual ? dual : plain
    values[peerName.name] = cell.isDual ? plain : dual
    return [index, peerIndex]
  }

  /// An endpoint whose peer the precondition does not own: the peer is the environment's, in the same state.
  private mutating func placeWithEnvironment(_ name: String, _ cell: EndpointCell, _ index: Int) throws(Failure) -> [Int] {
    guard let contract = program.contractIndex[cell.contract] else {
      throw Failure(reason: "cannot build endpoint '\(name)': contract '\(cell.contract)' is not compiled")
    }
    let automaton = program.contracts[contract]
    let states = cell.states.sorted().compactMap(automaton.state(named:))
    guard !states.isEmpty else { throw Failure(reason: "cannot build endpoint '\(name)': no such state") }
    let (plain, dual) = heap.openChannel(contract: contract, state: states[random.below(states.count)])
    let (own, other) = cell.isDual ? (dual, plain) : (plain, dual)
    heap.environment.insert(other)
    heap.environmentActors.insert(other)
    values[name] = own
    if let peer = cell.peer {
      if let known = value(peer) {
        guard known == other else { throw Failure(reason: "the peer of endpoint '\(name)' is already another value") }
      } else if case .variable(let peerName) = peer {
        values[peerName.name] = other
      }
    }
    return [index]
  }
}
