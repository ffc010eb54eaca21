import HopRuntime

extension DiagnosticPages {
  /// HH506–HH511 and HH514: `hophop run`, faults of channels, deadlocks and async
  /// preconditions (`HopRuntime`).
  static let runtimeChannelPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .runtimeFault(.contractViolation), title: "contract violation",
      meaning: """
        A run sent or received a message that the endpoint's contract state
        has no transition for: here `b` from state `s` of `C`, which allows only
        `!a`.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        Each endpoint carries its contract state at run time; `send(m, e)`
        moves it along its `!m` transition and `receive(m, f)` along `?m`, and
        a command with no such transition faults. `check` reports the same
        command as HH108.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        message a
        message b
        contract C { initial state s { !a -> t; } final state t {} }
        main() {
          local e, f;
          (e, f) = open(C);
          send(b, e);
          receive(b, f);
          close(e, f);
        }
        """#), output: #"""
        example.hop:7:3: error: contract violation: endpoint 1000 in state 's' of C cannot send 'b' [HH506]
         7 |   send(b, e);
           |   ^~~~~~~~~~~
          note: in a run of 'main', thread 0; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 2 commands of the run, oldest first:
          note: line 6, thread 0, main: (e, f) = open(C);  [e = 1000, f = 1001]
          note: line 7, thread 0, main: send(b, e);  [faults here]

