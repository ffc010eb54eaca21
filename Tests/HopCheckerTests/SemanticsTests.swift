import HopChecker
import HopSyntax
import HopTestSupport
import Testing

/// The rules of the sync checker that the example gallery does not pin on its own:
/// arithmetic kept as terms, parameters, calls, loops and what is never valid.
@Suite struct SemanticsTests {
  @Test func arithmeticIsNotReadAsZeroAsSmallfootDoes() {
    // Smallfoot 0.1 reads y + 1 as 0 and proves this; x may well be non-zero and unallocated.
    let program = """
      tl;
      f(y) [emp] {
        local x;
        x = y + 1;
        if (x == 0) {} else { dispose x; }
      } [emp]
      """
    #expect(syncErrors(program) == ["HH101 5"])
    // The same with the arithmetic decided: x == 0 whenever y == -1.
    #expect(syncErrors(program.replacingOccurrences(of: "[emp] {", with: "[y == -1] {")) == [])
  }

  @Test func aValueParameterInThePostconditionIsItsFinalValue() {
    let program = """
      tl;
      drop(x) [x |-> tl: _n * list(_n)] {
        local n;
        n = x->tl;
        dispose x;
        x = n;
      } [list(x)]
      """
    #expect(syncErrors(program) == [])
    // Without the assignment, the postcondition claims the disposed cell.
    #expect(syncErrors(program.replacingOccurrences(of: "x = n;", with: "")) == ["HH103 7"])
  }

  @Test func aCallerKnowsNothingOfAValueParameterTheCalleeAssigns() {
    let program = """
      tl;
      step(x) [x |-> tl: _n * list(_n)] {
        local n;
        n = x->tl;
        dispose x;
        x = n;
      } [list(x)]
      caller(y) [y |-> tl: _m * list(_m)] {
        step(y);
      } [list(y)]
      """
    // After the call, list(x) is about the callee's final x, not y: y's cells are not list(y).
    #expect(syncErrors(program) == ["HH103 10"])
  }

  @Test func referenceArgumentsGetTheCalleesFinalValues() {
    let program = """
      tl;
      make(x;) [emp] { x = new(); x->tl = NULL; } [x |-> tl: NULL]
      use() [emp] {
        local a;
        make(a;);
        dispose a;
      } [emp]
      """
    #expect(syncErrors(program) == [])
    #expect(syncErrors(program.replacingOccurrences(of: "make(a;);", with: "make(a;); make(a;);")) == ["HH102 7"])
  }

  @Test func theLoopFrameIsKeptAndWhatTheLoopAssignsIsForgotten() {
    let program = """
      tl;
      count(x, c) [list(x) * c |-> tl: NULL] {
        local k;
        k = 0;
        while (k != 5) [list(x)] { k = k + 1; }
        dispose c;
      } [list(x) * k == 5]
      """
    #expect(syncErrors(program) == [])
    // k is assigned in the loop: after it, only the negated condition says what k is.
    #expect(syncErrors(program.replacingOccurrences(of: "k == 5]", with: "k == 0]")) == ["HH103 7"])
  }

  @Test func theLoopBodyDoesNotSeeTheFrame() {
    let program = """
      tl;
      f(c) [c |-> tl: NULL] {
        local k;
        k = 0;
        while (k != 5) [emp] { c->tl = k; k = k + 1; }
        dispose c;
      } [emp]
      """
    #expect(syncErrors(program) == ["HH101 5"])
  }

  @Test func conditionsSplitOnAndOrAndNot() {
    let program = """
      tl;
      f(x, y) [x |-> tl: NULL * y |-> tl: NULL] {
        if (x != NULL && !(y == NULL)) { dispose x; dispose y; } else { dispose x; }
      } [emp]
      """
    // The else branch is unreachable (both are allocated, so non-NULL).
    #expect(syncErrors(program) == [])
    let leaky = program.replacingOccurrences(of: "x |-> tl: NULL * y |-> tl: NULL", with: "x |-> tl: NULL * list(y)")
    #expect(syncErrors(leaky) == ["HH102 4"])
  }

  @Test func aStepTheCheckerCannotTakeIsUnknownNeverValid() {
    // Twelve independent tests make 4,096 cases, past the limit of 2,000 symbolic states.
    let tests = (0..<12).map { "if (a\($0) == b\($0)) { } else { }" }.joined(separator: "\n  ")
    let parameters = (0..<12).map { "a\($0), b\($0)" }.joined(separator: ", ")
    let (report, _) = checkSync("f(\(parameters)) [emp] {\n  \(tests)\n} [emp]\n")
    #expect(report.procedures.map(\.outcome) == [.unknown])
    #expect(report.diagnostics.map(\.code.rawValue) == ["HH115"])
    // Ten tests (1,024 cases) are within the limit and proved.
    let fewer = (0..<10).map { "if (a\($0) == b\($0)) { } else { }" }.joined(separator: "\n  ")
    #expect(checkSync("f(\(parameters)) [emp] {\n  \(fewer)\n} [emp]\n").report.procedures.map(\.outcome) == [.valid])
  }

