import HopSMT
import HopSyntax

/// One path-merged symbolic run of an async procedure body: the strongest
/// postcondition as a set of facts over SMT constants, with the values of
/// variables and the state at each point.
struct PathState {
  var state: AsyncState
  /// Parameters and locals.
  var variables: [String: SMTTerm]
  /// The path condition and every fact learnt on the way (fresh addresses, loop invariants).
  var facts: [SMTTerm]
}

/// Something a body must establish at one point: a valid address, a non-zero divisor, a loop invariant.
struct Obligation {
  enum Kind {
    /// Reading, writing or disposing `what` needs a valid address.
    case memoryAccess(String)
    /// `what` (a division or remainder) needs a divisor that is not zero.
    case division(String)
    case invariantOnEntry
    case invariantPreserved

    var isLoopInvariant: Bool {
      switch self {
      case .invariantOnEntry, .invariantPreserved: true
      case .memoryAccess, .division: false
      }
    }
  }
  var kind: Kind
  var range: SourceRange
  var facts: [SMTTerm]
  var goal: SMTTerm
  var variables: [String: SMTTerm]
}

/// The shared state right after a command that changes it; used to point
/// at the command that breaks a condition.
struct Snapshot {
  var range: SourceRange
  /// The shared state just before the command.
  var before: AsyncState
  /// The path just after it.
  var path: PathState
  /// For a `post`: the procedure and the argument values posted.
  var posted: (procedure: String, arguments: [SMTTerm])?
}

/// Runs a procedure body symbolically. Branches are run separately and
/// merged with `if-then-else` terms, so the facts grow linearly with the
/// program; loops are cut by their invariant (entry, preservation, exit).
struct AsyncSymbolicExecutor {
  let fresh: FreshConstants
  let initial: PathState
  private(set) var obligations: [Obligation] = []
  private(set) var snapshots: [Snapshot] = []
  /// For each loop, what it keeps at one address (to instantiate at the addresses a query is about).
  private(set) var kept: [KeptFacts] = []

  private var smt: SMTContext { fresh.smt }
  private var program: FormulaEncoder { FormulaEncoder(fresh: fresh, isProgram: true) }
  private var specification: FormulaEncoder { FormulaEncoder(fresh: fresh) }

  init(fresh: FreshConstants, initial: PathState) {
    self.fresh = fresh
    self.initial = initial
  }

  /// The evaluation of expressions in `path`, with `old` meaning the initial state.
  func evaluation(_ path: PathState) -> Evaluation {
    Evaluation(current: path.state, old: initial.state, variables: path.variables, oldVariables: initial.variables)
  }

  mutating func run(_ statements: [Statement], from path: PathState) throws -> PathState {
    try statements.reduce(path) { try run($1, from: $0) }
  }

