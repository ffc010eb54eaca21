import HopLogic
import HopSMT
import HopSyntax

/// One of the things hophop proves about an async procedure.
public enum AsyncCondition: Hashable, Sendable, CustomStringConvertible {
  /// Every field access and `dispose` is on an allocated address, and no divisor is zero.
  case memorySafety
  /// Every loop invariant holds on entry and is preserved.
  case loopInvariants
  /// Condition 1: the procedure's effect satisfies its guarantee.
  case guarantee
  /// Condition 2: the instances of `child` the procedure posts satisfy the child's precondition.
  case childPrecondition(child: String)
  /// Condition 3: the rely preserves the precondition of a pending instance.
  case relyPreservesPrecondition
  /// Condition 4: while an instance of this procedure is pending, `sibling` running cannot break its rely.
  case siblingRespectsRely(sibling: String)

  /// The number of the rely/guarantee condition (docs/language.md §3.3), if it is one.
  public var number: Int? {
    switch self {
    case .memorySafety, .loopInvariants: nil
    case .guarantee: 1
    case .childPrecondition: 2
    case .relyPreservesPrecondition: 3
    case .siblingRespectsRely: 4
    }
  }

  public var description: String {
    switch self {
    case .memorySafety: "memory safety"
    case .loopInvariants: "loop invariants"
    case .guarantee: "condition 1 (guarantee)"
    case .childPrecondition(let child): "condition 2 (posted \(child) meets its precondition)"
    case .relyPreservesPrecondition: "condition 3 (rely preserves the precondition)"
    case .siblingRespectsRely(let sibling): "condition 4 (\(sibling) respects the rely)"
    }
  }
}

/// One condition of one procedure and its answer, in the terms both checkers share (`ProofOutcome`).
public struct AsyncConditionVerdict: Sendable {
  public var condition: AsyncCondition
  public var outcome: ProofOutcome
  /// Why it holds without a query (e.g. "the sibling writes nothing the precondition reads"), if so.
  public var reasonWithoutQuery: String?
  /// `condition.description`, made once and shared where the same text recurs (condition 4
  /// of one sibling is recorded under every pending procedure: N² times for N procedures).
  public var description: String

  init(condition: AsyncCondition, outcome: ProofOutcome, reasonWithoutQuery: String?, description: String? = nil) {
    self.condition = condition
    self.outcome = outcome
    self.reasonWithoutQuery = reasonWithoutQuery
    self.description = description ?? condition.description
  }
}

/// Everything checked for one async procedure.
public struct AsyncProcedureVerdict: Sendable {
  /// A part of the verdicts, in the order recorded: verdicts one by one, or a run of
  /// condition 4 pairs settled without a query, kept without their text (decision 85).
  enum Entry: Sendable {
    case checked([AsyncConditionVerdict])
    case withoutQuery(SiblingsWithoutQuery)
  }

  public let name: String
  let entries: [Entry]

  init(name: String, entries: [Entry]) {
    self.name = name
    self.entries = entries
  }

  public init(name: String, conditions: [AsyncConditionVerdict]) {
    self.init(name: name, entries: conditions.isEmpty ? [] : [.checked(conditions)])
  }

  /// Every condition, spelled out (N of them for each of N procedures when the procedures are independent).
  public var conditions: [AsyncConditionVerdict] {
    entries.flatMap { entry -> [AsyncConditionVerdict] in
      switch entry {
      case .checked(let verdicts): verdicts
      case .withoutQuery(let run): (0..<run.count).map(run.verdict(at:))
      }
    }
  }

  /// The worst outcome of its conditions; unknown when none was recorded
  /// (nothing checked is nothing proved).
  public var outcome: ProofOutcome { verdict.outcome }
}

/// A query sent to the solver, as an SMT-LIB 2 script (`--dump-smt`).
public struct DumpedQuery: Sendable {
  /// A file-name-safe name: procedure, condition, number.
  public var name: String
  public var script: String
  /// What Z3 answered: `unsat` means the condition (or this part of it) holds.
  public var answer: String
}

/// The result of checking the async procedures of one program.
public struct AsyncReport: Sendable {
  public var procedures: [AsyncProcedureVerdict] = []
  public var diagnostics: [Diagnostic] = []
  /// The queries asked, one per condition, obligation or blame step (one `--dump-smt` file
  /// each); a query first asked without the start conjuncts it does not need and then
  /// whole (decision 80) counts once.
  public var queryCount = 0
  /// The time Z3 spent, over every solver call.
  public var solverTime: Duration = .zero
  public var dumpedQueries: [DumpedQuery] = []
  /// Why nothing was checked, when libz3 could not be loaded (every procedure is then unknown).
  public var solverUnavailable: SMTUnavailable?

  /// The worst outcome over all procedures; never valid when there is an error.
  public var outcome: ProofOutcome {
    let worst = procedures.map(\.outcome).max() ?? (diagnostics.hasErrors ? .invalid : .valid)
    return diagnostics.hasErrors ? max(worst, .unknown) : worst
  }
}

extension AsyncProcedureVerdict {
  /// The verdict in the terms every checker shares (`ProcedureVerdict`): what reports, JSON and exit codes read.
  /// A run of pairs settled without a query stays a family (`ConditionList`): its text is made when read.
  public var verdict: ProcedureVerdict {
    ProcedureVerdict(name: name, layer: .async, conditions: ConditionList(pieces: entries.map { entry in
      switch entry {
      case .checked(let verdicts):
        .written(verdicts.map { ProcedureVerdict.Condition($0.description, outcome: $0.outcome,
                                                           reasonWithoutQuery: $0.reasonWithoutQuery) })
      case .withoutQuery(let run): .family(run)
      }
    }))
  }
}