  @Test func oneFailingProcedureDoesNotStopTheOthers() {
    let program = """
      tl;
      a(x) [x |-> tl: NULL] { } [emp]
      b(x) [emp] { dispose x; } [emp]
      c(x) [list(x)] { } [list(x)]
      d(x) [emp] { x = new(); } [emp]
      """
    #expect(syncErrors(program) == ["HH102 2", "HH101 3", "HH102 5"])
    #expect(syncVerdicts(program) == ["a: invalid", "b: invalid", "c: valid", "d: invalid"])
  }

  @Test func errorsComeWithTheStateAndWhatWasNeeded() throws {
    let (report, _) = checkSync("""
      tl;
      f(x) [list(x)] { dispose x; } [emp]
      g(x) [x |-> tl: _n * list(_n)] { dispose x; } [emp]
      """)
    let fault = try #require(report.diagnostics.first { $0.code.rawValue == "HH101" })
    #expect(fault.notes.contains { $0.message.contains("in this case of the state") })
    let leak = try #require(report.diagnostics.first { $0.code.rawValue == "HH102" })
    #expect(leak.notes.contains { $0.message == "left over: list(tl; _a)" })
    // Existentials are shown readably, never as the prover's internal names.
    #expect(!report.diagnostics.flatMap(\.notes).contains { $0.message.contains("#") })
  }

  @Test func anExistentialSharedByPreAndPostIsOneValue() {
    let program = """
      tl;
      keep(x) [x |-> tl: _v] { } [x |-> tl: _v]
      change(x) [x |-> tl: _v] { x->tl = NULL; } [x |-> tl: _v]
      use(y, z) [y |-> tl: z * z |-> tl: NULL] {
        keep(y);
        dispose z;
      } [y |-> tl: z]
      """
    // The caller gets back the value it passed in; a callee that changes it is refuted.
    #expect(syncErrors(program) == ["HH103 3"])
  }

  @Test func aLoopKeepsAnExistentialOnlyIfItsBodyDoes() {
    // Smallfoot 0.1 proves this (it proves the body with fresh existentials but keeps the entry value).
    let program = """
      tl;
      f(x, k) [x |-> tl: 5] {
        while (k != 0) [x |-> tl: _v] { x->tl = 7; k = 0; }
      } [x |-> tl: 5]
      """
    #expect(syncErrors(program) == ["HH103 4"])
    #expect(syncErrors(program.replacingOccurrences(of: "x->tl = 7;", with: "")) == [])
  }

  @Test func eachErrorSitsAtItsCommandOrPostcondition() {
    let source = MarkedSource("""
      tl;
      f(x) [x |-> tl: NULL] {
        local y;
        1️⃣dispose x;
        2️⃣y = x->tl;
      } [emp]
      g(x) [x |-> tl: NULL] {
        local y;
        y = new();
      } [3️⃣x |-> tl: NULL]
      h(a, b) [a |-> tl: NULL] {
        4️⃣k(a) || k(a);
      } [emp]
      k(z) [z |-> tl: NULL] { dispose z; } [emp]
      """)
    let (report, _) = checkSync(source.text)
    let found = report.diagnostics.filter { $0.severity == .error }.map { "\($0.code) \($0.range.start)" }
    // The read after the dispose is blamed, not the dispose that freed the cell (1️⃣).
    #expect(found == ["HH101 \(source["2️⃣"])", "HH102 \(source["3️⃣"])", "HH106 \(source["4️⃣"])"])
    #expect(!report.diagnostics.contains { $0.range.start == source["1️⃣"] })
  }

  @Test func anAliasOfAReferenceArgumentSurvivesACalleeThatDoesNotAssignIt() {
    let program = """
      tl;
      touch(x;) [x |-> ] { } [x |-> ]
      move(x;) [x |-> ] { local t; t = x; x = new(); dispose t; } [x |-> ]
      g(c) [c |-> ] {
        local p;
        p = c;
        touch(c;);
        dispose p;
      } [emp]
      """
    #expect(syncErrors(program) == [])
    // A callee that assigns its reference parameter: c is a new cell, p dangles.
    #expect(syncErrors(program.replacingOccurrences(of: "touch(c;);", with: "move(c;);")) == ["HH101 8"])
  }

  @Test func aSpecificationThatCannotBeReadIsNeverValid() {
    // The second declaration's precondition has no meaning in the logic: not proved
    // (it used to translate to no state at all, and the body passed as valid).
    let program = "tl;\nf(x) [emp] { } [emp]\nf(x) [true] { dispose x; } [emp]\n"
    #expect(syncVerdicts(program) == ["f: valid", "f: unknown"])
    #expect(syncErrors(program) == ["HH115 3"])
  }
}
