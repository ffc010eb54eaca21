import HopLogic
import HopProver
import HopSyntax

/// The commands whose proof goes through frame inference: loops (the
/// invariant is a cut point), conditional critical regions (the resource
/// invariant comes in and must go out) and calls (the callee's
/// specification replaces its body).
extension SymbolicExecutor {
  // MARK: Loops

  /// `while (B) [I] S`, as a call of a procedure with precondition I and
  /// postcondition I ∧ ¬B: I is found in the state (the rest is the frame,
  /// in which the variables the loop may assign get fresh values); the body
  /// must re-establish I exactly from I ∧ B, without the frame.
  ///
  /// I's existentials are first tried as values the loop keeps: the body is
  /// proved for arbitrary constants in their place, and after the loop they
  /// are what they were found to be on entry. If the body changes them, they
  /// are quantified afresh on each side instead, and forgotten after the loop.
  /// (Smallfoot 0.1 mixes the two: it proves the body with fresh
  /// existentials but keeps the entry values, which is unsound.)
  ///
  /// A loop written without an invariant gets one inferred (decision 75), unless
  /// inference is off (then it is `emp`, as in Smallfoot); the inferred one is
  /// checked here exactly like a written one (so are the states reached when the
  /// body fails from one of them: the error is then the body's own). A failure of the loop then says, in
  /// a note, which invariant it was checked with, or why inference gave up.
  mutating func loop(_ condition: Expression, _ formula: Formula?, _ body: Statement, _ range: SourceRange,
                     _ states: [SymbolicHeap]) throws(ProofStop) -> [SymbolicHeap] {
    guard formula == nil, context.infersInvariants else {
      return try loop(condition, invariant: try separationFormula(formula, range: range), body, range, states)
    }
    let modified = body.assignedVariables.union(calleeWrites(in: body))
    var inference = inferInvariant(condition, body, range, states, assigned: modified)
    inference.procedure = procedureName
    inferences[range.start] = inference
    let invariant: [SymbolicHeap], remark: String
    switch inference.result {
    case .inferred(let heaps, let formula):
      invariant = heaps
      remark = "inferred invariant: \(Self.describe(heaps, formula: formula))"
    case .gaveUp(let reason):
      invariant = [.emp]
      remark = "no invariant inferred (\(reason)); the invariant is emp"
    case .bodyFails(let reached, let reason):
      invariant = reached
      remark = "no invariant inferred (\(reason)); the loop is checked with the states reached: "
        + Self.describe(reached, formula: nil)
    }
    note(range, at: body.range.start, remark)
    do throws(ProofStop) {
      return try loop(condition, invariant: invariant, inferred: true, body, range, states)
    } catch {
      let why = Diagnostic.Note("this loop has no written invariant; \(remark)")
      switch error {
      case .failed(var diagnostic): diagnostic.notes.append(why); throw .failed(diagnostic)
      case .undecided(var diagnostic): diagnostic.notes.append(why); throw .undecided(diagnostic)
      }
    }
  }

