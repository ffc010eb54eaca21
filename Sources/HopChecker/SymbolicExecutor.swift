import HopLogic
import HopProver
import HopSyntax

/// Why the proof of a procedure stopped before its end: the first error
/// (with its diagnostic), or a step the prover could not decide.
enum ProofStop: Error {
  case failed(Diagnostic)
  case undecided(Diagnostic)
}

/// Symbolic execution of a procedure body over disjunctions of symbolic
/// heaps (Berdine, Calcagno and O'Hearn, APLAS'05): each command maps every
/// case of the state to its successors; cut points (loops, calls, regions)
/// go through the prover's frame inference. Cases the prover finds
/// inconsistent are pruned. The first error stops the procedure's proof.
struct SymbolicExecutor {
  let context: ProgramContext
  var supply = FreshNames.checker
  /// Past this many cases at one program point the proof gives up (unknown, never valid).
  let stateLimit: Int
  /// The states after each command and the proof's remarks, when `hophop explain` asks for them.
  var recorder: TraceRecorder?
  /// The parameters and locals of the procedure being proved: where a global has one of
  /// their names, formulas about globals see it renamed apart (`SymbolicExecutor+Shadowing`).
  var ownVariables: Set<String> = []
  /// The name of the procedure being proved (for the records of inferred invariants).
  var procedureName = ""
  /// The locals of the procedure being proved, and the variables read outside a given loop:
  /// what inference may forget at a loop's head (`SymbolicExecutor+Liveness`).
  var locals: Set<String> = []
  var procedureBody: [Statement] = []
  /// What inference found for each loop without a written invariant, by the offset of its `while`
  /// (a nested loop's last inference, the one of the proof, stays).
  var inferences: [Int: LoopInference] = [:]
  /// Whether field accesses and calls are proved on the part of the state they reach
  /// (`SymbolicExecutor+Slicing`); off, every one is proved on the whole state (the same results, slower).
  var slicing = true
  /// How many field accesses and calls (one per case of the state) were proved on a part of it.
  var slicedSteps = 0
  /// Whether a cut is made from the cells the last one left out, where they are still one block of
  /// the state (`UntouchedBlock`, decision 88); off, every cut walks the whole state (the same cuts).
  var reusingCuts = true
  /// The cells the last cut left out, with the state that keeps them together.
  var untouchedBlock: UntouchedBlock?
  /// How many cuts were made from such a block.
  var cutsFromBlock = 0
  /// Where the state the current step makes keeps the cells its cut (or the block before it) left out.
  var leftOut: LeftOutCells?

  init(context: ProgramContext, stateLimit: Int = 2_000) {
    self.context = context
    self.stateLimit = stateLimit
  }

  var prover: Prover { context.prover }

  mutating func run(_ statements: [Statement], _ states: [SymbolicHeap]) throws(ProofStop) -> [SymbolicHeap] {
    var current = states
    for statement in statements { current = try run(statement, current) }
    return current
  }

