import HopSMT
import HopSyntax

/// Proves the async procedures of a program one by one, by the
/// rely/guarantee method of Gavran et al. (CONCUR'15, seeds/002): no
/// interleaving is explored; each procedure is run symbolically once and
/// the four conditions of docs/language.md §3.3 are discharged with Z3.
public enum AsyncChecker {
  /// How to run the solver.
  public struct Options: Sendable {
    /// Z3 gives up on one query (answer: unknown) after this long.
    public var timeoutMilliseconds: UInt32
    /// Keep every query as an SMT-LIB 2 script (`--dump-smt`).
    public var dumpQueries: Bool

    public init(timeoutMilliseconds: UInt32 = 5_000, dumpQueries: Bool = false) {
      self.timeoutMilliseconds = timeoutMilliseconds
      self.dumpQueries = dumpQueries
    }
  }

  /// True when the program has async procedures to check.
  public static func applies(to program: Program) -> Bool {
    program.declarations.contains { if case .asyncProcedure = $0 { true } else { false } }
  }

  /// Checks every async procedure of `program` (a program that passed the front end).
  public static func check(_ program: Program, options: Options = Options()) -> AsyncReport {
    let asyncProgram = AsyncProgram(program)
    var report = AsyncReport()
    let smt: SMTContext
    do {
      smt = try SMTContext(timeoutMilliseconds: options.timeoutMilliseconds)
    } catch {
      // Without Z3 nothing is proved: every procedure unknown (no condition checked), and why.
      report.solverUnavailable = error
      report.procedures = asyncProgram.procedures.map { AsyncProcedureVerdict(name: $0.name.name, conditions: []) }
      return report
    }
    let queries = QueryRunner(smt: smt, dumping: options.dumpQueries)
    report.diagnostics = Specifications(program: asyncProgram, fresh: FreshConstants(smt: smt, program: asyncProgram))
      .validate()
    guard !report.diagnostics.hasErrors else { return report }

    let verdicts = AsyncVerdictTable(names: asyncProgram.procedures.map(\.name.name))
    let start = StartAssumptions(program: asyncProgram, smt: smt)
    for index in asyncProgram.procedures.indices {
      var checker = ProcedureChecker(program: asyncProgram, index: index, queries: queries, start: start,
                                     verdicts: verdicts)
      checker.check()
      report.diagnostics += checker.diagnostics
    }
    report.procedures = verdicts.verdicts
    report.diagnostics = report.diagnostics.sortedBySource()
    report.queryCount = queries.asked
    report.solverTime = smt.statistics.time
    report.dumpedQueries = queries.dumped
    return report
  }
}
