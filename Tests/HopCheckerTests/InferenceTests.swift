@testable import HopChecker
import HopLogic
import HopProver
import HopSyntax
import HopTestSupport
import Testing

/// Loops written without an invariant (decision 75): the inferred invariant
/// proves what a written one would, a faulting loop stays rejected at the same
/// line, and an invariant the loop rule is given is checked, never trusted.
@Suite struct InferenceTests {
  static let traversal = """
    tl;
    walk(x) [list(x)] {
      local t;
      t = x;
      while (t != NULL) {
        t = t->tl;
      }
    } [list(x)]

    """

  @Test func aTraversalIsProvedWithItsSegmentInferred() {
    let (report, _) = checkSync(Self.traversal)
    #expect(report.procedures.map(\.outcome) == [.valid])
    #expect(report.inferences.map(\.formula) == ["list(tl; t) * lseg(tl; x, t)"])
    // Without inference the omitted invariant is emp, as in Smallfoot.
    let file = SourceFile(path: "t.hop", text: Self.traversal)
    let off = SyncChecker.check(Frontend.analyze(file).program, inferringInvariants: false)
    #expect(off.procedures.map(\.outcome) == [.invalid])
    #expect(off.inferences.isEmpty)
  }

  @Test func reversalDisposalAndBuildingAreProved() {
    let program = """
      hd, tl;
      reverse(p; i) [list(i)] {
        local n;
        p = NULL;
        while (i != NULL) { n = i->tl; i->tl = p; p = i; i = n; }
      } [list(p)]
      destroy(x) [list(x)] {
        local t;
        while (x != NULL) { t = x; x = x->tl; dispose t; }
      } [emp]
      build(l; k) [emp] {
        local c;
        l = NULL;
        while (k != 0) { c = new(); c->tl = l; l = c; k = k - 1; }
      } [list(l)]

      """
    #expect(syncVerdicts(program) == ["reverse: valid", "destroy: valid", "build: valid"])
  }

  /// A loop that reads past its list's end is rejected where it reads past it, and the
  /// error says which states the loop was checked with.
  @Test func aFaultingLoopStaysRejectedWithANote() {
    let program = """
      tl;
      skip2(x) [list(x)] {
        local t;
        t = x;
        while (t != NULL) {
          t = t->tl;
          t = t->tl;
        }
      } [list(x)]

      """
    let (report, file) = checkSync(program)
    let errors = report.diagnostics.filter { $0.severity == .error }
    let lines = { (errors: [Diagnostic]) in errors.map { "\($0.code) \(file.location(of: $0.range.start).line)" } }
    // Inference reaches the fault at line 7 and the loop is checked with the states it reached: the
    // error is the body's own (with emp, inference off, the first read at line 6 fails instead).
    #expect(report.inferences.first?.reasonGivenUp?.contains("HH101") == true)
    #expect(lines(errors) == ["HH101 7"])
    #expect(errors.first?.notes.contains { $0.message.hasPrefix("this loop has no written invariant") } == true)
    let off = SyncChecker.check(Frontend.analyze(file).program, inferringInvariants: false)
    #expect(lines(off.diagnostics.filter { $0.severity == .error }) == ["HH101 6"])
  }

  /// Cells leaked on every iteration have no invariant: inference gives up, the
  /// invariant is emp, and the verdict and line are those of `--no-infer`.
  @Test func inferenceGivesUpOnGrowingStatesAndSaysSo() {
    let program = """
      tl;
      grow(k) [emp] {
        local y;
        while (k != 0) {
          y = new();
          k = k - 1;
        }
      } [emp]

      """
    let (report, file) = checkSync(program)
    #expect(report.inferences.first?.reasonGivenUp != nil)
    let line = { (diagnostics: [Diagnostic]) in
      diagnostics.filter { $0.severity == .error }.map { "\($0.code) \(file.location(of: $0.range.start).line)" }
    }
    let off = SyncChecker.check(Frontend.analyze(file).program, inferringInvariants: false)
    #expect(line(report.diagnostics) == line(off.diagnostics))
    #expect(!line(report.diagnostics).isEmpty)
    #expect(report.diagnostics.first?.notes.contains { $0.message.contains("no invariant inferred") } == true)
  }

  /// The disjunction over `done` of list_transfer's receiver is inferred and written as one `if` formula.
  @Test func aFlagSeparatesTheCasesOfAReceiveLoop() {
    let program = """
      tl;
      message cell [val |-> ]
      message ack
      message fin [val |-> C{end} * val == src]
      contract C {
        initial state transfer { !cell -> wait; !fin -> end; }
        state wait { ?ack -> transfer; }
        final state end {}
      }
      get(f) [f |-> ~C{transfer}] {
        local x, e, done;
        done = 0;
        while (done == 0) {
          switch receive {
            x = receive(cell, f): { dispose x; send(ack, f); }
            e = receive(fin, f): { done = 1; }
          }
        }
        close(e, f);
      } [emp]

      """
    let (report, _) = checkSync(program)
    #expect(report.procedures.map(\.outcome) == [.valid])
    #expect(report.inferences.first?.formula?.hasPrefix("if done == ") == true)
  }

  // MARK: An inferred invariant is checked by the loop rule, not trusted

  /// The states just before the traversal's loop, the executor that reached them, and the loop.
  private func beforeLoop() throws -> (SymbolicExecutor, [SymbolicHeap], Statement) {
    let program = Frontend.analyze(SourceFile(path: "t.hop", text: Self.traversal)).program
    guard case .procedure(let procedure) = program.declarations.first, procedure.body.count == 2 else {
      throw CancellationError()
    }
    var executor = SymbolicExecutor(context: ProgramContext(program, prover: Prover()))
    let start = heaps("list(x)").map { executor.opened($0) }
    let states = try executor.run(procedure.body[0], start)
    return (executor, states, procedure.body[1])
  }

  private func code(checking invariant: String) throws -> String? {
    var (executor, states, loop) = try beforeLoop()
    guard case .whileLoop(let condition, _, let body) = loop.kind else { return "no loop" }
    do throws(ProofStop) {
      _ = try executor.loop(condition, invariant: heaps(invariant), inferred: true, body, loop.range, states)
      return nil
    } catch {
      switch error {
      case .failed(let diagnostic): return diagnostic.code.rawValue
      case .undecided(let diagnostic): return "undecided \(diagnostic.code.rawValue)"
      }
    }
  }

  @Test func aWrongInferredInvariantIsRejectedByTheLoopRule() throws {
    #expect(try code(checking: "lseg(x, t) * list(t)") == nil)
    // Not preserved: the cells the loop has passed are lost from `list(t)`.
    #expect(try code(checking: "list(t)") == "HH105")
    // Not holding on entry: there is no cell at `t` when the list is empty.
    #expect(try code(checking: "lseg(x, t) * t |-> tl: _n * list(_n)") == "HH104")
  }
}