  mutating func run(_ statement: Statement, from start: PathState) throws -> PathState {
    var path = start
    switch statement.kind {
    case .assign(let name, let value):
      let term = value.kind == .nondeterministic
        ? fresh.constant(name.name, .int) : try integer(value, path)
      if set(name.name, term, in: &path) {
        snapshots.append(Snapshot(range: statement.range, before: start.state, path: path))
      }
    case .lookup(let name, let pointer, let field):
      let address = try access(pointer, "reading field '\(field.name)' of", path, statement.range)
      if set(name.name, smt.select(path.state.fields[field.name]!, [address]), in: &path) {
        snapshots.append(Snapshot(range: statement.range, before: start.state, path: path))
      }
    case .mutate(let pointer, let field, let value):
      let address = try access(pointer, "writing field '\(field.name)' of", path, statement.range)
      let term = try integer(value, path)
      path.state.fields[field.name] = smt.store(path.state.fields[field.name]!, [address], term)
      snapshots.append(Snapshot(range: statement.range, before: start.state, path: path))
    case .allocate(let name):
      let address = fresh.constant("new_\(name.name)", .int)
      path.facts += [smt.not(smt.equal(address, smt.integer(0))), smt.not(path.state.isValid(address, in: smt))]
      path.state.valid = smt.store(path.state.valid, [address], smt.boolean(true))
      for field in path.state.fields.keys.sorted() {
        path.state.fields[field] = smt.store(path.state.fields[field]!, [address], fresh.constant("\(field)_new", .int))
      }
      _ = set(name.name, address, in: &path)
      snapshots.append(Snapshot(range: statement.range, before: start.state, path: path))
    case .dispose(let pointer):
      let address = try access(pointer, "disposing", path, statement.range)
      path.state.valid = smt.store(path.state.valid, [address], smt.boolean(false))
      snapshots.append(Snapshot(range: statement.range, before: start.state, path: path))
    case .block(let statements):
      path = try run(statements, from: path)
    case .ifThenElse(let condition, let thenBranch, let elseBranch):
      let test = condition.kind == .nondeterministic
        ? fresh.constant("choice", .bool) : try formula(condition, path)
      var thenStart = path, elseStart = path
      thenStart.facts.append(test)
      elseStart.facts.append(smt.not(test))
      let thenEnd = try run(thenBranch, from: thenStart)
      let elseEnd = try elseBranch.map { try run($0, from: elseStart) } ?? elseStart
      path = merge(test, thenEnd, elseEnd, commonFacts: path.facts.count)
    case .whileLoop(let condition, let invariant, let body):
      path = try loop(condition, invariant, body, from: path, statement.range)
    case .post(let procedure, let arguments):
      let values = try arguments.map { try integer($0, path) }
      path.state = path.state.settingPending(procedure.name, values, to: true, in: smt)
      snapshots.append(Snapshot(range: statement.range, before: start.state, path: path, posted: (procedure.name, values)))
    case .delete(let procedure, let arguments):
      let values = try arguments.map { try integer($0, path) }
      path.state = path.state.settingPending(procedure.name, values, to: false, in: smt)
      snapshots.append(Snapshot(range: statement.range, before: start.state, path: path))
    case .withResource, .call, .parallelCall, .open, .close, .send, .receive, .switchReceive:
      throw EncodingError(range: statement.range, message: "this command is not allowed in an async procedure")
    }
    return path
  }

  /// Sets a parameter, local or global; true when it was a global (the shared state changed).
  private func set(_ name: String, _ value: SMTTerm, in path: inout PathState) -> Bool {
    if path.variables[name] != nil {
      path.variables[name] = value
      return false
    }
    path.state.globals[name] = value
    return true
  }

  /// The address `pointer` denotes, with the obligation that it is allocated.
  private mutating func access(_ pointer: Expression, _ what: String, _ path: PathState,
                               _ range: SourceRange) throws -> SMTTerm {
    let address = try integer(pointer, path)
    obligations.append(Obligation(kind: .memoryAccess("\(what) '\(PrettyPrinter.expression(pointer, .firstOrder))'"), range: range,
                                  facts: path.facts, goal: path.state.isValid(address, in: smt),
                                  variables: path.variables))
    return address
  }

  /// A program expression's value in `path`, with an obligation for each division in it.
  private mutating func integer(_ expression: Expression, _ path: PathState) throws -> SMTTerm {
    try requireNonZeroDivisors(in: expression, path)
    return try program.integer(expression, evaluation(path))
  }

  /// A program condition in `path`, with an obligation for each division in it.
  private mutating func formula(_ expression: Expression, _ path: PathState) throws -> SMTTerm {
    try requireNonZeroDivisors(in: expression, path)
    return try program.formula(expression, evaluation(path))
  }

