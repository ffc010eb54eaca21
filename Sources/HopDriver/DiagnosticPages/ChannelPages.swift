import HopChecker

extension DiagnosticPages {
  /// HH108–HH112 and HH116: `check` of the Heap-Hop channel commands (`HopChecker`).
  static let channelPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .contractViolation, title: "contract violation: no such transition",
      meaning: """
        A `send(m, e, ..)` or `receive(m, e)` where some contract state the
        endpoint `e` may be in has no `!m` (for a send) or `?m` (for a
        receive) transition. The notes say which states the endpoint is in
        and what they allow.
        """,
      rule: """
        Heap-Hop's send and receive rules (Villard, Lozes, Calcagno, APLAS'09):

            {e |-> C{a} * Inv_m[val:=x, src:=e] * F}  send(m, e, x)  {e |-> C{b} * F}
                when a --!m--> b in C
            {e |-> C{a}, peer: p * F}  x = receive(m, e)  {e |-> C{b}, peer: p * Inv_m[val:=x, src:=p] * F}
                when a --?m--> b in C

        The contract is the protocol both ends agreed on: a command it does
        not allow in the current state has no rule. The peer follows the dual
        contract `~C`, where `!` and `?` are swapped.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        message req
        message resp

        contract Ping {
          initial state idle { !req -> busy; }
          state busy { ?resp -> done; }
          final state done {}
        }

        client(e) [e |-> Ping{idle}] {
          send(req, e);
          send(req, e);
        } [e |-> Ping{done}]
        """#), output: #"""
        example.hop:12:3: error: contract violation: sending 'req' is not allowed in the state of 'e' [HH108]
         12 |   send(req, e);
            |   ^~~~~~~~~~~~~
          note: e is in state busy of Ping, which allows only ?resp

        """#),
      fix: """
        Follow the contract: here wait for the response before going on.
        """,
      fixed: .text(#"""
        message req
        message resp

        contract Ping {
          initial state idle { !req -> busy; }
          state busy { ?resp -> done; }
          final state done {}
        }

        client(e) [e |-> Ping{idle}] {
          send(req, e);
          receive(resp, e);
        } [e |-> Ping{done}]
        """#)),

    DiagnosticPage(
      code: .unspecifiedReception, title: "unspecified reception: a `switch receive` that misses a message",
      meaning: """
        A `switch receive` has no branch for a message that the contract
        state of one of its endpoints can receive, or a plain `receive(m, e)`
        waits for `m` where `e`'s states can also receive another message.
        If that message came, the program would not be ready for it.
        """,
      rule: """
        The switch-receive rule: each branch is a legal receive on an owned
        endpoint, and for each endpoint of the switch (an alias counts as the
        endpoint it denotes) the branches cover every `?m` that its current
        states allow. A plain receive is a switch with one case (decision 60).
        Together with the contract's properties this makes a program free of
        unspecified receptions.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        message req
        message quit

        contract Service {
          initial state idle { !req -> idle; !quit -> done; }
          final state done {}
        }

        server(f) [f |-> ~Service{idle}] {
          switch receive {
            receive(req, f): { }
          }
        } [f |-> ~Service{idle}]
        """#), output: #"""
        example.hop:10:3: error: unspecified reception: this switch does not receive 'quit' on 'f', which may arrive [HH109]
         10 |   switch receive {
            |   ^~~~~~~~~~~~~~~~
          note: f is in state idle of ~Service, which allows only ?req, ?quit

        """#),
      fix: """
        Add a branch for every message the state can receive.
        """,
      fixed: .text(#"""
        message req
        message quit

        contract Service {
          initial state idle { !req -> idle; !quit -> done; }
          final state done {}
        }

        server(f) [f |-> ~Service{idle}] {
          switch receive {
            receive(req, f): { }
            receive(quit, f): { }
          }
        } [f |-> ~Service{idle, done}]
        """#)),

    DiagnosticPage(
      code: .closeNotFinal, title: "`close` of endpoints that may not be in one final state",
      meaning: """
        `close(e, f)` where the two endpoints may be in a state that is not
        final, or in different states. A message could still be in flight.
        """,
      rule: """
        Heap-Hop's close rule:

            {e |-> C{s}, peer: f * f |-> ~C{s}, peer: e}  close(e, f)  {emp}
                when s is final and C is leak-free

        Both ends in the same final state of a leak-free contract means that
        both buffers are empty, so closing frees nothing that is still owned.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        message req
        message resp

        contract Ping {
          initial state idle { !req -> busy; }
          state busy { ?resp -> done; }
          final state done {}
        }

        main() [emp] {
          local e, f;
          (e, f) = open(Ping);
          send(req, e);
          receive(req, f);
          close(e, f);
        } [emp]
        """#), output: #"""
        example.hop:15:3: error: close of 'e' and 'f', which may not be in one final state [HH110]
         15 |   close(e, f);
            |   ^~~~~~~~~~~~
          note: e is in state busy of Ping, which allows only ?resp
          note: f is in state busy of ~Ping, which allows only !resp

        """#),
      fix: """
        Finish the exchange first, so that both ends reach the final state.
        """,
      fixed: .text(#"""
        message req
        message resp

        contract Ping {
          initial state idle { !req -> busy; }
          state busy { ?resp -> done; }
          final state done {}
        }

        main() [emp] {
          local e, f;
          (e, f) = open(Ping);
          send(req, e);
          receive(req, f);
          send(resp, f);
          receive(resp, e);
          close(e, f);
        } [emp]
        """#)),

    DiagnosticPage(
      code: .closeNotPeers, title: "`close` of endpoints that may not be each other's peers",
      meaning: """
        `close(e, f)` where `e` and `f` may not be the two ends of one
        channel, or are ends of the same role.
        """,
      rule: """
        The close rule needs `e |-> C{s}, peer: f * f |-> ~C{s}, peer: e`: the
        two ends of one channel, one following C and the other its dual. An
        endpoint's peer never changes (it survives sends, receives and
        transfers), and peers are symmetric.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        contract Empty {
          initial final state s {}
        }