  /// The loop rule with the invariant's cases given (written, or inferred and shown by the caller).
  mutating func loop(_ condition: Expression, invariant written: [SymbolicHeap], inferred: Bool = false, _ body: Statement,
                     _ range: SourceRange, _ states: [SymbolicHeap]) throws(ProofStop) -> [SymbolicHeap] {
    let modified = body.assignedVariables.union(calleeWrites(in: body))
    // One renaming of the invariant's existentials for entry and exit.
    let names = Set(written.flatMap { $0.variables }).filter(\.isExistential)
    let renaming = Dictionary(uniqueKeysWithValues: names.sorted().map { ($0, Term.variable(supply.variable($0.name))) })
    let invariant = written.map { $0.substitutingAll(renaming) }
    for (index, heap) in written.enumerated() where !inferred {
      note(range, at: body.range.start, "invariant\(written.count > 1 ? " (case \(index + 1))" : "")", [heap])
    }
    var entries: [Frame] = []
    for state in states {
      entries += try frames(of: state, invariant, precise: false, range: range) { notes in
        CheckerDiagnostics.invariantOnEntry(range: range, notes: notes)
      }
    }
    // What the loop cannot change: a fact about a variable it assigns holds on entry only.
    let assigned = Set(modified.map(Variable.init))
    for entry in entries {
      var kept = entry.heap
      kept.pure.removeAll { !$0.variables.isDisjoint(with: assigned) }
      note(range, at: body.range.start, "on entry, kept outside the loop", [kept])
    }
    let before = recorder
    var ends: Int?
    // Why keeping the values was not decided: a failure of the second attempt must not hide it.
    var undecided: Diagnostic?
    if !names.isEmpty {
      do throws(ProofStop) {
        ends = try preserves(invariant, renaming, condition, body, range)
      } catch {
        if case .undecided(let why) = error { undecided = why }
      }
    }
    let keepsValues = ends != nil
    if !keepsValues {
      recorder = before  // what the failed attempt recorded is not the proof
      do throws(ProofStop) {
        let start = try assume(condition, holds: true, in: written.map { opened($0) })
        let last = try run(body, start)
        for end in last {
          _ = try frame(of: end, written, precise: true, range: range) { notes in
            CheckerDiagnostics.invariantNotPreserved(range: range, notes: notes)
          }
        }
        ends = last.count
      } catch {
        // The first attempt might have succeeded: a failure of the weaker second one is no verdict.
        guard case .failed(let failure) = error, var undecided else { throw error }
        undecided.notes.append(Diagnostic.Note("with the invariant's existentials quantified afresh instead: "
                                               + "\(failure.message) [\(failure.code)]"))
        throw .undecided(undecided)
      }
    }
    note(range, "end of body: the invariant holds again in \(Self.cases(ends ?? 0))")
    var after: [SymbolicHeap] = []
    for entry in entries {
      var old: [Variable: Term] = [:]
      for name in modified.sorted() { old[Variable(name)] = .variable(supply.variable(name)) }
      let frame = entry.heap.closed.substitutingAll(old)
      let exits = keepsValues
        ? invariant.map { $0.substitutingAll(entry.instantiation.mapValues { $0.substituting(old) }) }
        : written.map { opened($0) }
      after += try assume(condition, holds: false, in: exits.map { frame * $0 })
    }
    return after
  }

  /// Whether one iteration re-establishes the invariant with the same values of its
  /// existentials, proved with those values as arbitrary constants.
  /// The constants are named `v'` after the written `_v`: the body's start has nothing else, so they clash with nothing.
  /// Returns the number of cases at the end of the body.
  private mutating func preserves(_ invariant: [SymbolicHeap], _ renaming: [Variable: Term], _ condition: Expression,
                                  _ body: Statement, _ range: SourceRange) throws(ProofStop) -> Int {
    var fixed: [Variable: Term] = [:]
    for (written, renamed) in renaming {
      if case .variable(let variable) = renamed { fixed[variable] = .v(String(written.name.dropFirst()) + "'") }
    }
    let skolem = invariant.map { $0.substitutingAll(fixed) }
    let ends = try run(body, try assume(condition, holds: true, in: skolem))
    for end in ends {
      _ = try frame(of: end, skolem, precise: true, range: range) { notes in
        CheckerDiagnostics.invariantNotPreserved(range: range, notes: notes)
      }
    }
    return ends.count
  }

  /// "1 case", "3 cases".
  static func cases(_ count: Int) -> String { count == 1 ? "1 case" : "\(count) cases" }

  // MARK: Conditional critical regions

  /// `with r when (B) S`: r's invariant and B join the state (the protected
  /// variables have whatever values other threads left), S runs, and the
  /// invariant must be found again at the end; the rest goes on.
  mutating func region(_ name: Identifier, _ condition: Expression, _ body: Statement, _ range: SourceRange,
                       _ states: [SymbolicHeap]) throws(ProofStop) -> [SymbolicHeap] {
    guard let resource = context.resources[name.name] else {
      throw .undecided(CheckerDiagnostics.cannotCheck("resource '\(name.name)' is not declared", range: range))
    }
    // Its names are the globals, even where the procedure has a parameter or local of the same name.
    let invariantHeaps = resource.invariant.map { globals($0) }
    let protected = resource.protected.map(global)
    note(range, at: body.range.start, "\(name.name)'s invariant comes in", invariantHeaps)
    var entered: [SymbolicHeap] = []
    for state in states {
      let released = state.forgetting(protected, &supply)
      entered += try assume(condition, holds: true, in: invariantHeaps.map { released * opened($0) })
    }
    var after: [SymbolicHeap] = []
    var handedBack: [SymbolicHeap] = []
    for end in try run(body, entered) {
      after += try frame(of: end, invariantHeaps, precise: false, range: range) { notes in
        CheckerDiagnostics.resourceInvariant(name.name, range: range, notes: notes)
      }.map { $0.forgetting(protected, &supply) }
      if recorder != nil { handedBack += self.handedBack(end, invariantHeaps) }
    }
    var shown = Set<String>()
    note(range, "\(name.name)'s invariant goes back out", handedBack.filter { shown.insert(StateDisplay.text($0)).inserted })
    return after
  }

