import HopAsync

extension DiagnosticPages {
  /// HH201–HH204: the four rely/guarantee conditions of `check` for async procedures (`HopAsync`).
  static let asyncConditionPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .guaranteeBroken, title: "condition 1: the procedure may break its own guarantee",
      meaning: """
        The procedure's effect, from its start to its end, may not satisfy
        the guarantee it declares. The error is at the command that breaks
        it (else at the guarantee); a note gives a counterexample.
        """,
      rule: """
        Condition 1 of Gavran et al.: Q_f => G_f, where Q_f is f's strongest
        postcondition, a relation between the state at its start (`old`) and
        at its end. The siblings rely on the guarantee (condition 4), so it
        must be true of every run.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        global high;

        async main() {
          high = 0;
        }

        async worker(n) [n > 0]
          guarantee [old(high) <= high] {
          high = n;
        }
        """#), output: #"""
        example.hop:9:3: error: 'worker' may break its own guarantee here [HH201]
         9 |   high = n;
           |   ^~~~~~~~~
        example.hop:8:14: note: guarantee: old(high) <= high
         8 |   guarantee [old(high) <= high] {
           |              ^~~~~~~~~~~~~~~~~
          note: counterexample: n = 1, old(high) = 2, high = 1

        """#),
      fix: """
        Change the body so that it keeps its promise, or weaken the
        guarantee (the siblings' relies must then still follow from it).
        """,
      fixed: .text(#"""
        global high;

        async main() {
          high = 0;
        }

        async worker(n) [n > 0]
          guarantee [old(high) <= high] {
          if (high < n) {
            high = n;
          }
        }
        """#)),

    DiagnosticPage(
      code: .postedPreconditionBroken, title: "condition 2: a posted instance's precondition may not hold",
      meaning: """
        A `post f(args)` whose instance may not satisfy f's precondition
        when the posting procedure ends. The error is at the `post`.
        """,
      rule: """
        Condition 2: for each g that posts f, Q_g => (forall args.
        posted_f(args) => P_f(args)). The scheduler may start the posted
        instance as soon as g ends, and f's proof assumed P_f at its start.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        async main() {
          post countdown(0);
        }

        async countdown(n) [n > 0] {
        }
        """#), output: #"""
        example.hop:2:3: error: the precondition of 'countdown(..)' posted here may not hold when 'main' ends [HH202]
         2 |   post countdown(0);
           |   ^~~~~~~~~~~~~~~~~~
        example.hop:5:21: note: precondition of 'countdown': n > 0
         5 | async countdown(n) [n > 0] {
           |                     ^~~~~
          note: counterexample: posted countdown(n = 0)

        """#),
      fix: """
        Post only instances whose precondition holds, for instance behind a
        test of the argument.
        """,
      fixed: .text(#"""
        async main() {
          post countdown(3);
        }

        async countdown(n) [n > 0] {
        }
        """#)),

    DiagnosticPage(
      code: .relyTooWeak, title: "condition 3: the rely does not preserve the precondition",
      meaning: """
        The written rely of a procedure allows a step of the other procedures
        after which the precondition of a pending instance no longer holds.
        The error is at the rely.
        """,
      rule: """
        Condition 3: R_f => ((old(pending_f) && pending_f && old(P_f)) => P_f).
        While an instance of f waits, its precondition may only be changed by
        the steps its rely allows, so the rely must keep it true. (Without a
        written rely, the rely is "P_f is preserved" and this holds by
        construction.)
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        global high;

        async main() {
          high = 0;
        }

        async worker(n) [high >= 0]
          rely [true] {
        }
        """#), output: #"""
        example.hop:8:9: error: the rely of 'worker' allows steps that break its precondition while an instance is pending [HH203]
         8 |   rely [true] {
           |         ^~~~
        example.hop:7:18: note: precondition: high >= 0
         7 | async worker(n) [high >= 0]
           |                  ^~~~~~~~~
          note: counterexample: n = 2, old(high) = 0, high = -1

        """#),
      fix: """
        Strengthen the rely to what the precondition needs (and the siblings'
        guarantees must then imply it, condition 4), or drop it.
        """,
      fixed: .text(#"""
        global high;

        async main() {
          high = 0;
        }

        async worker(n) [high >= 0]
          rely [old(high) <= high] {
        }
        """#)),

    DiagnosticPage(
      code: .siblingBreaksRely, title: "condition 4: a sibling may break the rely of a pending instance",
      meaning: """
        A procedure that may run while an instance of f is pending may make
        a step that f's rely does not allow; by default the rely is f's
        precondition, so the sibling may break it. The error is at the
        command that breaks it (or at the sibling's guarantee).
        """,
      rule: """
        Condition 4: for each sibling g, G_g => R_f (with the pending
        instance's arguments bound). Any procedure may run between the post
        of f and its start, so every sibling's effect (its guarantee, or by
        default its exact effect) must respect f's rely.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        global ready;

        async main() {
          ready = 1;
          post use();
          post reset();
        }

        async use() [ready == 1] {
        }

        async reset() {
          ready = 0;
        }
        """#), output: #"""
        example.hop:13:3: error: use() may be pending while 'reset' runs, and 'reset' can break use's precondition `ready == 1` here [HH204]
         13 |   ready = 0;
            |   ^~~~~~~~~~
        example.hop:9:14: note: use's precondition `ready == 1` is declared here
         9 | async use() [ready == 1] {
           |              ^~~~~~~~~~
          note: counterexample: old(ready) = 1, ready = 0, pending use()

        """#),
      fix: """
        Make the sibling keep what the pending instance needs, or let the
        instance re-check it when it starts instead of requiring it.
        """,
      fixed: .text(#"""
        global ready;

        async main() {
          ready = 1;
          post use();
          post reset();
        }

        async use() {
        }

        async reset() {
          ready = 0;
        }
        """#)),
  ]
}
