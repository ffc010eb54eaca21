@testable import HopRuntime
import HopSyntax
import Testing

/// First-order preconditions in concrete states: the shortcut over pending
/// instances agrees with trying every value of the domain.
@Suite struct AsyncFormulaTests {
  static let text = """
    global g;
    async main() { post f(1); }
    async f(a) { g = a; }
    async p1(a) [forall b. pending_f(b) ==> b > 0] { }
    async p2(a) [forall b. !pending_f(b) || b > 0] { }
    async e1(a) [exists b. pending_f(b) && b == g] { }
    async e2(a) [exists b. b == g && pending_f(b)] { }
    """

  func holds(_ name: String, pending values: [Int], g: Int) throws -> Bool {
    let program = try compiled(Self.text)
    let f = try #require(program.procedure(named: "f")).index
    let formula = AsyncFormula(program: program, heap: ConcreteHeap(fieldCount: program.fields.count), globals: [g],
                               pending: Set(values.map { [f, $0] }))
    return formula.precondition(of: try #require(program.procedure(named: name)), arguments: [0])
  }

  @Test(arguments: [[], [1], [1, -2], [3, 5], [0]])
  func theShortcutAgreesWithTheDomain(pending: [Int]) throws {
    for g in [0, 1, 3, -2] {
      #expect(try holds("p1", pending: pending, g: g) == holds("p2", pending: pending, g: g))
      #expect(try holds("e1", pending: pending, g: g) == holds("e2", pending: pending, g: g))
    }
    #expect(try holds("p1", pending: pending, g: 0) == pending.allSatisfy { $0 > 0 })
    #expect(try holds("e1", pending: pending, g: 1) == pending.contains(1))
  }
}
