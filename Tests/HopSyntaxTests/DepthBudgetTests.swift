import HopSyntax
import HopTestSupport
import Testing

/// The depth budget (docs/decisions.md, "depth budget"): long chains of a
/// left-grouping operator stop with HH011 at the operator that passes the
/// limit, while chains of `&&`, `||` and formula `*` of any length are
/// accepted, built balanced, and printed flat.
@Suite struct DepthBudgetTests {
  /// Far over the limit; the 100,000-long chains of every subcommand are in HopDriverTests.
  static let length = 20_000

  static func chain(_ op: String, _ atom: String, _ count: Int = length) -> String {
    Array(repeating: atom, count: count).joined(separator: " \(op) ")
  }

  /// A file with `expression` as a program expression (sync) or a precondition (async).
  static func file(_ expression: String, async: Bool) -> String {
    async ? "global g;\nasync f(x) [\(expression)] { g = 1; }\n" : "f(x) [emp] { x = \(expression); } [emp]\n"
  }

  /// Operators that group to the left, each with the layers it exists in.
  static let leaningOperators: [(op: String, async: Bool)] =
    ["+", "-", "/", "%", "^", "==", "!=", "<"].map { ($0, false) }
    + ["+", "-", "*", "/", "%", "==", "!=", "<"].map { ($0, true) }

  @Test(arguments: leaningOperators)
  func aLongChainStopsAtTheOperatorThatPassesTheLimit(op: String, async: Bool) {
    let (file, result) = parseText(Self.file(Self.chain(op, "x"), async: async))
    #expect(result.diagnostics.map(\.code) == [.nestingTooDeep])
    guard let diagnostic = result.diagnostics.first else { return }
    #expect(diagnostic.message.contains("\(Parser.maximumDepth)"))
    #expect(file.text(of: diagnostic.range) == op, "the caret is on an operator of the chain")
    // The operator that passed the limit, not one at the end of the chain.
    let operatorsBefore = file.text(of: SourceRange(start: 0, end: diagnostic.range.start))
      .components(separatedBy: " \(op) ").count - 1
    #expect(operatorsBefore < Parser.maximumDepth && operatorsBefore > Parser.maximumDepth - 10)
  }

  @Test func aLongChainOfTermsInAFormulaStopsToo() {
    for op in ["+", "-", "/", "%", "^"] {
      let (_, result) = parseText("f(x) [x |-> \(Self.chain(op, "x"))] { } [emp]")
      #expect(result.diagnostics.map(\.code) == [.nestingTooDeep], "\(op)")
    }
  }

  @Test func aLongChainOfFieldReadsStops() {
    let text = "async f(x) [x" + String(repeating: "->f", count: Self.length) + " == 0] { }"
    #expect(parseDiagnostics(text).map { $0.prefix(5) } == ["HH011"])
  }

  @Test func deepPrefixOperatorsAndParenthesesStop() {
    let count = Self.length
    for text in [
      Self.file(String(repeating: "- ", count: count) + "x", async: false),
      Self.file(String(repeating: "!", count: count) + "x", async: false),
      Self.file(String(repeating: "!", count: count) + "x", async: true),
      Self.file(String(repeating: "(", count: count) + "x" + String(repeating: ")", count: count), async: true),
      "f(x) [" + String(repeating: "(", count: count) + "emp" + String(repeating: ")", count: count) + "] { } [emp]",
    ] {
      #expect(parseDiagnostics(text).map { $0.prefix(5) } == ["HH011"])
    }
  }

  @Test func aChainWellUnderTheLimitIsAcceptedAndRoundTrips() throws {
    let text = Self.file(Self.chain("-", "x", Parser.maximumDepth - 20), async: false)
    let (_, result) = parseText(text)
    #expect(result.diagnostics.isEmpty)
    let printed = PrettyPrinter.print(result.program)
    #expect(printed == text.replacingOccurrences(of: "{ x", with: "{\n  x").replacingOccurrences(of: "; }", with: ";\n}"))
  }

  /// `&&` and `||` in both layers, and the separating `*` of formulas.
  static let balancedChains: [String: String] = [
    "sync &&": file(chain("&&", "x == 1"), async: false), "sync ||": file(chain("||", "x"), async: false),
    "async &&": file(chain("&&", "x > 0"), async: true), "async ||": file(chain("||", "x > 0"), async: true),
    "formula *": "f(x) [" + chain("*", "emp") + "] { } [emp]\n",
  ]

