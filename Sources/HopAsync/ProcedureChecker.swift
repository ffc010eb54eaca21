import HopLogic
import HopSMT
import HopSyntax

/// Checks everything that is proved by running one async procedure g
/// symbolically: its memory safety and loop invariants, its guarantee
/// (condition 1), the preconditions of what it posts (condition 2), and,
/// for every procedure f that may be pending while g runs, that g respects
/// f's rely (condition 4, recorded under f). Condition 3 needs no run of
/// the body and is checked here too, for g itself.
struct ProcedureChecker {
  let program: AsyncProgram
  let procedure: AsyncProcedureDecl
  let queries: QueryRunner
  /// The start state and invariant every procedure shares.
  let start: StartAssumptions
  let fresh: FreshConstants
  let specifications: Specifications
  /// What the body may change (to skip condition 4 queries that cannot fail).
  let writes: Footprint
  /// Condition 4 with this procedure as the sibling, and its text, made once: it is
  /// recorded under every pending procedure.
  let respectsRely: AsyncCondition
  let respectsRelyText: String
  /// Its place in `program.procedures` (and in `verdicts`).
  let index: Int
  /// Where verdicts go, by the procedure they are about (condition 4 is about the pending one).
  let verdicts: AsyncVerdictTable
  var diagnostics: [Diagnostic] = []

  var smt: SMTContext { fresh.smt }
  var name: String { procedure.name.name }

  init(program: AsyncProgram, index: Int, queries: QueryRunner, start: StartAssumptions, verdicts: AsyncVerdictTable) {
    self.program = program
    self.index = index
    procedure = program.procedures[index]
    self.verdicts = verdicts
    self.queries = queries
    self.start = start
    fresh = FreshConstants(continuing: start.fresh)
    specifications = Specifications(program: program, fresh: fresh)
    writes = Footprint(writesOf: procedure.body)
    respectsRely = .siblingRespectsRely(sibling: procedure.name.name)
    respectsRelyText = respectsRely.description
  }

  /// The run of the body from the start state, with what it must establish.
  struct Run {
    var start: PathState
    var final: PathState
    var parameters: [SMTTerm]
    var obligations: [Obligation]
    var snapshots: [Snapshot]
    /// For each loop, what it keeps at one address.
    var kept: [KeptFacts]

    /// What the loops keep at `addresses` (the arguments of an instance a query is about).
    func kept(at addresses: [SMTTerm]) -> [SMTTerm] {
      kept.flatMap { facts in addresses.flatMap(facts) }
    }
  }

  mutating func check() {
    let run: Run
    do {
      run = try execute()
    } catch let error as EncodingError {
      diagnostics.append(Diagnostic(code: .sortMismatch, message: error.message, range: error.range))
      record(index, .memorySafety, .invalid)
      recordWithoutRun()
      return
    } catch {
      notChecked(index, .memorySafety, because: "its body could not be run symbolically (\(error))",
                 at: procedure.name.range)
      recordWithoutRun()
      return
    }
    checkObligations(run)
    checkGuarantee(run)
    for child in program.children(of: name) { checkChild(child, run) }
    checkRelyPreservesPrecondition()
    if program.isSibling(name) {
      for (index, target) in program.relyTargets.enumerated() { checkRespectsRely(of: target, at: index, run) }
    }
  }

  /// When the body cannot be run: every condition that needs the run is
  /// unknown (condition 3 does not and is still checked), so that no
  /// procedure, this one or a pending one it is a sibling of, is reported
  /// valid without its conditions. The diagnostic is already given.
  private mutating func recordWithoutRun() {
    record(index, .guarantee, procedure.guarantee == nil ? .valid : .unknown)
    for child in program.children(of: name) { record(index, .childPrecondition(child: child), .unknown) }
    checkRelyPreservesPrecondition()
    if program.isSibling(name) {
      for (pending, target) in program.relyTargets.enumerated() {
        record(pending, .siblingRespectsRely(sibling: name), target.isUnconstrained ? .valid : .unknown)
      }
    }
  }

