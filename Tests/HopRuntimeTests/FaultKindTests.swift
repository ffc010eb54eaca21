import HopRuntime
import HopSyntax
import Testing

/// One small program per fault kind, each found within a few seeds, and
/// its seed replays the same fault.
@Suite struct FaultKindTests {
  static let programs: [(FaultKind, String)] = [
    (.nullDereference, "main() { local x; x = NULL; x->tl = 1; }"),
    (.danglingDereference, "main() { local x, y; x = new(); dispose x; y = x->tl; }"),
    (.doubleDispose, "main() { local x; x = new(); dispose x; dispose x; }"),
    (.invalidAddress, "main() { local x; x = 5; dispose x; }"),
    (.divisionByZero, "main() { local x, y; y = 0; x = 1 / y; }"),
    (.contractViolation, """
      message a message b
      contract C { initial state s { !a -> t; } final state t {} }
      main() { local e, f; (e, f) = open(C); send(b, e); }
      """),
    (.unexpectedMessage, """
      message req message quit
      contract S { initial state idle { !req -> idle; !quit -> done; } final state done {} }
      client(e) [e |-> S{idle}] { send(quit, e); } [e |-> S{done}]
      server(f) [f |-> ~S{idle}] { switch receive { receive(req, f): {} } } [f |-> ~S{idle}]
      main() { local e, f; (e, f) = open(S); client(e) || server(f); close(e, f); }
      """),
    (.closeNotFinal, """
      message req
      contract P { initial state idle { !req -> done; } final state done {} }
      main() { local e, f; (e, f) = open(P); close(e, f); }
      """),
    (.closeNotPeers, """
      message m
      contract P { initial final state s { !m -> s; } }
      main() { local e, f, g, h; (e, f) = open(P); (g, h) = open(P); close(e, h); }
      """),
    (.closeWithMessages, """
      message m
      contract P { initial final state s { !m -> s; } }
      main() { local e, f; (e, f) = open(P); send(m, e); close(e, f); }
      """),
    (.deadlock, """
      message m
      contract P { initial state s { !m -> t; } final state t {} }
      main() { local e, f; (e, f) = open(P); receive(m, f); close(e, f); }
      """),
    (.leak, "main() { local x; x = new(); } [emp]"),
    (.postconditionFailed, "main(;x) { x = new(); dispose x; } [x |-> ]"),
    (.asyncPreconditionFalse, """
      global g;
      async main() { g = 0; post f(); }
      async f() [g == 1] { g = 2; }
      """),
  ]

  @Test func everyKindHasAProgram() {
    #expect(Set(Self.programs.map(\.0)) == Set(FaultKind.allCases))
  }

  @Test(arguments: Self.programs.map(\.0))
  func faultIsFound(kind: FaultKind) throws {
    let text = Self.programs.first { $0.0 == kind }!.1
    let result = try campaign(text, runs: 20)
    #expect(result.kinds == [kind], "\(result.faults)")
    let witness = try #require(result.witnesses[kind])
    #expect(!witness.fault.trace.isEmpty)
    let replay = Interpreter.run(program: try compiled(text), procedure: "main", seed: witness.seed)
    #expect(replay.fault?.kind == kind)
    #expect(replay.fault?.range == witness.fault.range)
  }

  @Test func faultIsAtTheFaultingCommand() throws {
    let text = "main() { local x; x = new(); dispose x; dispose x; }"
    let fault = try #require(Interpreter.run(program: try compiled(text), procedure: "main", seed: 7).fault)
    let file = SourceFile(path: "t.hop", text: text)
    #expect(file.text(of: fault.range) == "dispose x;")
    #expect(fault.trace.last?.range == fault.range)
  }

  @Test func regionsTakenInOppositeOrdersCanDeadlock() throws {
    let text = """
      resource a() [emp]
      resource b() [emp]
      ab() [emp] { with a when (true) { with b when (true) { } } } [emp]
      ba() [emp] { with b when (true) { with a when (true) { } } } [emp]
      main() [emp] { ab() || ba(); } [emp]
      """
    let result = try campaign(text)
    #expect(result.kinds == [.deadlock])
    #expect(result.completed > 0, "some schedules finish")
  }

  @Test func aRegionWaitsForItsCondition() throws {
    let text = """
      init() { c = 0; }
      resource r(c) [emp]
      set() [emp] { with r when (true) { c = 1; } } [emp]
      wait() [emp] { local seen; with r when (c == 1) { seen = c; } if (seen != 1) { dispose seen; } } [emp]
      main() [emp] { set() || wait(); } [emp]
      """
    let result = try campaign(text)
    #expect(result.faultCount == 0, "\(result.witnesses.values.map(\.fault.message))")
    #expect(result.completed == 200)
  }

  @Test func aLoopThatNeverEndsRunsOutOfSteps() throws {
    let result = try campaign("main() { local k; k = 1; while (k != 0) { k = 1; } }", runs: 3, maxSteps: 500)
    #expect(result.budgetExhausted == 3)
    #expect(result.faultCount == 0)
  }

  @Test func aParallelTransferRunsWithoutFault() throws {
    let text = """
      message cell
      message done
      contract T { initial state s { !cell -> s; !done -> end; } final state end {} }
      put(e, n) [e |-> T{s}] {
        local x, k;
        k = n;
        while (k != 0) [e |-> T{s}] { x = new(); send(cell, e, x); k = k - 1; }
        send(done, e);
      } [e |-> T{end}]
      get(f) [f |-> ~T{s}] {
        local x, stop;
        stop = 0;
        while (stop == 0) [if stop == 0 then f |-> ~T{s} else f |-> ~T{end}] {
          switch receive { x = receive(cell, f): { dispose x; } receive(done, f): { stop = 1; } }
        }
      } [f |-> ~T{end}]
      main(n) [emp] { local e, f; (e, f) = open(T); put(e, n) || get(f); close(e, f); } [emp]
      """
    let result = try campaign(text)
    #expect(result.faultCount == 0, "\(result.witnesses.values.map(\.fault.message))")
    #expect(result.completed == 200)
  }
}
