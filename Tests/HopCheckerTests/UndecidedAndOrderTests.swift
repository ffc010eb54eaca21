@testable import HopChecker
import HopLogic
import HopProver
import HopTestSupport
import Testing

/// Issue 23: what the prover could not decide is never a definite error, and a proof does not depend on the names.
@Suite struct UndecidedAndOrderTests {
  @Test func runningOutOfSplitsIsUndecided() {
    // emp proves x == NULL or x != NULL only after a split on x == NULL.
    let targets = [heap("x == NULL"), heap("x != NULL")]
    let none = DisjunctiveEntailment(prover: Prover(), precise: false, splitBudget: 0).prove(heap("emp"), targets)
    guard case .unknown(let reason) = none else {
      Issue.record("expected unknown, got \(none)")
      return
    }
    #expect(reason.contains("case splits"))
    let some = DisjunctiveEntailment(prover: Prover(), precise: false).prove(heap("emp"), targets)
    guard case .proved = some else {
      Issue.record("expected a proof, got \(some)")
      return
    }
    // A state that no split can help is still a definite failure.
    let no = DisjunctiveEntailment(prover: Prover(), precise: false, splitBudget: 0).prove(heap("emp"), [heap("x |-> ")])
    guard case .failed = no else {
      Issue.record("expected a failure, got \(no)")
      return
    }
    // A postcondition of 65 facts that the state does not decide needs 65 splits: HH115, not HH103.
    let facts = (1...65).map { "k != j + \($0)" }.joined(separator: " * ")
    #expect(syncErrors("p(k, j) [emp] {\n} [\(facts)]") == ["HH115 2"])
  }

  @Test func anUndecidedLoopIsNotRetriedIntoAFailure() {
    // Keeping _v (first attempt), the body's end must prove k != v' + 1, ..., k != v' + 65, facts of
    // no existential that the state does not decide: 65 splits, one over the limit, so undecided.
    // Quantifying _v afresh (second attempt), the facts are the prover's to find and fail at once.
    // That failure is no verdict, since the first attempt might have succeeded.
    let facts = (1...65).map { "k != _v + \($0)" }.joined(separator: " * ")
    let program = """
      d;
      p(x; k) [x |-> d: 0 * k == 0] {
        local i, j;
        i = 0;
        while (i == 0) [x |-> d: _v * \(facts)] {
          k = j;
        }
      } [x |-> ]
      """
    let (report, _) = checkSync(program)
    #expect(syncErrors(program) == ["HH115 5"])
    #expect(report.procedures.map(\.outcome) == [.unknown])
    let notes = report.diagnostics.flatMap(\.notes).map(\.message)
    #expect(notes.contains { $0.contains("quantified afresh") && $0.contains("HH105") })
  }

  /// examples/smallfoot/xorlist.hop with its variables `x` and `w` named as given.
  static func xorlist(x: String, w: String) -> String {
    """
    d, l;
    pop_front(f, b, \(x);) [xlseg(f, NULL, NULL, b) * f != NULL] {
      local t, n, u, \(w);
      \(x) = f;
      t = \(x)->l;
      n = t ^ NULL;
      if (n == NULL) {
        b = NULL;
      } else {
        u = n->l;
        \(w) = u ^ \(x);
        n->l = \(w) ^ NULL;
      }
      f = n;
    } [\(x) |-> * xlseg(f, NULL, NULL, b)]
    clear(f, b;) [xlseg(f, NULL, NULL, b)] {
      local \(x);
      while (f != NULL) [xlseg(f, NULL, NULL, b)] {
        pop_front(f, b, \(x););
        dispose \(x);
      }
    } [emp]
    """
  }

  @Test func xorlistIsProvedUnderAnyNames() {
    for (x, w) in [("x", "w"), ("c", "w"), ("x", "zz"), ("a", "a1"), ("zz", "c")] {
      #expect(syncErrors(Self.xorlist(x: x, w: w)) == [], "x named \(x), w named \(w)")
    }
  }
}