  private func execute() throws -> Run {
    let parameters = specifications.arguments(of: procedure)
    var variables = Dictionary(zip(procedure.parameters.map(\.name), parameters), uniquingKeysWith: { a, _ in a })
    for local in procedure.locals { variables[local.name] = fresh.constant(local.name, .int) }
    let state = start.state
    var facts = fresh.axioms(state)
    facts.append(try specifications.precondition(procedure, parameters, in: state))
    facts.append(smt.not(state.isPending(name, parameters, in: smt)))
    facts += try start.invariant(for: procedure)
    let start = PathState(state: state, variables: variables, facts: facts)
    var executor = AsyncSymbolicExecutor(fresh: fresh, initial: start)
    let final = try executor.run(procedure.body, from: start)
    return Run(start: start, final: final, parameters: parameters, obligations: executor.obligations,
               snapshots: executor.snapshots, kept: executor.kept)
  }

  /// A query whose facts include the run's start: asked first without the start
  /// conjuncts that cannot change its answer (`StartAssumptions.relevant`).
  func askAboutRun(_ name: String, _ facts: [SMTTerm], observing observed: [SMTTerm] = []) -> QueryAnswer {
    queries.ask(name, facts, observing: observed, relevant: start.relevant(facts))
  }

  // MARK: Recording answers

  /// Records the answer on `condition` of the procedure at `procedure` (an index in `program.procedures`).
  func record(_ procedure: Int, _ condition: AsyncCondition, _ outcome: ProofOutcome,
              withoutQuery reason: String? = nil) {
    let description = condition == respectsRely ? respectsRelyText : nil
    verdicts.record(procedure, AsyncConditionVerdict(condition: condition, outcome: outcome,
                                                     reasonWithoutQuery: reason, description: description))
  }

  /// Records `condition` (of `procedure`) as unknown because it could not
  /// be put to the solver, with the diagnostic that says so (HH212). Every
  /// path that gives up on a condition goes through here: none may leave
  /// the condition out, which would let the procedure be reported valid.
  mutating func notChecked(_ procedure: Int, _ condition: AsyncCondition, because reason: String,
                           at range: SourceRange) {
    diagnostics.append(Diagnostic(code: .conditionNotChecked,
                                  message: "\(condition) of '\(verdicts.names[procedure])' could not be checked: \(reason)",
                                  range: range, notes: [.init("a condition that is not checked is not proved")]))
    record(procedure, condition, .unknown)
  }

  /// What went wrong in an encoding, for `notChecked`.
  static func reason(_ error: any Error) -> String {
    (error as? EncodingError)?.message ?? "\(error)"
  }

  /// Reports a query Z3 could not decide (HH210).
  mutating func reportUnknown(_ what: String, reason: String, at range: SourceRange) {
    diagnostics.append(Diagnostic(code: .conditionUnknown,
                                  message: "could not prove or refute \(what): the solver answered unknown (\(reason))",
                                  range: range, notes: [.init("an undecided condition is not proved; try --timeout or a simpler formula")]))
  }

  /// A counterexample showing the parameters of this procedure and the globals before and after.
  func counterexample(_ run: Run, final: AsyncState? = nil) -> Counterexample {
    var example = Counterexample()
    for (parameter, value) in zip(procedure.parameters, run.parameters) { example.add(parameter.name, value) }
    let end = final ?? run.final.state
    for global in program.globals {
      guard let before = run.start.state.globals[global], let after = end.globals[global] else { continue }
      if before == after {
        example.add(global, before)
      } else {
        example.add("old(\(global))", before)
        example.add(global, after)
      }
    }
    return example
  }

  // MARK: Memory safety and loop invariants

