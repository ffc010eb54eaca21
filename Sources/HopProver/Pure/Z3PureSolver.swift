import HopLogic
import HopSMT

/// Pure reasoning by Z3 over the (unbounded) integers, through `SMTContext`;
/// `/` and `%` are C's (`truncatingDivide`, decision 59). One
/// context per solver object (per run), one `push`/`pop` per query, a
/// per-query timeout. Z3's `unknown` is passed on as `.unknown`, never as
/// an answer.
///
/// Z3 contexts are not thread-safe; a lock serialises the queries.
///
/// When libz3 cannot be loaded, every query is `.unknown` (nothing is proved
/// without it) and `unavailable` says why; the driver reports that
/// (`SMTLibrary.failure`) in place of the verdicts (decision 63).
public final class Z3PureSolver: PureSolver, @unchecked Sendable {
  private let smt: SMTContext?
  /// Why Z3 could not be started, if it could not.
  public let unavailable: SMTUnavailable?
  private let lock = PosixLock()

  /// - Parameter timeoutMilliseconds: Z3 gives up (answers unknown) after this long on one query.
  public init(timeoutMilliseconds: UInt32 = 2_000) {
    do {
      smt = try SMTContext(timeoutMilliseconds: timeoutMilliseconds, resourceLimit: nil)
      unavailable = nil
    } catch {
      smt = nil
      unavailable = error
    }
  }

  public func satisfiability(of facts: [PureAtom]) -> Satisfiability? {
    guard let smt else { return .unknown }
    lock.lock()
    defer { lock.unlock() }
    switch smt.check(facts.map { formula($0, smt) }) {
    case .satisfiable: return .satisfiable
    case .unsatisfiable: return .unsatisfiable
    case .unknown: return .unknown
    }
  }

  private func formula(_ atom: PureAtom, _ smt: SMTContext) -> SMTTerm {
    let term = { self.term($0, smt) }
    return switch atom {
    case .equal(let a, let b): smt.equal(term(a), term(b))
    case .notEqual(let a, let b): smt.not(smt.equal(term(a), term(b)))
    case .less(let a, let b): smt.less(term(a), term(b))
    case .lessEqual(let a, let b): smt.lessEqual(term(a), term(b))
    }
  }

  private func term(_ term: Term, _ smt: SMTContext) -> SMTTerm {
    switch term {
    case .variable(let variable): smt.constant(variable.name, .int)
    case .null: smt.integer(0)
    case .integer(let value): smt.integer(value.description)
    case .negate(let inner): smt.negate(self.term(inner, smt))
    case .binary(let op, let left, let right):
      switch op {
      case .plus: smt.add(self.term(left, smt), self.term(right, smt))
      case .minus: smt.subtract(self.term(left, smt), self.term(right, smt))
      case .times: smt.multiply(self.term(left, smt), self.term(right, smt))
      case .divide: smt.truncatingDivide(self.term(left, smt), self.term(right, smt))
      case .modulo: smt.truncatingRemainder(self.term(left, smt), self.term(right, smt))
      case .xor: smt.xor(self.term(left, smt), self.term(right, smt))
      }
    }
  }
}

/// The fast paths where they apply, Z3 everywhere else: the solver the prover uses.
/// Z3 is started only when the first query outside the equality fragment,
/// difference logic and xor congruence arrives, so runs that never need it (list problems, loop
/// counters) do not pay for it.
public struct LayeredPureSolver: PureSolver {
  public let fastPath = EqualityFastPath()
  public let differences = DifferenceLogic()
  public let xor = XorCongruence()
  private let fallback: LazySolver

  public init(fallback: @escaping @Sendable () -> any PureSolver = { Z3PureSolver() }) {
    self.fallback = LazySolver(make: fallback)
  }

  public func satisfiability(of facts: [PureAtom]) -> Satisfiability? {
    fastPath.satisfiability(of: facts) ?? differences.satisfiability(of: facts) ?? xor.satisfiability(of: facts)
      ?? fallback.solver.satisfiability(of: facts)
  }
}

/// A solver made on first use.
private final class LazySolver: @unchecked Sendable {
  private let make: @Sendable () -> any PureSolver
  private var made: (any PureSolver)?
  private let lock = PosixLock()

  init(make: @escaping @Sendable () -> any PureSolver) { self.make = make }

  var solver: any PureSolver {
    lock.lock()
    defer { lock.unlock() }
    if let made { return made }
    let solver = make()
    made = solver
    return solver
  }
}
