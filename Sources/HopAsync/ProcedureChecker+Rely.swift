import HopSMT
import HopSyntax

/// Conditions 3 and 4: relies against preconditions and guarantees.
extension ProcedureChecker {
  /// Condition 3: when this procedure's rely is written, a step allowed by
  /// it keeps the precondition of a pending instance (default rely: holds by
  /// construction).
  mutating func checkRelyPreservesPrecondition() {
    guard let clause = procedure.rely else {
      record(self.index, .relyPreservesPrecondition, .valid,
             withoutQuery: "no rely is written: it is \"the precondition is preserved\"")
      return
    }
    let before = fresh.state("#before"), after = fresh.state("#after")
    let arguments = specifications.arguments(of: procedure)
    let rely: SMTTerm, preconditionBefore: SMTTerm, preconditionAfter: SMTTerm
    do {
      rely = try specifications.rely(procedure, arguments, old: before, current: after)
      preconditionBefore = try specifications.precondition(procedure, arguments, in: before)
      preconditionAfter = try specifications.precondition(procedure, arguments, in: after)
    } catch {
      notChecked(self.index, .relyPreservesPrecondition, because: Self.reason(error), at: clause.range)
      return
    }
    let facts = fresh.axioms(before) + fresh.axioms(after) + [
      rely, before.isPending(name, arguments, in: smt), after.isPending(name, arguments, in: smt),
      preconditionBefore, smt.not(preconditionAfter)]
    let example = stepCounterexample(arguments, pending: nil, before: before, after: after)
    switch queries.ask("\(name)-c3-rely", facts, observing: example.terms) {
    case .unsatisfiable:
      record(self.index, .relyPreservesPrecondition, .valid)
    case .unknown(let reason):
      reportUnknown("condition 3 (the rely of '\(name)')", reason: reason, at: clause.range)
      record(self.index, .relyPreservesPrecondition, .unknown)
    case .satisfiable(let model):
      diagnostics.append(Diagnostic(
        code: .relyTooWeak,
        message: "the rely of '\(name)' allows steps that break its precondition while an instance is pending",
        range: clause.range,
        notes: [.init("precondition: \(procedure.precondition.map { PrettyPrinter.expression($0, .firstOrder) } ?? "true")",
                      at: procedure.precondition?.range),
                .init(example.describe(model))]))
      record(self.index, .relyPreservesPrecondition, .invalid)
    }
  }

  /// Condition 4 for the pair (pending f, running g = this procedure): an
  /// instance of f pending before and after g runs still has its rely
  /// (by default: its precondition) satisfied. Recorded under f.
  mutating func checkRespectsRely(of target: AsyncProgram.RelyTarget, at index: Int, _ run: Run) {
    let pendingName = target.name
    let condition = respectsRely
    if target.isUnconstrained {
      verdicts.recordWithoutQuery(pending: index, sibling: self.index, .noPrecondition)
      return
    }
    // Sound skip: with no rely, f's rely is its precondition, a formula of f's parameters
    // (which g cannot change) and of the shared state it reads; if g's body writes none of
    // that (no global, field, allocation or pending set it reads), the precondition has the
    // same value before and after g, so it still holds. The reads are computed once per
    // procedure (`AsyncProgram.relyTargets`), and the pair is recorded without its text
    // (`SiblingsWithoutQuery`), so this test costs O(1) per pair.
    if procedure.guarantee == nil, let reads = target.preconditionReads, !writes.overlaps(reads: reads) {
      verdicts.recordWithoutQuery(pending: index, sibling: self.index, .writesNothingRead)
      return
    }
    let pending = program.procedures[index]
    let arguments = specifications.arguments(of: pending)
    if procedure.guarantee != nil {
      checkGuaranteeImpliesRely(of: pending, at: index, arguments)
      return
    }
    let start = run.start.state, specifications = self.specifications
    let stillPending = [start.isPending(pendingName, arguments, in: smt),
                        run.final.state.isPending(pendingName, arguments, in: smt)] + run.kept(at: arguments)
    let relyHolds = { (state: AsyncState) throws -> SMTTerm in
      try specifications.rely(pending, arguments, old: start, current: state)
    }
    let atEnd: SMTTerm
    do {
      atEnd = try relyHolds(run.final.state)
    } catch {
      notChecked(index, condition, because: Self.reason(error), at: procedure.name.range)
      return
    }
    let facts = stillPending + [smt.not(atEnd)]
    var example = counterexample(run)
    example.addInstance("pending", pending, arguments)
    let parts = { (state: AsyncState) in
      pending.rely == nil ? specifications.preconditionParts(pending, arguments, in: state) : []
    }
    let observed = { [example] (state: AsyncState) in example.terms + parts(state).map(\.term) }
    switch askAboutRun("\(pendingName)-c4-\(name)", run.final.facts + facts, observing: observed(run.final.state)) {
    case .unsatisfiable:
      record(index, condition, .valid)
    case .unknown(let reason):
      reportUnknown("condition 4 ('\(name)' against the rely of a pending '\(pendingName)')", reason: reason,
                    at: procedure.name.range)
      record(index, condition, .unknown)
    case .satisfiable(let model):
      let blamed = blame(run, "\(pendingName)-c4-\(name)-blame", extra: stillPending, observing: observed, relyHolds)
      let instance = "\(pendingName)(\(pending.parameters.map(\.name).joined(separator: ", ")))"
      var broken = relyText(pending)
      if let part = Specifications.brokenPart(parts(blamed?.0.path.state ?? run.final.state), in: blamed?.1 ?? model) {
        broken = "`\(PrettyPrinter.expression(part, .firstOrder))` of \(pendingName)'s precondition"
      }
      diagnostics.append(Diagnostic(
        code: .siblingBreaksRely,
        message: "\(instance) may be pending while '\(name)' runs, and '\(name)' can break \(broken)"
          + (blamed == nil ? "" : " here"),
        range: blamed?.0.range ?? procedure.name.range,
        notes: [.init("\(relyText(pending)) is declared here", at: (pending.rely ?? pending.precondition)?.range),
                .init(example.describe(blamed?.1 ?? model))]))
      record(index, condition, .invalid)
    }
  }