  private mutating func checkObligations(_ run: Run) {
    var outcomes: [AsyncCondition: ProofOutcome] = [.memorySafety: .valid, .loopInvariants: .valid]
    for (index, obligation) in run.obligations.enumerated() {
      let condition: AsyncCondition
      let message: String
      let code: DiagnosticCode
      switch obligation.kind {
      case .memoryAccess(let what):
        condition = .memorySafety
        code = .invalidAccess
        message = "\(what) needs an allocated address, and it may not be allocated here"
      case .division(let what):
        condition = .memorySafety
        code = .divisionByZero
        message = "\(what): the divisor may be zero here"
      case .invariantOnEntry:
        condition = .loopInvariants
        code = .asyncInvariantOnEntry
        message = "the loop invariant may not hold when the loop is entered"
      case .invariantPreserved:
        condition = .loopInvariants
        code = .asyncInvariantNotPreserved
        message = "the loop invariant may not be preserved by an iteration"
      }
      var example = counterexample(run)
      for local in procedure.locals {
        if let value = obligation.variables[local.name] { example.add(local.name, value) }
      }
      switch askAboutRun("\(name)-\(condition == .memorySafety ? "memory" : "invariant")-\(index + 1)",
                         obligation.facts + [smt.not(obligation.goal)], observing: example.terms) {
      case .unsatisfiable:
        continue
      case .satisfiable(let model):
        diagnostics.append(Diagnostic(code: code, message: message, range: obligation.range,
                                      notes: [.init(example.describe(model))]))
        outcomes[condition] = .invalid
      case .unknown(let reason):
        reportUnknown(condition.description, reason: reason, at: obligation.range)
        outcomes[condition] = max(outcomes[condition] ?? .valid, .unknown)
      }
    }
    record(index, .memorySafety, outcomes[.memorySafety]!)
    if run.obligations.contains(where: { $0.kind.isLoopInvariant }) {
      record(index, .loopInvariants, outcomes[.loopInvariants]!)
    }
  }

  /// The command to blame for a property that fails at the end of the run:
  /// the last one (in source order) that can turn the property from true to
  /// false on a run where it is false at the end. `extra` are facts of the
  /// failure (e.g. which instance is pending); `observed` gives the terms
  /// to keep the values of, for the state after a command.
  func blame(_ run: Run, _ query: String, extra: [SMTTerm] = [], observing observed: (AsyncState) -> [SMTTerm],
             _ holds: (AsyncState) throws -> SMTTerm) -> (Snapshot, Evidence)? {
    guard let atEnd = try? holds(run.final.state) else { return nil }
    for snapshot in run.snapshots.reversed() {
      guard let before = try? holds(snapshot.before), let after = try? holds(snapshot.path.state) else { continue }
      let facts = run.final.facts + snapshot.path.facts + extra + [smt.not(atEnd), before, smt.not(after)]
      if case .satisfiable(let evidence) = askAboutRun(query, facts, observing: observed(snapshot.path.state)) {
        return (snapshot, evidence)
      }
    }
    return nil
  }

  // MARK: Condition 1

  private mutating func checkGuarantee(_ run: Run) {
    guard let clause = procedure.guarantee else {
      record(index, .guarantee, .valid, withoutQuery: "no guarantee is written: it is the procedure's exact effect")
      return
    }
    let specifications = self.specifications, procedure = self.procedure
    let guarantee = { (state: AsyncState) in
      try specifications.guarantee(procedure, run.parameters, old: run.start.state, current: state)!
    }
    let final: SMTTerm
    do {
      final = try guarantee(run.final.state)
    } catch {
      notChecked(index, .guarantee, because: Self.reason(error), at: clause.range)
      return
    }
    let example = counterexample(run)
    let parts = { (state: AsyncState) in
      specifications.guaranteeParts(procedure, run.parameters, old: run.start.state, current: state)
    }
    let observed = { (state: AsyncState) in example.terms + parts(state).map(\.term) }
    switch askAboutRun("\(name)-c1-guarantee", run.final.facts + [smt.not(final)], observing: observed(run.final.state)) {
    case .unsatisfiable:
      record(index, .guarantee, .valid)
    case .unknown(let reason):
      reportUnknown("condition 1 (the guarantee of '\(name)')", reason: reason, at: clause.range)
      record(index, .guarantee, .unknown)
    case .satisfiable(let model):
      let blamed = blame(run, "\(name)-c1-blame", observing: observed, guarantee)
      let shown = blamed?.1 ?? model
      let part = Specifications.brokenPart(parts(blamed?.0.path.state ?? run.final.state), in: shown)
      diagnostics.append(Diagnostic(
        code: .guaranteeBroken,
        message: "'\(name)' may break its own guarantee" + (blamed == nil ? "" : " here")
          + (part.map { ": `\(PrettyPrinter.expression($0, .firstOrder))` can be false" } ?? ""),
        range: blamed?.0.range ?? clause.range,
        notes: [.init("guarantee: \(PrettyPrinter.expression(clause, .firstOrder))", at: clause.range),
                .init(example.describe(shown))]))
      record(index, .guarantee, .invalid)
    }
  }