  /// For each `a / b` and `a % b` in `expression`, the obligation that `b` is not zero
  /// where it is evaluated: as in C, the right side of `&&` and `==>` only when the left
  /// side holds, and of `||` only when it does not (`ExpressionSemantics`). (The encoding
  /// itself is total: SMT-LIB leaves the quotient by zero unspecified, so without these
  /// a division by zero would go unnoticed.)
  private mutating func requireNonZeroDivisors(in expression: Expression, _ path: PathState) throws {
    for division in try program.divisors(expression, evaluation(path)) {
      guard case .binary(let op, _, let right) = division.expression.kind else { continue }
      let what = op == .divide ? "dividing by" : "the remainder of a division by"
      obligations.append(Obligation(kind: .division("\(what) '\(PrettyPrinter.expression(right, .firstOrder))'"),
                                    range: division.expression.range, facts: path.facts + division.conditions,
                                    goal: smt.not(smt.equal(division.divisor, smt.integer(0))),
                                    variables: path.variables))
    }
  }

  private func merge(_ test: SMTTerm, _ a: PathState, _ b: PathState, commonFacts: Int) -> PathState {
    func choose(_ x: SMTTerm, _ y: SMTTerm) -> SMTTerm { x == y ? x : smt.ifThenElse(test, x, y) }
    var merged = a
    merged.facts = Array(a.facts.prefix(commonFacts))
      + [smt.or([smt.and(Array(a.facts.dropFirst(commonFacts))), smt.and(Array(b.facts.dropFirst(commonFacts)))])]
    for (name, value) in a.variables { merged.variables[name] = choose(value, b.variables[name]!) }
    for (name, value) in a.state.globals { merged.state.globals[name] = choose(value, b.state.globals[name]!) }
    for (name, value) in a.state.fields { merged.state.fields[name] = choose(value, b.state.fields[name]!) }
    merged.state.valid = choose(a.state.valid, b.state.valid)
    for (name, value) in a.state.pending { merged.state.pending[name] = choose(value, b.state.pending[name]!) }
    return merged
  }

  /// `while (condition) [invariant] body`: the invariant must hold on entry
  /// and be preserved by one iteration from an arbitrary state satisfying
  /// it; after the loop, the invariant and the negated condition hold.
  private mutating func loop(_ condition: Expression, _ invariant: Formula?, _ body: Statement,
                             from path: PathState, _ range: SourceRange) throws -> PathState {
    var invariantExpression: Expression?
    if case .firstOrder(let formula)? = invariant { invariantExpression = formula }
    let invariantRange = invariant?.range ?? range
    func holds(_ path: PathState) throws -> SMTTerm {
      try invariantExpression.map { try specification.formula($0, evaluation(path)) } ?? smt.boolean(true)
    }
    obligations.append(Obligation(kind: .invariantOnEntry, range: invariantRange, facts: path.facts,
                                  goal: try holds(path), variables: path.variables))
    let footprint = Footprint(writesOf: [body])
    var arbitrary = path
    let havoc = fresh.havoc(path.state, footprint, suffix: "#loop")
    arbitrary.state = havoc.state
    for name in footprint.variables where path.variables[name] != nil {
      arbitrary.variables[name] = fresh.constant("\(name)#loop", .int)
    }
    kept.append(havoc.kept)
    // What the loop keeps, at the addresses the variables hold before and during it.
    var addresses: [SMTTerm] = []
    for values in [path.variables, arbitrary.variables] {
      for name in values.keys.sorted() where !addresses.contains(values[name]!) { addresses.append(values[name]!) }
    }
    arbitrary.facts += fresh.axioms(arbitrary.state) + addresses.flatMap(havoc.kept) + [try holds(arbitrary)]
    let test = condition.kind == .nondeterministic ? nil : try formula(condition, arbitrary)
    var iteration = arbitrary
    if let test { iteration.facts.append(test) }
    let afterIteration = try run(body, from: iteration)
    obligations.append(Obligation(kind: .invariantPreserved, range: invariantRange, facts: afterIteration.facts,
                                  goal: try holds(afterIteration), variables: afterIteration.variables))
    var exit = arbitrary
    if let test { exit.facts.append(smt.not(test)) }
    // The loop as a whole changes what it may write to what its invariant says.
    snapshots.append(Snapshot(range: range, before: path.state, path: exit))
    return exit
  }
}
