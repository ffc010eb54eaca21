import HopChecker

extension DiagnosticPages {
  /// HH101–HH107 and HH113–HH115: `check` of sync procedures, heap and resources (`HopChecker`).
  static let heapPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .memoryFault, title: "memory fault",
      meaning: """
        A field read `x->f`, a field write `x->f = e`, or a `dispose x` of an
        address that may not be an allocated cell owned here: it may be NULL,
        already disposed, never allocated, sent away in a message, or the
        first cell of an `lseg` or `tree` that may be empty. The notes show
        the case of the symbolic state in which the cell is missing.
        """,
      rule: """
        The small axioms of the heap commands (separation logic): each
        command needs exactly the cell it touches, and nothing else.

            {x |-> f: v}  y = x->f   {x |-> f: v * y == v}   (y not in x, v)
            {x |-> f: v}  x->f = e   {x |-> f: e}
            {x |-> }      dispose x  {emp}

        The frame rule adds the rest of the heap. So before such a command
        the symbolic state must contain `x |-> ...` in every case; a state
        in which `x` may be NULL or a predicate that may be empty faults.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        second(x) [list(x)] {
          local y;
          y = x->tl;
        } [list(x)]
        """#), output: #"""
        example.hop:3:3: error: memory fault: read of field 'tl' of 'x', which may not be an allocated cell [HH101]
         3 |   y = x->tl;
           |   ^~~~~~~~~~
          note: in this case of the state: emp * x == 0

