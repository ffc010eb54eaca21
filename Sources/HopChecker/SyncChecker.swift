import HopLogic
import HopProver
import HopSyntax

/// `hophop check` of the sync (Smallfoot) procedures of a program: each
/// procedure is proved on its own, from its precondition to its
/// postcondition, with the specifications of the procedures it calls.
/// One failing procedure does not stop the others; the verdicts come in
/// source order and the output is the same on every run.
public enum SyncChecker {
  /// What was found for the sync procedures of one program.
  public struct Report: Sendable {
    public var procedures: [ProcedureVerdict] = []
    public var diagnostics: [Diagnostic] = []
    /// The proofs as `hophop explain` shows them, when they were asked for.
    public var traces: [ProofTrace] = []
    /// What inference found for each loop written without an invariant, in source order.
    public var inferences: [LoopInference] = []
  }

  /// Whether the program has sync procedures to prove, or contracts whose construction errors
  /// `check` reports (also in a file of contracts only).
  public static func applies(to program: Program) -> Bool {
    program.declarations.contains {
      switch $0 {
      case .procedure, .contract: true
      default: false
      }
    }
  }

  /// - Parameter inferringInvariants: whether a loop without a written invariant gets one inferred
  ///   (decision 75); when false its invariant is `emp`, as in Smallfoot (`--no-infer`).
  public static func check(_ program: Program, prover: Prover = Prover(), recordingTraces: Bool = false,
                           inferringInvariants: Bool = true) -> Report {
    check(program, jobs: 1, provers: { prover }, recordingTraces: recordingTraces, inferringInvariants: inferringInvariants)
  }

  /// The procedures proved on up to `jobs` threads (decision 77), each thread with its own prover
  /// from `provers` (its own Z3 context); the report is the one a sequential run gives, in source order.
  public static func check(_ program: Program, jobs: Int, provers: @escaping @Sendable () -> Prover = { Prover() },
                           recordingTraces: Bool = false, inferringInvariants: Bool = true) -> Report {
    var context = ProgramContext(program, prover: provers())
    context.infersInvariants = inferringInvariants
    var firstMain = true
    let procedures = program.declarations.compactMap { declaration -> (ProcedureDecl, isFirstMain: Bool)? in
      guard case .procedure(let procedure) = declaration else { return nil }
      defer { if procedure.name.name == "main" { firstMain = false } }
      return (procedure, procedure.name.name == "main" && firstMain)
    }
    let shared = context
    let proofs = ParallelMap.map(procedures, jobs: jobs, state: {
      var own = shared
      own.prover = provers()
      return own
    }) { context, procedure in
      prove(procedure.0, isFirstMain: procedure.isFirstMain, context: context, recordingTraces: recordingTraces)
    }
    var report = Report(diagnostics: context.diagnostics)
    for proof in proofs {
      report.procedures.append(proof.verdict)
      report.diagnostics += proof.diagnostics
      report.inferences += proof.inferences
      if let trace = proof.trace { report.traces.append(trace) }
    }
    report.diagnostics = report.diagnostics.sortedBySource()
    return report
  }

  /// What was found for one procedure: its verdict, its diagnostics, its loops' inferences and its trace.
  private struct Proof: Sendable {
    var verdict: ProcedureVerdict
    var diagnostics: [Diagnostic]
    var inferences: [LoopInference]
    var trace: ProofTrace?
  }

  /// One procedure proved on its own; `isFirstMain`: it is the program's first `main`, whose
  /// precondition `init` must establish.
  private static func prove(_ procedure: ProcedureDecl, isFirstMain: Bool, context: ProgramContext,
                            recordingTraces: Bool) -> Proof {
    let clock = ContinuousClock()
    let start = clock.now
    var found = StaticChecks(context: context).diagnostics(of: procedure)
    var outcome: ProofOutcome = found.isEmpty ? .valid : .invalid
    var entry: [SymbolicHeap] = [], steps: [TraceStep] = [], notes: [TraceNote] = []
    var inferences: [LoopInference] = []
    if found.isEmpty {
      let proof = ProcedureProof(context: context, procedure: procedure).run(recording: recordingTraces)
      (entry, steps, notes) = (proof.entry, proof.steps, proof.notes)
      inferences = proof.inferences
      switch proof.outcome {
      case .proved: outcome = .valid
      case .failed(let diagnostic): found.append(diagnostic); outcome = .invalid
      case .undecided(let diagnostic): found.append(diagnostic); outcome = .unknown
      }
    }
    if isFirstMain, outcome == .valid, let problem = initialStateProblem(context, main: procedure) {
      found.append(problem)
      outcome = problem.code == .proofUndecided ? .unknown : .invalid
    }
    if !context.diagnostics.isEmpty && outcome == .valid { outcome = .unknown }
    let verdict = ProcedureVerdict(
      name: procedure.name.name, layer: .sync,
      conditions: [.init("memory safety, leaks, races and the specification", outcome: outcome)],
      elapsed: clock.now - start)
    let trace = recordingTraces
      ? ProofTrace(procedure: procedure, entry: entry, steps: steps, notes: notes, verdict: verdict,
                   diagnostics: found.sortedBySource())
      : nil
    return Proof(verdict: verdict, diagnostics: found, inferences: inferences, trace: trace)
  }

  /// `main` runs after `init`: what init leaves besides the resource invariants (its own
  /// postcondition) must be exactly main's precondition, as Smallfoot checks it.
  private static func initialStateProblem(_ context: ProgramContext, main: ProcedureDecl) -> Diagnostic? {
    guard let initial = context.specifications["init"], let entry = context.specifications["main"] else { return nil }
    let range = main.precondition?.range ?? main.name.range
    for state in initial.postcondition {
      switch DisjunctiveEntailment(prover: context.prover, precise: true).prove(state, entry.precondition) {
      case .proved: continue
      case .failed(let failure):
        let notes = SymbolicExecutor.explain(failure, in: state, targets: entry.precondition)
        return CheckerDiagnostics.callPrecondition("main", range: range, notes: notes)
      case .unknown(let reason):
        return CheckerDiagnostics.undecided("main's precondition after init", reason: reason, range: range)
      }
    }
    return nil
  }
}