        main() [emp] {
          local e1, f1, e2, f2;
          (e1, f1) = open(Empty);
          (e2, f2) = open(Empty);
          close(e1, f2);
          close(e2, f1);
        } [emp]
        """#), output: #"""
        example.hop:9:3: error: close of 'e1' and 'f2', which may not be the two ends of one channel [HH111]
         9 |   close(e1, f2);
           |   ^~~~~~~~~~~~~~
          note: e1 is in state s of Empty, which allows no message (it is final)
          note: f2 is in state s of ~Empty, which allows no message (it is final)

        """#),
      fix: """
        Close each channel with its own two ends.
        """,
      fixed: .text(#"""
        contract Empty {
          initial final state s {}
        }

        main() [emp] {
          local e1, f1, e2, f2;
          (e1, f1) = open(Empty);
          (e2, f2) = open(Empty);
          close(e1, f1);
          close(e2, f2);
        } [emp]
        """#)),

    DiagnosticPage(
      code: .closeNotLeakFree, title: "`close` of a channel whose contract is not leak-free",
      meaning: """
        `close(e, f)` of a channel whose contract is not leak-free: even with
        both ends in one final state, messages (and the ownership they carry)
        may be left in a buffer. A note gives lint's witness.
        """,
      rule: """
        A contract is leak-free when it is deterministic, of uniform choice
        and every final state is synchronizing (every cycle through it has a
        send and a receive). Only then does "both ends in the same final
        state" imply empty buffers, which the close rule relies on.
        `hophop lint` reports the same property as HH320.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        message cell [val |-> ]

        contract Stream {
          initial final state go { !cell -> go; }
        }

        main(x) [x |-> ] {
          local e, f;
          (e, f) = open(Stream);
          send(cell, e, x);
          close(e, f);
        } [emp]
        """#), output: #"""
        example.hop:11:3: error: close of a channel of 'Stream', which is not leak-free: messages may be left in it [HH112]
         11 |   close(e, f);
            |   ^~~~~~~~~~~~
          note: close needs a leak-free contract: final state 'go' is on a cycle of sends only: go --!cell--> go

        """#),
      fix: """
        Make the contract leak-free, for instance by ending the stream with a
        message into a final state that has no cycle, and receive everything
        before closing. (Here the stream is one cell long, so that each plain
        receive has one message it can find; a longer one needs a
        `switch receive`.)
        """,
      fixed: .text(#"""
        message cell [val |-> ]
        message fin

        contract Stream {
          initial state go { !cell -> last; }
          state last { !fin -> end; }
          final state end {}
        }

        main(x) [x |-> ] {
          local e, f, y;
          (e, f) = open(Stream);
          send(cell, e, x);
          y = receive(cell, f);
          dispose y;
          send(fin, e);
          receive(fin, f);
          close(e, f);
        } [emp]
        """#)),

    DiagnosticPage(
      code: .messageInvariantNotEstablished, title: "the ownership a message carries is not in the sender's state",
      meaning: """
        A `send(m, e, x)` where the state after the transition does not
        contain m's invariant with `val` as `x` and `src` as `e`: the sender
        does not own what the message promises to hand over.
        """,
      rule: """
        The send rule takes `Inv_m[val:=x, src:=e]` out of the sender's state
        by frame inference: that ownership travels with the message, and the
        receiver gets it. The invariant is looked for after the contract
        transition, so an endpoint can send itself (a `fin` message whose
        invariant is `val |-> C{end} * val == src`).
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        message cell [val |-> ]

        contract One {
          initial state go { !cell -> end; }
          final state end {}
        }

        give(e, x) [e |-> One{go}] {
          send(cell, e, x);
        } [e |-> One{end}]
        """#), output: #"""
        example.hop:9:3: error: the ownership that message 'cell' carries is not in the state [HH116]
         9 |   send(cell, e, x);
           |   ^~~~~~~~~~~~~~~~~
          note: 'cell' carries: x |->
          note: state: e |-> One{end}
          note: needed: x |->, which is not in what is left of the state
          note: looked for: x |->

        """#),
      fix: """
        Own what you send: here the precondition must give the cell at `x`.
        """,
      fixed: .text(#"""
        message cell [val |-> ]

        contract One {
          initial state go { !cell -> end; }
          final state end {}
        }

        give(e, x) [e |-> One{go} * x |-> ] {
          send(cell, e, x);
        } [e |-> One{end}]
        """#)),
  ]
}