  @Test(arguments: balancedChains.keys.sorted())
  func aLongChainOfAnAssociativeOperatorIsAcceptedBalanced(name: String) throws {
    let (_, result) = parseText(try #require(Self.balancedChains[name]))
    #expect(result.diagnostics.isEmpty)
    let heights = Self.heights(result.program)
    #expect(!heights.isEmpty && heights.allSatisfy { $0 <= 40 }, "\(heights)")
    // Printed flat, and printing what that parses to gives the same text.
    let printed = PrettyPrinter.print(result.program)
    #expect(printed.filter { $0 == "(" }.count == 1, "only the parameter list's")
    let reparsed = Parser.parse(SourceFile(path: "printed", text: printed))
    #expect(reparsed.diagnostics.isEmpty)
    #expect(Self.heights(reparsed.program) == heights)
    #expect(PrettyPrinter.print(reparsed.program) == printed)
  }

  @Test func chainsRoundTripWhateverTheirParentheses() {
    for (grouped, flat) in [
      ("a && (b && c) && (d && (e || f))", "a && b && c && d && (e || f)"),
      ("(a || b) || (c || (d || e))", "a || b || c || d || e"),
    ] {
      for async in [false, true] {
        let first = parseText(Self.file(grouped, async: async)).result
        let second = parseText(Self.file(flat, async: async)).result
        #expect(first.diagnostics.isEmpty && second.diagnostics.isEmpty)
        #expect(ASTDumper.dump(first.program, ranges: false) == ASTDumper.dump(second.program, ranges: false))
        #expect(PrettyPrinter.print(first.program) == PrettyPrinter.print(second.program))
        #expect(PrettyPrinter.print(first.program).contains(flat))
      }
    }
    let grouped = parseText("f() [(emp * emp) * (emp * (x |-> * emp))] { } [emp]").result
    let flat = parseText("f() [emp * emp * emp * x |-> * emp] { } [emp]").result
    #expect(ASTDumper.dump(grouped.program, ranges: false) == ASTDumper.dump(flat.program, ranges: false))
  }

  @Test func longChainsWithParenthesesRoundTripExactly() {
    // Runs longer than `leftLeaningRun` are split; the printed text must parse back to the same tree.
    let inner = Self.chain("&&", "y", 40)
    let text = Self.file(Self.chain("&&", "x", 30) + " && (\(inner)) && (a || b) && " + Self.chain("&&", "z", 25),
                         async: true)
    let first = parseText(text).result
    let printed = PrettyPrinter.print(first.program)
    let second = Parser.parse(SourceFile(path: "printed", text: printed))
    #expect(first.diagnostics.isEmpty && second.diagnostics.isEmpty)
    #expect(ASTDumper.dump(first.program, ranges: false) == ASTDumper.dump(second.program, ranges: false))
  }

  @Test func shortChainsLeanLeftAsWritten() throws {
    let parsed = Parser.parse(SourceFile(path: "t", text: Self.file("a && b && c", async: true)))
    guard case .asyncProcedure(let procedure) = try #require(parsed.program.declarations.last) else {
      Issue.record("no async procedure")
      return
    }
    func variable(_ name: String) -> Expression { Expression(.variable(Identifier(name, range: .point(0))), range: .point(0)) }
    func and(_ l: Expression, _ r: Expression) -> Expression { Expression(.binary(.and, l, r), range: .point(0)) }
    let precondition = try #require(procedure.precondition)
    #expect(ASTDumper.dump(precondition, ranges: false)
            == ASTDumper.dump(and(and(variable("a"), variable("b")), variable("c")), ranges: false))
  }

  @Test func operatorsOfOneLevelKeepTheirGrouping() {
    // In Smallfoot's table `*` (product) is as loose as `&&`, and groups to the left with it.
    for source in ["a && b * c && d", "a && (b * c) && d", "(a && b) * c", "a * (b && c)"] {
      let first = parseText(Self.file(source, async: false)).result
      let printed = PrettyPrinter.print(first.program)
      let second = Parser.parse(SourceFile(path: "printed", text: printed))
      #expect(first.diagnostics.isEmpty && second.diagnostics.isEmpty)
      #expect(ASTDumper.dump(first.program, ranges: false) == ASTDumper.dump(second.program, ranges: false),
              "\(source) printed as \(printed)")
    }
  }

  @Test func heightIsKeptUpToDate() {
    let one = Expression(.integer("1"), range: .point(0))
    var sum = Expression(.binary(.plus, one, Expression(.binary(.plus, one, one), range: .point(0))), range: .point(0))
    #expect(one.height == 1 && sum.height == 3)
    sum.kind = .unary(.negate, one)
    #expect(sum.height == 2)
    let star = Assertion(.star(Assertion(.emp, range: .point(0)), Assertion(.pointsTo(sum, fields: []), range: .point(0))),
                         range: .point(0))
    #expect(star.height == 4)
  }

  /// The height of every specification and statement expression of a program.
  static func heights(_ program: Program) -> [Int] {
    var result: [Int] = []
    for declaration in program.declarations {
      switch declaration {
      case .procedure(let p):
        if let a = p.precondition { result.append(a.height) }
        for statement in p.body {
          if case .assign(_, let e) = statement.kind { result.append(e.height) }
        }
      case .asyncProcedure(let p):
        if let e = p.precondition { result.append(e.height) }
      default:
        break
      }
    }
    return result
  }
}