  /// Condition 4 when this procedure has a written guarantee: any step the
  /// guarantee allows, from any state, keeps the rely of a pending instance.
  private mutating func checkGuaranteeImpliesRely(of pending: AsyncProcedureDecl, at index: Int, _ arguments: [SMTTerm]) {
    let pendingName = pending.name.name
    let condition = AsyncCondition.siblingRespectsRely(sibling: name)
    let before = fresh.state("#before"), after = fresh.state("#after")
    let parameters = specifications.arguments(of: procedure)
    let range = procedure.guarantee?.range ?? procedure.name.range
    let guarantee: SMTTerm, rely: SMTTerm
    do {
      guard let written = try specifications.guarantee(procedure, parameters, old: before, current: after) else {
        notChecked(index, condition, because: "'\(name)' has no written guarantee", at: range)
        return
      }
      guarantee = written
      rely = try specifications.rely(pending, arguments, old: before, current: after)
    } catch {
      notChecked(index, condition, because: Self.reason(error), at: range)
      return
    }
    let facts = fresh.axioms(before) + fresh.axioms(after) + [
      guarantee, before.isPending(pendingName, arguments, in: smt), after.isPending(pendingName, arguments, in: smt),
      smt.not(rely)]
    let example = stepCounterexample(parameters, pending: (pending, arguments), before: before, after: after)
    switch queries.ask("\(pendingName)-c4-\(name)", facts, observing: example.terms) {
    case .unsatisfiable:
      record(index, condition, .valid)
    case .unknown(let reason):
      reportUnknown("condition 4 (the guarantee of '\(name)' against the rely of '\(pendingName)')", reason: reason,
                    at: range)
      record(index, condition, .unknown)
    case .satisfiable(let model):
      diagnostics.append(Diagnostic(
        code: .siblingBreaksRely,
        message: "the guarantee of '\(name)' allows steps that break \(relyText(pending)) of a pending instance",
        range: range,
        notes: [.init("\(relyText(pending)) is declared here", at: (pending.rely ?? pending.precondition)?.range),
                .init(example.describe(model))]))
      record(index, condition, .invalid)
    }
  }

  /// The counterexample of a step between two arbitrary states: this
  /// procedure's parameters, the pending instance if any, every global before and after.
  private func stepCounterexample(_ parameters: [SMTTerm], pending: (AsyncProcedureDecl, [SMTTerm])?,
                                  before: AsyncState, after: AsyncState) -> Counterexample {
    var example = Counterexample()
    for (parameter, value) in zip(procedure.parameters, parameters) { example.add(parameter.name, value) }
    if let (procedure, arguments) = pending { example.addInstance("pending", procedure, arguments) }
    for global in program.globals {
      example.add("old(\(global))", before.globals[global]!)
      example.add(global, after.globals[global]!)
    }
    return example
  }

  /// "write's precondition `owner == id`" or "write's rely `...`".
  private func relyText(_ pending: AsyncProcedureDecl) -> String {
    if let rely = pending.rely { return "\(pending.name.name)'s rely `\(PrettyPrinter.expression(rely, .firstOrder))`" }
    let precondition = pending.precondition.map { PrettyPrinter.expression($0, .firstOrder) } ?? "true"
    return "\(pending.name.name)'s precondition `\(precondition)`"
  }
}
