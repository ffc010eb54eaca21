import HopRuntime

extension DiagnosticPages {
  /// HH500, HH520 and HH521: `hophop run` cannot run the program, cannot build an input for a
  /// procedure, or is asked for a procedure that does not exist (`HopRuntime`).
  static let runtimeInputPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .runtimeCannotRun, title: "the program cannot be run",
      meaning: """
        The interpreter of `hophop run` cannot compile the program, so nothing
        is run (exit 2). The program passed the front end, but holds a
        construct the machine has no meaning for: a number literal that does
        not fit in a 64-bit integer, a form that is not a program expression
        where the machine evaluates one, or a call, `post`, resource or
        contract the interpreter cannot resolve.
        """,
      rule: """
        `run` executes programs on 64-bit machine integers and a concrete heap
        (docs/language.md gives the commands' meaning). `check` reasons with
        unbounded integers, so a literal of any size is fine there (HH013 is
        reserved for it); a concrete run needs each value to fit in 64 bits.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        main() {
          local x;
          x = 18446744073709551616;
        }
        """#), output: #"""
        example.hop:3:7: error: the number 18446744073709551616 does not fit in a 64-bit integer, so it cannot be run [HH500]
         3 |   x = 18446744073709551616;
           |       ^~~~~~~~~~~~~~~~~~~~

        """#),
      fix: """
        Use values that fit in a 64-bit integer (from -9223372036854775808 to
        9223372036854775807), and only program expressions in commands.
        """,
      fixed: .text(#"""
        main() {
          local x;
          x = 9223372036854775807;
        }
        """#)),

    DiagnosticPage(
      code: .runtimeNoInput, title: "no input could be built; the procedure was not run",
      meaning: """
        A warning: `run` could not build one concrete state satisfying the
        procedure's precondition, so it did not run the procedure (the summary
        counts the runs as `without input`; exit 0 unless another procedure
        faults). The reason is in the message: the precondition is false, it
        cannot be translated to the logic, it asks for a shape the builder
        cannot make, no model of it was found in the tries, or, as
        here, `main`'s precondition speaks of globals that `init` sets.
        """,
      rule: """
        Inputs are built from preconditions: variables get random values, each
        `x |-> ..` a fresh cell, each `list`, `lseg` or `tree` a random number
        of fresh cells, and the model checker confirms that the state satisfies
        the precondition. `main`
        runs after `init`, so its globals come from `init`, not from random
        values, and a precondition on them cannot be built. A procedure that
        is not run is not tested: `run` found no fault in it because it did not
        look.
        """,
      example: .init(.run(seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        global g;
        init() { g = 0; }
        main() [g == 0] {
          local y;
          y = g;
        } [emp]
        """#), output: #"""
        example.hop:3:1: warning: 'main' was not run: main's precondition speaks of globals (g) that init sets; such inputs are not built [HH520]
         3 | main() [g == 0] {
           | ^

        """#),
      fix: """
        Give the procedure a precondition that some state satisfies and that
        speaks of its own parameters; for `main`, let `init` establish the
        globals (`check` wants the same: it reports this `main` as HH106).
        """,
      fixed: .text(#"""
        global g;
        init() { g = 0; }
        main() {
          local y;
          y = g;
        }
        """#)),

    DiagnosticPage(
      code: .runtimeUnknownProcedure, title: "`--proc` names no procedure",
      meaning: """
        `hophop run FILE --proc NAME` was given a NAME that no procedure of the
        file has; nothing is run (exit 2). The error is at the start of the
        file.
        """,
      rule: """
        Without `--proc`, `run` runs `main` of a sync program if it has one,
        else every procedure (every async procedure, in an async program);
        `--proc` picks one procedure by its exact name.
        """,
      example: .init(.run(procedure: "mian", seed: 1, runs: 10), file: "example.hop", input: .text(#"""
        main() {
          local x;
          x = new();
          dispose x;
        }
        """#), output: #"""
        example.hop:1:1: error: no procedure named 'mian' to run [HH521]
         1 | main() {
           | ^

        """#),
      fix: """
        Spell the procedure's name as declared: here
        `hophop run example.hop --proc main --seed 1 --runs 10`.
        """),
  ]
}
