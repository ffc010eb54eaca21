import HopAsync
import HopLogic
import HopProver
@testable import HopRuntime
import HopSyntax
import Testing

/// Issue 23: one meaning of expressions. Random expressions (seeded), with negative
/// division, remainders, zero divisors and values near ±2^63, evaluated by the three
/// instances of `ExpressionSemantics` agree: the concrete value (`ConcreteDomain`, and
/// the interpreter's compiled walk), the sync checker's terms (`TermDomain`, decided by
/// Z3 through `Z3PureSolver`) and the async checker's SMT terms (`SMTExpressionDomain`,
/// through `AsyncChecker`).
@Suite struct ExpressionDifferentialTests {
  /// What the concrete domain says.
  enum Outcome: Equatable {
    case value(Int)
    case truth(Bool)
    case divisionByZero
    case rangeExceeded
    /// What a run ended with when it is none of the above.
    case other(String)
  }

  static let maximum = "9223372036854775807"

  @Test func theThreeDomainsAgree() throws {
    var random = SeededRandom(seed: 23)
    var counts: [String: Int] = [:]
    let solver = Z3PureSolver()
    for index in 0..<200 {
      var generator = RandomExpression(random: random)
      let isCondition = index % 2 == 1
      let expression = isCondition ? generator.condition(3) : generator.number(3)
      let (a, b) = (generator.value(), generator.value())
      random = generator.random
      let outcome = Self.concrete(expression, isCondition: isCondition, a: a, b: b)
      counts["\(outcome)".prefix(while: { $0 != "(" }).description, default: 0] += 1
      let shown = PrettyPrinter.expression(expression, .smallfoot)
      #expect(try Self.run(expression, isCondition: isCondition, a: a, b: b) == outcome, "run: \(shown), a = \(a), b = \(b)")
      if outcome == .rangeExceeded { continue }
      #expect(Self.sync(expression, isCondition: isCondition, a: a, b: b, outcome, solver), "sync: \(shown), a = \(a), b = \(b)")
      #expect(Self.async(expression, isCondition: isCondition, a: a, b: b, outcome), "async: \(shown), a = \(a), b = \(b)")
    }
    // Every kind of outcome was met.
    #expect(counts.keys.sorted() == ["divisionByZero", "rangeExceeded", "truth", "value"], "\(counts)")
  }

  static func concrete(_ expression: Expression, isCondition: Bool, a: Int, b: Int) -> Outcome {
    var domain = ConcreteDomain { ["a": a, "b": b][$0] }
    do {
      return isCondition ? .truth(try ExpressionSemantics.truth(expression, in: &domain))
        : .value(try ExpressionSemantics.number(expression, in: &domain))
    } catch ConcreteStop.divisionByZero {
      return .divisionByZero
    } catch {
      return .rangeExceeded
    }
  }

  /// The interpreter's compiled walk, in a run of a program that computes the expression.
  static func run(_ expression: Expression, isCondition: Bool, a: Int, b: Int) throws -> Outcome {
    let text = PrettyPrinter.expression(expression, .smallfoot)
    let body = isCondition ? "if (\(text)) { k = 1; } else { k = 0; }" : "k = \(text);"
    let program = "main() [emp] { local a, b, k; a = \(literal(a)); b = \(literal(b)); \(body) }  [emp]"
    let outcome = Interpreter.run(program: try compiled(program), procedure: "main", seed: 1)
    switch outcome.result {
    case .rangeExceeded: return .rangeExceeded
    case .fault(let fault) where fault.kind == .divisionByZero: return .divisionByZero
    case .completed:
      // The value itself is not observable; a completed run agrees with a value or a truth.
      let expected = concrete(expression, isCondition: isCondition, a: a, b: b)
      switch expected {
      case .value, .truth: return expected
      default: return .other("completed")
      }
    default: return .other("\(outcome.result)")
    }
  }