        """#),
      fix: """
        Own the cell before touching it: strengthen the precondition (here a
        non-empty list), or test the address first so that the command runs
        only in the cases where the cell exists.
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
      code: .leak, title: "leak at procedure exit",
      meaning: """
        At the end of the procedure the state owns heap that the
        postcondition does not describe: cells, list segments, or channel
        endpoints. The error is at the postcondition; a note prints the
        leftover heap.
        """,
      rule: """
        Classical (precise) separation logic, as in Smallfoot and as
        docs/language.md §1.4 specifies: a procedure's final state must satisfy
        its postcondition exactly. The last step of the proof is the
        entailment `state |- post * F` with the frame F required to be
        `emp`. hophop's check is not intuitionistic (where `A * B` would
        entail `A` and garbage could be dropped): memory that no one can
        reach any more is an error, because in a language with `dispose`
        it is a leak.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        drop_head(x) [x |-> tl: _n * list(_n)] {
          dispose x;
        } [emp]
        """#), output: #"""
        example.hop:3:4: error: leak: heap owned when 'drop_head' returns is not described by its postcondition [HH102]
         3 | } [emp]
           |    ^~~
          note: left over: list(tl; _a)
          note: state at exit: list(tl; _a)

        """#),
      fix: """
        Dispose of the leftover heap, or describe it in the postcondition so
        that the caller gets it back.
        """,
      fixed: .text(#"""
        drop_head(x) [x |-> tl: _n * list(_n)] {
          local y;
          y = x->tl;
          dispose x;
          x = y;
        } [list(x)]
        """#)),

    DiagnosticPage(
      code: .postconditionNotEstablished, title: "postcondition not established",
      meaning: """
        Some final case of the procedure does not entail the postcondition:
        a cell, predicate or pure fact it states is missing or does not
        follow. The error is at the postcondition; notes show the final state
        and what was needed.
        """,
      rule: """
        Hoare logic's rule for a procedure: `{P} body {Q}` holds when every
        terminating run from a state satisfying P ends in a state satisfying
        Q. Symbolic execution computes the final states from P; each must
        entail Q (with an empty frame, see HH102).
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        set(x) [x |-> tl: _v] {
          x->tl = 7;
        } [x |-> tl: 5]
        """#), output: #"""
        example.hop:3:4: error: the postcondition of 'set' may not hold [HH103]
         3 | } [x |-> tl: 5]
           |    ^~~~~~~~~~~
          note: state: x |-> tl: 7
          note: needed: emp * 5 == 7, which does not follow
          note: looked for: x |-> tl: 5

        """#),
      fix: """
        Correct the postcondition to what the body does, or the body to what
        the postcondition promises.
        """,
      fixed: .text(#"""
        set(x) [x |-> tl: _v] {
          x->tl = 5;
        } [x |-> tl: 5]
        """#)),

    DiagnosticPage(
      code: .invariantOnEntry, title: "loop invariant not established on entry",
      meaning: """
        When the `while` is first reached, the state does not entail the
        loop invariant written after the condition. The error is at the
        `while`.
        """,
      rule: """
        The loop rule: from `{I * B} body {I}` conclude
        `{I} while (B) [I] body {I * !B}`. Its premise on entry is that the
        state before the loop entails I, with the rest of the state as a
        frame that the loop keeps.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        walk(x, y) [list(x)] {
          local t;
          t = x;
          while (t != NULL) [lseg(x, t) * list(t) * y |-> ] {
            t = t->tl;
          }
        } [list(x) * y |-> ]
        """#), output: #"""
        example.hop:4:3: error: the loop invariant may not hold when the loop is entered [HH104]
         4 |   while (t != NULL) [lseg(x, t) * list(t) * y |-> ] {
           |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          note: state: list(tl; x) * t == x
          note: needed: y |->, which is not in what is left of the state
          note: looked for: lseg(tl; x, t) * list(tl; t) * y |->

        """#),
      fix: """
        Make the invariant hold before the loop: here the procedure does not
        own `y`'s cell, so either the precondition gives it or the invariant
        must not claim it.
        """,
      fixed: .text(#"""
        walk(x, y) [list(x) * y |-> ] {
          local t;
          t = x;
          while (t != NULL) [lseg(x, t) * list(t) * y |-> ] {
            t = t->tl;
          }
        } [list(x) * y |-> ]
        """#)),

    DiagnosticPage(
      code: .invariantNotPreserved, title: "loop invariant not preserved by the body",
      meaning: """
        One iteration of the loop body, started from the invariant and the
        loop condition, ends in a state that does not entail the invariant
        exactly. The error is at the `while`.
        """,
      rule: """
        The loop rule's premise `{I * B} body {I}`: the body is run from the
        invariant with the condition assumed, and its final states must
        entail I with an empty frame, since the frame of the loop is only
        what was outside I on entry.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        walk(x) [list(x)] {
          local t;
          t = x;
          while (t != NULL) [list(t)] {
            t = t->tl;
          }
        } [emp]
        """#), output: #"""
        example.hop:4:3: error: one iteration of the loop body may not re-establish the invariant [HH105]
         4 |   while (t != NULL) [list(t)] {
           |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          note: state: _a |-> tl: t * list(tl; t)
          note: left over: _a |-> tl: NULL
          note: looked for: list(tl; t)

        """#),
      fix: """
        Make the invariant describe everything the loop owns: here the cells
        already visited, as `lseg(x, t)`.
        """,
      fixed: .text(#"""
        walk(x) [list(x)] {
          local t;
          t = x;
          while (t != NULL) [lseg(x, t) * list(t)] {
            t = t->tl;
          }
        } [list(x)]
        """#)),

    DiagnosticPage(
      code: .callPreconditionNotFound, title: "precondition of a call not found in the state",
      meaning: """
        At a call, the state does not contain the callee's precondition
        (frame inference finds no frame), or, at a parallel call, the state
        cannot be split between the preconditions of the two sides. The
        error is at the call.
        """,
      rule: """
        The call rule with the frame rule: `{P} f {Q}` used where the state is
        `P * F` gives `Q * F`. hophop finds F by frame inference,
        `state |- P * F`. The parallel rule needs `P1 * P2 * F`: the two
        sides own disjoint parts of the heap.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        set_next(x, y) [x |-> ] {
          x->tl = y;
        } [x |-> tl: y]

        caller() [emp] {
          local a, b;
          a = new();
          b = new();
          dispose a;
          set_next(a, b);
          dispose b;
        } [emp]
        """#), output: #"""
        example.hop:10:3: error: the precondition of 'set_next' cannot be found in the current state (no frame) [HH106]
         10 |   set_next(a, b);
            |   ^~~~~~~~~~~~~~
          note: state: b |->
          note: needed: a |->, which is not in what is left of the state
          note: looked for: a |->

        """#),
      fix: """
        Give the callee what its precondition asks for: here call it before
        disposing of `a`.
        """,
      fixed: .text(#"""
        set_next(x, y) [x |-> ] {
          x->tl = y;
        } [x |-> tl: y]

        caller() [emp] {
          local a, b;
          a = new();
          b = new();
          set_next(a, b);
          dispose a;
          dispose b;
        } [emp]
        """#)),

    DiagnosticPage(
      code: .race, title: "race on a variable",
      meaning: """
        A variable written by one side of a parallel call `f(..) || g(..)` is
        read or written by the other side, directly or through the callees.
        """,
      rule: """
        The parallel rule of concurrent separation logic needs the two sides
        to be independent: disjoint heaps (HH106) and no variable that one
        side writes and the other uses. A reference argument counts as
        written, as do the globals a callee writes (transitively); variables
        protected by a resource never race (decision 31).
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        incr(n;) [emp] {
          n = n + 1;
        } [emp]

        main() [emp] {
          local count;
          count = 0;
          incr(count;) || incr(count;);
        } [emp]
        """#), output: #"""
        example.hop:8:3: error: race on 'count': written by the call of 'incr' and used by the call of 'incr' in parallel [HH107]
         8 |   incr(count;) || incr(count;);
           |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~

        """#),
      fix: """
        Give each side its own variables, or protect the shared one by a
        resource and touch it only inside `with`.
        """,
      fixed: .text(#"""
        incr(n;) [emp] {
          n = n + 1;
        } [emp]

        main() [emp] {
          local a, b;
          a = 0;
          b = 0;
          incr(a;) || incr(b;);
        } [emp]
        """#)),

    DiagnosticPage(
      code: .resourceInvariantNotEstablished, title: "resource invariant not re-established",
      meaning: """
        At the end of a `with r when (B) S` body, the state does not contain
        r's invariant again (the error is at the `with`), or `init` does not
        leave every resource invariant (at its postcondition).
        """,
      rule: """
        The critical region rule of concurrent separation logic: from
        `{P * I_r * B} S {Q * I_r}` conclude `{P} with r when (B) S {Q}`. The
        region gets the invariant's ownership and must give it back, so that
        the next holder can rely on it. `init` must establish every invariant
        before `main` runs (decision 31).
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        init() { c = NULL; }

        resource buf(c) [if c == NULL then emp else c |-> ]

        consume() [emp] {
          with buf when (c != NULL) {
            dispose c;
          }
        } [emp]
        """#), output: #"""
        example.hop:6:3: error: the invariant of resource 'buf' may not hold here [HH113]
         6 |   with buf when (c != NULL) {
           |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~
          note: state: emp
          note: needed: emp * c == 0, which does not follow
          note: looked for: emp * c == NULL  or  c |-> * c != NULL

        """#),
      fix: """
        Restore the invariant before the region ends: here set `c` to NULL
        once its cell is gone.
        """,
      fixed: .text(#"""
        init() { c = NULL; }

        resource buf(c) [if c == NULL then emp else c |-> ]

        consume() [emp] {
          with buf when (c != NULL) {
            dispose c;
            c = NULL;
          }
        } [emp]
        """#)),

    DiagnosticPage(
      code: .unprotectedResourceVariable, title: "a protected variable used outside its resource",
      meaning: """
        A variable listed by a `resource r(..)` declaration is read or written
        outside a `with r` region, in a procedure other than `init`.
        """,
      rule: """
        A resource's variables are shared between threads; concurrent
        separation logic allows them to be touched only under mutual
        exclusion, inside `with r`, so that no two threads see them at once.
        `init` runs before any thread and is the exception. Smallfoot checks
        this only for what `main` reaches; hophop checks every procedure.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        init() { count = 0; }

        resource ctr(count) [emp]

        reset() [emp] {
          count = 0;
        } [emp]
        """#), output: #"""
        example.hop:6:3: error: 'count' is protected by resource 'ctr' and may only be used inside 'with ctr' [HH114]
         6 |   count = 0;
           |   ^~~~~~~~~~

        """#),
      fix: """
        Wrap the access in `with r when (true) { ... }`.
        """,
      fixed: .text(#"""
        init() { count = 0; }

        resource ctr(count) [emp]

        reset() [emp] {
          with ctr when (true) { count = 0; }
        } [emp]
        """#)),

    DiagnosticPage(
      code: .proofUndecided, title: "not proved: the prover could not decide a step",
      meaning: """
        The proof of the procedure stopped at a step the prover could not
        decide, so the verdict is `unknown` (exit 1), neither valid nor
        invalid: more than 2,000 symbolic states at one point, more than 64
        case splits at a cut point, a solver answer `unknown`, a construct
        the checker does not handle, or a declaration it needs that has
        errors of its own (a contract that does not compile, a callee whose
        specification cannot be translated).
        """,
      rule: """
        Undecided is not valid. Rather than guess, or drop cases to keep the
        search small (which could hide an error), hophop stops the proof of
        the procedure and says where and why (decision 32).
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        main(a, b, c, d, e, f, g, h, i, j, k) [emp] {
          if (a == 0) {} else {}
          if (b == 0) {} else {}
          if (c == 0) {} else {}
          if (d == 0) {} else {}
          if (e == 0) {} else {}
          if (f == 0) {} else {}
          if (g == 0) {} else {}
          if (h == 0) {} else {}
          if (i == 0) {} else {}
          if (j == 0) {} else {}
          if (k == 0) {} else {}
        } [emp]
        """#), output: #"""
        example.hop:12:3: error: not proved: more than 2000 symbolic states at this point [HH115]
         12 |   if (k == 0) {} else {}
            |   ^~~~~~~~~~~~~~~~~~~~~~

        """#),
      fix: """
        Keep the number of cases small: here eleven independent tests give
        2,048 cases. Split the procedure into smaller ones with
        specifications (each call then adds one case, not all of the
        callee's), or simplify the specification that causes the split.
        """,
      fixed: .text(#"""
        test(a, b, c, d, e, f) [emp] {
          if (a == 0) {} else {}
          if (b == 0) {} else {}
          if (c == 0) {} else {}
          if (d == 0) {} else {}
          if (e == 0) {} else {}
          if (f == 0) {} else {}
        } [emp]

        main(a, b, c, d, e, f, g, h, i, j, k) [emp] {
          test(a, b, c, d, e, f);
          test(g, h, i, j, k, k);
        } [emp]
        """#)),
  ]
}