        """#),
      fix: """
        As for HH108: send what the contract allows in that state, or change
        the contract.
        """,
      fixed: .text(#"""
        message a
        message b
        contract C { initial state s { !a -> t; } final state t {} }
        main() {
          local e, f;
          (e, f) = open(C);
          send(a, e);
          receive(a, f);
          close(e, f);
        }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.unexpectedMessage), title: "unexpected message",
      meaning: """
        A receive found at the head of its queue a message it does not take:
        here the client sends `quit`, and the server's `switch receive` has a
        case only for `req`. The server blocks until a message arrives, so
        every schedule faults.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        Queues are FIFO: a receive takes the message at the head of the queue
        if it lists it and the receiver's state has the transition; otherwise
        the message can never be taken and the receive faults. `check` reports
        the `switch` as HH109 (and the `close` in `main` as HH111); a run
        stops at its first fault.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        message req
        message quit
        contract S { initial state idle { !req -> idle; !quit -> done; } final state done {} }
        client(e) [e |-> S{idle}] { send(quit, e); } [e |-> S{done}]
        server(f) [f |-> ~S{idle}] { switch receive { receive(req, f): {} } } [f |-> ~S{idle}]
        main() { local e, f; (e, f) = open(S); client(e) || server(f); close(e, f); }
        """#), output: #"""
        example.hop:5:30: error: unexpected message: 'quit' arrived on endpoint 1001, but the receive does not take it [HH507]
         5 | server(f) [f |-> ~S{idle}] { switch receive { receive(req, f): {} } } [f |-> ~S{idle}]
           |                              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          note: in a run of 'main', thread 2; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 5 commands of the run, oldest first:
          note: line 6, thread 0, main: (e, f) = open(S);  [e = 1000, f = 1001]
          note: line 6, thread 0, main: client(e) || server(f);  [starts two threads]
          note: line 4, thread 1, client: send(quit, e);  [sends on 1000, value -534]
          note: line 4, thread 1, client: end of client  [returns]
          note: line 5, thread 2, server: switch receive { receive(req, f): {} }  [faults here]

        """#),
      fix: """
        As for HH109: receive every message the state can receive; here the
        server loops until `quit`. (`check` still reports the `close` in
        `main` as HH111: after the parallel call it no longer knows that `e`
        and `f` are peers. examples/list_transfer.hop shows the usual way: one
        side sends its endpoint to the other, which closes the channel.)
        """,
      fixed: .text(#"""
        message req
        message quit
        contract S { initial state idle { !req -> idle; !quit -> done; } final state done {} }
        client(e) [e |-> S{idle}] { send(quit, e); } [e |-> S{done}]
        server(f) [f |-> ~S{idle}] {
          local stop;
          stop = 0;
          while (stop == 0) [if stop == 0 then f |-> ~S{idle} else f |-> ~S{done}] {
            switch receive { receive(req, f): {} receive(quit, f): { stop = 1; } }
          }
        } [f |-> ~S{done}]
        main() { local e, f; (e, f) = open(S); client(e) || server(f); close(e, f); }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.closeNotFinal), title: "close in a non-final state",
      meaning: """
        A run closed a channel whose endpoints are not in one final state of
        the contract: here before the `req` that the contract requires.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        `close(e, f)` needs the two ends of one channel in the same final
        state (the peer in its dual). `check` reports it as HH110.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        message req
        contract P { initial state idle { !req -> done; } final state done {} }
        main() {
          local e, f;
          (e, f) = open(P);
          close(e, f);
        }
        """#), output: #"""
        example.hop:6:3: error: close in a non-final state: endpoint 1000 is in state 'idle' of P and endpoint 1001 in state 'idle' of ~P; close needs one final state [HH508]
         6 |   close(e, f);
           |   ^~~~~~~~~~~~
          note: in a run of 'main', thread 0; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 2 commands of the run, oldest first:
          note: line 5, thread 0, main: (e, f) = open(P);  [e = 1000, f = 1001]
          note: line 6, thread 0, main: close(e, f);  [faults here]

        """#),
      fix: """
        Follow the protocol to a final state before closing.
        """,
      fixed: .text(#"""
        message req
        contract P { initial state idle { !req -> done; } final state done {} }
        main() {
          local e, f;
          (e, f) = open(P);
          send(req, e);
          receive(req, f);
          close(e, f);
        }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.closeNotPeers), title: "close of endpoints that are not peers",
      meaning: """
        A run closed two endpoints that are not the two ends of one channel:
        here one end of each of two channels.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        `open` creates two peer endpoints; `close(e, f)` takes back exactly
        such a pair. `check` reports it as HH111.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        contract P { initial final state s {} }
        main() {
          local e, f, g, h;
          (e, f) = open(P);
          (g, h) = open(P);
          close(e, h);
          close(g, f);
        }
        """#), output: #"""
        example.hop:6:3: error: close of endpoints that are not peers: endpoints 1000 and 1003 are not the two ends of one channel [HH509]
         6 |   close(e, h);
           |   ^~~~~~~~~~~~
          note: in a run of 'main', thread 0; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 3 commands of the run, oldest first:
          note: line 4, thread 0, main: (e, f) = open(P);  [e = 1000, f = 1001]
          note: line 5, thread 0, main: (g, h) = open(P);  [g = 1002, h = 1003]
          note: line 6, thread 0, main: close(e, h);  [faults here]

        """#),
      fix: """
        Close each channel with its own two ends.
        """,
      fixed: .text(#"""
        contract P { initial final state s {} }
        main() {
          local e, f, g, h;
          (e, f) = open(P);
          (g, h) = open(P);
          close(e, f);
          close(g, h);
        }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.closeWithMessages), title: "close with messages queued",
      meaning: """
        A run closed a channel while messages were still queued on it: here
        the `m` sent and never received. The messages (and what they carry)
        would be lost.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        `close` disposes the channel with its queues, so they must be empty.
        `check` cannot see queues; it asks instead that the contract be
        leak-free (no final state can be reached with a message still in
        flight), and reports this `close` as HH112. HH510 is a run where the
        message is really there.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        message m
        contract P { initial final state s { !m -> s; } }
        main() {
          local e, f;
          (e, f) = open(P);
          send(m, e);
          close(e, f);
        }
        """#), output: #"""
        example.hop:7:3: error: close with messages queued: 1 message still queued on the channel: 'm' [HH510]
         7 |   close(e, f);
           |   ^~~~~~~~~~~~
          note: in a run of 'main', thread 0; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 3 commands of the run, oldest first:
          note: line 5, thread 0, main: (e, f) = open(P);  [e = 1000, f = 1001]
          note: line 6, thread 0, main: send(m, e);  [sends on 1000, value 0]
          note: line 7, thread 0, main: close(e, f);  [faults here]

        """#),
      fix: """
        Receive every message before closing, and make the contract
        leak-free so that `check` agrees: here the channel ends after its one
        `m`.
        """,
      fixed: .text(#"""
        message m
        contract P { initial state s { !m -> t; } final state t {} }
        main() {
          local e, f;
          (e, f) = open(P);
          send(m, e);
          receive(m, f);
          close(e, f);
        }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.deadlock), title: "deadlock",
      meaning: """
        Every thread of a run is blocked (on a receive with an empty queue, a
        `with` whose condition is false, or a parallel call waiting for its
        children) and not all have finished. The error is at a blocked
        command; here `main` waits for an `m` that no one sends.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        A receive waits until a message arrives; a run in which no thread can
        move any more is stuck for good. `check` proves partial correctness and
        does not look for deadlocks: it reports this program only for the
        `close` that follows (HH110), as if the message had come. Deadlocks that
        depend on the schedule (two `with` regions taken in opposite orders)
        appear only in some runs; run more seeds to find them.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        message m
        contract P { initial state s { !m -> t; } final state t {} }
        main() {
          local e, f;
          (e, f) = open(P);
          receive(m, f);
          close(e, f);
        }
        """#), output: #"""
        example.hop:6:3: error: deadlock: every thread is blocked (1 waiting) and not all have finished [HH511]
         6 |   receive(m, f);
           |   ^~~~~~~~~~~~~~
          note: in a run of 'main', thread 0; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 2 commands of the run, oldest first:
          note: line 5, thread 0, main: (e, f) = open(P);  [e = 1000, f = 1001]
          note: line 6, thread 0, main: receive(m, f);  [blocked here]

        """#),
      fix: """
        Make sure each receive has a sender (here send `m` before receiving
        it), and take resources in one order.
        """,
      fixed: .text(#"""
        message m
        contract P { initial state s { !m -> t; } final state t {} }
        main() {
          local e, f;
          (e, f) = open(P);
          send(m, e);
          receive(m, f);
          close(e, f);
        }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.asyncPreconditionFalse), title: "async precondition false at start",
      meaning: """
        An instance of an async procedure started in a state where its
        precondition is false: here `main` posts `f`, whose precondition
        needs `g == 1`, after setting `g` to 0. The error is at the
        precondition; the trace shows the commands that led there.

        The notes say which procedure and thread ran, the seed that replays
        the run (`--seed S --runs 1`) and the last commands of the run with
        their concrete values, oldest first.
        """,
      rule: """
        An async program starts with `main` as its one pending instance; the
        scheduler then takes pending instances in a random order and runs each
        to completion, from the globals as they are when it starts, and its
        precondition must hold then. `check` proves that it always does with
        the four rely/guarantee conditions; a posted instance whose
        precondition does not hold when the poster ends is HH202, one that a
        rely or a sibling breaks is HH203 or HH204.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        global g;
        async main() { g = 0; post f(); }
        async f() [g == 1] { g = 2; }
        """#), output: #"""
        example.hop:3:12: error: async precondition false at start: instance f() starts in a state where its precondition is false [HH514]
         3 | async f() [g == 1] { g = 2; }
           |            ^~~~~~
          note: in a run of 'main', thread 1; replay with --seed 1 --runs 1
          note: the last 3 commands of the run, oldest first:
          note: line 2, thread 0, main: g = 0;  [g = 0]
          note: line 2, thread 0, main: post f();  [posts f]
          note: line 2, thread 0, main: end of main  [returns]

        """#),
      fix: """
        Establish the precondition before posting (or before the poster ends),
        as `check`'s HH202 asks.
        """,
      fixed: .text(#"""
        global g;
        async main() { g = 1; post f(); }
        async f() [g == 1] { g = 2; }
        """#)),
  ]
}