  /// The sync checker's reading: obligations and the term, decided by Z3 from `a == va, b == vb`.
  static func sync(_ expression: Expression, isCondition: Bool, a: Int, b: Int, _ outcome: Outcome,
                   _ solver: Z3PureSolver) -> Bool {
    var domain = TermDomain(strict: false)
    let facts: [PureAtom] = [.equal(.v("a"), .integer(BigInteger(a))), .equal(.v("b"), .integer(BigInteger(b)))]
    let value = isCondition ? ExpressionValue<Term?, CaseSplit>.truth((try? ExpressionSemantics.truth(expression, in: &domain)) ?? .unknown)
      : .number((try? ExpressionSemantics.number(expression, in: &domain)) ?? nil)
    let zero = domain.obligations.contains { obligation in
      guard let divisor = obligation.divisor else { return true }
      return obligation.guardCases.contains { solver.satisfiability(of: facts + $0 + [.equal(divisor, .int(0))]) != .unsatisfiable }
    }
    switch (outcome, value) {
    case (.divisionByZero, _): return zero
    case (.value(let expected), .number(let term?)):
      return !zero && solver.verdict(facts, entail: .equal(term, .integer(BigInteger(expected)))) == .proved
    case (.truth(let expected), .truth(let split)):
      let possible = { (cases: [[PureAtom]]) in cases.contains { solver.satisfiability(of: facts + $0) == .satisfiable } }
      return !zero && possible(split.whenTrue) == expected && possible(split.whenFalse) == !expected
    default: return false
    }
  }

  /// The async checker's reading: a guarantee that the value is the concrete one, or HH211.
  static func async(_ expression: Expression, isCondition: Bool, a: Int, b: Int, _ outcome: Outcome) -> Bool {
    let text = PrettyPrinter.expression(expression, .firstOrder)
    let body = isCondition ? "if (\(text)) { g = 1; } else { g = 0; }" : "g = \(text);"
    let expected = switch outcome {
    case .value(let value): literal(value)
    case .truth(let value): value ? "1" : "0"
    default: "0"
    }
    let program = """
      global g;
      async main() { }
      async f(a, b) [a == \(literal(a)) && b == \(literal(b))] guarantee [g == \(expected)] { \(body) }
      """
    let front = Frontend.analyze(SourceFile(path: "t.hop", text: program))
    guard front.isUsable else { return false }
    let codes = AsyncChecker.check(front.program).diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)
    return outcome == .divisionByZero ? codes.contains("HH211") : codes.isEmpty
  }

  /// A number as program text (the least one has no literal).
  static func literal(_ value: Int) -> String {
    value == Int.min ? "(-\(maximum) - 1)" : value < 0 ? "(\(value))" : "\(value)"
  }
}

/// Random arithmetic expressions over `a` and `b`, and conditions over them.
struct RandomExpression {
  var random: SeededRandom

  static let values = [0, 1, 2, 3, 7, -1, -2, -3, -7, Int.max, Int.max - 1, Int.min, Int.min + 1, 4_611_686_018_427_387_904]

  mutating func value() -> Int { Self.values[random.below(Self.values.count)] }

  static func make(_ kind: Expression.Kind) -> Expression { Expression(kind, range: .point(0)) }

  mutating func number(_ depth: Int) -> Expression {
    if depth == 0 || random.oneIn(4) {
      switch random.below(4) {
      case 0: return Self.make(.variable(Identifier("a", range: .point(0))))
      case 1: return Self.make(.variable(Identifier("b", range: .point(0))))
      default:
        let value = value()
        if value == Int.min {
          return Self.make(.binary(.minus, Self.make(.unary(.negate, Self.make(.integer(ExpressionDifferentialTests.maximum)))),
                                   Self.make(.integer("1"))))
        }
        let digits = Self.make(.integer(String(value.magnitude)))
        return value < 0 ? Self.make(.unary(.negate, digits)) : digits
      }
    }
    if random.oneIn(8) { return Self.make(.unary(.negate, number(depth - 1))) }
    let ops: [BinaryOperator] = [.plus, .minus, .times, .divide, .modulo, .divide, .modulo]
    return Self.make(.binary(ops[random.below(ops.count)], number(depth - 1), number(depth - 1)))
  }

  mutating func condition(_ depth: Int) -> Expression {
    if depth == 0 || random.oneIn(3) {
      let ops: [BinaryOperator] = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]
      return Self.make(.binary(ops[random.below(ops.count)], number(2), number(2)))
    }
    switch random.below(3) {
    case 0: return Self.make(.unary(.not, condition(depth - 1)))
    case 1: return Self.make(.binary(.and, condition(depth - 1), condition(depth - 1)))
    default: return Self.make(.binary(.or, condition(depth - 1), condition(depth - 1)))
    }
  }
}