  /// For `explain`: the case of a resource invariant that the end `state` of a region hands back, its
  /// existentials as found, or every case when no single one is found alone (the proof split `state`).
  /// Asked only when recording, after the proof has found the invariant: it decides nothing.
  private func handedBack(_ state: SymbolicHeap, _ invariant: [SymbolicHeap]) -> [SymbolicHeap] {
    for disjunct in invariant {
      if case .proved(let frames) = DisjunctiveEntailment(prover: prover, precise: false).prove(state, [disjunct]),
         let found = frames.first {
        return [disjunct.substitutingAll(found.instantiation)]
      }
    }
    return invariant
  }

  // MARK: Calls

  mutating func call(_ call: Call, _ states: [SymbolicHeap]) throws(ProofStop) -> [SymbolicHeap] {
    try calls([call], range: call.range, states) { notes in
      CheckerDiagnostics.callPrecondition(call.procedure.name, range: call.range, notes: notes)
    }
  }

  mutating func parallelCall(_ left: Call, _ right: Call, _ range: SourceRange,
                             _ states: [SymbolicHeap]) throws(ProofStop) -> [SymbolicHeap] {
    try calls([left, right], range: range, states) { notes in
      CheckerDiagnostics.parallelPrecondition(left.procedure.name, right.procedure.name, range: range, notes: notes)
    }
  }

  /// One call, or both sides of a parallel call: the callees' preconditions
  /// (formals replaced by actuals) are found in the state together; the
  /// frame keeps the rest; reference arguments and the globals the callees
  /// may write get fresh values; the postconditions join the frame. An
  /// existential that a specification's pre and post share is one value
  /// (as in Smallfoot): the post gets the instantiation frame inference found.
  private mutating func calls(_ calls: [Call], range: SourceRange, _ states: [SymbolicHeap],
                              failure: ([Diagnostic.Note]) -> Diagnostic) throws(ProofStop) -> [SymbolicHeap] {
    var preconditions: [SymbolicHeap] = [.emp]
    var postconditions: [[SymbolicHeap]] = []
    var changed = Set<String>()
    var substitutions: [[Variable: Term]] = []
    // Each call's specification, looked up once: a call of none stops here.
    var specifications: [ProgramContext.Specification] = []
    for call in calls {
      guard let specification = context.specifications[call.procedure.name] else {
        throw .undecided(CheckerDiagnostics.cannotCheck("'\(call.procedure.name)' has no specification to call",
                                                        range: call.range))
      }
      specifications.append(specification)
      let substitution = try actuals(of: call, specification.declaration)
      substitutions.append(substitution)
      // The specification's globals, renamed apart where the caller shadows them (before the formals are replaced).
      let formals = Set(specification.declaration.parameters.map(\.name))
      let precondition = specification.precondition.map { globals($0, except: formals) }
      let postcondition = specification.postcondition.map { globals($0, except: formals) }
      // One renaming for pre and post, so shared existentials stay shared.
      let names = Set((precondition + postcondition).flatMap { $0.variables }).filter(\.isExistential)
      let renaming = Dictionary(uniqueKeysWithValues: names.sorted().map { ($0, Term.variable(supply.variable($0.name))) })
      preconditions = preconditions.flatMap { sofar in
        precondition.map { sofar * $0.substitutingAll(renaming).substitutingAll(substitution) }
      }
      postconditions.append(postcondition.map { $0.substitutingAll(renaming) })
      // A reference argument changes only if the callee assigns its formal (directly or by
      // passing it on by reference); as in Smallfoot, an alias of an untouched one survives.
      for (formal, actual) in zip(specification.declaration.referenceParameters, call.referenceArguments)
      where specification.assignedParameters.contains(formal.name) {
        if case .variable(let name) = actual.kind { changed.insert(name.name) }
      }
      changed.formUnion((context.effects[call.procedure.name]?.writes ?? []).map(global))
    }
    if recorder != nil {
      for (index, call) in calls.enumerated() {
        let specification = specifications[index]
        let needs = specification.precondition.map { $0.substitutingAll(substitutions[index]) }
        note(range, "\(call.procedure.name) \(calls.count > 1 ? "takes" : "needs")", needs)
      }
    }
    let step = CallStep(changed: changed, specifications: specifications, substitutions: substitutions,
                        preconditions: preconditions, postconditions: postconditions)
    var after: [SymbolicHeap] = []
    for state in states {
      // Without a record to make, the calls are proved on the part of the state they can reach (decision 84).
      if recorder == nil, let sliced = callInSlice(step, state) {
        after += sliced
        continue
      }
      for found in try frames(of: state, preconditions, precise: false, range: range, failure: failure) {
        note(range, "frame kept\(calls.count > 1 ? " by the caller" : "")", [found.heap])
        after += afterCalls(step, found).states.map(\.withoutSeparationFacts)
          .filter { prover.satisfiability($0.closed) != .unsatisfiable }
      }
    }
    return after
  }

