import HopChecker
import Testing

/// Issue 23: a plain receive where another message may arrive, a send without a
/// value, and the false alarms of peers known from one end and of aliases in a switch.
@Suite struct ChannelSoundnessTests {
  static let header = """
    message a
    message b
    contract K { initial state s { !a -> t; !b -> t; } final state t {} }
    contract L { initial state s { !a -> t; } final state t {} }

    """
  static let headerLines = header.split(separator: "\n", omittingEmptySubsequences: false).count - 1

  /// The errors of `body` after the header, lines counted from the body's first line.
  static func errors(_ body: String, header: String = header) -> [String] {
    let lines = header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    return syncErrors(header + body).map { error in
      let parts = error.split(separator: " ")
      return "\(parts[0]) \(Int(parts[1])! - lines)"
    }
  }

  @Test func aPlainReceiveIsASwitchWithOneCase() {
    // In ~K{s} the peer may send b: waiting for a alone may find b at the head of the queue (HH507 in a run).
    let plain = """
      r(f) [f |-> ~K{s}] {
        receive(a, f);
      } [f |-> ~K{t}]
      """
    #expect(Self.errors(plain) == ["HH109 2"])
    let (report, _) = checkSync(Self.header + plain)
    #expect(report.diagnostics.first?.message.contains("but 'b' may arrive") == true)
    // Receiving both is proved; so is a plain receive where a is the only message that can come.
    #expect(Self.errors("""
      r(f) [f |-> ~K{s}] {
        switch receive { receive(a, f): {} receive(b, f): {} }
      } [f |-> ~K{t}]
      """) == [])
    #expect(Self.errors(plain.replacingOccurrences(of: "K", with: "L")) == [])
  }

  @Test func aSendWithoutAValueCarriesAnArbitraryOne() {
    let header = Self.header + """
      message zero [val == 0]
      message cell [val |-> ]
      contract Z { initial state s { !zero -> t; } final state t {} }
      contract M { initial state s { !cell -> t; } final state t {} }

      """
    // The receiver relies on what zero promises ...
    #expect(Self.errors("""
      r(f, c) [f |-> ~Z{s} * c |-> ] {
        local x;
        x = receive(zero, f);
        if (x == 0) { dispose c; }
      } [f |-> ~Z{t}]
      """, header: header) == [])
    // ... so a zero sent without a value (val is anything, in a run too) must not be believed to carry 0.
    let send = """
      p(e) [e |-> Z{s}] {
        send(zero, e);
      } [e |-> Z{t}]
      """
    #expect(Self.errors(send, header: header) == ["HH116 2"])
    #expect(Self.errors(send.replacingOccurrences(of: "send(zero, e);", with: "send(zero, e, 0);"), header: header) == [])
    // Nor is a cell found for an arbitrary val.
    #expect(Self.errors("""
      p(e, x) [e |-> M{s} * x |-> ] {
        send(cell, e);
      } [e |-> M{t} * x |-> ]
      """, header: header) == ["HH116 2"])
  }

  @Test func aSwitchGroupsTheEndpointsItListsByAddress() {
    let header = Self.header + """
      message c [val |-> ]
      message ack
      message fin [val |-> C{end} * val == src]
      contract C {
        initial state transfer { !c -> wait; !fin -> end; }
        state wait { ?ack -> transfer; }
        final state end {}
      }

      """
    let program = """
      q(r; f) [f |-> ~C{transfer}] {
        local x, e, y;
        y = f;
        switch receive {
          x = receive(c, f): { dispose x; send(ack, y); r = 1; }
          e = receive(fin, y): { close(e, f); r = 0; }
        }
      } [if r == 1 then f |-> ~C{transfer} else emp]
      """
    // y is f: the two cases cover f.
    #expect(Self.errors(program, header: header) == [])
    // Two endpoints that may differ each miss a message.
    #expect(Self.errors(program.replacingOccurrences(of: "y = f;", with: "y = new(); dispose y;"), header: header)
            == ["HH109 4"])
  }

  @Test func peersAreMutualAtCutPoints() {
    let header = Self.header + """
      message bye [val |-> G{end} * val == src]
      contract G { initial state s { !bye -> end; } final state end {} }

      """
    // A peer known from one end is the peer of both (the slides' two-sided form).
    let keep = """
      k(e, f) [f |-> ~G{s}, peer: e * e |-> G{s}] {
      } [f |-> ~G{s}, peer: e * e |-> G{s}, peer: f]
      """
    #expect(Self.errors(keep, header: header) == [])
    #expect(Self.errors(keep.replacingOccurrences(of: "[f |-> ~G{s}, peer: e * e", with: "[f |-> ~G{s} * e"),
                        header: header) == ["HH103 2"])
    // After a call whose postcondition names the peer of one end only, a callee that needs both.
    let calls = """
      mk(e, f;) [emp] {
        (e, f) = open(G);
      } [f |-> ~G{s}, peer: e * e |-> G{s}]
      use(e, f) [e |-> G{s}, peer: f * f |-> ~G{s}, peer: e] {
        send(bye, e, e);
        receive(bye, f);
        close(e, f);
      } [emp]
      m() [emp] {
        local e, f;
        mk(e, f;);
        use(e, f);
      } [emp]
      """
    #expect(Self.errors(calls, header: header) == [])
    #expect(Self.errors(calls.replacingOccurrences(of: "} [f |-> ~G{s}, peer: e * e |-> G{s}]", with: "} [f |-> ~G{s} * e |-> G{s}]"),
                        header: header) == ["HH106 12"])
  }
}