  mutating func run(_ statement: Statement, _ states: [SymbolicHeap]) throws(ProofStop) -> [SymbolicHeap] {
    if states.isEmpty { return [] }
    switch statement.kind {
    case .block, .ifThenElse, .whileLoop, .withResource: break  // their conditions are checked where they are assumed
    default: try requireNonZeroDivisors(statement.directlyEvaluatedExpressions, in: states, at: statement.range)
    }
    let result: [SymbolicHeap]
    leftOut = nil
    switch statement.kind {
    case .block(let statements):
      result = try run(statements, states)
    case .ifThenElse(let condition, let then, let otherwise):
      let whenTrue = try run(then, assume(condition, holds: true, in: states))
      let falseStates = try assume(condition, holds: false, in: states, divisorsChecked: true)
      let whenFalse = if let otherwise { try run(otherwise, falseStates) } else { falseStates }
      result = whenTrue + whenFalse
    case .whileLoop(let condition, let invariant, let body):
      result = try loop(condition, invariant, body, statement.range, states)
    case .withResource(let resource, let condition, let body):
      result = try region(resource, condition, body, statement.range, states)
    case .call(let call):
      result = try self.call(call, states)
    case .parallelCall(let left, let right):
      result = try parallelCall(left, right, statement.range, states)
    case .switchReceive(let cases):
      result = try switchReceive(cases, statement.range, states)
    default:
      var successors: [SymbolicHeap] = []
      for state in states { successors += try step(statement, state) }
      result = successors
    }
    // A step of one state that keeps a block of cells left out: the next cut starts from it (decision 88).
    let kept: LeftOutCells? = switch statement.kind {
    case .assign, .lookup, .mutate, .allocate, .dispose, .call: states.count == 1 && result.count == 1 ? leftOut : nil
    default: nil
    }
    leftOut = nil
    let successors = try bounded(result, at: statement.range, plainCells: kept?.range)
    untouchedBlock = kept.flatMap { UntouchedBlock(successors[0], range: $0.range, index: $0.index) }
    if recorder != nil {
      let title: String? = if case .whileLoop = statement.kind { "after the loop" } else { nil }
      recorder?.record(TraceStep(range: statement.range, states: successors, title: title))
    }
    return successors
  }

  /// Records a remark for `explain` about the command at `range`, printed under its last line or
  /// under the line of `anchor`: its words, then its formulas as alternatives (built only when recording).
  mutating func note(_ range: SourceRange, at anchor: Int? = nil, _ label: @autoclosure () -> String,
                     separator: String = ": ", _ formulas: @autoclosure () -> [SymbolicHeap] = []) {
    if recorder != nil {
      recorder?.note(TraceNote(range: range, anchor: anchor ?? max(range.start, range.end - 1), label: label(),
                               separator: separator, formulas: formulas()))
    }
  }

  // MARK: Atomic commands

  private mutating func step(_ statement: Statement, _ state: SymbolicHeap) throws(ProofStop) -> [SymbolicHeap] {
    switch statement.kind {
    case .assign(let name, let value):
      keepBlock(of: state, unless: name.name)
      return [assign(name.name, try term(value), in: state)]
    case .lookup(let name, let pointer, let field):
      let address = try addressTerm(pointer)
      return try expose(.cell, at: address, in: state, action: "read of field '\(field.name)' of", range: statement.range)
        .map { heap in
          var heap = heap
          let value = fieldValue(field.name, of: &heap)
          // The cells left out stay as they are unless they mention the variable assigned.
          if leftOut?.index?.mentions(name.name) != false { leftOut = nil }
          return assign(name.name, value, in: heap)
        }
    case .mutate(let pointer, let field, let value):
      let address = try addressTerm(pointer)
      let written = try term(value) ?? .variable(supply.variable(field.name))
      // Each case changed in place: its atoms are its own, and copying them would cost a walk of the state.
      var heaps = try expose(.cell, at: address, in: state, action: "write of field '\(field.name)' of", range: statement.range)
      for index in heaps.indices {
        guard case .pointsTo(let at, var fields) = heaps[index].spatial[0] else { continue }
        fields[field.name] = written
        let cell = SpatialAtom.pointsTo(at, fields: fields)
        let before = heaps[index].spatial[0]
        heaps[index].spatial[0] = cell
        heaps[index] = heaps[index].reclosed(removing: before, adding: cell)
      }
      return heaps
    case .allocate(let name):
      keepBlock(of: state, unless: name.name)
      var heap = assign(name.name, nil, in: state)
      heap.spatial.append(.pointsTo(.v(name.name), fields: [:]))
      return [heap]
    case .dispose(let pointer):
      let address = try addressTerm(pointer)
      var heaps = try expose(.cell, at: address, in: state, action: "dispose of", range: statement.range)
      for index in heaps.indices {
        let cell = heaps[index].spatial.removeFirst()
        heaps[index] = heaps[index].reclosed(removing: cell, adding: nil)
      }
      leftOut?.start -= 1
      return heaps
    case .open(let first, let second, let contract):
      return try open(first.name, second.name, contract, state)
    case .send(let message, let endpoint, let value):
      return try send(message, endpoint, value, statement.range, state)
    case .receive(let receive):
      return try self.receive(receive, state)
    case .close(let first, let second):
      return try close(first, second, statement.range, state)
    default:
      throw .undecided(CheckerDiagnostics.unsupported("this command", range: statement.range))
    }
  }

