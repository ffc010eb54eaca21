import HopLogic
import HopProver
import HopSyntax

/// The proof of one sync procedure: from each case of its precondition, the
/// body runs symbolically; every final case must entail the postcondition
/// with nothing left over (precise semantics). Left-over heap is a leak
/// (HH102); a postcondition that does not follow otherwise is HH103.
struct ProcedureProof {
  enum Outcome {
    case proved
    case failed(Diagnostic)
    case undecided(Diagnostic)
  }

  let context: ProgramContext
  let procedure: ProcedureDecl

  /// The outcome, and when `recording`, the entry states, the states after each command and the proof's remarks.
  /// What a run found: beside the outcome, when `recording`, the entry states, the states after each
  /// command and the proof's remarks; and the invariants inferred for loops written without one.
  struct Run {
    var outcome: Outcome
    var entry: [SymbolicHeap]
    var steps: [TraceStep]
    var notes: [TraceNote]
    var inferences: [LoopInference]
  }

  func run(recording: Bool) -> Run {
    var executor = SymbolicExecutor(context: context)
    executor.ownVariables = Set((procedure.parameters + procedure.locals).map(\.name))
    executor.procedureName = procedure.name.name
    executor.locals = Set(procedure.locals.map(\.name))
    executor.procedureBody = procedure.body
    if recording { executor.recorder = TraceRecorder() }
    var entry: [SymbolicHeap] = []
    let outcome = prove(&executor, &entry)
    let inferences = executor.inferences.values.sorted { $0.range.start < $1.range.start }
    return Run(outcome: outcome, entry: entry, steps: executor.recorder?.orderedSteps ?? [],
               notes: executor.recorder?.notes ?? [], inferences: inferences)
  }

  private func prove(_ executor: inout SymbolicExecutor, _ entry: inout [SymbolicHeap]) -> Outcome {
    // The first declaration's specification was translated once for the callers (a failure is
    // reported there and leaves every verdict unknown); another declaration's is translated here.
    let precondition: [SymbolicHeap], written: [SymbolicHeap]
    if let known = context.specifications[procedure.name.name], known.declaration == procedure {
      (precondition, written) = (known.precondition, known.postcondition)
    } else {
      do throws(TranslationError) {
        (precondition, written) = (try heaps(procedure.precondition), try heaps(procedure.postcondition))
      } catch {
        return .undecided(CheckerDiagnostics.cannotCheck(error.message, range: error.range))
      }
    }
    var postcondition = written
    let postRange = procedure.postcondition?.range ?? procedure.range
    // As in Smallfoot, value parameters are local variables initialised by
    // the caller: the postcondition speaks of their final values (decision 27).
    // `init` must also establish every resource invariant.
    if procedure.name.name == "init" {
      for resource in context.resources.values.sorted(by: { $0.declaration.name.name < $1.declaration.name.name }) {
        postcondition = postcondition.flatMap { post in
          resource.invariant.map { post * executor.opened(executor.globals($0)) }
        }
      }
    }
    // An existential that pre and post share is one value for the whole body (as in
    // Smallfoot): a constant `n'` that no program can write, the same in both.
    let shared = Set(precondition.flatMap { $0.variables }).intersection(postcondition.flatMap { $0.variables })
      .filter(\.isExistential)
    let constants = Dictionary(uniqueKeysWithValues: shared.map { ($0, Term.v(String($0.name.dropFirst()) + "'")) })
    postcondition = postcondition.map { $0.substitutingAll(constants) }
    let start = precondition.map { executor.opened($0.substitutingAll(constants)) }
    entry = start
    let final: [SymbolicHeap]
    do throws(ProofStop) {
      final = try executor.run(procedure.body, start)
    } catch {
      switch error {
      case .failed(let diagnostic): return .failed(diagnostic)
      case .undecided(let diagnostic): return .undecided(diagnostic)
      }
    }
    let exact = DisjunctiveEntailment(prover: context.prover, precise: true)
    for state in final {
      switch exact.prove(state, postcondition) {
      case .proved: continue
      case .unknown(let reason):
        return .undecided(CheckerDiagnostics.undecided("the postcondition", reason: reason, range: postRange))
      case .failed(let failure):
        let notes = SymbolicExecutor.explain(failure, in: state, targets: postcondition)
        // A leak when the postcondition is there but heap is left over beside it.
        if case .proved(let frames) = DisjunctiveEntailment(prover: context.prover, precise: false).prove(state, postcondition),
           let leftover = frames.first(where: { !$0.heap.spatial.isEmpty })?.heap.spatial {
          var leakNotes = [Diagnostic.Note("left over: \(StateDisplay.atoms(leftover))")]
          leakNotes.append(Diagnostic.Note("state at exit: \(StateDisplay.text(state))"))
          if procedure.name.name == "init" && !context.resources.isEmpty {
            leakNotes.append(Diagnostic.Note("init must leave exactly the resource invariants (and its postcondition)"))
          }
          return .failed(CheckerDiagnostics.leak(procedure.name.name, leftover: leftover, range: postRange, notes: leakNotes))
        }
        if procedure.name.name == "init" && !context.resources.isEmpty {
          return .failed(CheckerDiagnostics.resourceInvariant(
            context.resources.keys.sorted().joined(separator: ", "), range: postRange, notes: notes))
        }
        return .failed(CheckerDiagnostics.postcondition(procedure.name.name, range: postRange, notes: notes))
      }
    }
    return .proved
  }

  private func heaps(_ assertion: Assertion?) throws(TranslationError) -> [SymbolicHeap] {
    guard let assertion else { return [.emp] }
    return try AssertionTranslation.heaps(assertion)
  }
}