  /// What one call (or both sides of a parallel call) needs and gives, once the specifications are renamed.
  struct CallStep {
    /// The caller's variables the calls may change.
    var changed: Set<String>
    var specifications: [ProgramContext.Specification]
    /// Formals to actuals, per call.
    var substitutions: [[Variable: Term]]
    /// The preconditions' cases, together, in the caller's names.
    var preconditions: [SymbolicHeap]
    /// Each call's postcondition's cases, renamed apart (formals not yet replaced).
    var postconditions: [[SymbolicHeap]]
  }

  /// The states after the calls from one frame that frame inference `found`, and the fresh names that stand for the
  /// old values of what the calls change (before the disequalities the cells imply are dropped and inconsistent cases pruned).
  mutating func afterCalls(_ step: CallStep, _ found: Frame) -> (states: [SymbolicHeap], old: [Variable: Term]) {
    // Old values of what the calls change, for the value arguments and instantiations that mention them.
    var old: [Variable: Term] = [:]
    for name in step.changed.sorted() { old[Variable(name)] = .variable(supply.variable(name)) }
    let instantiation = found.instantiation.mapValues { $0.substituting(old) }
    var results: [SymbolicHeap] = [found.heap.closed.substitutingAll(old)]
    for (index, specification) in step.specifications.enumerated() {
      var substitution = step.substitutions[index]
      // The postcondition speaks of the callee's final values of its value
      // parameters: the caller knows them only when the callee never assigns them.
      for parameter in specification.declaration.valueParameters {
        substitution[Variable(parameter.name)] = specification.assignedParameters.contains(parameter.name)
          ? .variable(supply.variable(parameter.name))
          : substitution[Variable(parameter.name)]?.substituting(old)
      }
      let posts = step.postconditions[index].map { $0.substitutingAll(instantiation).substitutingAll(substitution) }
      // Already renamed apart (once for this call): opening again would capture the old values.
      results = results.flatMap { sofar in posts.map { sofar * $0 } }
    }
    return (results, old)
  }

  /// Formal parameters to actual arguments (a value argument the logic has no term for becomes a fresh value).
  private mutating func actuals(of call: Call, _ callee: ProcedureDecl) throws(ProofStop) -> [Variable: Term] {
    var substitution: [Variable: Term] = [:]
    for (formal, actual) in zip(callee.referenceParameters, call.referenceArguments) {
      substitution[Variable(formal.name)] = try term(actual) ?? .variable(supply.variable(formal.name))
    }
    for (formal, actual) in zip(callee.valueParameters, call.valueArguments) {
      substitution[Variable(formal.name)] = try term(actual) ?? .variable(supply.variable(formal.name))
    }
    return substitution
  }

  /// The globals that the procedures called (directly) in `statement` may write.
  func calleeWrites(in statement: Statement) -> Set<String> {
    var names = Set<String>()
    for nested in statement.allStatements {
      switch nested.kind {
      case .call(let call): names.formUnion((context.effects[call.procedure.name]?.writes ?? []).map(global))
      case .parallelCall(let a, let b):
        names.formUnion((context.effects[a.procedure.name]?.writes ?? []).map(global))
        names.formUnion((context.effects[b.procedure.name]?.writes ?? []).map(global))
      default: break
      }
    }
    return names
  }

  // MARK: Frame inference

  /// The frames of `state` with respect to the disjunction `targets`, or the diagnostic `failure` builds.
  mutating func frame(of state: SymbolicHeap, _ targets: [SymbolicHeap], precise: Bool, range: SourceRange,
                      failure: ([Diagnostic.Note]) -> Diagnostic) throws(ProofStop) -> [SymbolicHeap] {
    try frames(of: state, targets, precise: precise, range: range, failure: failure).map(\.heap.closed)
  }

  /// The frames with the instantiation of the targets' existentials that each one was found with.
  mutating func frames(of state: SymbolicHeap, _ targets: [SymbolicHeap], precise: Bool, range: SourceRange,
                       failure: ([Diagnostic.Note]) -> Diagnostic) throws(ProofStop) -> [Frame] {
    switch DisjunctiveEntailment(prover: prover, precise: precise).prove(state, targets) {
    case .proved(let frames):
      return frames.map { inCheckerNames($0, asked: state) }
    case .failed(let why):
      throw .failed(failure(Self.explain(why, in: state, targets: targets)))
    case .unknown(let reason):
      throw .undecided(CheckerDiagnostics.undecided("this step", reason: reason, range: range))
    }
  }