  /// For an assignment to `name` (its atoms keep their places): the block of cells left out in `state`
  /// stays the next state's block, unless one of its cells mentions `name`.
  private mutating func keepBlock(of state: SymbolicHeap, unless name: String) {
    guard reusingCuts, var block = untouchedBlock, block.describes(state) else { return }
    let index = block.indexed()
    untouchedBlock = block
    guard !index.mentions(name) else { return }
    leftOut = LeftOutCells(start: block.range.lowerBound, count: block.range.count, index: index)
  }

  /// The state after `name = value` (`nil`: an unknown value): the old value becomes a fresh existential.
  mutating func assign(_ name: String, _ value: Term?, in state: SymbolicHeap) -> SymbolicHeap {
    let old = Term.variable(supply.variable(name))
    // Closed by the substitution (it is never empty); the new fact's existentials join. A variable the
    // state does not mention (a fresh local's first value) is substituted nowhere: one walk closes it.
    var mentioned = false
    var existentials = Set<Variable>()
    let visit = { (variable: Variable) in
      if variable.isExistential { existentials.insert(variable) } else if variable.name == name { mentioned = true }
    }
    // The cells of a block left out by a cut have no existential; whether they mention `name`, its index says.
    if let block = untouchedBlock, block.describes(state), let index = block.knownIndex {
      mentioned = index.mentions(name)
      for fact in state.pure { fact.forEachVariable(visit) }
      for position in state.spatial.indices where !block.range.contains(position) { state.spatial[position].forEachVariable(visit) }
    } else {
      state.forEachVariable(visit)
    }
    var heap = state
    if mentioned { heap = state.substitutingAll([Variable(name): old]) } else { heap.existentials = existentials }
    if let value {
      let fact = PureAtom.equal(.v(name), value.substituting([Variable(name): old]))
      heap.pure.append(fact)
      fact.forEachVariable { if $0.isExistential { heap.existentials.insert($0) } }
    }
    return heap
  }

  /// The value of `field` in the first atom of `heap` (a cell); an unmentioned field gets a fresh name, kept in the cell.
  private mutating func fieldValue(_ field: String, of heap: inout SymbolicHeap) -> Term {
    guard case .pointsTo(let at, var fields) = heap.spatial[0] else { return .variable(supply.variable(field)) }
    if let value = fields[field] { return value }
    let value = Term.variable(supply.variable(field))
    fields[field] = value
    heap.spatial[0] = .pointsTo(at, fields: fields)
    return value
  }

  /// What a command needs at an address: a heap cell (`x->f`, `dispose`) or an endpoint (channel commands).
  enum OwnedKind {
    case cell, endpoint
  }

  /// Every case of `state` with the cell or endpoint at `address` first, or the
  /// memory fault of a case where there is none (or the other kind is there).
  mutating func expose(_ kind: OwnedKind, at address: Term, in state: SymbolicHeap, action: String,
                       range: SourceRange) throws(ProofStop) -> [SymbolicHeap] {
    func fault(_ heap: SymbolicHeap, _ title: String) -> ProofStop {
      let notes = CheckerDiagnostics.misspeltGlobal(address, own: ownVariables)
        + StateDisplay.notes([heap], title: title, addresses: address.variables)
      return .failed(kind == .cell ? CheckerDiagnostics.memoryFault(action, address, range: range, state: notes)
                                   : ChannelDiagnostics.notAnEndpoint(action, address, range: range, state: notes))
    }
    if let exposed = exposedInSlice(kind, at: address, in: state) { return exposed }
    switch prover.rearrange(state.closed, at: address) {
    case .exposed(let heaps):
      for heap in heaps {
        let isEndpoint = if case .endpoint = heap.spatial[0] { true } else { false }
        if isEndpoint != (kind == .endpoint) { throw fault(heap, isEndpoint ? "it is an endpoint here" : "it is a cell here") }
      }
      return heaps.map { inCheckerNames($0, asked: state).closed }
    case .notAllocated(let heap):
      throw fault(heap, "in this case of the state")
    case .unknown(let reason):
      throw .undecided(CheckerDiagnostics.undecided("where '\(address)' points", reason: reason, range: range))
    }
  }

