import HopSMT
import HopSyntax

/// The specifications of async procedures as SMT terms over given states:
/// preconditions of pending instances, relies, guarantees, and the
/// invariant every procedure may assume at its start.
struct Specifications {
  let program: AsyncProgram
  let fresh: FreshConstants
  private var smt: SMTContext { fresh.smt }
  private var encoder: FormulaEncoder { FormulaEncoder(fresh: fresh) }

  /// Fresh constants for an instance's arguments, named after the parameters.
  func arguments(of procedure: AsyncProcedureDecl) -> [SMTTerm] {
    procedure.parameters.map { fresh.constant($0.name, .int) }
  }

  private func bind(_ procedure: AsyncProcedureDecl, _ arguments: [SMTTerm]) -> [String: SMTTerm] {
    Dictionary(zip(procedure.parameters.map(\.name), arguments), uniquingKeysWith: { first, _ in first })
  }

  /// P̂: the precondition of `procedure(arguments)` read in `state` with that
  /// instance taken out of the pending set — the state in which the
  /// scheduler would start it.
  func precondition(_ procedure: AsyncProcedureDecl, _ arguments: [SMTTerm], in state: AsyncState) throws -> SMTTerm {
    guard let formula = procedure.precondition else { return smt.boolean(true) }
    let started = state.settingPending(procedure.name.name, arguments, to: false, in: smt)
    return try encoder.formula(formula, Evaluation(state: started, variables: bind(procedure, arguments)))
  }

  /// The top-level conjuncts of P̂, each with its encoding, to name the part a counterexample breaks.
  func preconditionParts(_ procedure: AsyncProcedureDecl, _ arguments: [SMTTerm],
                         in state: AsyncState) -> [(formula: Expression, term: SMTTerm)] {
    guard let formula = procedure.precondition else { return [] }
    let started = state.settingPending(procedure.name.name, arguments, to: false, in: smt)
    let evaluation = Evaluation(state: started, variables: bind(procedure, arguments))
    return Self.conjuncts(formula).compactMap { part in (try? encoder.formula(part, evaluation)).map { (part, $0) } }
  }

  /// The top-level conjuncts of G_f, each with its encoding.
  func guaranteeParts(_ procedure: AsyncProcedureDecl, _ arguments: [SMTTerm], old: AsyncState,
                      current: AsyncState) -> [(formula: Expression, term: SMTTerm)] {
    guard let formula = procedure.guarantee else { return [] }
    let variables = bind(procedure, arguments)
    let evaluation = Evaluation(current: current, old: old, variables: variables, oldVariables: variables)
    return Self.conjuncts(formula).compactMap { part in (try? encoder.formula(part, evaluation)).map { (part, $0) } }
  }

  /// `a && (b && c)` as `[a, b, c]`.
  static func conjuncts(_ formula: Expression) -> [Expression] {
    if case .binary(.and, let left, let right) = formula.kind { return conjuncts(left) + conjuncts(right) }
    return [formula]
  }

  /// The first part that is false in `model`, when the formula has several parts.
  static func brokenPart(_ parts: [(formula: Expression, term: SMTTerm)], in model: Evidence) -> Expression? {
    guard parts.count > 1 else { return nil }
    return parts.first { model.value(of: $0.term) == "false" }?.formula
  }

  /// R_f(arguments) between `old` and `current`: the written rely, or by
  /// default "the precondition is preserved" (old(P̂) ⇒ P̂).
  func rely(_ procedure: AsyncProcedureDecl, _ arguments: [SMTTerm], old: AsyncState,
            current: AsyncState) throws -> SMTTerm {
    guard let rely = procedure.rely else {
      return smt.implies(try precondition(procedure, arguments, in: old),
                         try precondition(procedure, arguments, in: current))
    }
    let variables = bind(procedure, arguments)
    return try encoder.formula(rely, Evaluation(current: current, old: old, variables: variables, oldVariables: variables))
  }

  /// G_f(arguments) between `old` and `current`, when the procedure has a written guarantee.
  func guarantee(_ procedure: AsyncProcedureDecl, _ arguments: [SMTTerm], old: AsyncState,
                 current: AsyncState) throws -> SMTTerm? {
    guard let guarantee = procedure.guarantee else { return nil }
    let variables = bind(procedure, arguments)
    return try encoder.formula(guarantee,
                               Evaluation(current: current, old: old, variables: variables, oldVariables: variables))
  }

  /// What may be assumed when a procedure starts in `state`, each conjunct
  /// with the procedure whose pending set it is about: nothing pending
  /// before `main` when it runs first and alone (`startsAlone`), otherwise
  /// every pending instance meets its precondition P̂.
  func startInvariant(startsAlone: Bool, in state: AsyncState) throws -> [(procedure: String, term: SMTTerm)] {
    try program.procedures.compactMap { other in
      if !startsAlone && other.precondition == nil { return nil }
      let arguments = self.arguments(of: other)
      let pending = state.isPending(other.name.name, arguments, in: smt)
      let body = startsAlone ? smt.not(pending) : smt.implies(pending, try precondition(other, arguments, in: state))
      return (other.name.name, smt.forall(arguments, body))
    }
  }

  /// Checks that every specification formula encodes (numbers and truth
  /// values where they belong); each error once, at its formula.
  func validate() -> [Diagnostic] {
    let state = fresh.state("#check")
    var diagnostics: [Diagnostic] = []
    for procedure in program.procedures {
      let arguments = self.arguments(of: procedure)
      let variables = bind(procedure, arguments)
      for formula in [procedure.precondition, procedure.rely, procedure.guarantee].compactMap({ $0 }) {
        do {
          _ = try encoder.formula(formula, Evaluation(state: state, variables: variables))
        } catch let error as EncodingError {
          diagnostics.append(Diagnostic(code: .sortMismatch, message: error.message, range: error.range))
        } catch {
          diagnostics.append(Diagnostic(code: .conditionNotChecked,
                                        message: "this formula could not be encoded (\(error))", range: formula.range))
        }
      }
      for occurrence in procedure.precondition.map(PendingPolarity.positiveOccurrences) ?? [] {
        diagnostics.append(Diagnostic(
          code: .positivePending,
          message: "a precondition may say an instance is not pending, but not that it is",
          range: occurrence.range,
          notes: [.init("nothing keeps an instance pending until '\(procedure.name.name)' runs; use `!pending_f(..)` or put it left of `==>`")]))
      }
    }
    return diagnostics
  }
}
