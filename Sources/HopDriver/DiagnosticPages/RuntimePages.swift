import HopRuntime

extension DiagnosticPages {
  /// HH501–HH505, HH512 and HH513: `hophop run`, faults of the heap, of arithmetic and of the
  /// final state (`HopRuntime`).
  static let runtimePages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .runtimeFault(.nullDereference), title: "null dereference",
      meaning: """
        A run read or wrote a field of NULL (`x->f`, `x->f = e`) or disposed
        NULL. The input comes from the precondition: here `list(x)` was built
        as the empty list, so `x` is NULL.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        The concrete semantics of the heap commands: a field access or a
        `dispose` of an address needs an allocated cell there, and NULL (0) is
        never one, so the command faults.

        This is what `check`'s HH101 predicts: a state in which the address may
        be NULL. Where `check` proves that every state has the cell, no run
        can give HH501; where `check` says HH101, `run` looks for a run that
        shows it.
        """,
      example: .init(.run(procedure: "second", seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        second(x) [list(x)] {
          local y;
          y = x->tl;
        } [list(x)]
        """#), output: #"""
        example.hop:3:3: error: null dereference: the address is NULL [HH501]
         3 |   y = x->tl;
           |   ^~~~~~~~~~
          note: in a run of 'second', thread 0; replay with --seed 1 --runs 1
          note: input: x = 0; empty heap
          note: the last command of the run:
          note: line 3, thread 0, second: y = x->tl;  [faults here]

        """#),
      fix: """
        As for HH101: own the cell before touching it, by a stronger
        precondition or a test of the address.
        """,
      fixed: .text(#"""
        second(x) [list(x)] {
          local y;
          if (x != NULL) {
            y = x->tl;
          }
        } [list(x)]
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.danglingDereference), title: "dangling dereference",
      meaning: """
        A run accessed a cell (or used an endpoint) whose address was allocated
        and then disposed (or closed): here through the alias `y` of the
        disposed `x`.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        `dispose x` ends the cell at `x`; the address stays disposed for the
        rest of the run (addresses are not reused), so any later access to it
        faults. `check` reports it as HH101: after `dispose x` the state no
        longer has `x |-> ..`, whatever variable names the address.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        main() {
          local x, y;
          x = new();
          y = x;
          dispose x;
          y->tl = NULL;
        }
        """#), output: #"""
        example.hop:6:3: error: dangling dereference: address 1000 has been disposed [HH502]
         6 |   y->tl = NULL;
           |   ^~~~~~~~~~~~~
          note: in a run of 'main', thread 0; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 4 commands of the run, oldest first:
          note: line 3, thread 0, main: x = new();  [x = 1000 (new cell)]
          note: line 4, thread 0, main: y = x;  [y = 1000]
          note: line 5, thread 0, main: dispose x;  [disposes 1000]
          note: line 6, thread 0, main: y->tl = NULL;  [faults here]

        """#),
      fix: """
        Use the cell before disposing it, or do not dispose it while an alias
        still needs it.
        """,
      fixed: .text(#"""
        main() {
          local x, y;
          x = new();
          y = x;
          y->tl = NULL;
          dispose x;
        }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.doubleDispose), title: "double dispose",
      meaning: """
        A run disposed an address that was already disposed: here once as `x`
        and again as its alias `y`.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        `dispose x` needs the cell at `x` (`{x |-> } dispose x {emp}`); a
        disposed address has none, so the second dispose faults. `check`
        reports it as HH101 at the second `dispose`.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        main() {
          local x, y;
          x = new();
          y = x;
          dispose x;
          dispose y;
        }
        """#), output: #"""
        example.hop:6:3: error: double dispose: address 1000 is already disposed [HH503]
         6 |   dispose y;
           |   ^~~~~~~~~~
          note: in a run of 'main', thread 0; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 4 commands of the run, oldest first:
          note: line 3, thread 0, main: x = new();  [x = 1000 (new cell)]
          note: line 4, thread 0, main: y = x;  [y = 1000]
          note: line 5, thread 0, main: dispose x;  [disposes 1000]
          note: line 6, thread 0, main: dispose y;  [faults here]

