import HopSyntax
import HopTestSupport
import Testing

/// The shape of the AST for each construct, and the precedence rules.
@Suite struct ParserTests {
  /// The printed form of the only statement of `f() { ... }`.
  func statement(_ text: String, async: Bool = false) -> String {
    let (_, result) = parseText((async ? "async f() { " : "f() { ") + text + " }")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    switch result.program.declarations.first {
    case .procedure(let p)?: return p.body.first.map { ASTDumper.dump($0, ranges: false) } ?? ""
    case .asyncProcedure(let p)?: return p.body.first.map { ASTDumper.dump($0, ranges: false) } ?? ""
    default: return ""
    }
  }

  /// The canonical text of the precondition of `f(...) [A] {}`.
  func assertion(_ text: String) -> String {
    let (_, result) = parseText("f() [\(text)] {}")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    guard case .procedure(let p)? = result.program.declarations.first, let pre = p.precondition else { return "" }
    return PrettyPrinter.assertion(pre)
  }

  func expression(_ text: String, table: OperatorPrecedence) -> Expression? {
    let (_, result) = parseText(table == .firstOrder ? "global x, y, z; async f() [\(text)] {}" : "f() { r = \(text); }")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    for declaration in result.program.declarations {
      if case .asyncProcedure(let p) = declaration { return p.precondition }
      if case .procedure(let p) = declaration, case .assign(_, let value)? = p.body.first?.kind { return value }
    }
    return nil
  }

  /// Fully parenthesised rendering, to see the grouping the parser chose.
  func grouping(_ e: Expression?) -> String {
    guard let e else { return "nil" }
    switch e.kind {
    case .binary(let op, let l, let r): return "(\(grouping(l)) \(op.rawValue) \(grouping(r)))"
    case .unary(let op, let x): return "\(op.rawValue)\(grouping(x))"
    case .quantified(let q, let vs, let body): return "\(q.rawValue) \(vs.map(\.name).joined()). \(grouping(body))"
    default: return PrettyPrinter.expression(e, .firstOrder)
    }
  }

  @Test func smallfootPrecedenceMakesStarAsLooseAsAnd() {
    #expect(grouping(expression("a * b == c", table: .smallfoot)) == "(a * (b == c))")
    #expect(grouping(expression("a + b * c", table: .smallfoot)) == "((a + b) * c)")
    #expect(grouping(expression("a - b - c ^ d", table: .smallfoot)) == "((a - b) - (c ^ d))")
    #expect(grouping(expression("a < b == c", table: .smallfoot)) == "((a < b) == c)")
  }

