import HopAsync

extension DiagnosticPages {
  /// HH205–HH212: the other obligations of async procedures (memory, loops, divisions),
  /// ill-formed specifications, and conditions the solver could not decide (`HopAsync`).
  static let asyncProgramPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .invalidAccess, title: "access to an address that may not be allocated",
      meaning: """
        A field read, field write or `dispose` in an async procedure of an
        address that may not be allocated (`valid`) in some state that
        satisfies the procedure's assumptions.
        """,
      rule: """
        The async heap is first-order: `valid(x)` says x is allocated, and
        reading, writing or freeing an invalid address is an error (double
        free included). Every access is an obligation `valid(x)` at that
        point; the precondition is usually what provides it.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        async main() {
          local c;
          c = new();
          post log(c);
        }

        async log(c) {
          c->count = 1;
        }
        """#), output: #"""
        example.hop:8:3: error: writing field 'count' of 'c' needs an allocated address, and it may not be allocated here [HH205]
         8 |   c->count = 1;
           |   ^~~~~~~~~~~~~
          note: counterexample: c = 2

        """#),
      fix: """
        Require the address to be allocated in the precondition (then
        condition 2 checks it at every `post`), or test it first.
        """,
      fixed: .text(#"""
        async main() {
          local c;
          c = new();
          post log(c);
        }