        """#),
      fix: """
        Dispose each cell once: drop the second `dispose`, or give each cell a
        single owner.
        """,
      fixed: .text(#"""
        main() {
          local x, y;
          x = new();
          y = x;
          dispose x;
        }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.invalidAddress), title: "invalid address",
      meaning: """
        A run used an address that was never allocated (a number such as 5, not
        an address that `new()` returned), or one of the wrong kind: a field of
        a channel endpoint, a `send` on a cell.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        A run's addresses are the ones `new()` and `open` return (from 1000
        up), each a cell or an endpoint. A field access or `dispose` needs a
        cell, a channel command an endpoint. `check` reports the same commands
        as HH101 (or a channel error): the state has no `x |-> ..` for them.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        main() {
          local x, y;
          x = 5;
          y = x->tl;
        }
        """#), output: #"""
        example.hop:4:3: error: invalid address: 5 is not an allocated address [HH504]
         4 |   y = x->tl;
           |   ^~~~~~~~~~
          note: in a run of 'main', thread 0; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 2 commands of the run, oldest first:
          note: line 3, thread 0, main: x = 5;  [x = 5]
          note: line 4, thread 0, main: y = x->tl;  [faults here]

        """#),
      fix: """
        Only dereference addresses that `new()` returned (or that the
        precondition describes as cells), and keep cells and endpoints apart.
        """,
      fixed: .text(#"""
        main() {
          local x, y;
          x = new();
          y = x->tl;
          dispose x;
        }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.divisionByZero), title: "division by zero",
      meaning: """
        A run evaluated `/` or `%` with a divisor of 0. Here the loop
        decrements `k` before dividing by it, so its last iteration divides by
        0 on every run.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        Program arithmetic is on 64-bit integers, truncating as in C, and
        division or remainder by 0 has no value: the command faults. In async
        procedures `check` reports a divisor that may be zero as HH211; `check`
        of sync procedures does not look at divisors (this example is `valid`
        for it), so HH505 is found only by running.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        main() {
          local k, q;
          k = 2;
          while (k != 0) {
            k = k - 1;
            q = 12 / k;
          }
        }
        """#), output: #"""
        example.hop:6:5: error: division by zero: the divisor is 0 [HH505]
         6 |     q = 12 / k;
           |     ^~~~~~~~~~~
          note: in a run of 'main', thread 0; replay with --seed 1 --runs 1
          note: input: empty heap
          note: the last 7 commands of the run, oldest first:
          note: line 3, thread 0, main: k = 2;  [k = 2]
          note: line 4, thread 0, main: k != 0  [condition true]
          note: line 5, thread 0, main: k = k - 1;  [k = 1]
          note: line 6, thread 0, main: q = 12 / k;  [q = 12]
          note: line 4, thread 0, main: k != 0  [condition true]
          note: line 5, thread 0, main: k = k - 1;  [k = 0]
          note: line 6, thread 0, main: q = 12 / k;  [faults here]

        """#),
      fix: """
        Test the divisor, or divide before changing it, so that it is never 0
        where it is used.
        """,
      fixed: .text(#"""
        main() {
          local k, q;
          k = 2;
          while (k != 0) {
            q = 12 / k;
            k = k - 1;
          }
        }
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.leak), title: "leak",
      meaning: """
        At the end of a run the heap holds cells (or endpoints) that the
        postcondition does not describe: here the tail of the list, when the
        input list has more than one cell. The message lists the leaked
        addresses; the input note shows the heap the run started from. A run
        whose input list has one cell does not leak; the first run here that
        leaks has seed 4, which `--seed 4 --runs 1` replays.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        As in `check` (HH102), the final state must satisfy the postcondition
        exactly: `run` checks the concrete final heap against it with a model
        checker of the logic, and any cell left over is a leak. HH102 says a
        leak may happen; HH512 is a run where it does.
        """,
      example: .init(.run(procedure: "drop_head", seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        drop_head(x) [x |-> tl: _n * list(_n)] {
          dispose x;
        } [emp]
        """#), output: #"""
        example.hop:3:4: error: leak: at the end of 'drop_head', 5 allocated addresses are not described by the postcondition: 1001, 1002, 1003, 1004, 1005 [HH512]
         3 | } [emp]
           |    ^~~
          note: in a run of 'drop_head', thread 0; replay with --seed 4 --runs 1
          note: input: x = 1000; heap: 1000 |-> tl: 1005; 1001 |-> tl: 0; 1002 |-> tl: 1001; 1003 |-> tl: 1002; 1004 |-> tl: 1003; 1005 |-> tl: 1004
          note: the last 2 commands of the run, oldest first:
          note: line 2, thread 0, drop_head: dispose x;  [disposes 1000]
          note: line 3, thread 0, drop_head: end of drop_head  [returns]

        """#),
      fix: """
        As for HH102: dispose what the procedure no longer needs, or describe
        it in the postcondition.
        """,
      fixed: .text(#"""
        drop_head(x) [x |-> tl: _n * list(_n)] {
          local y;
          y = x->tl;
          dispose x;
          while (y != NULL) [list(y)] {
            x = y->tl;
            dispose y;
            y = x;
          }
        } [emp]
        """#)),

    DiagnosticPage(
      code: .runtimeFault(.postconditionFailed), title: "postcondition does not hold",
      meaning: """
        At the end of a run the state does not satisfy the postcondition: a
        cell it describes is not there, a value or an equality is wrong. Here
        `make` disposes the cell its postcondition promises.

        The notes of a fault say which procedure and thread ran, the seed that
        replays the run (`--seed S --runs 1`), the input built from the
        precondition, and the last commands of the run with their concrete
        values, oldest first.
        """,
      rule: """
        The final state of every run must be a model of the postcondition
        (evaluated on the concrete heap and variables, with the postcondition's
        existentials chosen by the model checker). This is `check`'s HH103
        seen in a run.
        """,
      example: .init(.run(procedure: "make", seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        make(;x) [emp] {
          x = new();
          dispose x;
        } [x |-> ]
        """#), output: #"""
        example.hop:4:4: error: postcondition does not hold: at the end of 'make': 'x |->' needs a cell at 1000, which is not there (or described twice) [HH513]
         4 | } [x |-> ]
           |    ^~~~~
          note: in a run of 'make', thread 0; replay with --seed 1 --runs 1
          note: input: x = 0; empty heap
          note: the last 3 commands of the run, oldest first:
          note: line 2, thread 0, make: x = new();  [x = 1000 (new cell)]
          note: line 3, thread 0, make: dispose x;  [disposes 1000]
          note: line 4, thread 0, make: end of make  [returns]

        """#),
      fix: """
        As for HH103: make the body establish the postcondition, or weaken the
        postcondition to what the body does.
        """,
      fixed: .text(#"""
        make(;x) [emp] {
          x = new();
        } [x |-> ]
        """#)),
  ]
}
