import HopSyntax

extension DiagnosticPages {
  /// HH026–HH029: the rules about variables that more than one thread or procedure reads (`HopSyntax`, decision 58).
  static let sharedVariablePages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .unprotectedInvariantVariable, title: "a resource invariant that reads a variable the resource does not protect",
      meaning: """
        The invariant of a resource names a program variable that is not in
        the resource's list. Existentials (`_x`) are not program variables
        and are always allowed. The input is rejected (exit 2).
        """,
      rule: """
        A `with r` body starts from r's invariant, read in the state the
        other threads left. That is sound only if no thread can change what
        the invariant reads while it does not hold r: the side condition of
        concurrent separation logic, that every free variable of a resource
        invariant is protected by that resource. A variable outside the list
        may be written anywhere, and a `with` would then believe heap that is
        not there. Inside `with r`, the invariant's names are the globals,
        even in a procedure with a parameter or local of the same name.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        resource buf(c) [if g == 0 then emp else c |-> ]

        init() { c = NULL; g = 0; }

        take() {
          g = 1;
          with buf when (true) { dispose c; c = NULL; }
        }
        """#), output: #"""
        example.hop:1:21: error: the invariant of resource 'buf' reads 'g', which 'buf' does not protect [HH026]
         1 | resource buf(c) [if g == 0 then emp else c |-> ]
           |                     ^
          note: another thread may change 'g' outside 'with buf', and the invariant would no longer describe the heap it guards
          note: add 'g' to the resource's list: resource buf(c, g)

        """#),
      fix: """
        Add the variable to the resource's list; then it may be used only
        inside `with` of the resource (HH114), and the invariant means what
        it says.
        """,
      fixed: .text(#"""
        resource buf(c, g) [if g == 0 then emp else c |-> ]

        init() { c = NULL; g = 0; }

        take() {
          with buf when (g != 0) { dispose c; c = NULL; g = 0; }
        }
        """#)),

    DiagnosticPage(
      code: .messageInvariantVariable, title: "a message invariant that names a variable other than `val` and `src`",
      meaning: """
        The invariant of a message names a program variable other than
        `val` (the value sent) and `src` (the endpoint it is sent on): a
        global, or a name that is some procedure's local. Existentials (`_x`)
        are allowed. The input is rejected (exit 2).
        """,
      rule: """
        A message's invariant is read twice: at the `send`, where the sender
        gives up what it describes, and at the `receive`, where the receiver
        gets it, in another procedure and often another thread. Only `val`
        and `src` are given the same value at both ends (docs/language.md
        §2.1); any other name may mean something else, or have changed, by
        the time the message is received.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        message cell [if g == 0 then emp else val |-> ]

        contract C { initial state s { !cell -> s; } }
        """#), output: #"""
        example.hop:1:18: error: the invariant of message 'cell' names 'g'; it may name only 'val', 'src' and existentials [HH027]
         1 | message cell [if g == 0 then emp else val |-> ]
           |                  ^
          note: the invariant is read at the send and again at the receive, where 'g' may differ
          note: send the value as the message's 'val', or make it an existential ('_g')

        """#),
      fix: """
        Say what travels in terms of `val` and `src`, with existentials for
        the rest; a value the receiver needs is sent as the message's `val`.
        """,
      fixed: .text(#"""
        message cell [val |-> ]

        contract C { initial state s { !cell -> s; } }
        """#)),

    DiagnosticPage(
      code: .initCalled, title: "a call of `init`",
      meaning: """
        A procedure calls `init`, alone or in a parallel call. The input is
        rejected (exit 2).
        """,
      rule: """
        `init` sets up the variables that resources protect and establishes
        the resource invariants; `main` runs after it (decision 35). It may
        use protected variables outside `with` (no HH114) only because it
        runs once, before any other thread. Called again, its writes would
        race with threads that hold the resources, and break invariants
        they rely on.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        resource buf(c) [if c == NULL then emp else c |-> ]

        init() { c = NULL; }

        main() {
          init();
        }
        """#), output: #"""
        example.hop:6:3: error: 'init' cannot be called: it runs once, before 'main' [HH028]
         6 |   init();
           |   ^~~~
          note: init may write the variables resources protect outside 'with' only because no other thread runs yet; put what the call should do in another procedure

        """#),
      fix: """
        Do not call `init`: it has already run when `main` starts. Work on
        the protected variables inside `with`, in a procedure of its own.
        """,
      fixed: .text(#"""
        resource buf(c) [if c == NULL then emp else c |-> ]

        init() { c = NULL; }

        reset() {
          local x;
          with buf when (true) { x = c; c = NULL; }
          if (x != NULL) { dispose x; }
        }

        main() {
          reset();
        }
        """#)),

    DiagnosticPage(
      code: .globalByReference, title: "a global variable passed by reference",
      meaning: """
        A reference argument (before the `;` of a call) is a global
        variable: a name that is neither a parameter nor a local of the
        calling procedure. The input is rejected (exit 2).
        """,
      rule: """
        A reference parameter is another name for the caller's variable. If
        that variable is a global, the callee sees it under two names, its
        parameter and the global, and its specification, which speaks of
        the parameter, cannot say that the two change together. Smallfoot
        0.1 rejects such a call too ("Global variable g cannot be passed by
        reference").
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        setg(x;) [emp] {
          x = 1;
        } [x == 1]

        main() {
          setg(g;);
        }
        """#), output: #"""
        example.hop:6:8: error: global variable 'g' cannot be passed by reference [HH029]
         6 |   setg(g;);
           |        ^
          note: the callee's parameter would be another name of 'g', which its specification cannot see; copy 'g' into a local and pass the local, or pass it by value

        """#),
      fix: """
        Pass a local by reference and copy it back into the global, or let
        the callee write the global itself.
        """,
      fixed: .text(#"""
        setg(x;) [emp] {
          x = 1;
        } [x == 1]

        main() {
          local y;
          setg(y;);
          g = y;
        }
        """#)),
  ]
}