        async log(c) [valid(c)] {
          c->count = 1;
        }
        """#)),

    DiagnosticPage(
      code: .asyncInvariantOnEntry, title: "a loop invariant that may not hold on entry",
      meaning: """
        In an async procedure, the invariant of a `while` may not hold when
        the loop is first reached.
        """,
      rule: """
        A loop is cut by its invariant: the state on entry must satisfy it,
        the body is checked from the invariant and the condition, and after
        the loop only the invariant and the negated condition are known.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        async main() {
          local i;
          i = 0;
          while (i < 10) [i >= 1] {
            i = i + 1;
          }
        }
        """#), output: #"""
        example.hop:4:19: error: the loop invariant may not hold when the loop is entered [HH206]
         4 |   while (i < 10) [i >= 1] {
           |                   ^~~~~~
          note: counterexample: i = 0

        """#),
      fix: """
        Make the invariant true before the loop, or weaken it.
        """,
      fixed: .text(#"""
        async main() {
          local i;
          i = 0;
          while (i < 10) [i >= 0] {
            i = i + 1;
          }
        }
        """#)),

    DiagnosticPage(
      code: .asyncInvariantNotPreserved, title: "a loop invariant that one iteration may not preserve",
      meaning: """
        In an async procedure, one iteration of a loop, started from the
        invariant and the condition, may end where the invariant is false.
        """,
      rule: """
        The loop rule's premise {I && B} body {I}. What the body may write is
        forgotten at the loop head (replaced by fresh values), so the
        invariant must say everything the proof needs about it.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        async main() {
          local i;
          i = 0;
          while (i < 10) [i >= 0] {
            i = i - 1;
          }
        }
        """#), output: #"""
        example.hop:4:19: error: the loop invariant may not be preserved by an iteration [HH207]
         4 |   while (i < 10) [i >= 0] {
           |                   ^~~~~~
          note: counterexample: i = -1

        """#),
      fix: """
        Correct the body, or choose an invariant that the body preserves.
        """,
      fixed: .text(#"""
        async main() {
          local i;
          i = 0;
          while (i < 10) [i >= 0] {
            i = i + 1;
          }
        }
        """#)),

    DiagnosticPage(
      code: .positivePending, title: "`pending_f(..)` occurring positively in a precondition",
      meaning: """
        A precondition says that an instance is pending (`pending_f(..)` not
        under a negation and not left of `==>`). This is an ill-formed
        specification: exit 2.
        """,
      rule: """
        Nothing keeps an instance pending until the procedure that requires
        it runs: the scheduler may run that instance first, or a sibling may
        `delete` it. So a precondition may only say that an instance is not
        pending (docs/language.md §3).
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        async main() {
          post done();
          post check();
        }

        async done() {
        }

        async check() [pending_done()] {
        }
        """#), output: #"""
        example.hop:9:16: error: a precondition may say an instance is not pending, but not that it is [HH208]
         9 | async check() [pending_done()] {
           |                ^~~~~~~~~~~~~~
          note: nothing keeps an instance pending until 'check' runs; use `!pending_f(..)` or put it left of `==>`

        """#),
      fix: """
        Require only what cannot change behind the procedure's back, or
        state the negative fact (`!pending_done()`).
        """,
      fixed: .text(#"""
        async main() {
          post done();
          post check();
        }

        async done() {
        }

        async check() {
        }
        """#)),

    DiagnosticPage(
      code: .sortMismatch, title: "a number where a formula is needed, or the reverse",
      meaning: """
        In a specification (precondition, rely, guarantee, loop invariant), a
        number is used where a truth value is needed, or a formula where a
        number is needed. This is an ill-formed specification: exit 2.
        """,
      rule: """
        Programs follow C (a number as a condition means "not 0"), but
        specifications are strict (decision 21): `[n]` is not a formula, and
        `(x > 0) + 1` is not a number. The strictness catches specifications
        that do not say what was meant.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        async main() {
          post tick(1);
        }

        async tick(n) [n] {
        }
        """#), output: #"""
        example.hop:5:16: error: a number is used where a formula (a truth value) is needed [HH209]
         5 | async tick(n) [n] {
           |                ^

        """#),
      fix: """
        Write the comparison that was meant.
        """,
      fixed: .text(#"""
        async main() {
          post tick(1);
        }

        async tick(n) [n != 0] {
        }
        """#)),

    DiagnosticPage(
      code: .conditionUnknown, title: "the solver could not decide a condition",
      meaning: """
        Z3 answered `unknown` for a condition: it ran out of time (5 s per
        query by default, `--timeout MS`; Z3 gives the reason as `timeout`
        or `canceled`), or the condition has quantifiers or non-linear
        arithmetic that it could not decide (`incomplete quantifiers`; which
        reason comes first can depend on the machine's load). The verdict is
        not valid: exit 1.
        """,
      rule: """
        Undecided is not valid (decision 22). The conditions are put to Z3 as
        satisfiability problems; only `unsat` proves a condition, `sat` gives
        a counterexample, and `unknown` is reported as is.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        global g;

        async main() [forall x. x * x > g * x ==> x > g] {
          post f(g);
        }

        async f(n) [n == 0] {
        }
        """#), output: #"""
        example.hop:4:3: error: could not prove or refute condition 2 (the precondition of the posted 'f'): the solver answered unknown (timeout) [HH210]
         4 |   post f(g);
           |   ^~~~~~~~~~
          note: an undecided condition is not proved; try --timeout or a simpler formula

        """#),
      fix: """
        Simplify the formula: avoid non-linear arithmetic and nested
        quantifiers in specifications, or give the solver more time with
        `--timeout`. Here `main` only needs to know the value it posts.
        """,
      fixed: .text(#"""
        global g;

        async main() [g == 0] {
          post f(g);
        }

        async f(n) [n == 0] {
        }
        """#)),

    DiagnosticPage(
      code: .divisionByZero, title: "a division or remainder whose divisor may be zero",
      meaning: """
        A `/` or `%` in an async procedure whose divisor may be zero where it
        is evaluated. Exit 1.
        """,
      rule: """
        Division and remainder are C's (truncated toward zero); division by
        zero is undefined behaviour in C, so every division in a program is
        an obligation that its divisor is not zero (decision 21). As in C,
        the right side of `&&` and `||` is checked only where it is
        evaluated.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        global avg;

        async main() {
          post average(10, 0);
        }

        async average(sum, count) {
          avg = sum / count;
        }
        """#), output: #"""
        example.hop:8:9: error: dividing by 'count': the divisor may be zero here [HH211]
         8 |   avg = sum / count;
           |         ^~~~~~~~~~~
          note: counterexample: sum = 38, count = 0, old(avg) = 2, avg = 0

        """#),
      fix: """
        Test the divisor first, or require it to be non-zero.
        """,
      fixed: .text(#"""
        global avg;

        async main() {
          post average(10, 0);
        }

        async average(sum, count) {
          if (count != 0) {
            avg = sum / count;
          }
        }
        """#)),

    DiagnosticPage(
      code: .conditionNotChecked, title: "a condition that could not be put to the solver",
      meaning: """
        A rely/guarantee condition could not be encoded for Z3 (or names a
        procedure the checker cannot find), so it was not checked. The
        condition is `unknown`, and so is every condition that needs the same
        run of the body: a procedure is never reported valid with a condition
        left out (decision 22). Exit 1.
        """,
      rule: """
        Every condition a procedure needs is recorded with an outcome; one
        that cannot be asked is `unknown`, never dropped. Name resolution and
        the checks of HH208/HH209 reject the inputs that the encoder would
        refuse, so in this version of hophop no program is known to give this
        code; it guards the checker's own gaps.
        """,
      example: nil,
      fix: """
        Report the program as a bug of hophop: a condition that resolves and
        has the right sorts should be encodable.
        """),
  ]
}
