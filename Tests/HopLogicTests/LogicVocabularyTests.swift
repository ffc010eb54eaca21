import HopLogic
import HopTestSupport
import Testing

@Suite struct LogicVocabularyTests {
  @Test func bigIntegersAreExact() {
    let a = BigInteger("123456789012345678901234567890")!
    let b = BigInteger("987654321098765432109876543210")!
    #expect((a * b).description == "121932631137021795226185032733622923332237463801111263526900")
    #expect((a - b).signum == -1)
    #expect(BigInteger("12x") == nil)
    #expect(BigInteger("-0") == BigInteger(0))
  }

  @Test func conditionalFormulasAreDisjunctions() {
    let disjuncts = heaps("if x == NULL then emp else x |-> tl: y")
    #expect(disjuncts.map(\.description) == ["x == NULL", "x |-> tl: y * x != NULL"])
    #expect(heaps("false").isEmpty)
  }

  @Test func underscoreNamesAreExistential() {
    let heap = heap("x |-> tl: _n * list(_n)")
    #expect(heap.existentials == [Variable("_n")])
    #expect(heap.freeVariables == [Variable("x")])
    #expect(heap.description == "exists _n. x |-> tl: _n * list(tl; _n)")
  }

  @Test func substitutionLeavesExistentialsAlone() {
    let substituted = heap("x |-> tl: _n * lseg(_n, y)").substituting([Variable("x"): .v("z"), Variable("_n"): .v("w")])
    #expect(substituted.spatial.map(\.description) == ["z |-> tl: _n", "lseg(tl; _n, y)"])
  }

  @Test func defaultFieldsAreMadeExplicit() {
    #expect(heap("x |-> y").spatial == [.pointsTo(.v("x"), fields: ["tl": .v("y")])])
    #expect(heap("x |-> a, b").spatial == [.pointsTo(.v("x"), fields: ["l": .v("a"), "r": .v("b")])])
    #expect(heap("tree(t)").spatial == [.predicate(.tree, fields: ["l", "r"], arguments: [.v("t")])])
  }
}
