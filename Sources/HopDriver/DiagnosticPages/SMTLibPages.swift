import HopSMTLib

extension DiagnosticPages {
  /// HH401–HH403: the SL-COMP SMT-LIB front end of `hophop entail` (`HopSMTLib`).
  static let smtLibPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .smtMalformed, title: "the SMT-LIB file is malformed",
      meaning: """
        The file is not a well-formed SL-COMP problem: unbalanced
        parentheses, an unterminated string or quoted symbol, a constant
        that is not declared, or a function applied to the wrong number of
        arguments. `entail` prints no answer and exits 2.
        """,
      rule: """
        `hophop entail` reads the SMT-LIB 2 dialect of SL-COMP (qf_shls):
        `declare-sort`, `declare-datatypes`, `declare-heap`, `declare-const`,
        `define-fun-rec` for list segments, and one or two `assert`s (a
        satisfiability question, or A and (not B) for the entailment A |- B).
        Every symbol must be declared before it is used.
        """,
      example: .init(.entail, file: "example.smt2", input: .text(#"""
        (set-logic QF_SHLS)
        (declare-sort Ref 0)
        (declare-datatypes ((Node 0)) (((node (nxt Ref)))))
        (declare-heap (Ref Node))
        (declare-const x Ref)
        (assert (sep (pto x (node y))))
        (check-sat)
        """#), output: #"""
        example.smt2:6:27: error: undeclared constant 'y' [HH401]
         6 | (assert (sep (pto x (node y))))
           |                           ^

        """#),
      fix: """
        Declare every constant (here `y`) and balance the parentheses.
        """,
      fixed: .text(#"""
        (set-logic QF_SHLS)
        (declare-sort Ref 0)
        (declare-datatypes ((Node 0)) (((node (nxt Ref)))))
        (declare-heap (Ref Node))
        (declare-const x Ref)
        (declare-const y Ref)
        (assert (sep (pto x (node y))))
        (check-sat)
        """#)),

    DiagnosticPage(
      code: .smtTooDeep, title: "s-expressions nested deeper than 1,000 levels",
      meaning: """
        The file nests parentheses more than 1,000 levels deep. `entail`
        exits 2 with no answer.
        """,
      rule: """
        The reader and the translation into symbolic heaps are recursive; a
        depth limit keeps them from overflowing the stack on hostile or
        generated input, as the Hop parser's limit does (HH011). SL-COMP
        problems nest a few dozen levels at most.
        """,
      example: .init(.entail, file: "example.smt2",
                     input: .shell(#"(for i in $(seq 1001); do echo '('; done; for i in $(seq 1001); do echo ')'; done) > example.smt2"#),
                     output: #"""
        example.smt2:1001:1: error: nesting deeper than 1000 levels [HH402]
         1001 | (
              | ^

        """#),
      fix: """
        Flatten the input: SL-COMP's `sep` and `and` take any number of
        arguments, so long chains need no nesting.
        """),

    DiagnosticPage(
      code: .smtUnsupported, title: "a construct outside the supported list fragment",
      meaning: """
        A warning: the problem uses something outside the fragment hophop
        decides (singly linked list segments, points-to, equalities and
        disequalities), so the answer is `unknown` (exit 0), as SL-COMP
        expects of a solver that does not know.
        """,
      rule: """
        The fragment is SL-COMP's qf_shls: a recursive definition is
        accepted as a list segment when it has the shape of one (empty when
        its ends are equal, else a cell and the rest), whatever its name.
        Anything else is not guessed at: here `seg`'s base case needs its
        ends to differ, which is not a list segment.
        """,
      example: .init(.entail, file: "example.smt2", input: .text(#"""
        (set-logic QF_SHLS)
        (declare-sort Ref 0)
        (declare-datatypes ((Node 0)) (((node (nxt Ref)))))
        (declare-heap (Ref Node))
        (define-fun-rec seg ((a Ref) (b Ref)) Bool
          (or (and (distinct a b) (_ emp Ref Node))
              (exists ((w Ref)) (and (distinct a b) (sep (pto a (node w)) (seg w b))))))
        (declare-const x Ref)
        (assert (seg x nil))
        (check-sat)
        """#), output: #"""
        example.smt2:9:9: warning: 'seg' is not recognised as a list segment [HH403]
         9 | (assert (seg x nil))
           |         ^~~~~~~~~~~

        """#),
      fix: """
        Within the fragment, write the formula with `sep`, `pto`, `=`,
        `distinct` and list-segment definitions: here the base case of `seg`
        is `(= a b)`. Problems outside it need a solver for a larger fragment.
        """,
      fixed: .text(#"""
        (set-logic QF_SHLS)
        (declare-sort Ref 0)
        (declare-datatypes ((Node 0)) (((node (nxt Ref)))))
        (declare-heap (Ref Node))
        (define-fun-rec seg ((a Ref) (b Ref)) Bool
          (or (and (= a b) (_ emp Ref Node))
              (exists ((w Ref)) (and (distinct a b) (sep (pto a (node w)) (seg w b))))))
        (declare-const x Ref)
        (assert (seg x nil))
        (check-sat)
        """#)),
  ]
}