  /// Notes for a failed entailment: the state it was looked for in, and what was missing or left over.
  /// `state` is the whole state the formula was looked for in (the prover's failure state
  /// is only what was left of one case of it when the search stopped).
  /// When heap is left over in one case of the state, the state shown is that case (`failingCase`),
  /// so that what is left over is read against the case it comes from (issue 25).
  static func explain(_ failure: EntailmentFailure, in state: SymbolicHeap, targets: [SymbolicHeap]) -> [Diagnostic.Note] {
    // The failure in the state's names (the prover renamed its existentials), and one lettering for all the notes:
    // `_a` in the state and in what is left over is one value; a variable that addresses a cell anywhere reads NULL.
    let back = openedNames(asked: state).mapValues { Term.variable($0) }
    let leftover = failure.leftover.map { $0.substituting(back) }
    var names = StateNames(for: [state] + targets)
    // Left over in a case of the state: that case, so that what is left over is read against it.
    let leftOverInACase = failure.missingAtom == nil && failure.missingFact == nil && !leftover.isEmpty
    let shown = leftOverInACase ? failingCase(failure, of: state) : state
    var notes = [Diagnostic.Note("state: \(StateDisplay.text(shown, names: &names))")]
    if let atom = failure.missingAtom {
      let text = StateDisplay.text(SymbolicHeap(spatial: [atom.substituting(back)]), names: &names)
      notes.append(Diagnostic.Note("needed: \(text), which is not in what is left of the state"))
    } else if let fact = failure.missingFact {
      let text = StateDisplay.text(SymbolicHeap(pure: [fact.substituting(back)]), names: &names)
      notes.append(Diagnostic.Note("needed: \(text), which does not follow"))
    } else if !leftover.isEmpty {
      notes.append(Diagnostic.Note("left over: \(StateDisplay.text(SymbolicHeap(spatial: leftover), names: &names))"))
    }
    let looked = targets.map { StateDisplay.text($0, names: &names) }
    notes.append(Diagnostic.Note("looked for: \(looked.joined(separator: "  or  "))"))
    return notes
  }

  /// The case of `state` in which `failure` happened: the state with the facts about its program
  /// variables that the prover's failing case adds (a segment found empty: `t == NULL`), and a
  /// variable equal to a constant replaced by it in the cells (`_a |-> tl: NULL`, `list(NULL)` empty).
  /// The facts are the prover's own for that case, so the case is the one it failed in; the
  /// state itself when the failing case adds nothing.
  static func failingCase(_ failure: EntailmentFailure, of state: SymbolicHeap) -> SymbolicHeap {
    let free = state.closed.freeVariables
    let known = Set(state.pure.flatMap { [$0, StateDisplay.swapped($0)] })
    let addresses = Set(state.spatial.compactMap { atom -> Term? in
      switch atom {
      case .pointsTo(let address, _), .endpoint(let address, _): address
      default: nil
      }
    })
    let added = failure.state.pure.filter { fact in
      guard !fact.variables.isEmpty, fact.variables.isSubset(of: free), !known.contains(fact) else { return false }
      // Two cells of the state are apart anyway.
      if case .notEqual(let a, let b) = fact, addresses.contains(a), addresses.contains(b) || b.constantValue != nil {
        return false
      }
      return true
    }
    guard !added.isEmpty else { return state }
    var constants: [Variable: Term] = [:]
    for case .equal(let a, let b) in added {
      if case .variable(let v) = a, b.constantValue != nil { constants[v] = b }
      if case .variable(let v) = b, a.constantValue != nil { constants[v] = a }
    }
    return SymbolicHeap(pure: state.pure + added, spatial: state.spatial.map { $0.substituting(constants) })
  }

  /// A loop invariant as a disjunction of heaps (`emp` when not written).
  private func separationFormula(_ formula: Formula?, range: SourceRange) throws(ProofStop) -> [SymbolicHeap] {
    switch formula {
    case nil: return [.emp]
    case .separation(let assertion)?:
      do {
        return try AssertionTranslation.heaps(assertion)
      } catch {
        throw .undecided(Diagnostic(code: .proofUndecided, message: "not proved: \(error.message)", range: error.range))
      }
    case .firstOrder(let expression)?:
      throw .undecided(CheckerDiagnostics.unsupported("a first-order loop invariant", range: expression.range))
    }
  }
}
