import HopSyntax

extension DiagnosticPages {
  /// HH020–HH025: name resolution (`HopSyntax`).
  static let namePages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .undeclaredName, title: "undeclared name",
      meaning: """
        A name is used that no declaration of the file introduces: a
        procedure, message, contract, contract state, field (when the file
        declares its fields), resource, or a variable of an async procedure.
        """,
      rule: """
        In sync procedures a variable that is neither a parameter nor a local
        is a global, as in Smallfoot, so variables are never undeclared there.
        In async procedures every variable must be a parameter, a local, a
        `global` or bound by a quantifier, because the rely/guarantee
        conditions quantify over exactly these (decision 5). Every other kind
        of name must be declared somewhere in the file (in any order).
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        main() {
          reset();
        }
        """#), output: #"""
        example.hop:2:3: error: undeclared procedure 'reset' [HH020]
         2 |   reset();
           |   ^~~~~

        """#),
      fix: """
        Declare the name, or correct its spelling.
        """,
      fixed: .text(#"""
        reset() {
        }

        main() {
          reset();
        }
        """#)),

    DiagnosticPage(
      code: .duplicateDeclaration, title: "duplicate declaration",
      meaning: """
        Two declarations of one name in one scope: procedures, messages,
        contracts, states of a contract, resources, globals, fields, the
        parameters and locals of a procedure, or the fields of one cell in a
        formula. A note points at the first declaration.
        """,
      rule: """
        A name must mean one thing. The one exception is a sync procedure
        declared twice, which Smallfoot 0.1 accepts: it is a warning, both
        bodies are checked against their own specifications, and calls use
        the first declaration (decision 34).
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        message ping
        message ping

        main() {
        }
        """#), output: #"""
        example.hop:2:9: error: duplicate message 'ping' [HH021]
         2 | message ping
           |         ^~~~
        example.hop:1:9: note: 'ping' was first declared here
         1 | message ping
           |         ^~~~

        """#),
      fix: """
        Remove or rename one of the two declarations.
        """,
      fixed: .text(#"""
        message ping
        message pong

        main() {
        }
        """#)),

    DiagnosticPage(
      code: .wrongArgumentCount, title: "wrong number of arguments",
      meaning: """
        A call, `post`, `delete`, `pending_f(..)` or predicate has more or fewer
        arguments than its declaration (for a predicate: its definition;
        `lseg` takes 2, `dlseg` 4, ...).
        """,
      rule: """
        A call `f(r1, ..; v1, ..)` passes its reference arguments (before `;`)
        for the reference parameters of `f` and its value arguments for the
        value parameters, one for one: the specification of `f` is
        instantiated with exactly these.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        free(x) [x |-> ] {
          dispose x;
        } [emp]

        main() {
          local y;
          y = new();
          free(y, y);
        }
        """#), output: #"""
        example.hop:8:3: error: 'free' takes 1 value argument, but 2 are given [HH022]
         8 |   free(y, y);
           |   ^~~~~~~~~~
        example.hop:1:1: note: 'free' is declared here
         1 | free(x) [x |-> ] {
           | ^~~~

        """#),
      fix: """
        Pass one argument per parameter, reference arguments before the `;`.
        """,
      fixed: .text(#"""
        free(x) [x |-> ] {
          dispose x;
        } [emp]

        main() {
          local y;
          y = new();
          free(y);
        }
        """#)),

    DiagnosticPage(
      code: .referenceArgumentNotVariable, title: "a reference argument that is not a variable, or passed twice",
      meaning: """
        A reference argument (before the `;` of a call) is an expression
        other than a variable, or the same variable is passed by reference
        twice.
        """,
      rule: """
        A reference parameter stands for the caller's variable: the callee
        may assign it, and the caller sees the new value. That needs a
        variable, and two reference parameters that are one variable would
        be aliases, which the proof rule for calls does not allow.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        incr(n;) {
          n = n + 1;
        }

        main() {
          incr(1;);
        }
        """#), output: #"""
        example.hop:6:8: error: a reference argument (before ';') must be a variable [HH023]
         6 |   incr(1;);
           |        ^
          note: the callee may assign it, so it must name a variable of the caller

        """#),
      fix: """
        Pass a variable by reference, or make the parameter a value parameter
        (after the `;`).
        """,
      fixed: .text(#"""
        incr(n;) {
          n = n + 1;
        }

        main() {
          local k;
          k = 1;
          incr(k;);
        }
        """#)),

    DiagnosticPage(
      code: .notAsync, title: "`post`, `delete`, `pending_f` or `posted_f` of a procedure that is not `async`",
      meaning: """
        An async construct names a procedure that is declared, but not as
        `async`.
        """,
      rule: """
        Only async procedures are scheduled: `post f(..)` adds an instance of
        `f` to the pending set, `delete f(..)` removes one, and `pending_f`,
        `posted_f` speak of that set (docs/language.md §3). A sync procedure is
        only ever called, so it has no instances.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        global n;

        tick() {
        }

        async main() {
          post tick();
        }
        """#), output: #"""
        example.hop:7:8: error: 'post' needs an async procedure, but 'tick' is not async [HH024]
         7 |   post tick();
           |        ^~~~
        example.hop:3:1: note: 'tick' is declared here
         3 | tick() {
           | ^~~~

        """#),
      fix: """
        Declare the posted procedure `async`.
        """,
      fixed: .text(#"""
        global n;

        async tick() {
        }

        async main() {
          post tick();
        }
        """#)),

    DiagnosticPage(
      code: .misusedName, title: "a name used in a way its declaration forbids",
      meaning: """
        A declared name is used in a way its declaration does not allow:
        calling an async procedure, declaring a procedure named `open`,
        `close`, `send` or `receive`, or naming both ends of `open` with one
        variable.
        """,
      rule: """
        An async procedure runs when the scheduler picks it, never as a
        call: it is posted. In statement position `open(`, `close(`, `send(`
        and `receive(` are the channel commands, so a procedure with one of
        these names could never be called (decision 2). The two ends of a
        channel are two endpoints, so they need two variables.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        async worker() {
        }

        main() {
          worker();
        }
        """#), output: #"""
        example.hop:5:3: error: 'worker' is async: it can be posted, not called [HH025]
         5 |   worker();
           |   ^~~~~~
          note: write 'post worker(...);'

        """#),
      fix: """
        Post the async procedure instead of calling it; only an async
        procedure can post, so `main` becomes async too.
        """,
      fixed: .text(#"""
        async worker() {
        }

        async main() {
          post worker();
        }
        """#)),
  ]
}
