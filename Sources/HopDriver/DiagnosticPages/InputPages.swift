import HopSyntax

extension DiagnosticPages {
  /// HH001–HH013: reading, lexing and parsing a file (`HopSyntax`).
  static let inputPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .invalidInput, title: "the file cannot be read, is not valid UTF-8, or is too large",
      meaning: """
        hophop could not get text out of the file: it does not exist, cannot be
        read, is a directory, is larger than 32 MiB, or holds a byte sequence
        that is not UTF-8. For bad UTF-8 the caret is at the first bad byte; for
        the other cases there is no position and no source line.
        """,
      rule: """
        A Hop file is UTF-8 text. A byte that is not UTF-8 is rejected even in
        a comment (decision 3): a file that is not text is more likely a
        mistake than a program. Files over 32 MiB are refused before they are
        read, so that hophop never exhausts memory on a wrong argument.
        """,
      example: .init(.check, file: "example.hop",
                     input: .shell(#"printf 'main() {}\n// caf\351\n' > example.hop"#),
                     output: #"""
        example.hop:2:7: error: the file is not valid UTF-8 text [HH001]
         2 | // caf�
           |       ^

        """#),
      fix: """
        Give the right path, or convert the file to UTF-8 (for a Latin-1
        file: `iconv -f latin1 -t utf-8`). Here the comment's `é` must be the
        two bytes 0xC3 0xA9.
        """,
      fixed: .shell(#"printf 'main() {}\n// caf\303\251\n' > example.hop"#)),

    DiagnosticPage(
      code: .illegalCharacter, title: "a character that cannot start any token",
      meaning: """
        The lexer met a character that no token of the Hop language starts
        with, outside a comment.
        """,
      rule: """
        Tokens are identifiers `[A-Za-z_][A-Za-z0-9_]*`, decimal numbers, the
        keywords, and the operators and punctuation of the grammar
        (docs/language.md §1.1). Anything else, such as `@`, `$`, `#` or a non-ASCII
        letter, can only appear inside a comment. A character of several
        bytes is reported by its first byte.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        main() {
          local café;
        }
        """#), output: #"""
        example.hop:2:12: error: unexpected character byte 0xc3 [HH002]
         2 |   local café;
           |            ^~

        """#),
      fix: """
        Remove the character, or write the name or operator that was meant
        in ASCII.
        """,
      fixed: .text(#"""
        main() {
          local cafe;
        }
        """#)),

    DiagnosticPage(
      code: .unterminatedComment, title: "a `/*` comment that is never closed",
      meaning: """
        A block comment starts and the file ends before its `*/`. The caret is
        at the `/*` that is still open.
        """,
      rule: """
        Block comments nest, as in Smallfoot: `/* a /* b */ c */` is one
        comment, and every `/*` needs its own `*/`.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        main() {
        }
        /* a comment /* with a nested one */
        """#), output: #"""
        example.hop:3:1: error: this comment is never closed [HH003]
         3 | /* a comment /* with a nested one */
           | ^~
          note: comments nest: each '/*' needs its own '*/'

        """#),
      fix: """
        Close every `/*`, the nested ones included, or use `//` comments.
        """,
      fixed: .text(#"""
        main() {
        }
        /* a comment /* with a nested one */ */
        """#)),

    DiagnosticPage(
      code: .syntaxError, title: "syntax error: the parser expected something else here",
      meaning: """
        The tokens do not fit the grammar at this point. The message says what
        the parser expected. At most 20 syntax errors are reported per file; the
        parser recovers at statement and declaration boundaries (decision 4).
        """,
      rule: """
        The grammar is in docs/language.md (grammar/ holds it as EBNF): Smallfoot 0.1,
        with the Heap-Hop and async extensions. Name resolution runs only on a
        file that parsed without error, so one typo does not cause a cascade
        of "undeclared" errors.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        main() {
          local x;
          x = ;
        }
        """#), output: #"""
        example.hop:3:7: error: expected an expression, found ';' [HH010]
         3 |   x = ;
           |       ^

        """#),
      fix: """
        Write what the message asks for; here the assignment needs an
        expression.
        """,
      fixed: .text(#"""
        main() {
          local x;
          x = 0;
        }
        """#)),

    DiagnosticPage(
      code: .nestingTooDeep, title: "a tree deeper than the parser's limit of 256 levels",
      meaning: """
        The file nests statements, parentheses or prefix operators, or builds
        an expression or formula, deeper than 256 levels. Each operator of a
        chain of `+`, `-`, `==`, ... counts one level; chains of `&&`, `||` and
        formula `*` are built balanced and count about log2 n. The caret is
        where the limit was passed, and parsing of the file stops there.
        """,
      rule: """
        Every stage after the parser walks trees recursively, so the parser
        refuses any tree deeper than 256 levels rather than let a later stage
        overflow its stack (decision 39). The limit is more than 4 times below
        the depth at which the first stage would overflow.
        """,
      example: .init(.check, file: "example.hop",
                     input: .shell(#"(echo 'main() {'; for i in $(seq 300); do echo '{'; done; for i in $(seq 300); do echo '}'; done; echo '}') > example.hop"#),
                     output: #"""
        example.hop:258:1: error: nesting is deeper than the limit of 256 levels [HH011]
         258 | {
             | ^
          note: hophop stopped parsing this file here; each operator of a chain of '+', '-', '==', ... counts one level: split the construct, e.g. with parentheses or a local variable

        """#),
      fix: """
        Split the deep part: move inner blocks into procedures of their own,
        or name intermediate values with local variables.
        """,
      fixed: .shell(#"(echo 'main() {'; for i in $(seq 100); do echo '{'; done; for i in $(seq 100); do echo '}'; done; echo '}') > example.hop"#)),

    DiagnosticPage(
      code: .wrongLayer, title: "a construct used in the wrong layer",
      meaning: """
        A construct of one layer of the language is used in the other: `post`
        or `delete` in a sync procedure, a call, `with` or a channel command in
        an async one, or `old(..)`, `valid(..)`, `pending_f(..)`, `e->f` or a
        quantifier in a program expression.
        """,
      rule: """
        Sync procedures are proved in separation logic, async procedures by
        rely/guarantee over a first-order state, and each construct has a
        meaning in one of them only (decision 6). The specification operators
        of the async layer describe states; they cannot be computed by a
        program.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        async worker() {
        }

        main() {
          post worker();
        }
        """#), output: #"""
        example.hop:5:3: error: 'post' is not allowed here [HH012]
         5 |   post worker();
           |   ^~~~~~~~~~~~~~
          note: 'post' may only appear in async procedures

        """#),
      fix: """
        Make the procedure `async` if it is to post events, or call a sync
        procedure instead.
        """,
      fixed: .text(#"""
        async worker() {
        }

        async main() {
          post worker();
        }
        """#)),

    DiagnosticPage(
      code: .invalidLiteral, title: "a number literal that is invalid where it is used",
      meaning: """
        Reserved for a number literal that cannot be used where it stands. No
        check of this version of hophop reports it: numbers are read into
        unbounded integers (GMP), so no literal overflows, in programs or in
        formulas. The code stays in the catalog so that it keeps its meaning.
        """,
      rule: """
        Numbers are decimal and `NULL` is a synonym for 0 (docs/language.md §1.1).
        Integer constants are arbitrary precision in the logic, in the prover
        and in the async encoding sent to Z3.
        """,
      example: nil,
      fix: """
        Nothing to fix: hophop never prints this code today.
        """),
  ]
}
