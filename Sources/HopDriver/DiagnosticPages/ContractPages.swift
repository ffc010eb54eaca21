import HopContracts

extension DiagnosticPages {
  /// HH301–HH320: contract construction and lint (`HopContracts`).
  static let contractPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .emptyContract, title: "a contract with no states",
      meaning: """
        A `contract` declaration with no state at all. The contract cannot
        be compiled: `lint` and `contract` exit 2, and so does `check` of a
        file with procedures (a channel of the contract cannot be proved).
        """,
      rule: """
        A contract is a finite automaton with exactly one initial state
        (docs/language.md §2.2): `open(C)` puts both ends in it, so there must be
        one.
        """,
      example: .init(.lint, file: "example.hop", input: .text(#"""
        contract Nothing {
        }
        """#), output: #"""
        example.hop:1:1: error: contract 'Nothing' has no states [HH301]
         1 | contract Nothing {
           | ^~~~~~~~~~~~~~~~~~
          note: a contract needs exactly one 'initial state'

        """#),
      fix: """
        Declare the states of the protocol, one of them `initial`.
        """,
      fixed: .text(#"""
        contract Nothing {
          initial final state s {}
        }
        """#)),

    DiagnosticPage(
      code: .missingInitialState, title: "a contract with no `initial` state",
      meaning: """
        A contract whose states are all declared without `initial`. It
        cannot be compiled (exit 2).
        """,
      rule: """
        Exactly one state is initial: it is where both endpoints of a channel
        start after `(e, f) = open(C)`.
        """,
      example: .init(.lint, file: "example.hop", input: .text(#"""
        message ping

        contract Ping {
          state idle { !ping -> done; }
          final state done {}
        }
        """#), output: #"""
        example.hop:3:10: error: contract 'Ping' has no initial state [HH302]
         3 | contract Ping {
           |          ^~~~
          note: mark exactly one state with 'initial'

        """#),
      fix: """
        Mark the state where the protocol starts `initial`.
        """,
      fixed: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
        }
        """#)),

    DiagnosticPage(
      code: .multipleInitialStates, title: "a second `initial` state",
      meaning: """
        A contract with more than one `initial` state; a note points at the
        first one. It cannot be compiled (exit 2).
        """,
      rule: """
        Exactly one state is initial, so that `open` knows where both ends
        start and the two ends agree on it.
        """,
      example: .init(.lint, file: "example.hop", input: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          initial final state done {}
        }
        """#), output: #"""
        example.hop:5:23: error: contract 'Ping' has a second initial state 'done' [HH303]
         5 |   initial final state done {}
           |                       ^~~~
        example.hop:4:17: note: first initial state 'idle' declared here
         4 |   initial state idle { !ping -> done; }
           |                 ^~~~

        """#),
      fix: """
        Keep `initial` on one state only.
        """,
      fixed: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
        }
        """#)),

    DiagnosticPage(
      code: .unknownTargetState, title: "a transition to a state the contract does not declare",
      meaning: """
        A transition `!m -> s` or `?m -> s` whose target `s` is not a state of
        the contract. On the command line, name resolution reports this first,
        as HH020 (undeclared state), and the contract is not compiled; HH304
        is what the contract compiler says when it is given a contract that
        was only parsed (library use of `HopContracts`).
        """,
      rule: """
        A contract is a finite automaton: every edge goes from a declared
        state to a declared state.
        """,
      example: .init(.lintUnresolved, file: "example.hop", input: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> dnoe; }
          final state done {}
        }
        """#), output: #"""
        example.hop:4:33: error: transition to 'dnoe', which is not a state of contract 'Ping' [HH304]
         4 |   initial state idle { !ping -> dnoe; }
           |                                 ^~~~

        """#),
      fix: """
        Correct the target's name, or declare the state.
        """,
      fixed: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
        }
        """#)),

    DiagnosticPage(
      code: .duplicateState, title: "two states of one contract with the same name",
      meaning: """
        A contract declares a state name twice. On the command line, name
        resolution reports this first, as HH021 (duplicate declaration);
        HH305 is what the contract compiler says when it is given a contract
        that was only parsed (library use of `HopContracts`).
        """,
      rule: """
        Transitions name their target state, so state names must be unique
        within a contract.
        """,
      example: .init(.lintUnresolved, file: "example.hop", input: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
          state done {}
        }
        """#), output: #"""
        example.hop:6:9: error: contract 'Ping' declares state 'done' twice [HH305]
         6 |   state done {}
           |         ^~~~
        example.hop:5:15: note: first declared here
         5 |   final state done {}
           |               ^~~~

        """#),
      fix: """
        Rename or remove one of the two states.
        """,
      fixed: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
        }
        """#)),

    DiagnosticPage(
      code: .unreachableState, title: "a state that no path from the initial state reaches",
      meaning: """
        Warning: no sequence of transitions from the initial state leads to
        this state, so no endpoint can ever be in it.
        """,
      rule: """
        Lint (docs/language.md §2.6) reports unreachable states:
        they are dead protocol, usually a missing or misdirected transition.
        """,
      example: .init(.lint, file: "example.hop", input: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
          state lost { ?ping -> done; }
        }
        """#), output: #"""
        example.hop:6:9: warning: state 'lost' of contract 'Ping' is unreachable [HH310]
         6 |   state lost { ?ping -> done; }
           |         ^~~~

        """#),
      fix: """
        Add the transition that should lead to the state, or remove it.
        """,
      fixed: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
        }
        """#)),

    DiagnosticPage(
      code: .noFinalStateReachable, title: "a reachable state from which no final state is reachable",
      meaning: """
        Warning: an endpoint can get into this state, but from it no path
        leads to a final state, so a channel in it can never be closed.
        """,
      rule: """
        `close` needs both ends in one final state (HH110). A state from
        which no final state can be reached traps the channel: its endpoints
        can only leak. Unreachable states are reported as HH310 instead
        (decision 14).
        """,
      example: .init(.lint, file: "example.hop", input: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> stuck; !ping -> done; }
          state stuck { ?ping -> stuck; }
          final state done {}
        }
        """#), output: #"""
        example.hop:5:9: warning: no final state of contract 'Ping' is reachable from state 'stuck' [HH311]
         5 |   state stuck { ?ping -> stuck; }
           |         ^~~~~
          note: a channel in this state can never be closed

        """#),
      fix: """
        Add a way out of the state towards a final state.
        """,
      fixed: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> stuck; }
          state stuck { ?ping -> done; }
          final state done {}
        }
        """#)),

    DiagnosticPage(
      code: .unusedMessage, title: "a message declared but used by no contract",
      meaning: """
        Warning: a `message` declaration that no transition of any contract
        of the file mentions.
        """,
      rule: """
        A message can only be sent or received along a contract transition
        (HH108), so a message no contract uses can never travel.
        """,
      example: .init(.lint, file: "example.hop", input: .text(#"""
        message ping
        message pong

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
        }
        """#), output: #"""
        example.hop:2:9: warning: message 'pong' is declared but no contract uses it [HH312]
         2 | message pong
           |         ^~~~

        """#),
      fix: """
        Remove the declaration, or add the transitions that use it.
        """,
      fixed: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
        }
        """#)),

    DiagnosticPage(
      code: .undeclaredMessage, title: "a message used by a contract but not declared",
      meaning: """
        Warning: a contract transition names a message with no `message`
        declaration. On the command line, name resolution reports this
        first, as HH020 (undeclared message), for `lint` and `check` alike;
        HH313 is what lint's library (`FileContracts`) says of a file that
        was only parsed.
        """,
      rule: """
        A message's declaration gives its invariant, the ownership that
        travels with it; a message used without one has no invariant.
        """,
      example: .init(.lintUnresolved, file: "example.hop", input: .text(#"""
        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
        }
        """#), output: #"""
        example.hop:2:25: warning: contract 'Ping' uses message 'ping', which is not declared [HH313]
         2 |   initial state idle { !ping -> done; }
           |                         ^~~~

        """#),
      fix: """
        Declare the message (with its invariant, if ownership travels).
        """,
      fixed: .text(#"""
        message ping

        contract Ping {
          initial state idle { !ping -> done; }
          final state done {}
        }
        """#)),

    DiagnosticPage(
      code: .finalStateDeadExit, title: "a transition from a final state to a dead end",
      meaning: """
        Warning: a transition out of a final state leads to a state from
        which no final state is reachable: once taken, the channel can never
        be closed. The target state itself gets HH311.
        """,
      rule: """
        Final states may have outgoing edges (a stream that may go on), but
        each such edge should be able to come back to a final state; one that
        cannot is almost always a mistake (decision 14).
        """,
      example: .init(.lint, file: "example.hop", input: .text(#"""
        message more

        contract Stream {
          initial final state go { !more -> trap; }
          state trap { !more -> trap; }
        }
        """#), output: #"""
        example.hop:4:28: warning: after '!more' from final state 'go' of contract 'Stream', no final state is reachable [HH314]
         4 |   initial final state go { !more -> trap; }
           |                            ^~~~~~~~~~~~~~
          note: an endpoint that takes this transition can never be closed
        example.hop:5:9: warning: no final state of contract 'Stream' is reachable from state 'trap' [HH311]
         5 |   state trap { !more -> trap; }
           |         ^~~~
          note: a channel in this state can never be closed

        """#),
      fix: """
        Let the target state reach a final state again.
        """,
      fixed: .text(#"""
        message more

        contract Stream {
          initial final state go { !more -> wait; }
          state wait { ?more -> go; }
        }
        """#)),

    DiagnosticPage(
      code: .notLeakFree, title: "a contract opened in a file that closes channels is not leak-free",
      meaning: """
        Error from `lint` (exit 1): the file contains a `close`, and a
        contract named in one of its `open(C)` is not leak-free. The table of
        the contract gives the witness.
        """,
      rule: """
        `close` is allowed only for leak-free contracts (HH112):
        deterministic, of uniform choice, and every final state synchronizing
        (every cycle through it has a send and a receive). Which channel a
        `close` closes needs the checker, so lint counts every contract a file
        opens once it closes anything (decision 11).
        """,
      example: .init(.lint, file: "example.hop", input: .text(#"""
        message cell [val |-> ]

        contract Stream {
          initial final state go { !cell -> go; }
        }

        main() [emp] {
          local e, f;
          (e, f) = open(Stream);
          close(e, f);
        } [emp]
        """#), output: #"""
        example.hop:3:10: error: contract 'Stream' is not leak-free, but channels following it are closed [HH320]
         3 | contract Stream {
           |          ^~~~~~
          note: close needs a leak-free contract (docs/language.md §2.6): final state 'go' is on a cycle of sends only: go --!cell--> go

        """#),
      fix: """
        Make every final state synchronizing: here acknowledge each cell.
        """,
      fixed: .text(#"""
        message cell [val |-> ]
        message ack

        contract Stream {
          initial final state go { !cell -> wait; }
          state wait { ?ack -> go; }
        }

        main() [emp] {
          local e, f;
          (e, f) = open(Stream);
          close(e, f);
        } [emp]
        """#)),
  ]
}