  @Test func firstOrderPrecedence() {
    #expect(grouping(expression("x + y * z == 1 && !x == y || z ==> x ==> y", table: .firstOrder))
            == "(((((x + (y * z)) == 1) && !(x == y)) || z) ==> (x ==> y))")
    #expect(grouping(expression("forall a. a > x ==> exists b. b == a", table: .firstOrder))
            == "forall a. ((a > x) ==> exists b. (b == a))")
  }

  @Test func firstOrderAtoms() {
    let e = expression("old(x) == y->f && valid(z) && !pending_g(x, 1) && posted_g(y, 2)", table: .firstOrder)
    #expect(PrettyPrinter.expression(e!, .firstOrder) == "old(x) == y->f && valid(z) && !pending_g(x, 1) && posted_g(y, 2)")
  }

  @Test func assignmentsLookupsAndMutations() {
    #expect(statement("x = y->tl;").hasPrefix("Statement.lookup"))
    #expect(statement("x = (y)->tl;").hasPrefix("Statement.lookup"))
    #expect(statement("x->tl = y;").hasPrefix("Statement.mutate"))
    #expect(statement("(x)->tl = y;").hasPrefix("Statement.mutate"))
    #expect(statement("x = new();").hasPrefix("Statement.allocate"))
    #expect(statement("x = y + 1;").hasPrefix("Statement.assign"))
    #expect(statement("dispose(x);").hasPrefix("Statement.dispose"))
    #expect(statement("x = *;", async: true).contains("Expression.nondeterministic"))
  }

  @Test func callsSplitReferenceAndValueArguments() {
    let call = statement("g(a, b; 1, 2);")
    #expect(call.contains("referenceArguments:\n      - Expression.variable"))
    #expect(statement("g(y;);").contains("hasSeparator: true"))
    #expect(statement("g(1, 2);").contains("referenceArguments: []"))
    #expect(statement("g(x) || h(;y);").hasPrefix("Statement.parallelCall"))
  }

  @Test func channelCommands() {
    #expect(statement("(e, f) = open(C);").hasPrefix("Statement.open"))
    #expect(statement("close(e, f);").hasPrefix("Statement.close"))
    #expect(statement("send(m, e, x);").hasPrefix("Statement.send"))
    #expect(statement("send(m, e);").contains("value: nil"))
    #expect(statement("x = receive(m, e);").contains("binding: x"))
    #expect(statement("receive(m, e);").contains("binding: nil"))
    let switchReceive = statement("switch receive { x = receive(a, e): { dispose x; } receive(b, f): y = 1; }")
    #expect(switchReceive.hasPrefix("Statement.switchReceive"))
    #expect(switchReceive.components(separatedBy: "ReceiveCase").count == 3)
  }

  @Test func contextualKeywordsAreNamesElsewhere() {
    #expect(statement("delete(x);").hasPrefix("Statement.call"))
    #expect(statement("delete f(x);", async: true).hasPrefix("Statement.delete"))
    #expect(statement("post f(x);", async: true).hasPrefix("Statement.post"))
    #expect(statement("post = old + val;").hasPrefix("Statement.assign"))
    #expect(parseDiagnostics("delete(f) [emp] { } [emp]\nmessage(x) {}") == [])
    #expect(parseDiagnostics("contract C { initial final state open { } }") == [])
  }

  @Test func pointsToForms() {
    #expect(assertion("x |-> hd: 1, tl: y") == "x |-> hd: 1, tl: y")
    #expect(assertion("x |-> y") == "x |-> tl: y")
    #expect(assertion("x |-> y, z") == "x |-> l: y, r: z")
    #expect(assertion("x |-> * y |->") == "x |-> * y |->")
    #expect(assertion("(x) |-> _a") == "x |-> tl: _a")
    #expect(assertion("x ^ y |-> z") == "(x ^ y) |-> tl: z")
  }

  @Test func endpointForms() {
    #expect(assertion("e |-> C{a}") == "e |-> C{a}")
    #expect(assertion("e |-> ~C{a, b}, peer: f") == "e |-> ~C{a, b}, peer: f")
    #expect(assertion("e |-> C{a}, pr: f * f |-> ~C{a}") == "e |-> C{a}, peer: f * f |-> ~C{a}")
  }

  @Test func predicatesKeepTheFieldsAsWritten() {
    #expect(assertion("list(x) * lseg(n; x, y) * tree(l; r; t) * dlseg(a, b, c, d)")
            == "list(x) * lseg(n; x, y) * tree(l; r; t) * dlseg(a, b, c, d)")
  }

  @Test func ifFormulaElseExtendsToTheRight() {
    let (_, result) = parseText("f() [if x == y then emp else list(x) * list(y)] {}")
    guard case .procedure(let p)? = result.program.declarations.first,
          case .conditional(_, _, let elseBranch)? = p.precondition?.kind else {
      Issue.record("expected a conditional formula")
      return
    }
    guard case .star = elseBranch.kind else {
      Issue.record("the else branch must take the whole 'list(x) * list(y)'")
      return
    }
    #expect(assertion("(if x == y then emp else list(x)) * list(y)") == "(if x == y then emp else list(x)) * list(y)")
  }

  @Test func parenthesisedFormulasAndTerms() {
    #expect(assertion("(x == y * (emp))") == "x == y * emp")
    #expect(assertion("(x) == (y)") == "x == y")
  }

  @Test func declarationsOfAllKinds() {
    let dump = dumpFirstDeclaration("contract C { initial state a { !m -> b; ?n -> a; } final state b {} }")
    #expect(dump.contains("isInitial: true"))
    #expect(dump.contains("direction: .receive"))
    #expect(dumpFirstDeclaration("message m [val |-> * val == src]").contains("MessageDecl"))
    #expect(dumpFirstDeclaration("resource r(a, b) [a |-> b]").contains("ResourceDecl"))
    #expect(dumpFirstDeclaration("global a, b;").contains("GlobalDecl"))
    #expect(dumpFirstDeclaration("async f(x) [x > 0] rely [true] guarantee [false] { local y; y = x; }")
              .contains("guarantee: Expression.boolean"))
    #expect(parseText("hd, tl;\nf() {}").result.program.fields?.map(\.name) == ["hd", "tl"])
  }

  @Test func loopInvariantsFollowTheLayer() {
    #expect(statement("while (x != NULL) [list(x)] x = x;").contains("invariant: .separation"))
    #expect(statement("while (x > 0) [x >= 0 && valid(x)] x = x - 1;", async: true).contains("invariant: .firstOrder"))
  }
}