  // MARK: Conditions and terms

  /// The cases of `states` in which `condition` evaluates to `holds`, inconsistent ones pruned;
  /// its divisors must not be zero in `states` (HH117) unless the caller has checked them.
  func assume(_ condition: Expression, holds: Bool, in states: [SymbolicHeap],
              divisorsChecked: Bool = false) throws(ProofStop) -> [SymbolicHeap] {
    try Self.requireValidLiterals(condition)
    if !divisorsChecked { try requireNonZeroDivisors([condition], in: states, at: condition.range) }
    let cases = Conditions.cases(condition, holds: holds)
    return states.flatMap { state in
      cases.map { state.assuming($0) }.filter { prover.satisfiability($0.closed) != .unsatisfiable }
    }
  }

  /// The term of a program expression; `nil` for one the logic has no term for (its value is then unknown).
  /// An integer literal that is no number is undecided, never an unknown value.
  func term(_ expression: Expression) throws(ProofStop) -> Term? {
    try Self.requireValidLiterals(expression)
    return try? AssertionTranslation.term(expression)
  }

  /// Stops the proof, undecided with the reason, at an integer literal of `expression` that is no number
  /// (the lexer makes none, but an AST built otherwise might).
  static func requireValidLiterals(_ expression: Expression) throws(ProofStop) {
    switch expression.kind {
    case .integer(let digits) where BigInteger(digits) == nil:
      throw .undecided(CheckerDiagnostics.cannotCheck("'\(digits)' is not an integer literal", range: expression.range))
    case .unary(_, let inner), .old(let inner), .valid(let inner), .fieldRead(let inner, _):
      try requireValidLiterals(inner)
    case .binary(_, let left, let right):
      try requireValidLiterals(left)
      try requireValidLiterals(right)
    default:
      break
    }
  }

  func addressTerm(_ expression: Expression) throws(ProofStop) -> Term {
    guard let address = try term(expression) else {
      throw .undecided(CheckerDiagnostics.unsupported("this address expression", range: expression.range))
    }
    return address
  }

  /// Renames a formula's existentials apart from everything in the state (`_x` becomes `_x#s7`).
  mutating func opened(_ heap: SymbolicHeap) -> SymbolicHeap {
    var renaming: [Variable: Term] = [:]
    for variable in heap.variables.filter(\.isExistential).sorted() {
      renaming[variable] = .variable(supply.variable(variable.name))
    }
    return heap.substitutingAll(renaming)
  }

  /// The cases, simplified and without repeats, in a fixed order; too many is an undecided proof.
  /// `plainCells`: atoms of the one state known to be plain cells (a block left out by a cut), not looked at.
  private func bounded(_ states: [SymbolicHeap], at range: SourceRange, plainCells: Range<Int>? = nil) throws(ProofStop) -> [SymbolicHeap] {
    let simplified = if let plainCells, states.count == 1 { [states[0].simplified(skippingPlainCellsIn: plainCells)] }
      else { states.map(\.simplified) }
    // One case has no repeat: hashing the whole state to find none would cost as much as simplifying it.
    var seen = Set<SymbolicHeap>()
    let unique = simplified.count < 2 ? simplified : simplified.filter { seen.insert($0).inserted }
    if unique.count > stateLimit { throw .undecided(CheckerDiagnostics.tooManyCases(stateLimit, range: range)) }
    return unique
  }
}
