import HopChecker
import Testing

/// The channel rules: each program must be rejected with its code at its
/// line, next to the variant that must be proved (so a weakened rule fails here).
@Suite struct ChannelTests {
  /// A cell travels with `cell`; `ack` carries nothing; the sender's endpoint travels with `fin`.
  /// In D only `cell` can arrive at `~D{s}`, and in G only `bye` at `~G{s}` (where a plain receive may wait).
  static let header = """
    tl;
    message cell [val |-> ]
    message ack
    message fin [val |-> C{end} * val == src]
    message bye [val |-> G{end} * val == src]
    contract C {
      initial state transfer { !cell -> wait; !fin -> end; }
      state wait { ?ack -> transfer; }
      final state end {}
    }
    contract D { initial state s { !cell -> t; } state t { ?ack -> s; } }
    contract G { initial state s { !bye -> end; } final state end {} }

    """
  /// The errors of `body` after the header, with lines counted from the body's first line.
  static func errors(_ body: String) -> [String] {
    let headerLines = header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    return syncErrors(header + body).map { error in
      let parts = error.split(separator: " ")
      return "\(parts[0]) \(Int(parts[1])! - headerLines)"
    }
  }

  @Test func aCellSentAwayIsNoLongerOwned() {
    let program = """
      p(e, x) [e |-> C{transfer} * x |-> ] {
        send(cell, e, x);
        receive(ack, e);
        send(fin, e, e);
      } [emp]
      """
    #expect(Self.errors(program) == [])
    #expect(Self.errors(program.replacingOccurrences(of: "receive(ack, e);", with: "receive(ack, e); dispose x;"))
            == ["HH101 3"])
    // The postcondition may not claim it either.
    #expect(Self.errors(program.replacingOccurrences(of: "} [emp]", with: "} [x |-> ]")) == ["HH103 5"])
  }

  @Test func theSentOwnershipMustBeInTheState() {
    #expect(Self.errors("""
      p(e, x) [e |-> C{transfer}] {
        send(cell, e, x);
        receive(ack, e);
        send(fin, e, e);
      } [emp]
      """) == ["HH116 2"])
  }

  @Test func sendsAndReceivesFollowTheContract() {
    #expect(Self.errors("""
      p(e, x) [e |-> C{transfer} * x |-> ] {
        send(cell, e, x);
        send(fin, e, e);
      } [emp]
      """) == ["HH108 3"])
    #expect(Self.errors("""
      q(f) [f |-> ~D{s}] {
        local x;
        x = receive(cell, f);
        x = receive(cell, f);
        dispose x;
      } [f |-> ~D{t}]
      """) == ["HH108 4"])
  }

  @Test func aReceivedCellIsOwnedAndMustNotLeak() {
    let program = """
      q(f) [f |-> ~D{s}] {
        local x;
        x = receive(cell, f);
        dispose x;
        send(ack, f);
      } [f |-> ~D{s}]
      """
    #expect(Self.errors(program) == [])
    #expect(Self.errors(program.replacingOccurrences(of: "dispose x;", with: "")) == ["HH102 6"])
  }

  @Test func aSwitchCoversEveryMessageThatMayArrive() {
    let program = """
      q(f) [f |-> ~C{transfer}] {
        local x, e;
        switch receive {
          x = receive(cell, f): { dispose x; send(ack, f); }
          e = receive(fin, f): { close(e, f); }
        }
      } [emp]
      """
    // The cell branch keeps f, which the postcondition does not mention.
    #expect(Self.errors(program) == ["HH102 7"])
    let missing = program.replacingOccurrences(of: "    e = receive(fin, f): { close(e, f); }\n", with: "")
    #expect(Self.errors(missing) == ["HH109 3"])
  }

  @Test func closeNeedsBothEndsOfOneChannelInOneFinalState() {
    let program = """
      m() [emp] {
        local e, f;
        (e, f) = open(G);
        send(bye, e, e);
        receive(bye, f);
        close(e, f);
      } [emp]
      """
    // The endpoint e travels in bye and comes back to the same thread: still the two ends.
    #expect(Self.errors(program) == [])
    #expect(Self.errors(program.replacingOccurrences(of: "  send(bye, e, e);\n  receive(bye, f);\n", with: ""))
            == ["HH110 4"])
    let otherChannel = """
      m() [emp] {
        local e, f, g, h;
        (e, f) = open(G);
        (g, h) = open(G);
        send(bye, e, e);
        receive(bye, f);
        send(bye, g, g);
        receive(bye, h);
        close(e, h);
      } [emp]
      """
    #expect(Self.errors(otherChannel) == ["HH111 9"])
  }

  @Test func closeNeedsALeakFreeContract() {
    let program = """
      message m
      contract D { initial final state s { !m -> s; } }
      k() [emp] {
        local e, f;
        (e, f) = open(D);
        close(e, f);
      } [emp]
      """
    #expect(syncErrors(program) == ["HH112 6"])
  }

  @Test func anEndpointIsOwnedLikeACell() {
    // Left at exit: a leak. Used after it was sent away: a fault.
    #expect(Self.errors("""
      m() [emp] {
        local e, f;
        (e, f) = open(C);
      } [emp]
      """) == ["HH102 4"])
    #expect(Self.errors("""
      p(e) [e |-> C{transfer}] {
        send(fin, e, e);
        send(fin, e, e);
      } [emp]
      """) == ["HH101 3"])
    #expect(Self.errors("""
      q(f) [emp] {
        local x;
        x = receive(cell, f);
      } [emp]
      """) == ["HH101 3"])
  }

  @Test func anEndpointCanBeKeptInAResource() {
    // A resource holds the sending end; a worker takes it, sends, and puts it back.
    let program = """
      message m [val |-> ]
      contract S { initial final state s { !m -> t; } state t { ?m -> s; } }
      resource box(e) [if e == NULL then emp else e |-> S{s}]
      init() { e = NULL; }
      put(x) [x |-> ] {
        with box when (e != NULL) { send(m, e, x); }
      } [emp]
      """
    // The invariant is not re-established: after the send, e is in state t.
    #expect(syncErrors(program) == ["HH113 6"])
    let answered = program.replacingOccurrences(of: "contract S { initial final state s { !m -> t; } state t { ?m -> s; } }",
                                                with: "contract S { initial final state s { !m -> s; } }")
    #expect(syncErrors(answered) == [])
  }

  @Test func aContractWithErrorsIsNeverValid() {
    // Its channels cannot be checked: the procedure is unknown (it used to lose its states and pass as valid).
    let program = """
      message m
      contract D { state s { !m -> s; } }
      f() [emp] {
        local e, g, x;
        (e, g) = open(D);
        x = new();
      } [emp]
      """
    let (report, _) = checkSync(program)
    #expect(report.procedures.map(\.outcome) == [.unknown])
    #expect(report.diagnostics.map(\.code.rawValue) == ["HH302", "HH115"])
  }
}