  // MARK: Condition 2

  private mutating func checkChild(_ child: String, _ run: Run) {
    let condition = AsyncCondition.childPrecondition(child: child)
    let sites = program.postSites[name, default: []].filter { $0.callee == child }
    let site = sites.first?.range ?? procedure.name.range
    guard let callee = program.procedure(named: child) else {
      notChecked(index, condition, because: "'\(child)' is not an async procedure of this program", at: site)
      return
    }
    guard callee.precondition != nil else {
      record(index, condition, .valid, withoutQuery: "'\(child)' has no precondition")
      return
    }
    let end = run.final.state, start = run.start.state, smt = self.smt, specifications = self.specifications
    let violated = { (arguments: [SMTTerm]) throws -> [SMTTerm] in
      [end.isPending(child, arguments, in: smt), smt.not(start.isPending(child, arguments, in: smt)),
       smt.not(try specifications.precondition(callee, arguments, in: end))]
    }
    let arguments = specifications.arguments(of: callee)
    let facts: [SMTTerm]
    do {
      facts = try violated(arguments)
    } catch {
      notChecked(index, condition, because: Self.reason(error), at: site)
      return
    }
    let base = counterexample(run)
    let example = { (arguments: [SMTTerm]) -> Counterexample in
      var example = base
      example.addInstance("posted", callee, arguments)
      return example
    }
    let parts = { (arguments: [SMTTerm]) in specifications.preconditionParts(callee, arguments, in: end) }
    let observed = { (arguments: [SMTTerm]) in example(arguments).terms + parts(arguments).map(\.term) }
    switch askAboutRun("\(name)-c2-\(child)", run.final.facts + facts + run.kept(at: arguments),
                       observing: observed(arguments)) {
    case .unsatisfiable:
      record(index, condition, .valid)
    case .unknown(let reason):
      reportUnknown("condition 2 (the precondition of the posted '\(child)')", reason: reason, at: site)
      record(index, condition, .unknown)
    case .satisfiable(let model):
      var blamed: (Snapshot, Evidence)?
      for snapshot in run.snapshots {
        guard let posted = snapshot.posted, posted.procedure == child, let facts = try? violated(posted.arguments),
              case .satisfiable(let evidence) = askAboutRun("\(name)-c2-\(child)-blame",
                                                            run.final.facts + snapshot.path.facts + facts
                                                              + run.kept(at: posted.arguments),
                                                            observing: observed(posted.arguments))
        else { continue }
        blamed = (snapshot, evidence)
        break
      }
      let shownArguments = blamed?.0.posted?.arguments ?? arguments
      let instance = blamed.map { _ in "'\(child)(..)' posted here" } ?? "an instance of '\(child)' this run posts"
      let part = Specifications.brokenPart(parts(shownArguments), in: blamed?.1 ?? model)
      diagnostics.append(Diagnostic(
        code: .postedPreconditionBroken,
        message: "the precondition of \(instance) may not hold when '\(name)' ends"
          + (part.map { ": `\(PrettyPrinter.expression($0, .firstOrder))` can be false" } ?? ""),
        range: blamed?.0.range ?? site,
        notes: [.init("precondition of '\(child)': \(PrettyPrinter.expression(callee.precondition!, .firstOrder))",
                      at: callee.precondition!.range),
                .init(example(shownArguments).describe(blamed?.1 ?? model))]))
      record(index, condition, .invalid)
    }
  }
}
